"""Each built page finished once, in memory, as MkDocs hands it over to be written.

MkDocs renders a page's Markdown, then wraps it in the theme. The Markdown goes through
hocvuso's extension (markdown_extension.py), told here what the page needs: its
pictures, recordings, glossary and quiz. It comes out right, sanitised, with its quiz
in place; its text, before the quiz, comes back here (:meth:`Finisher.content`) to be
checked for a trainer note that slipped through and to feed the search index. Once the
theme has wrapped it, the templates' indentation goes, and the page is held until the
stylesheet is trimmed to what every page uses, then written once (:attr:`Finisher.held`).

MkDocs renders every page's Markdown before it fills any template, and the index is
built in between (:meth:`Finisher.all_read`), so the search page is drawn knowing where
it is. What needs every written page (the weights and the offline lists) runs after that,
over the written site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.glossary import Glossary
from ..model.recordings import Recording
from .compact import compact_html
from .markdown_extension import Rendering
from ..output.css_purge import Purged
from ..output.images import Processed
from ..problems import Problems
from .trainer_notes import check_learner_page

if TYPE_CHECKING:
    from ..output.search import SearchIndexer


@dataclass
class Finisher:
    """What finishing a page needs to know about the course; called with each page."""

    quizzes: dict[str, Callable[[Mapping[str, Processed]], str]]  # site path -> its quiz's HTML, given the pictures
    images: dict[str, Processed]  # site path of a picture -> its WebP and fallback
    recordings: list[Recording]
    sources: dict[str, tuple[Path, bool]]  # site path -> the author's file, and whether it is a lesson
    glossary: Glossary
    glossary_page: str  # the glossary's Markdown path: MkDocs links it as it links every page
    problems: Problems
    search: SearchIndexer | None = None
    # A full build holds its finished pages here, to be written once the stylesheet is
    # trimmed to what they all use (output/css_purge.py); afterwards (the live preview),
    # a page built again is written by MkDocs at once, linked to the trimmed stylesheet.
    held: dict[str, str] = field(default_factory=dict)  # site path -> HTML
    purged: Purged | None = None

    def rendering(self, path: str) -> Rendering:
        """What the Markdown of the page at site path ``path`` is rendered with."""
        source = self.sources.get(path)
        lesson = bool(source and source[1])
        quiz = self.quizzes.get(path)
        return Rendering(
            page=path, glossary=self.glossary, learner=lesson,
            # A lesson lists the terms it uses; an intro's lead to the glossary.
            terms_page="" if lesson else posixpath.relpath(self.glossary_page, posixpath.dirname(path) or "."),
            images=self.images, recordings={r.path: r.size for r in self.recordings if r.page == path},
            quiz=quiz(self.images) if quiz else "", collect=partial(self.content, path))

    def content(self, path: str, html: str) -> None:
        """A page's own HTML at site path ``path``, sanitised, before its quiz goes in."""
        source = self.sources.get(path)
        if source:
            check_learner_page(html, source[0], lesson=source[1], problems=self.problems)
        if self.search:
            self.search.read(path, html)

    def all_read(self) -> None:
        """Every page's Markdown is rendered; no template is filled yet."""
        if self.search:
            self.search.build()

    def page(self, path: str, html: str) -> str:
        """The finished page at site path ``path``, for MkDocs to write ("": nothing)."""
        return self._finished(path, compact_html(html))

    def template(self, name: str, html: str) -> str:
        """A page made from a template alone (404.html)."""
        return self._finished(name, compact_html(html)) if name.endswith(".html") else html

    def _finished(self, path: str, html: str) -> str:
        if self.purged:
            return self.purged.links(html)
        self.held[path] = html
        return ""  # MkDocs writes no empty page
