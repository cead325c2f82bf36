"""`import-gift` and `export-gift`: GIFT files in and out of the quizzes folder.

The conversion itself is in :mod:`hocvuso.gift`; this module only decides where files
go, refuses to overwrite an author's quiz unless told to, and reports problems as
``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model.framework import SLUG
from ..output.folders import overlap, writing
from ..quiz.gift import GiftSyntaxError, Skipped, dump_yaml, parse_gift, to_gift
from ..text import slugify
from ..problems import CourseError, Problems
from ..quiz.model import QUIZ_SUFFIXES
from ..source.settings import Settings
from ..source.yamlfile import read_yaml_file


@dataclass(frozen=True)
class GiftImport:
    written: Path
    questions: int
    skipped: list[Skipped]


def import_gift(settings: Settings, gift_file: Path, *, force: bool = False,
                competences: list[str] | None = None, level: int | None = None) -> GiftImport:
    problems = Problems(settings.project_dir)
    if not gift_file.is_file():
        problems.add(gift_file, 1, "không tìm thấy tệp GIFT", "kiểm tra đường dẫn tệp")
        problems.raise_if_any()
    quiz_id = gift_file.stem if _is_slug(gift_file.stem) else slugify(gift_file.stem)
    target = settings.quizzes_dir / f"{quiz_id}.yml"
    existing = [settings.quizzes_dir / f"{quiz_id}{s}" for s in QUIZ_SUFFIXES]
    if not force and any(p.exists() for p in existing):
        found = next(p for p in existing if p.exists())
        problems.add(found, 1, "đã có bài kiểm tra này; không ghi đè",
                     "thêm --force nếu muốn thay nó bằng nội dung tệp GIFT")
        problems.raise_if_any()
    try:
        imported = parse_gift(gift_file.read_text(encoding="utf-8-sig"), title=gift_file.stem)
    except GiftSyntaxError as error:
        problems.add(gift_file, error.line, error.message, "sửa tệp GIFT rồi chạy lại lệnh")
        raise CourseError(problems.items) from None
    except UnicodeDecodeError:
        problems.add(gift_file, 1, "tệp không phải văn bản UTF-8", "xuất lại tệp GIFT với bảng mã UTF-8")
        raise CourseError(problems.items) from None
    quiz = dict(imported.quiz)
    if competences:
        quiz["competences"] = competences
    if level:
        quiz["level"] = level
    if not imported.quiz["questions"]:
        for item in imported.skipped:
            problems.add(gift_file, item.line, item.reason)
        problems.add(gift_file, 1, "không chuyển được câu hỏi nào", "tệp cần ít nhất một câu hỏi GIFT được hỗ trợ")
        problems.raise_if_any()
    with writing(target, settings.project_dir):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_yaml(quiz), encoding="utf-8")
    return GiftImport(target, len(quiz["questions"]), imported.skipped)


def export_gift(settings: Settings, quiz_id: str, out: Path | None = None, *, force: bool = False) -> Path:
    problems = Problems(settings.project_dir)
    if not _is_slug(quiz_id):  # an id, never a path: "../mkdocs" must not read mkdocs.yml
        problems.add_option(quiz_id, "mã bài kiểm tra chỉ gồm chữ thường không dấu, chữ số và dấu '-'",
                            f"mã là tên tệp trong {settings.quizzes_dir.name}/ không có đuôi .yml, ví dụ 'mat-khau'")
        problems.raise_if_any()
    target = (out or Path(f"{quiz_id}.gift")).resolve()
    if overlap(target, settings) or target.suffix.lower() != ".gift":
        problems.add_option(str(out or target), "tệp GIFT phải có đuôi .gift và nằm ngoài các thư mục bài của khóa học",
                            "ví dụ: -o xuat/mat-khau.gift")
    elif target.exists() and not force:
        problems.add_option(str(out or target), f"đã có tệp '{problems.display(target)}'; không ghi đè",
                            "thêm --force để ghi đè, hoặc chọn tên khác bằng -o")
    problems.raise_if_any()
    source = next((settings.quizzes_dir / f"{quiz_id}{s}" for s in QUIZ_SUFFIXES
                   if (settings.quizzes_dir / f"{quiz_id}{s}").is_file()), None)
    if source is None:
        problems.add(settings.quizzes_dir, 1, f"không tìm thấy bài kiểm tra '{quiz_id}'",
                     f"tên bài kiểm tra là tên tệp trong {settings.quizzes_dir.name}/, không có đuôi .yml")
        problems.raise_if_any()
    quiz = read_yaml_file(source, problems)
    problems.raise_if_any()
    with writing(target, settings.project_dir):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(to_gift(quiz), encoding="utf-8")
    return target


def _is_slug(text: str) -> bool:
    return re.match(SLUG, text) is not None
