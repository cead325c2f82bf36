"""Each built page finished once, in memory, as MkDocs hands it over to be written.

MkDocs renders a page's Markdown, then wraps it in the theme. Between the two, the
author's part is sanitised (:func:`sanitize.clean_fragment`: nothing an author wrote can
run). Once the theme has wrapped it, what hocvuso adds to the page is done here, in one
pass over the page's text: the quiz goes into its slot, pictures point at their WebP
and sized fallback, recordings become players, a trainer note that slipped through stops
the build, and the templates' indentation goes. The page is then written once.

Each lesson's own HTML, sanitised, also feeds the search index as it is rendered; MkDocs
renders every page's Markdown before it fills any template, and the index is built in
between (:meth:`Finisher.all_read`), so the search page is drawn knowing where it is.
What needs every finished page (the stylesheet trimmed to the classes the pages use, the
weights and the offline lists) runs after MkDocs, over the written site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.recordings import Recording, player_tags
from .compact import compact_html
from ..output.images import Processed, picture_tags
from ..problems import Problems
from ..quiz.bundles import fill_slot
from .trainer_notes import check_learner_page

if TYPE_CHECKING:
    from ..output.search import SearchIndexer


@dataclass
class Finisher:
    """What finishing a page needs to know about the course; called with each page."""

    quiz_html: dict[str, str]  # site path -> the quiz that goes into its slot
    images: dict[str, Processed]  # site path of a picture -> its WebP and fallback
    recordings: list[Recording]
    sources: dict[str, tuple[Path, bool]]  # site path -> the author's file, and whether it is a lesson
    problems: Problems
    search: SearchIndexer | None = None

    def content(self, path: str, html: str) -> None:
        """A page's own HTML at site path ``path``, sanitised, before the theme wraps it."""
        if self.search:
            self.search.read(path, html)

    def all_read(self) -> None:
        """Every page's Markdown is rendered; no template is filled yet."""
        if self.search:
            self.search.build()

    def page(self, path: str, html: str) -> str:
        """The finished page at site path ``path``."""
        source = self.sources.get(path)
        if source:  # before the quiz goes in: its text is ours, never a slipped-through note
            check_learner_page(html, source[0], lesson=source[1], problems=self.problems)
        if path in self.quiz_html:
            html = fill_slot(html, self.quiz_html[path])
        html = picture_tags(html, path, self.images)
        html = player_tags(html, path, self.recordings)
        return compact_html(html)

    def template(self, name: str, html: str) -> str:
        """A page made from a template alone (404.html)."""
        return compact_html(html) if name.endswith(".html") else html
