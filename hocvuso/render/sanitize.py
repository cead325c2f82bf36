"""Author-written HTML is untrusted: clean it before it reaches a learner's page.

Markdown lets authors write raw HTML, and lesson files may come from many hands. What
Markdown made of an author's file goes through nh3, a maintained allow-list sanitiser,
before the theme wraps it into a page (mkdocs_adapter's on_page_content): no scripts,
event handlers, styles, frames, forms or ``javascript:`` URLs survive. Everything
around it comes from our own templates, which escape what they print.
"""

from __future__ import annotations

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


def clean_fragment(html: str) -> str:
    # No rel="noopener noreferrer" on every link: ``target`` is not allowed, so no link
    # opens a window that could reach back, and browsers send other sites only our
    # origin by default. The bytes go to lesson text instead (pages are weighed).
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
