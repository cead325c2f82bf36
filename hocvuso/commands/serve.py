"""Live preview: rebuild on every change and reload the browser.

MkDocs' live-reload server serves the preview folder and injects its reload script;
the builder it calls is our whole pipeline, so the preview shows exactly what
``python build.py`` would publish. A broken change prints its problems and, until it
is fixed, every page of the preview is a page listing them (file:line, the line, the
hint), so an author looking at the phone never takes the last good page for the new
one. That page reloads itself like the others: the save that fixes the last problem
brings the preview back.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..pipeline import Kept, build_site
from ..render.mkdocs_adapter import LiveReloadServer
from .preview import update_lessons, update_search
from ..problems import CourseError, Problem
from ..source.settings import load_settings

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent.parent / "render" / "templates"),
                         autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_LONGEST_LINE = 300  # characters of the author's line shown on the error page
_LARGEST_FILE = 2_000_000  # bytes; a larger file is itself the problem, its line is not shown


def serve(config_file: Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    with tempfile.TemporaryDirectory(prefix="hocvuso-preview-") as scratch:
        preview = Path(scratch) / "site"
        preview.mkdir()
        server: PreviewServer
        rebuild = Rebuilder(config_file, preview, Path(scratch) / "docs",
                            on_problems=lambda problems: server.show_problems(problems))
        server = PreviewServer(config_file, builder=rebuild, host=host, port=port, root=str(preview))
        rebuild()
        for path in _watched(config_file):
            server.watch(str(path))
        print(f"Xem trước tại http://{host}:{port}/ (Ctrl+C để dừng)", file=sys.stderr, flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()


class Rebuilder:
    """What the preview does after each save: build again only the lessons whose text
    alone changed (hocvuso/commands/preview.py), else the whole course as ``build`` would."""

    def __init__(self, config_file: Path, site: Path, docs: Path, *,
                 on_problems: Callable[[list[Problem]], None]) -> None:
        self.config_file, self.site, self.docs = config_file, site, docs
        self.on_problems = on_problems
        self.kept: Kept | None = None  # the last full build, for the quick path
        self.seen: dict[Path, tuple[int, int]] = {}  # what that build (and quick updates since) read
        self.quick = 0  # quick updates made, for tests and the bench
        self._search: threading.Thread | None = None  # the search index, updated after a quick page

    def settle(self) -> None:
        """Wait for the search index of the last quick update (tests, and each next save)."""
        if self._search:
            self._search.join()
            self._search = None

    def _update_search(self) -> None:
        try:
            update_search(self.kept, self.site)
        except CourseError as error:
            self.on_problems(error.problems)

    def __call__(self) -> None:
        start = time.monotonic()
        self.settle()
        try:
            seen = _stamps(_files(self.config_file))  # before a build reads them
            changed = sorted(path for path in seen.keys() | self.seen.keys() if seen.get(path) != self.seen.get(path))
            if self.kept and changed:
                urls = update_lessons(self.kept, changed, self.site)
                if urls is not None:
                    self.seen = seen  # every change was this lesson text
                    self.quick += 1
                    self.on_problems([])
                    print(f"Đã dựng lại {', '.join(urls)} trong {time.monotonic() - start:.1f} giây.",
                          file=sys.stderr, flush=True)
                    # The page is shown as soon as this returns; search catches up just after.
                    self._search = threading.Thread(target=self._update_search, daemon=True)
                    self._search.start()
                    return
            built = build_site(self.config_file, site_dir=self.site, for_server=False, preview_docs=self.docs)
        except CourseError as error:
            self.on_problems(error.problems)
            print(f"{error}\nChưa cập nhật bản xem trước: sửa các lỗi trên rồi lưu lại tệp.",
                  file=sys.stderr, flush=True)
            return
        self.kept, self.seen = built.kept, seen
        self.on_problems([])
        print(f"Đã dựng lại {built.pages} trang trong {built.seconds:.1f} giây.", file=sys.stderr, flush=True)


def _files(config_file: Path) -> list[Path]:
    found = []
    for watched in _watched(config_file):
        found.extend(p for p in watched.rglob("*") if p.is_file()) if watched.is_dir() else found.append(watched)
    return found


def _stamps(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    stamps = {}
    for path in paths:
        try:
            stat = path.stat()
        except OSError:  # removed since
            continue
        stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that answers every page with the build's problems
    while there are any (stylesheets, images and the reload poll are served as usual)."""

    def __init__(self, config_file: Path, **options) -> None:
        super().__init__(**options)
        self.project = config_file.resolve().parent
        self._problems: list[Problem] = []
        self._lock = threading.Lock()

    def show_problems(self, problems: list[Problem]) -> None:
        """Called by the builder, before the server tells browsers to reload."""
        with self._lock:
            self._problems = list(problems)

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        if not path.startswith("/livereload/") and _is_page(path):
            # As MkDocs does: wait for a rebuild under way, so the answer is the new state.
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch = self._visible_epoch
            with self._lock:
                problems = self._problems
            if problems:
                page = self._inject_js_into_html(error_page(problems, self.project).encode("utf-8"), epoch)
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                          ("Content-Length", str(len(page))), ("Cache-Control", "no-store")])
                return [page]
        return super()._serve_request(environ, start_response)


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name == "" or name.endswith((".html", ".htm")) or "." not in name


def error_page(problems: list[Problem], project: Path) -> str:
    """The Vietnamese page listing ``problems``, each with the line of the file it names."""
    shown = [{"where": f"{p.path}:{p.line}:" if p.line else f"{p.path}:", "message": p.message, "hint": p.hint,
              "source": _source_line(project, p)} for p in problems]
    return _TEMPLATES.get_template("preview_error.html").render(problems=shown)


def _source_line(project: Path, problem: Problem) -> str:
    file = project / problem.path
    try:
        if problem.line < 1 or not file.is_file() or file.stat().st_size > _LARGEST_FILE:
            return ""
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if problem.line > len(lines):
        return ""
    line = lines[problem.line - 1].rstrip()
    return line if len(line) <= _LONGEST_LINE else line[:_LONGEST_LINE] + "…"


def _watched(config_file: Path) -> list[Path]:
    try:
        settings = load_settings(config_file)
        folders = [settings.content_dir, settings.quizzes_dir, settings.project_dir / "theme",
                   settings.framework_file]
    except CourseError:
        project = config_file.resolve().parent
        folders = [project / "content", project / "quizzes", project / "theme"]
    return [config_file.resolve(), *(p for p in folders if p.exists())]
