"""From an author's project folder to a built site, in stages.

settings → framework → content → course plan → pages → staged docs → MkDocs → swap.
Each stage reports every problem it finds; the site folder is replaced only when the
whole build succeeded, so a broken lesson never takes the working site down.
"""

from __future__ import annotations

import hashlib
import shutil

import brotli
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .model.recordings import Recording
from .model.recordings import report as audio_report
from .model.content import Content, read_content
from .model.course import Course, plan_course
from .output.css_purge import Purged, purge_site
from .output.hosting import precompress, write_server_files
from .render.finish import Finisher
from .render.handouts import write_handouts
from .output.images import process as process_images
from .output.offline import write_offline_files
from .output.folders import check_folder, mark, new_scratch, replace_folder, writing
from .model.lessons import output_path
from .model.framework import load_framework
from .model.glossary import PAGE_PATH as GLOSSARY_PATH
from .render.mkdocs_adapter import Rendered, mkdocs_config, render
from .render import richtext
from .render.pages import SEARCH_PATH, Page, course_nav, course_pages
from .quiz.bundles import QuizAssets, quiz_assets
from .quiz.model import load_quizzes
from .problems import CourseError, Problems
from .render.records import record_pages, tier_summaries
from .output.scripts import LISTEN, OFFLINE, PAGE_SCRIPTS, QR, READING, RECORD_PAGES, SEARCH, record_script, script_asset
from .output.search import SearchIndexer, write_search_index
from .console import Progress, Silent
from .source.settings import Settings, load_settings
from .render.staging import write_docs
from .output.stylesheet import favicon, stylesheet
from .output.weight import Budgets, Weight, measure, over_budget


@dataclass(frozen=True)
class Checked:
    settings: Settings
    course: Course
    pages: list[Page]
    assets: tuple[str, ...]
    quiz_assets: QuizAssets
    css: str  # site path of hocvuso's hashed stylesheet
    favicon: str  # site path of the site's icon
    offline_js: str  # site path of the service-worker registration script
    reading_js: str  # site path of the text size and contrast control
    recordings: tuple[Recording, ...] = ()
    content: Content | None = None
    markdown: tuple[list, dict] = ([], {})  # the site's Markdown extensions and their settings


@dataclass(frozen=True)
class Built:
    site_dir: Path
    pages: int
    lessons: int
    seconds: float
    engine_brotli: int  # bytes of the quiz engine as learners download it
    weights: list[Weight]
    audio: str = ""  # the recordings' line of the build summary
    budgets: Budgets = Budgets()  # what the weights were checked against
    kept: Kept | None = None  # with ``preview_docs``: what the live preview needs to build a page again


@dataclass(frozen=True)
class Kept:
    """A build's inner state, kept by the live preview to build single pages again."""

    checked: Checked
    rendered: Rendered
    finisher: Finisher
    purged: Purged
    docs: Path  # the staged docs folder MkDocs read, kept alive


def check_course(config_file: Path, progress: Progress | None = None, *, handouts: bool = False) -> Checked:
    """Read and check everything; raise :class:`CourseError` listing every problem."""
    progress = progress or Silent()
    settings = load_settings(config_file)
    problems = Problems(settings.project_dir)
    progress.stage("Đọc khung năng lực")
    framework = load_framework(settings.framework_file, problems)
    problems.raise_if_any()
    progress.stage("Đọc và kiểm tra bài học")
    content = read_content(settings, framework, problems)
    progress.stage("Đọc và kiểm tra bài kiểm tra")
    quizzes = load_quizzes(settings.quizzes_dir, framework, problems, content.glossary)
    problems.raise_if_any()
    course = plan_course(framework, content, quizzes)
    assets = quiz_assets(course, settings.course_id)
    css_path, css = stylesheet(settings.project_dir)
    assets.files[css_path] = css
    icon_path, icon = favicon()
    assets.files[icon_path] = icon
    named = {}  # source -> site path
    for source in (OFFLINE, READING, LISTEN, SEARCH, QR):
        path, text = script_asset(source)
        named[source] = path
        assets.files[path] = text
    record = {}  # record page kind -> site path of its script
    for kind in RECORD_PAGES:
        path, text = record_script(kind)
        record[kind] = path
        assets.files[path] = text
    with tempfile.TemporaryDirectory(prefix="hocvuso-check-") as scratch:
        (Path(scratch) / "docs").mkdir()
        config = mkdocs_config(settings, docs_dir=Path(scratch) / "docs", site_dir=Path(scratch) / "site",
                               nav=course_nav(course), problems=problems, css=css_path, offline_js=named[OFFLINE],
                               reading_js=named[READING], favicon=icon_path)
    problems.raise_if_any()
    # Quiz texts through the site's Markdown, as lessons are (pages and handouts alike).
    markdown = (list(config.markdown_extensions), dict(config.mdx_configs))
    richtext.use(*markdown)
    pages = course_pages(course, site_name=settings.site_name, assets=assets, search_engine=named[SEARCH],
                         listen=named[LISTEN], handouts=handouts)
    summaries = tier_summaries(course, settings.course_id)
    assets.files.update(summaries.files)
    pages += record_pages(course, site_name=settings.site_name, course_id=settings.course_id,
                          version=settings.version or content_version(settings), summaries=summaries,
                          record=record, qr=named[QR])
    return Checked(settings, course, pages, content.assets, assets, css_path, icon_path, named[OFFLINE],
                   named[READING], content.recordings, content, markdown)


