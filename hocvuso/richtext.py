"""Markdown snippets from quiz files (prompts, options, feedback) as safe HTML."""

from __future__ import annotations

import re

import markdown
from markupsafe import Markup

from .sanitize import clean_fragment

_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)


def block(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = markdown.markdown(text, extensions=["attr_list", "tables", "sane_lists"])
    return Markup(clean_fragment(html))


def inline(text: str | None) -> Markup:
    """Markdown without the paragraph around it, for labels and options."""
    html = str(block(text))
    one = _ONE_PARAGRAPH.match(html)
    return Markup(one[1] if one and "<p>" not in one[1] else html)
