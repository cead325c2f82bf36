"""Search in the built site: the index written next to the pages (engine: assets/search.js).

The search page is rendered before the index exists, with a placeholder where the
index folder goes; once the lesson pages are final the index is built from them,
written under a name that changes with its content (so caches never mix two builds),
and the placeholder is replaced. See search_index.py for the index itself.
"""

from __future__ import annotations

from pathlib import Path

from ..model.course import Course
from ..model.lessons import output_path
from ..render.pages import SEARCH_BUCKETS, SEARCH_INDEX, SEARCH_PATH
from .search_index import Document, Index, build_index, lesson_sections


def index_path(index: Index) -> str:
    """Site path of the index's folder."""
    return f"{Path(SEARCH_INDEX).parent.as_posix()}/{index.folder}"


def write_search_index(site: Path, course: Course) -> Index:
    documents = [Document(lesson.title, lesson.url, plan.tier.name,
                          lesson_sections((site / lesson.url).read_text(encoding="utf-8")))
                 for plan in course.tiers for lesson in plan.lessons]
    index = build_index(documents)
    folder = site / index_path(index)
    for path, text in index.files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    page = site / output_path(SEARCH_PATH)
    html = page.read_text(encoding="utf-8")
    html = html.replace(Path(SEARCH_INDEX).name, index.folder).replace(SEARCH_BUCKETS, str(index.buckets))
    page.write_text(html, encoding="utf-8")
    return index