def content_version(settings: Settings) -> str:
    """The course's version when ``hocvuso: version`` names none: a fingerprint of what the
    authors wrote (mkdocs.yml, the content and quiz folders), never the clock, so the same
    course builds to the same bytes on any day and a changed one shows a new version."""
    digest = hashlib.sha256(settings.config_file.read_bytes())
    for folder in (settings.content_dir, settings.quizzes_dir):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def build_site(config_file: Path, *, site_dir: Path | None = None,
               progress: Progress | None = None, for_server: bool = True,
               handouts: str | None = None, preview_docs: Path | None = None) -> Built:
    """Build the course into its site folder, replacing it only on success.

    ``for_server`` adds what only a web host uses (precompressed files, caching rules);
    ``handouts`` ("A4" or "A5") also prints every lesson and tier as PDF handouts;
    ``preview_docs`` (the live preview) stages the docs there, to be kept, and returns
    what is needed to build single pages again (:attr:`Built.kept`).
    """
    progress = progress or Silent()
    try:
        return _build(config_file, site_dir, progress, for_server, handouts, preview_docs)
    finally:
        progress.close()


def _build(config_file: Path, site_dir: Path | None, progress: Progress, for_server: bool,
           handouts: str | None, preview_docs: Path | None = None) -> Built:
    checked = check_course(config_file, progress, handouts=bool(handouts))
    settings = checked.settings
    target = (site_dir or settings.site_dir).resolve()
    problems = Problems(settings.project_dir)
    where = ("--site-dir", 0) if site_dir else (settings.config_file, settings.raw.line_of("site_dir"))
    check_folder(target, settings, problems, where=where, what="thư mục trang web")
    problems.raise_if_any()
    with writing(target, settings.project_dir):
        return _build_into(target, checked, progress, for_server, handouts, preview_docs)


