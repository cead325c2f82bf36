"""Markdown snippets from quiz files (prompts, options, feedback) as safe HTML.

They go through the site's own Markdown configuration (``mkdocs.yml``'s
``markdown_extensions`` and their settings, set for each build by :func:`use`) and
hocvuso's extension (markdown_extension.py: marked terms as plain words, sanitised),
so a ``??? note`` or a table in an explanation shows on the page and in a handout as it
would in a lesson.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from markupsafe import Markup

from .markdown_extension import Hocvuso
from .sanitize import clean_fragment

_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.S)
DEFAULT_EXTENSIONS = ["attr_list", "tables", "sane_lists"]  # before any build has said
# Extensions that leave a plain line of words (below) as Markdown itself would: the
# quick path is taken only when the site uses none but these. Others change such a line
# (smarty's quotes, magiclink's bare addresses, arithmatex's $x$).
_LEAVE_PLAIN_LINES = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "fenced_code", "footnotes", "legacy_attrs",
    "md_in_html", "meta", "nl2br", "sane_lists", "tables", "toc", "wikilinks",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite",
    "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.mark", "pymdownx.emoji",
    "pymdownx.saneheaders", "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab",
})
# One converter for every snippet: setting up Markdown costs far more than a short text.
_MARKDOWN = markdown.Markdown(extensions=[*DEFAULT_EXTENSIONS, Hocvuso()])
_plain_lines_kept = True


def use(extensions: list, configs: dict) -> None:
    """Quiz texts from now on through these extensions (names as MkDocs lists them, and
    their settings by name): the site's own, for each build."""
    global _MARKDOWN, _plain_lines_kept
    _MARKDOWN = markdown.Markdown(extensions=[*extensions, Hocvuso()], extension_configs=dict(configs))
    _plain_lines_kept = all(isinstance(name, str) and name.removeprefix("markdown.extensions.")
                            in _LEAVE_PLAIN_LINES for name in extensions)
    block.cache_clear()


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
    if _plain_lines_kept and _PLAIN_LINE.fullmatch(text):
        return Markup(clean_fragment(f"<p>{text}</p>"))
    return Markup(markdown_block(text))


def markdown_block(text: str) -> str:
    """``text`` through Markdown, sanitised, marked terms as their plain words (the
    meaning lists belong to lessons)."""
    return _MARKDOWN.reset().convert(text)


def inline(text: str | None) -> Markup:
    """Markdown without the paragraph around it, for labels and options."""
    html = str(block(text))
    one = _ONE_PARAGRAPH.match(html)
    return Markup(one[1] if one and "<p>" not in one[1] else html)
