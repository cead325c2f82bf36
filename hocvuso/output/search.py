"""Search in the built site: the index written next to the pages (engine: browser/search.js).

The index is fed from each lesson's own HTML as MkDocs renders it (already sanitised,
before the theme wraps it), so it never reads Material's markup back out of the built
pages. MkDocs renders every page's Markdown before it fills any template, so the index
is built in between (:meth:`SearchIndexer.build`), and the search page is then drawn
already knowing the index's folder, named after its content (so caches never mix two
builds), and how many files its words are spread over. See search_index.py for the
index itself.
"""

from __future__ import annotations

from pathlib import Path

from ..model.course import Course
from ..model.lessons import Lesson
from ..render.pages import SEARCH_FOLDER
from .search_index import Document, Index, Section, build_index, lesson_sections


def index_path(index: Index) -> str:
    """Site path of the index's folder."""
    return f"{SEARCH_FOLDER}/{index.folder}"


class SearchIndexer:
    """Collects every lesson's text as MkDocs renders it, then builds the index."""

    def __init__(self, course: Course, search_page: dict) -> None:
        # site path -> (lesson, tier name), in course order: a lesson's number in the index
        self.lessons = {lesson.url: (lesson, plan.tier.name) for plan in course.tiers for lesson in plan.lessons}
        self.search_page = search_page  # the search page's template data, told where the index is
        self.sections: dict[str, list[Section]] = {}
        self.index: Index | None = None

    def read(self, path: str, html: str) -> None:
        """A page's own HTML (sanitised, without its quiz); lessons are kept."""
        if path in self.lessons:
            self.sections[path] = lesson_sections(html)

    def build(self) -> Index:
        self.index = build_index([Document(lesson.title, url, tier, [_objectives(lesson), *self.sections.get(url, [])])
                                  for url, (lesson, tier) in self.lessons.items()])
        self.search_page["index"] = index_path(self.index)
        self.search_page["buckets"] = self.index.buckets
        return self.index


def _objectives(lesson: Lesson) -> Section:
    """The lesson page's "Mục tiêu bài học" box, which its template draws from the front
    matter (theme/lesson.html): the objectives and the competences they train."""
    competences = "; ".join(f"{c.code} {c.name}" for c in lesson.competences)
    return Section("Mục tiêu bài học", "hv-objectives", " ".join([*lesson.objectives, competences]))


def write_search_index(site: Path, index: Index) -> None:
    folder = site / index_path(index)
    for path, text in index.files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