def _build_into(target: Path, checked: Checked, progress: Progress, for_server: bool, handouts: str | None,
                preview_docs: Path | None = None) -> Built:
    settings = checked.settings
    problems = Problems(settings.project_dir)
    work = new_scratch(target.parent)
    try:
        docs = preview_docs or work / "docs"
        if preview_docs:
            shutil.rmtree(preview_docs, ignore_errors=True)
        progress.stage(f"Chuẩn bị {len(checked.pages)} trang")
        copied = write_docs(checked.pages, checked.assets, content_dir=settings.content_dir, docs_dir=docs,
                            generated=checked.quiz_assets.files,
                            quiz_images=_quiz_images(checked), quizzes_dir=settings.quizzes_dir)
        images = process_images(docs, copied, budget=settings.budgets.image, problems=problems)
        problems.raise_if_any()
        fresh = work / "site"
        config = mkdocs_config(settings, docs_dir=docs, site_dir=fresh,
                               nav=course_nav(checked.course), problems=problems,
                               css=checked.css, offline_js=checked.offline_js,
                               reading_js=checked.reading_js, favicon=checked.favicon)
        problems.raise_if_any()
        progress.stage("Dựng trang web bằng MkDocs")
        sources = {page.path: page.source for page in checked.pages if page.source}
        finisher = _finisher(checked, images, problems)
        rendered = render(config, settings, sources=sources, problems=problems, finisher=finisher,
                          data={page.path: page.data for page in checked.pages})
        if not preview_docs:
            rendered.release()  # MkDocs' pages and their HTML: only the preview builds them again
        problems.raise_if_any()
        _prune_theme_files(fresh)
        purged = purge_site(fresh, list(PAGE_SCRIPTS), finisher.held)
        finisher.held, finisher.purged = {}, purged
        index = finisher.search.index
        write_search_index(fresh, index)
        progress.stage("Đo dung lượng trang")
        weights = weigh(checked, fresh)
        if handouts:
            progress.stage(f"In tài liệu PDF ({handouts})")
            write_handouts(fresh, checked.course, course_name=settings.site_name, quizzes_dir=settings.quizzes_dir,
                           paper=handouts, site_url=settings.raw.get("site_url") or None,
                           markdown_config=checked.markdown)
        if for_server:
            progress.stage("Nén sẵn tệp cho máy chủ")
            write_offline_files(fresh, checked.course, pages=[output_path(p.path) for p in checked.pages],
                                search=index, site_name=settings.site_name, on_demand=_on_demand_by_tier(checked))
            write_server_files(fresh)
            precompress(fresh)
        mark(fresh)
        progress.stage("Thay thư mục trang web")
        replace_folder(fresh, target, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    engine = next(text for path, text in checked.quiz_assets.files.items()
                  if path == checked.quiz_assets.engine)
    return Built(target, len(checked.pages), len(checked.course.lessons), progress.elapsed(),
                 len(brotli.compress(engine.encode(), quality=11)), weights,
                 audio_report(list(checked.recordings), settings.budgets.audio), settings.budgets,
                 Kept(checked, rendered, finisher, purged, preview_docs) if preview_docs else None)


def _on_demand_by_tier(checked: Checked) -> dict[str, list[str]]:
    """Tier slug -> the files record pages load for that tier once open (not named in their HTML)."""
    files: dict[str, list[str]] = {}
    for page in checked.pages:
        for slug, paths in (page.data.get("on_demand") or {}).items():
            files.setdefault(slug, []).extend(path for path in paths if path not in files.get(slug, []))
    return files


def weigh(checked: Checked, site: Path, *, only: set[str] | None = None) -> list[Weight]:
    """Measure every page (or the site paths ``only``); raise, naming page and what makes
    it heavy, when one breaks a budget."""
    kinds = {output_path(p.path): p.data["kind"] for p in checked.pages
             if only is None or output_path(p.path) in only}
    tiers = [[output_path(plan.index_path), *(lesson.url for lesson in plan.lessons),
              *([output_path(plan.final_test_path)] if plan.quiz_ids else [])] for plan in checked.course.tiers]
    on_demand = {output_path(p.path): list(p.data["on_demand"].values()) for p in checked.pages
                 if p.data.get("on_demand")}
    weights = measure(site, kinds, tiers, on_demand=on_demand)
    settings = checked.settings
    sources = {output_path(p.path): p.source for p in checked.pages}
    problems = Problems(settings.project_dir)
    for weight, why in over_budget(weights, settings.budgets, site):
        source = sources.get(weight.page)
        where = (settings.content_dir / source if source else
                 settings.glossary_file if weight.kind == "glossary" else settings.config_file)
        fix = ("rút gọn hoặc tách bài thành hai bài (hoặc bớt câu hỏi, thu nhỏ ảnh)"
               if weight.kind in ("lesson", "final") else
               "rút gọn hoặc bớt lời giải thích trong bảng từ ngữ" if weight.kind == "glossary" else
               "trang này tải bản tóm tắt của một cấp (mỗi bài kiểm tra và câu hỏi của cấp): bớt câu hỏi, "
               "hoặc nới ngân sách")
        problems.add(where, 1, f"trang {weight.page}: {why}",
                     f"{fix}; ngân sách đặt ở 'hocvuso: budgets:' trong mkdocs.yml, tính bằng KB")
    problems.raise_if_any()
    return weights


def _finisher(checked: Checked, images: dict, problems: Problems) -> Finisher:
    settings = checked.settings
    return Finisher(
        quizzes={output_path(p.path): p.quiz for p in checked.pages if p.quiz},
        images=images, recordings=list(checked.recordings),
        sources={output_path(p.path): (settings.content_dir / p.source, p.data["kind"] == "lesson")
                 for p in checked.pages if p.source},
        glossary=checked.course.glossary, glossary_page=GLOSSARY_PATH,
        problems=problems,
        search=SearchIndexer(checked.course, next(p.data for p in checked.pages if p.path == SEARCH_PATH)))


def _prune_theme_files(site: Path) -> None:
    """Drop what Material ships but our pages never load: its JavaScript (1.8 MB with
    search and source maps; see theme/main.html) and CSS source maps. Smaller USB sticks
    and uploads, and nothing stale for a service worker to cache."""
    shutil.rmtree(site / "assets" / "javascripts", ignore_errors=True)
    for source_map in (site / "assets" / "stylesheets").glob("*.map"):
        source_map.unlink()


def _quiz_images(checked: Checked) -> list[str]:
    return sorted({q.image.src for quiz in checked.course.quizzes.values() for q in quiz.questions if q.image})


__all__ = ["Built", "Checked", "CourseError", "build_site", "check_course"]
