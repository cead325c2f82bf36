"""The live preview's quick path: a lesson whose text alone changed is built again alone.

An author edits a lesson and saves, again and again. When only the text below the
front matter changed, and the change brings no new link, picture, recording or glossary
term (which other pages and files depend on) and no element the trimmed stylesheet left
out, no other page can have changed: the lesson is
read and checked as a full build checks it, staged, rendered by MkDocs with the
navigation and theme of the last full build, finished like every page, and weighed
against the budgets. Anything else (front matter, a new lesson, a quiz, the glossary,
the theme, mkdocs.yml) is a full build. Right after, the search index is built again
from every lesson's text as last rendered, and the search page with it (update_search).

tests/test_serve.py checks that a page built this way is byte for byte the page a
full build makes.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from ..model.recordings import Recording, check_sizes
from ..model.content import check_lesson
from ..model.course import plan_course
from ..model.glossary import used_terms
from ..output.images import check_content_images
from ..model.lessons import Lesson, load_lesson
from ..model.links import find_links
from ..render.mkdocs_adapter import rerender
from ..output.search import index_path, write_search_index
from ..render.pages import SEARCH_PATH, lesson_page
from ..pipeline import Kept, weigh
from ..problems import Problems
from ..render.staging import write_page
from ..render.trainer_notes import without_trainer_notes


def update_lessons(kept: Kept, changed: list[Path], site: Path) -> list[str] | None:
    """Build the changed lesson files again into ``site``; their site paths, or None when
    the change needs a full build. Raises CourseError, the site untouched, when a lesson
    has problems."""
    checked = kept.checked
    settings = checked.settings
    root = settings.content_dir
    by_path = {lesson.path: lesson for lesson in checked.course.lessons}
    problems = Problems(settings.project_dir)
    fresh: dict[str, Lesson] = {}
    for source in changed:
        try:
            path = source.relative_to(root).as_posix()
        except ValueError:
            return None
        old = by_path.get(path)
        if old is None or not source.is_file():
            return None
        lesson = load_lesson(source, path, old.tier, checked.course.framework, quizzes_dir=settings.quizzes_dir,
                             problems=problems)
        if lesson is None:
            problems.raise_if_any()
            return None
        recordings = check_lesson(lesson, root, checked.course.glossary, problems)
        check_sizes(recordings, settings.budgets.audio, problems)
        check_content_images(root, checked.assets, [lesson], problems)
        problems.raise_if_any()
        if not _only_text_changed(old, lesson, recordings, checked):
            return None
        fresh[path] = lesson
    content = dataclasses.replace(checked.content, lessons=tuple(fresh.get(lesson.path, lesson)
                                                                 for lesson in checked.content.lessons))
    course = plan_course(checked.course.framework, content, checked.course.quizzes)
    pages = {page.path: page for page in checked.pages}
    for path, lesson in fresh.items():
        old_page = pages[path]
        page = lesson_page(course, lesson, old_page.data["scripts"], handouts=bool(old_page.data["handout"]))
        write_page(page, kept.docs)
        kept.rendered.data[page.path] = page.data
        if page.quiz:
            kept.finisher.quizzes[lesson.url] = page.quiz
    kept.finisher.problems = problems  # what finishing the pages finds is this update's
    rerender(kept.rendered, list(fresh), site, settings, sources={p: p for p in fresh}, problems=problems)
    problems.raise_if_any()
    urls = []
    for lesson in fresh.values():
        if not kept.purged.covers((site / lesson.url).read_text(encoding="utf-8")):
            return None  # a class the trimmed stylesheet left out: a full build trims it again
        urls.append(lesson.url)
    weigh(checked, site, only=set(urls))
    return urls


def update_search(kept: Kept, site: Path) -> None:
    """The search index again, from every lesson's text as last rendered (the edited ones
    just now), and the search page drawn again if the index's content-named folder moved.
    The preview does this once the edited page is shown (a 1,000-lesson index is a few
    thousand files); raises CourseError, as a build would, if the search page fails."""
    settings = kept.checked.settings
    problems = Problems(settings.project_dir)
    search = kept.finisher.search
    before = search.index
    index = search.build()
    if before and before.folder == index.folder:
        return
    write_search_index(site, index)
    rerender(kept.rendered, [SEARCH_PATH], site, settings, sources={}, problems=problems)
    problems.raise_if_any()
    if before:
        shutil.rmtree(site / index_path(before), ignore_errors=True)


def _only_text_changed(old: Lesson, new: Lesson, recordings: list[Recording], checked) -> bool:
    """Whether nothing but the lesson's own text differs: other pages show its front
    matter, and its pictures, recordings and terms are files and lists of their own."""
    if dataclasses.replace(new, body=old.body, body_line=old.body_line) != old:
        return False
    if recordings != [r for r in checked.recordings if r.page == old.url]:
        return False
    if {link.target for link in find_links(new.body, 1)} != {link.target for link in find_links(old.body, 1)}:
        return False
    glossary = checked.course.glossary
    return used_terms(without_trainer_notes(new.body), glossary) == used_terms(without_trainer_notes(old.body),
                                                                               glossary)
