"""The content folder read as a whole: lessons by tier, intros, and files to copy.

Reads every file, reports every problem of every file, and only then decides whether
the course can be built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from .recordings import Recording, check_sizes, find_recordings
from .framework import SLUG, Framework
from .glossary import Glossary, check_marks, load_glossary
from ..output.images import RASTER, check_content_images
from .lessons import MARKDOWN_SUFFIXES, Intro, Lesson, load_intro, load_lesson, output_path
from ..text import slugify
from .links import (AUDIO_SUFFIXES, bracket_flood_problem, bracket_floods, broken_link, find_html_files,
                    find_links)
from ..problems import Problems, did_you_mean
from ..source.settings import Settings
from ..output.svg import unsafe_reason

_SLUG = re.compile(SLUG)


@dataclass(frozen=True)
class Content:
    lessons: tuple[Lesson, ...]
    home_intro: Intro | None
    tier_intros: dict[str, Intro]  # by tier slug
    assets: tuple[str, ...]  # other files under content/, copied as they are
    glossary: Glossary
    recordings: tuple[Recording, ...]  # audio files lessons attach


def read_content(settings: Settings, framework: Framework, problems: Problems) -> Content:
    root = settings.content_dir
    lessons: list[Lesson] = []
    tier_intros: dict[str, Intro] = {}
    home_intro: Intro | None = None
    assets: list[str] = []
    recordings: list[Recording] = []
    pages: dict[str, Path] = {}  # output page (case-folded) -> first source writing it
    tier_slugs = [t.slug for t in framework.tiers]
    glossary = load_glossary(settings.glossary_file, problems)
    data_files = {settings.framework_file, settings.glossary_file}  # read here, not published

    for source in sorted(root.rglob("*")):
        rel = source.relative_to(root)
        if _hidden(rel) or source.resolve() in data_files or not _stays_inside(source, root, problems):
            continue
        if source.is_dir():
            continue
        path = rel.as_posix()
        if source.suffix.lower() not in MARKDOWN_SUFFIXES:
            if _publishable(source, problems):
                assets.append(path)
            continue
        _check_unique_page(path, source, pages, problems)
        if path in ("index.md", "index.markdown"):
            home_intro = load_intro(source, path, problems) or home_intro
            continue
        tier = framework.tier(rel.parts[0]) if len(rel.parts) > 1 else None
        if tier is None:
            _misplaced(rel, source, tier_slugs, problems)
            continue
        if len(rel.parts) == 2 and rel.stem == "index":
            intro = load_intro(source, path, problems, framework)
            if intro:
                tier_intros[tier.slug] = intro
            continue
        if not _check_name(rel, source, problems):
            continue
        lesson = load_lesson(source, path, tier, framework, quizzes_dir=settings.quizzes_dir,
                             problems=problems)
        if lesson:
            recordings += check_lesson(lesson, root, glossary, problems)
            lessons.append(lesson)

    if not lessons and not problems:
        problems.add(root, 1, "chưa có bài học nào",
                     f"tạo tệp Markdown đầu tiên, ví dụ {root.name}/{tier_slugs[0]}/bai-dau-tien.md")
    for intro in [home_intro, *tier_intros.values()]:
        if intro:
            _check_links(intro, root, problems)
            check_marks(intro.body, intro.body_line, glossary, intro.source, problems)
    check_sizes(recordings, settings.budgets.audio, problems)
    check_content_images(root, assets, lessons, problems)
    return Content(tuple(lessons), home_intro, tier_intros, tuple(assets), glossary, tuple(recordings))


def check_lesson(lesson: Lesson, root: Path, glossary: Glossary, problems: Problems) -> list[Recording]:
    """What is checked in one lesson's text (its links and pictures, its glossary marks);
    the recordings it attaches. The live preview checks an edited lesson with this too."""
    _check_links(lesson, root, problems)
    check_marks(lesson.body, lesson.body_line, glossary, lesson.source, problems)
    return find_recordings(lesson, root)


# What content/ may publish besides lessons: pictures, recordings and documents to
# download. A page (.html), a script or a stylesheet would run in the course's origin,
# where learners' saved progress lives.
PICTURES = (*RASTER, ".gif", ".svg")
DOCUMENTS = (".pdf", ".txt", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
PUBLISHED = (*PICTURES, *AUDIO_SUFFIXES, *DOCUMENTS)


DATA = (".yml", ".yaml")  # frameworks, glossaries: read when mkdocs.yml names them, never published


def _publishable(source: Path, problems: Problems) -> bool:
    suffix = source.suffix.lower()
    if suffix in DATA:
        return False
    if suffix not in PUBLISHED:
        hint = ("viết trang bằng Markdown (tệp .md)" if suffix in (".html", ".htm", ".xhtml") else
                "nếu là tài liệu cho người học tải về, lưu thành PDF; nếu không, chuyển tệp ra khỏi thư mục "
                "content/ (hoặc đặt tên bắt đầu bằng '.')")
        problems.add(source, 1, f"tệp '{source.name}' không được đăng lên trang: chỉ ảnh, âm thanh và tài liệu "
                     f"({', '.join(DOCUMENTS)}) được đăng", hint)
        return False
    if suffix == ".svg":
        reason = unsafe_reason(source)
        if reason:
            problems.add(source, 1, f"ảnh SVG {reason}: tệp này có thể chạy mã trên trang của người học",
                         "xuất lại hình từ trình vẽ dưới dạng 'Plain SVG' không có script, hoặc lưu thành PNG")
            return False
    return True


def _stays_inside(source: Path, root: Path, problems: Problems) -> bool:
    """Symbolic links are followed only to files inside content/ (a link to /etc/passwd
    would be published), and never to folders (which would be left out unseen)."""
    if not source.is_symlink():
        return True
    if source.is_dir():
        problems.add(source, 1, "thư mục này là liên kết tắt (symlink): hocvuso không đọc bài trong đó",
                     "chép hẳn thư mục vào content/ thay cho liên kết tắt")
        return False
    if not source.exists():
        problems.add(source, 1, "tệp này là liên kết tắt (symlink) tới một tệp không có",
                     "xóa liên kết tắt, hoặc chép tệp thật vào chỗ này")
        return False
    if not source.resolve().is_relative_to(root):
        problems.add(source, 1, "tệp này là liên kết tắt (symlink) trỏ ra ngoài thư mục content/",
                     "chép hẳn tệp vào content/ thay cho liên kết tắt")
        return False
    return True


def _hidden(rel: Path) -> bool:
    # Editors' swap files, .DS_Store and folders such as .git are never content.
    return any(part.startswith(".") or part.endswith("~") for part in rel.parts)


def _check_unique_page(path: str, source: Path, pages: dict[str, Path], problems: Problems):
    page = output_path(path).casefold()
    if page in pages:
        problems.add(source, 1,
                     f"tệp này và {problems.display(pages[page])} cùng tạo ra trang "
                     f"'{output_path(path)}'",
                     "đổi tên một trong hai tệp")
    else:
        pages[page] = source


def _misplaced(rel: Path, source: Path, tier_slugs: list[str], problems: Problems):
    if len(rel.parts) == 1:
        problems.add(source, 1, "bài học phải nằm trong thư mục của một cấp",
                     "chuyển tệp vào một trong các thư mục: " + ", ".join(f"{s}/" for s in tier_slugs))
    else:
        problems.add(source, 1, f"thư mục '{rel.parts[0]}' không phải là cấp nào trong khung năng lực",
                     did_you_mean(rel.parts[0], tier_slugs))


def _check_name(rel: Path, source: Path, problems: Problems) -> bool:
    parts = [*rel.parts[1:-1], rel.stem]
    if all(_SLUG.match(part) for part in parts):
        return True
    fixed = "/".join([*(slugify(p) for p in rel.parts[:-1]), slugify(rel.stem) + rel.suffix.lower()])
    problems.add(source, 1,
                 "tên tệp và thư mục chỉ được dùng chữ thường không dấu, chữ số và dấu '-'",
                 f"đổi tên thành '{fixed}' (tên tệp trở thành địa chỉ trang web)")
    return False


def _check_links(page: Lesson | Intro, root: Path, problems: Problems) -> None:
    for line, count in bracket_floods(page.body, page.body_line):
        problems.add(page.source, line, *bracket_flood_problem(count))
    for link in chain(find_links(page.body, page.body_line), find_html_files(page.body, page.body_line)):
        broken = broken_link(link, page.source, root)
        if broken:
            problems.add(page.source, link.line, *broken)
        elif not link.is_image and link.target.split("#", 1)[0].split("?", 1)[0].lower().endswith(".svg"):
            problems.add(page.source, link.line, f"liên kết mở ảnh SVG '{link.target}' như một trang",
                         f"hiện ảnh trong bài bằng ![mô tả]({link.target})")
