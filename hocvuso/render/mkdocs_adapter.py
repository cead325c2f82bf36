"""The only module that talks to MkDocs: render a staged docs folder with Material.

Everything MkDocs needs is decided before we get here (pages, navigation, templates
and their data), so this adapter is small and would be the only thing to rewrite for
another renderer. MkDocs' own complaints are turned into problems at a line of
``mkdocs.yml`` or of the author's file.
"""

from __future__ import annotations

import html
import logging
import os
import pickle
import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.commands.build import build as mkdocs_build
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer  # the live preview's server (commands/serve.py)
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from ..problems import Problems
from .finish import Finisher
from .markdown_extension import Hocvuso, Rendering
from .sanitize import clean_fragment
from ..source.settings import Settings
from ..source.yamlfile import Mapping, Sequence

# File URLs need real file names: "lesson.html", not "lesson/" (which a browser shows
# as a folder listing when the site is opened from a USB stick).
FORCED = {"use_directory_urls": False}

def mkdocs_config(settings: Settings, *, docs_dir: Path, site_dir: Path, nav: list,
                  problems: Problems, css: str = "",
                  offline_js: str = "", reading_js: str = "", favicon: str = "") -> MkDocsConfig | None:
    """The author's mkdocs.yml, pointed at the staged docs; None after reporting problems."""
    config = MkDocsConfig(config_file_path=str(settings.config_file))
    with _mkdocs_logs() as records, open(settings.config_file, "rb") as handle:
        try:
            config.load_file(handle)
        except MkDocsException as error:
            problems.add(settings.config_file, 1, f"MkDocs không đọc được tệp ({error})",
                         "chạy 'python build.py check' và sửa các dòng được chỉ ra; xem lại mkdocs.yml của khóa học mẫu")
            return None
    config.data.pop("hocvuso", None)  # our section; MkDocs would call it unknown
    config.data["theme"] = _theme(config.data.get("theme"), settings, favicon)
    config.load_dict({**FORCED, "docs_dir": str(docs_dir), "site_dir": str(site_dir), "nav": nav})
    with _mkdocs_logs() as records:
        errors, warnings = config.validate()
    for key, message in [*errors, *warnings]:
        line, message, hint = _config_complaint(key, str(message), settings.raw)
        problems.add(settings.config_file, line, message, hint)
    _report_logs(records, settings, problems, pages={})
    if problems:
        return None
    _escape_author_text(config)
    config.extra["hv_css"] = css  # see theme/main.html
    config.extra["hv_offline_js"] = offline_js
    config.extra["hv_reading_js"] = reading_js
    return config


# mkdocs.yml text that Material's templates (and ours) print into every page. MkDocs'
# Jinja does not autoescape, so each is escaped here, once, as Markup: printed as it is,
# and "| e" in a template leaves it alone.
_TEXT_KEYS = ("site_name", "site_description", "site_author", "repo_name", "repo_url", "edit_uri")


def _escape_author_text(config: MkDocsConfig) -> None:
    for key in _TEXT_KEYS:
        if isinstance(config.get(key), str):
            config[key] = Markup(html.escape(config[key]))
    if isinstance(config.get("copyright"), str):  # HTML by MkDocs' convention: sanitised like a lesson
        config["copyright"] = Markup(clean_fragment(config["copyright"]))
    config["extra"].update(_escaped(dict(config["extra"])))


def _escaped(value):
    if isinstance(value, str):
        return Markup(html.escape(value))
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


_PLUGIN = re.compile(r'The "([^"]+)" plugin is not installed')
_EXTENSION = re.compile(r"Failed to load extension '([^']+)'")


