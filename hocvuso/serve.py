"""Live preview: rebuild on every change and reload the browser.

MkDocs' live-reload server serves the preview folder and injects its reload script;
the builder it calls is our whole pipeline, so the preview shows exactly what
``python build.py`` would publish. A broken change prints its problems and keeps the
last good preview on screen.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from .pipeline import build_site
from .problems import CourseError
from .settings import load_settings


def serve(config_file: Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    with tempfile.TemporaryDirectory(prefix="hocvuso-preview-") as scratch:
        preview = Path(scratch) / "site"
        preview.mkdir()

        def rebuild() -> None:
            try:
                built = build_site(config_file, site_dir=preview, for_server=False)
            except CourseError as error:
                print(f"{error}\nChưa cập nhật bản xem trước: sửa các lỗi trên rồi lưu lại tệp.",
                      file=sys.stderr, flush=True)
                return
            print(f"Đã dựng lại {built.pages} trang trong {built.seconds:.1f} giây.", file=sys.stderr, flush=True)

        rebuild()
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview))
        for path in _watched(config_file):
            server.watch(str(path))
        print(f"Xem trước tại http://{host}:{port}/ (Ctrl+C để dừng)", file=sys.stderr, flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()


def _watched(config_file: Path) -> list[Path]:
    try:
        settings = load_settings(config_file)
        folders = [settings.content_dir, settings.quizzes_dir, settings.project_dir / "theme",
                   settings.framework_file]
    except CourseError:
        project = config_file.resolve().parent
        folders = [project / "content", project / "quizzes", project / "theme"]
    return [config_file.resolve(), *(p for p in folders if p.exists())]
