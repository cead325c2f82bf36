"""Markdown snippets from quiz files (prompts, options, feedback) as safe HTML."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from markupsafe import Markup

from .glossary import plain_terms
from .sanitize import clean_fragment

_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
# One converter for every snippet: setting up Markdown costs far more than a short text.
_MARKDOWN = markdown.Markdown(extensions=["attr_list", "tables", "sane_lists"])


@lru_cache(maxsize=4096)
def block(text: str | None) -> Markup:
    if not text:
        return Markup("")
    # A marked term shows as its plain words: the meaning lists belong to lessons.
    html = _MARKDOWN.reset().convert(plain_terms(text))
    return Markup(clean_fragment(html))


def inline(text: str | None) -> Markup:
    """Markdown without the paragraph around it, for labels and options."""
    html = str(block(text))
    one = _ONE_PARAGRAPH.match(html)
    return Markup(one[1] if one and "<p>" not in one[1] else html)