def _config_complaint(key: str, message: str, raw: Mapping) -> tuple[int, str, str]:
    """MkDocs' complaint about a key of mkdocs.yml: line, Vietnamese message (MkDocs' own
    words in parentheses) and hint."""
    first, *rest = message.splitlines() or [""]
    said = " ".join([first, *rest[-1:]])  # without the lines of a failing extension's traceback
    line = raw.key_lines.get(key.split(".")[0], 1)
    if plugin := _PLUGIN.search(first):
        return (_line_of_item(raw, "plugins", plugin[1], line),
                f"chưa cài plugin '{plugin[1]}' (MkDocs: {said})",
                "hocvuso có sẵn tìm kiếm và không cần plugin nào của MkDocs: để 'plugins: []' "
                "(nếu thật sự cần plugin này, cài nó vào môi trường Python của hocvuso)")
    if extension := _EXTENSION.search(first):
        return (_line_of_item(raw, "markdown_extensions", extension[1], line),
                f"không nạp được phần mở rộng Markdown '{extension[1]}' (MkDocs: {said})",
                f"kiểm tra tên '{extension[1]}' trong markdown_extensions (ví dụ: admonition, "
                "pymdownx.details); phần mở rộng phải được cài trong môi trường Python của hocvuso")
    return (line, f"cấu hình '{key}' không hợp lệ (MkDocs: {said})",
            "xem hướng dẫn cấu hình MkDocs / Material; sửa hoặc xóa dòng này")


def _line_of_item(raw: Mapping, key: str, name: str, default: int) -> int:
    """The line of ``name`` in the list under ``key`` ("- name" or "- name: {...}")."""
    items = raw.get(key)
    if isinstance(items, Sequence):
        for index, item in enumerate(items):
            if item == name or (isinstance(item, dict) and name in item):
                return items.line_of(index)
    return default


@dataclass
class Rendered:
    """What MkDocs knew when it built the site, kept to build single pages again (the
    live preview, hocvuso/commands/preview.py)."""

    config: MkDocsConfig
    data: dict[str, dict]  # staged page -> the data its template reads as page.meta.hv
    files: Any = None
    nav: Any = None
    env: Any = None

    def release(self) -> None:
        """Let go of MkDocs' pages (every page's HTML) once no page will be built again."""
        self.files = self.nav = self.env = None
        self.data.clear()


# Below this many pages, starting a helper process costs more than it saves.
PARALLEL_PAGES = 24


@dataclass
class _Converted:
    """What MkDocs learns from converting one page's Markdown, as a helper sends it back."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]]  # by the linked file's src_uri


class _Helper:
    """The Markdown of a share of the pages converted in a forked copy of this process, on
    another core, while MkDocs converts the rest here. Rendering is deterministic, so the
    pages are those a single process makes; the copy sends back each page's HTML and what
    hocvuso's hooks collected from it (search text, problems, MkDocs' warnings)."""

    def __init__(self, pages: list, config: MkDocsConfig, files, finisher: Finisher | None) -> None:
        self.uris = {page.file.src_uri for page in pages}
        self.results: dict[str, _Converted] | None = None
        reader, writer = os.pipe()
        problems_before = len(finisher.problems.items) if finisher else 0
        self.pid = os.fork()
        if self.pid == 0:  # the copy: convert, send, and leave without running anything else
            try:
                os.close(reader)
                try:
                    with _mkdocs_logs() as records:
                        done = {}
                        for page in pages:
                            _populate_page(page, config, files)
                            done[page.file.src_uri] = _Converted(
                                page.content, page.toc, page._title_from_render, page.present_anchor_ids or set(),
                                {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()})
                    search = finisher.search if finisher else None
                    sections = {p.file.dest_uri: search.sections[p.file.dest_uri] for p in pages
                                if search and p.file.dest_uri in search.sections}
                    collected = (sections, finisher.problems.items[problems_before:] if finisher else [])
                    payload = pickle.dumps((done, collected, [(r.levelno, r.getMessage()) for r in records]))
                except BaseException:  # noqa: BLE001 (whatever it is, the main process converts them itself)
                    payload = pickle.dumps(None)
                with os.fdopen(writer, "wb") as out:
                    out.write(payload)
            finally:
                os._exit(0)
        os.close(writer)
        self.reader = reader
        self.finisher = finisher

    def take(self, page) -> _Converted | None:
        """The helper's conversion of ``page``, or None to convert it here."""
        if page.file.src_uri not in self.uris:
            return None
        if self.results is None:
            with os.fdopen(self.reader, "rb") as source:
                got = pickle.loads(source.read() or pickle.dumps(None))
            os.waitpid(self.pid, 0)
            self.results = {}
            if got:
                self.results, (sections, problems), logged = got
                if self.finisher:
                    if self.finisher.search:
                        self.finisher.search.sections.update(sections)
                    self.finisher.problems.items.extend(problems)
                for level, message in logged:
                    logging.getLogger("mkdocs").log(level, "%s", message)
        return self.results.get(page.file.src_uri)

    def close(self) -> None:
        if self.results is None:  # the build stopped before reaching the helper's pages
            os.close(self.reader)
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.results = {}


