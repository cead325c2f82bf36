"""SVG pictures: published only when they cannot run script.

Shown with ``<img>``, an SVG never runs script; but it is also a file of the site that
anyone can open on its own, and then its script runs in the course's origin, where it
could rewrite every learner's saved progress. So a drawing is published only if it
holds nothing but drawing: SVG elements from an allow-list (plus the metadata editors
such as Inkscape write), no event attributes, no links other than to its own parts,
and no style that fetches anything.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Editors' metadata: never rendered, never run.
METADATA_NAMESPACES = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
)
DRAWING = frozenset("""
svg g defs symbol use path rect circle ellipse line polyline polygon text tspan textPath title desc
metadata linearGradient radialGradient stop clipPath mask pattern marker filter style switch
feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting
feSpotLight feTile feTurbulence
""".split())
_FETCHES = re.compile(r"@import|url\(\s*['\"]?(?!#)", re.I)


def unsafe_reason(path: Path) -> str | None:
    """Why the SVG at ``path`` may not be published, or None when it is only a drawing."""
    data = path.read_bytes()
    if b"<?xml-stylesheet" in data:  # an XSLT sheet can turn the file into a page with script
        return "có dòng <?xml-stylesheet …?>"
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError) as error:
        return f"không đọc được tệp SVG ({error})"
    for element in root.iter():
        namespace, name = _split(element.tag)
        if namespace in METADATA_NAMESPACES:
            continue
        if namespace != SVG or name not in DRAWING:
            return f"có phần tử <{name}>, không phải hình vẽ"
        for attribute, value in element.attrib.items():
            attr_namespace, attr = _split(attribute)
            if attr.lower().startswith("on"):
                return f"có thuộc tính {attr} (chạy mã khi mở tệp)"
            if attr == "href" and attr_namespace in ("", XLINK) and not value.strip().startswith("#"):
                return f"có liên kết tới '{value[:60]}'"
            if _FETCHES.search(value):
                return f"thuộc tính {attr} tải tệp khác"
        if name == "style" and _FETCHES.search(element.text or ""):
            return "phần <style> tải tệp khác"
    return None


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag
