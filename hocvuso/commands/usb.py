"""`python build.py usb`: the course as a folder and a .zip to copy onto a USB stick.

The normal build already works from file:// (file names end in .html, no fetch, no
other host), so the USB build is that site without what only a web server uses
(sitemaps, the 404 page) plus a start page at the top whose name says "open me", and
a short Vietnamese note for whoever copies it.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..output.folders import check_folder, new_scratch, overlap, replace_folder, writing
from ..pipeline import Built, build_site
from ..problems import Problems
from ..console import Progress
from ..source.settings import load_settings

SERVER_ONLY = ("sitemap.xml", "sitemap.xml.gz", "404.html")
START_PAGE = "MO-KHOA-HOC.html"
NOTE = """\
{name}
{line}

Khóa học này chạy ngay trên máy, không cần mạng Internet.

Cách mở: mở thư mục "{folder}", rồi bấm đúp vào tệp {start}
(hoặc index.html). Trang sẽ mở bằng trình duyệt (Chrome, Firefox, Cốc Cốc, Edge…).

Kết quả bài kiểm tra được lưu trong trình duyệt của máy đang dùng. Nếu chép khóa học
sang chỗ khác trên cùng máy, kết quả vẫn còn khi mở bằng cùng trình duyệt.
"""


@dataclass(frozen=True)
class UsbBuild:
    folder: Path
    archive: Path
    built: Built
    archive_bytes: int


def build_usb(config_file: Path, out_dir: Path | None = None, progress: Progress | None = None) -> UsbBuild:
    settings = load_settings(config_file)
    where = ("--out", 0) if out_dir else (settings.config_file, 1)
    out_dir = (out_dir or settings.project_dir / "usb").resolve()
    name = settings.course_id
    folder, final_archive = out_dir / name, out_dir / f"{name}.zip"
    problems = Problems(settings.project_dir)
    check_folder(folder, settings, problems, where=where, what="thư mục USB")
    if overlap(final_archive, settings) or final_archive.is_dir():
        problems.add_option("--out", f"không ghi được tệp '{problems.display(final_archive)}'",
                            "chọn thư mục khác bằng --out")
    problems.raise_if_any()
    with writing(folder, settings.project_dir):
        return _build_into(folder, final_archive, config_file, settings, progress)


def _build_into(folder: Path, final_archive: Path, config_file: Path, settings, progress) -> UsbBuild:
    name = folder.name
    work = new_scratch(folder.parent)
    try:
        staged = work / name
        built = build_site(config_file, site_dir=staged, progress=progress, for_server=False)
        for server_file in SERVER_ONLY:
            (staged / server_file).unlink(missing_ok=True)
        (staged / START_PAGE).write_text(_start_page(settings.site_name), encoding="utf-8")
        (staged / "DOC-TRUOC.txt").write_text(
            NOTE.format(name=settings.site_name, line="=" * len(settings.site_name), folder=name,
                        start=START_PAGE), encoding="utf-8")
        archive = work / f"{name}.zip"
        _zip(staged, archive, root=name)
        replace_folder(staged, folder, work)
        archive.replace(final_archive)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return UsbBuild(folder, final_archive, built, final_archive.stat().st_size)


def _start_page(site_name: str) -> str:
    # A file whose name says "open me", one level above nothing: it just goes to index.html.
    from html import escape

    title = escape(site_name)
    return (f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{title}</title>'
            '<meta http-equiv="refresh" content="0; url=index.html">'
            f'<p><a href="index.html">Mở khóa học {title}</a></p></html>\n')


# Every entry gets this date and mode, not the build's clock and umask: the same course
# gives the same zip, byte for byte (so a copy can be checked against its checksum).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def _zip(folder: Path, archive: Path, *, root: str) -> None:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                entry = zipfile.ZipInfo(f"{root}/{path.relative_to(folder).as_posix()}", date_time=_ZIP_DATE)
                entry.external_attr = 0o100644 << 16  # a regular file, readable by all
                entry.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(entry, path.read_bytes(), compresslevel=9)
