"""Where hocvuso writes, checked before anything is written, moved or deleted.

A build replaces its output folder as a whole, so an output folder that is, holds or
lies inside what the author wrote would delete the course: ``--site-dir .``,
``site_dir: content`` or ``usb --out ..`` next to a folder named like the course. Every
output path is resolved and refused when it overlaps the project's sources, and an
existing folder is replaced only when a build of hocvuso made it (:data:`MARKER`).
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..problems import CourseError, Problems
from ..source.settings import Settings

MARKER = ".hocvuso-site"  # written into every folder a build makes
MARKER_TEXT = ("Thư mục này do hocvuso dựng: mỗi lần dựng, cả thư mục được thay mới.\n"
               "This folder is built by hocvuso and replaced as a whole by every build.\n")
SCRATCH = ".hocvuso-build-"  # a build's work folder, next to its output


def sources(settings: Settings) -> list[Path]:
    """What the course is made of: never written by a build."""
    return [settings.config_file, settings.content_dir, settings.quizzes_dir, settings.project_dir / "theme",
            settings.framework_file, settings.glossary_file]


def overlap(target: Path, settings: Settings) -> Path | None:
    """The source ``target`` would overwrite or delete, if any."""
    target = target.resolve()
    if target == settings.project_dir or target in settings.project_dir.parents:
        return settings.project_dir
    for source in sources(settings):
        source = source.resolve()
        if target == source or target.is_relative_to(source) or source.is_relative_to(target):
            return source
    return None


def check_folder(target: Path, settings: Settings, problems: Problems, *, where: tuple[Path | str, int],
                 what: str) -> None:
    """Report why ``target`` cannot be (re)placed by a build; ``where`` is the file and
    line that named it, or (option, 0) for the command line."""
    shown = problems.display(target)

    def add(message: str, hint: str) -> None:
        if where[1]:
            problems.add(where[0], where[1], message, hint)
        else:
            problems.add_option(str(where[0]), message, hint)

    source = overlap(target, settings)
    if source is not None:
        named = "thư mục khóa học" if source == settings.project_dir else f"'{problems.display(source)}'"
        target = target.resolve()
        relation = ("là" if target == source.resolve() else
                    "nằm trong" if target.is_relative_to(source.resolve()) else "chứa")
        add(f"{what} '{shown}' {relation} {named}: dựng vào đó sẽ xóa bài của tác giả",
            "chọn một thư mục riêng, ví dụ site/ (cho trang web) hoặc usb/ (cho USB)")
    elif target.is_file() or (target.is_dir() and not _built_by_hocvuso(target)):
        add(f"{what} '{shown}' đã có và không phải do hocvuso dựng: không xóa để thay",
            "chọn thư mục trống hoặc thư mục mới; hocvuso chỉ thay thư mục có tệp " + MARKER)


def _built_by_hocvuso(folder: Path) -> bool:
    if (folder / MARKER).is_file() or not any(folder.iterdir()):
        return True
    # Built before the marker existed: the layout only hocvuso writes.
    return (folder / "index.html").is_file() and (folder / "assets" / "hocvuso").is_dir()


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def new_scratch(parent: Path) -> Path:
    """A work folder next to the output (so the final move is a rename), owned by this
    process; what killed builds left behind is removed first."""
    parent.mkdir(parents=True, exist_ok=True)
    for old in parent.glob(SCRATCH + "*"):
        if old.is_dir() and _abandoned(old):
            shutil.rmtree(old, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=SCRATCH, dir=parent))
    (work / "pid").write_text(str(os.getpid()), encoding="ascii")
    return work


def _abandoned(work: Path) -> bool:
    """True when the build that made ``work`` no longer runs (a concurrent build's
    folder is left alone)."""
    try:
        pid = int((work / "pid").read_text(encoding="ascii"))
    except (OSError, ValueError):
        try:  # no pid yet: a build may be creating it this instant
            return time.time() - work.stat().st_mtime > 600
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # another user's build, still running
    return False


def replace_folder(fresh: Path, target: Path, work: Path) -> None:
    """Put ``fresh`` where ``target`` is; the old site goes into ``work`` to be deleted.
    Two renames in one folder: if the second fails, the old site goes back."""
    old = work / "old"
    if target.exists():
        target.rename(old)
    try:
        fresh.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise


# What the operating system says when a build cannot write, in the author's words.
WRITE_ERRORS = {
    errno.ENOSPC: ("ổ đĩa đã đầy", "xóa bớt tệp trên ổ đĩa hoặc dựng vào ổ khác (--site-dir / --out)"),
    errno.EDQUOT: ("đã hết dung lượng được cấp", "xóa bớt tệp hoặc dựng vào ổ khác"),
    errno.EACCES: ("không có quyền ghi", "kiểm tra quyền của thư mục, hoặc dựng vào thư mục khác"),
    errno.EPERM: ("không được phép ghi", "kiểm tra quyền của thư mục, hoặc dựng vào thư mục khác"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc", "dựng vào một ổ đĩa ghi được"),
}


@contextmanager
def writing(target: Path, root: Path) -> Iterator[None]:
    """Turn the system's "cannot write" (disk full, read-only, no permission) into a
    problem naming the output, so the author reads what to do, not a traceback."""
    try:
        yield
    except OSError as error:
        if error.errno not in WRITE_ERRORS:
            raise
        what, hint = WRITE_ERRORS[error.errno]
        problems = Problems(root)
        problems.add_option(problems.display(target), f"không ghi được: {what}", hint)
        raise CourseError(problems.items) from None
