"""Build the course: ``python build.py`` (also ``serve``, ``check``; ``--help``)."""

import sys

from hocvuso.cli import main

if __name__ == "__main__":
    sys.exit(main())
