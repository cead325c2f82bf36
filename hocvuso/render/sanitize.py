"""Author-written HTML is untrusted: clean it before it reaches a learner's page.

Markdown lets authors write raw HTML, and lesson files may come from many hands. What
Markdown made of an author's text goes through nh3, a maintained allow-list sanitiser,
as the last step of every conversion (render/markdown_extension.py), before the theme
wraps it into a page: no scripts, event handlers, styles, frames, forms or
``javascript:`` URLs survive. Everything around it comes from our own templates, which
escape what they print; the one piece of ours inside it, the quiz, goes in afterwards.
"""

from __future__ import annotations

from pathlib import Path

import nh3

# What Markdown, its common extensions (admonition, details, tables, toc, attr_list,
# def_list), pygments and hocvuso's own extension (pictures, players) produce, and
# nothing that runs code.
TAGS = set(nh3.ALLOWED_TAGS) - {"map", "area", "center", "acronym", "strike", "tt"} | {"picture", "source", "audio"}
ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "width", "height", "title", "loading", "decoding"},
    "source": {"srcset", "type"},
    "audio": {"controls", "preload", "src", "aria-label"},
    "details": {"open"},
    "ol": {"start", "type"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_fragment(html: str, *, files_in: Path | None = None) -> str:
    """``html`` made safe; ``files_in``: for print, pictures may also be files in this
    folder (the course's content), named by ``file:`` addresses, and none elsewhere."""
    # No rel="noopener noreferrer" on every link: ``target`` is not allowed, so no link
    # opens a window that could reach back, and browsers send other sites only our
    # origin by default. The bytes go to lesson text instead (pages are weighed).
    if files_in is None:
        return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)
    folder = files_in.resolve().as_uri().rstrip("/") + "/"

    def in_folder(tag: str, attribute: str, value: str) -> str | None:
        if value.lower().startswith("file:") and not (tag == "img" and attribute == "src" and
                                                      value.startswith(folder) and "/../" not in value):
            return None
        return value

    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES | {"file"}, link_rel=None,
                     attribute_filter=in_folder)