class _Hooks(BasePlugin):
    """hocvuso's moments inside MkDocs' build of each page (see hocvuso/render/finish.py)."""

    def __init__(self, finisher: Finisher | None, rendered: Rendered, parallel: bool = False) -> None:
        self.finisher = finisher
        self.rendered = rendered
        # Every page's Markdown goes through hocvuso's extension, which sanitises it last.
        self.extension = Hocvuso()
        self.parallel = parallel
        self.helper: _Helper | None = None
        self.converted: dict[str, _Converted] = {}  # pages the helper did, until MkDocs asks for their HTML

    def on_env(self, env, files, **_):
        # Between rendering every page's Markdown and filling any template.
        self.rendered.env, self.rendered.files = env, files
        if self.helper:
            self.helper.close()
            self.helper = None
        if self.finisher:
            self.finisher.all_read()
        return env

    def on_nav(self, nav, config, files, **_):
        self.rendered.nav = nav
        if self.parallel and len(files.documentation_pages()) >= PARALLEL_PAGES:
            for file in files.documentation_pages():
                if file.page is None:  # a page outside the navigation, made as MkDocs would make it next
                    Page(None, file, config)
            pages = [file.page for file in files.documentation_pages()]
            # MkDocs converts the pages in this order: the helper takes the second half.
            self.helper = _Helper(pages[len(pages) // 2:], config, files, self.finisher)
        return nav

    def on_page_markdown(self, markdown: str, page, **_) -> str:
        # A page's template data comes from here, not from its front matter: MkDocs would
        # read it with PyYAML's Python reader, about a second for a 1,000-lesson course.
        data = self.rendered.data.get(page.file.src_uri)
        if data is not None:
            page.meta["hv"] = data
        done = self.helper.take(page) if self.helper else None
        if done:
            self.converted[page.file.src_uri] = done
            return ""  # converted already: MkDocs has nothing left to do but take the HTML
        # MkDocs converts this page's Markdown next, with our extension among the site's.
        self.extension.start(self.finisher.rendering(page.file.dest_uri) if self.finisher else Rendering())
        return markdown

    def on_page_content(self, html: str, page, files, **_) -> str:
        done = self.converted.pop(page.file.src_uri, None)
        if done is None:
            return html
        page.toc, page._title_from_render, page.present_anchor_ids = done.toc, done.title, done.anchors
        page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in done.links_to_anchors.items()}
        return done.content

    def on_post_page(self, output: str, page, **_) -> str:
        return self.finisher.page(page.file.dest_uri, output) if self.finisher else output

    def on_post_template(self, output_content: str, template_name: str, **_) -> str:
        return self.finisher.template(template_name, output_content) if self.finisher else output_content


def render(config: MkDocsConfig, settings: Settings, *, sources: dict[str, str], problems: Problems,
           finisher: Finisher | None = None, data: dict[str, dict] | None = None) -> Rendered:
    """Build HTML into ``config.site_dir``, each page finished by ``finisher`` as it is
    written; ``sources`` maps staged pages to authors' files, ``data`` to what their
    templates read as ``page.meta.hv``."""
    rendered = Rendered(config, dict(data or {}))
    # Two cores convert the Markdown when this process runs nothing else alongside (a
    # fork copies only the calling thread); HOCVUSO_JOBS=1 keeps to one.
    parallel = ((os.cpu_count() or 1) > 1 and threading.active_count() == 1 and hasattr(os, "fork")
                and os.environ.get("HOCVUSO_JOBS") != "1")
    hooks = _Hooks(finisher, rendered, parallel)
    config.plugins["hocvuso"] = hooks
    config.markdown_extensions.append(hooks.extension)  # Python-Markdown takes instances as well as names
    with _mkdocs_logs() as records:
        try:
            mkdocs_build(config)
        except MkDocsException as error:
            _stopped(error, settings, problems)
        finally:
            if hooks.helper:  # MkDocs stopped before it reached the helper's pages
                hooks.helper.close()
    _report_logs(records, settings, problems, pages=sources)
    return rendered


def rerender(rendered: Rendered, staged: list[str], site_dir: Path, settings: Settings, *,
             sources: dict[str, str], problems: Problems) -> None:
    """Build the pages staged at ``staged`` (docs paths, already rewritten in the docs
    folder) again, into ``site_dir``, with the navigation, theme and hooks of the build
    that made the site: the page a live preview shows after an edit to its text alone."""
    config, files = rendered.config, rendered.files
    with _mkdocs_logs() as records:
        for path in staged:
            file = files.get_file_from_path(path)
            file.abs_dest_path = str(site_dir / file.dest_uri)  # the site was moved after building
            page = file.page
            page.markdown = page.content = None
            try:
                _populate_page(page, config, files)
                _build_page(page, config, files.documentation_pages(), rendered.nav, rendered.env)
            except MkDocsException as error:
                _stopped(error, settings, problems)
    _report_logs(records, settings, problems, pages=sources)


def _stopped(error: MkDocsException, settings: Settings, problems: Problems) -> None:
    problems.add(settings.config_file, 1, f"MkDocs dừng lại khi dựng trang ({error})",
                 "sửa điều MkDocs nói ở trên; nếu không rõ, chạy lại với --debug và báo cho nhóm phát triển")


def _theme(theme: object, settings: Settings, favicon: str) -> dict:
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "material"}
    theme.setdefault("custom_dir", str(settings.project_dir / "theme"))
    theme.setdefault("language", "vi")
    theme.setdefault("font", False)
    # hocvuso's small SVG icon (hocvuso/output/stylesheet.py) instead of Material's 2 KB PNG.
    if favicon:
        theme.setdefault("favicon", favicon)
    return theme


@contextmanager
def _mkdocs_logs():
    """Collect MkDocs' warnings instead of printing its progress chatter."""
    logger = logging.getLogger("mkdocs")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    saved = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


_DOC = re.compile(r"Doc file '([^']+)'")
_LINK = re.compile(r"link '([^']+)'")


def _report_logs(records, settings: Settings, problems: Problems, *, pages: dict[str, str]) -> None:
    for record in records:
        message = record.getMessage()
        doc = _DOC.search(message)
        source = pages.get(doc[1]) if doc else None
        if source:
            path = settings.content_dir / source
            problems.add(path, _line_mentioning(path, _LINK.search(message)), f"MkDocs báo: {message}",
                         "sửa liên kết hoặc dòng được nhắc tới trong bài này")
        else:
            problems.add(settings.config_file, 1, f"MkDocs báo: {message}",
                         "sửa điều MkDocs nói ở trên trong mkdocs.yml hoặc trong thư mục theme/")


def _line_mentioning(path: Path, link: re.Match | None) -> int:
    if link:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if link[1] in line:
                return number
    return 1
