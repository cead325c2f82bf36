"""hocvuso: a static-site course generator for Vietnam's *Bình dân học vụ số* movement.

The content model, validation and page generation are plain Python; MkDocs with
Material is only the renderer behind :mod:`hocvuso.mkdocs_adapter`.
"""

__version__ = "0.1.0"
