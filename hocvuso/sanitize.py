"""Author-written HTML is untrusted: clean it before it reaches a learner's page.

Markdown lets authors write raw HTML, and lesson files may come from many hands. After
rendering, the part of each page that came from an author's file (between two markers
that carry a per-build secret, so a lesson cannot forge them) goes through nh3, a
maintained allow-list sanitiser: no scripts, event handlers, styles, frames, forms or
``javascript:`` URLs survive. Everything around it comes from our own templates.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import nh3

# What Markdown, its common extensions (admonition, details, tables, toc, attr_list,
# def_list) and pygments produce, and nothing that runs code.
TAGS = set(nh3.ALLOWED_TAGS) - {"map", "area", "center", "acronym", "strike", "tt"}
ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "width", "height", "title", "loading"},
    "details": {"open"},
    "ol": {"start", "type"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def new_marker() -> str:
    """A marker no author can guess: it changes with every build."""
    return f"hv-author-{secrets.token_hex(8)}"


def clean_fragment(html: str) -> str:
    # No rel="noopener noreferrer" on every link: ``target`` is not allowed, so no link
    # opens a window that could reach back, and browsers send other sites only our
    # origin by default. The bytes go to lesson text instead (pages are weighed).
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def clean_page(html: str, marker: str) -> str:
    """Sanitise every author region of a built page, marked ``<!--m-->…<!--/m-->``."""
    region = re.compile(f"<!--{marker}-->(.*?)<!--/{marker}-->", re.S)
    return region.sub(lambda found: clean_fragment(found[1]), html)


def clean_site(site_dir: Path, marker: str) -> None:
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if marker in text:
            page.write_text(clean_page(text, marker), encoding="utf-8")
