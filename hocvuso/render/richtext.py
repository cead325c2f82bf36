"""Markdown snippets from quiz files (prompts, options, feedback) as safe HTML."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from markupsafe import Markup

from ..model.glossary import plain_terms
from .sanitize import clean_fragment

_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
# One converter for every snippet: setting up Markdown costs far more than a short text.
_MARKDOWN = markdown.Markdown(extensions=["attr_list", "tables", "sane_lists"])


# One line of words that Markdown would leave as it is: no character Markdown reads
# (emphasis, links, code, HTML, entities, headings, tables, escapes), and nothing at the
# start that opens a list, a quote or a code block. Most quiz texts are such a line, and
# wrapping it in <p> is what Markdown would do, twenty times faster (tests/test_quiz_model.py
# checks the two agree on every bundled quiz text).
_PLAIN_LINE = re.compile(r"(?![\s\d+>-])[^\\`*_\[\]<>&#!|~=:\n\r\t\f\v]*(?<=\S)")


@lru_cache(maxsize=4096)
def block(text: str | None) -> Markup:
    if not text:
        return Markup("")
    if _PLAIN_LINE.fullmatch(text):
        return Markup(clean_fragment(f"<p>{text}</p>"))
    return Markup(clean_fragment(markdown_block(text)))


def markdown_block(text: str) -> str:
    """``text`` through Markdown, marked terms as their plain words (the meaning lists
    belong to lessons); not sanitised."""
    return _MARKDOWN.reset().convert(plain_terms(text))


def inline(text: str | None) -> Markup:
    """Markdown without the paragraph around it, for labels and options."""
    html = str(block(text))
    one = _ONE_PARAGRAPH.match(html)
    return Markup(one[1] if one and "<p>" not in one[1] else html)
