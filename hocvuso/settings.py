"""Project settings: ``mkdocs.yml`` as the one file authors edit.

MkDocs reads its own keys; hocvuso reads the ``hocvuso:`` section (where the
framework, content and quizzes are) and the few MkDocs keys it relies on, and checks
them here, with the line in ``mkdocs.yml``, before MkDocs ever sees the file.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path

from . import schema
from .framework import SLUG
from .lessons import slugify
from .weight import KB, Budgets
from .problems import CourseError, Problems
from .yamlsource import Mapping, YamlSyntaxError, load_yaml

CONFIG_NAME = "mkdocs.yml"

SETTINGS_SCHEMA = {
    "type": "object",
    "properties": {
        "framework": {"type": "string", "minLength": 1},
        "content": {"type": "string", "minLength": 1},
        "quizzes": {"type": "string", "minLength": 1},
        "glossary": {"type": "string", "minLength": 1},  # terms explained in lessons
        "course_id": {"type": "string", "pattern": SLUG},
        # Printed on certificates; the build date when not given.
        "version": {"type": ["string", "number"]},
        # Page-weight budgets in KB (see hocvuso/weight.py); the build fails past them.
        "budgets": {"type": "object", "properties": {
            key: {"type": "number", "exclusiveMinimum": 0}
            for key in ("first_visit_br", "first_visit_gz", "repeat_visit_br", "page_html", "image", "audio")}},
        # What the course promises to teach, per tier: "all" or a list of competence codes.
        "coverage": {"type": "object", "additionalProperties": {
            "anyOf": [{"const": "all"}, {"type": "array", "items": {"type": "string"}, "examples": [["1.1", "4.2"]]}]}},
    },
}
SETTINGS_EXAMPLE = {  # lines for the author to copy, per key of the 'hocvuso' section
    "framework": "framework: content/framework.yml",
    "content": "content: content",
    "quizzes": "quizzes: quizzes",
    "glossary": "glossary: content/glossary.yml",
    "course_id": "course_id: hoc-vu-so",
    "version": 'version: "2026.1"',
    "budgets": "budgets: {image: 100, audio: 3000}   # số KB",
    **{f.name: f"{f.name}: {f.default // KB}   # số KB, lớn hơn 0" for f in dataclasses.fields(Budgets)},
    "coverage": "coverage: {co-ban: all}",
}
MKDOCS_START = ["site_name: Học vụ số", "hocvuso:", "  framework: content/framework.yml"]


@dataclass(frozen=True)
class Settings:
    config_file: Path
    project_dir: Path
    content_dir: Path
    framework_file: Path
    quizzes_dir: Path
    glossary_file: Path  # may not exist: a course without a glossary
    site_dir: Path
    site_name: str
    course_id: str  # names the learner's saved progress: keep it when renaming the site
    version: str  # of the course, printed on certificates
    coverage: Mapping  # tier slug -> "all" or codes, with lines; checked against the framework later
    budgets: Budgets
    raw: Mapping  # all of mkdocs.yml, with lines, for reporting MkDocs' own complaints


def load_settings(config_file: Path) -> Settings:
    """Read ``mkdocs.yml``; raise :class:`CourseError` naming every problem found."""
    config_file = config_file.resolve()
    project_dir = config_file.parent
    problems = Problems(project_dir)
    if not config_file.is_file():
        problems.add(config_file, 1, "không tìm thấy tệp cấu hình",
                     "chạy lệnh trong thư mục có mkdocs.yml, hoặc chỉ rõ tệp bằng --config")
        problems.raise_if_any()
    try:
        raw = load_yaml(config_file.read_text(encoding="utf-8"))
    except YamlSyntaxError as error:
        problems.add(config_file, error.line, f"lỗi cú pháp YAML: {error.problem}",
                     "kiểm tra dấu ':', thụt đầu dòng và dấu ngoặc ở dòng này hoặc dòng trên")
        raise CourseError(problems.items) from None
    if not isinstance(raw, Mapping):
        problems.add(config_file, 1, *schema.not_a_mapping(raw, what="mkdocs.yml", start=MKDOCS_START))
        problems.raise_if_any()

    ours = raw.get("hocvuso") or Mapping()
    if not isinstance(ours, Mapping):
        problems.add(config_file, raw.line_of("hocvuso"), "'hocvuso' phải là một nhóm trường",
                     "ví dụ:\n      hocvuso:\n        framework: content/framework.yml")
        problems.raise_if_any()
    schema.check(ours, SETTINGS_SCHEMA, problems=problems, path=config_file,
                 what="mục 'hocvuso'", example=SETTINGS_EXAMPLE)
    _check_site_name(raw, problems, config_file)
    _check_fonts(raw, problems, config_file)
    problems.raise_if_any()

    content_dir = project_dir / ours.get("content", "content")
    framework_file = project_dir / ours.get("framework", "content/framework.yml")
    if not content_dir.is_dir():
        problems.add(config_file, ours.line_of("content") if "content" in ours else 1,
                     f"không tìm thấy thư mục bài học '{ours.get('content', 'content')}'",
                     "tạo thư mục này hoặc sửa 'hocvuso: content:' trong mkdocs.yml")
    if not framework_file.is_file():
        problems.add(config_file, ours.line_of("framework") if "framework" in ours else 1,
                     f"không tìm thấy tệp khung năng lực '{ours.get('framework', 'content/framework.yml')}'",
                     "sửa 'hocvuso: framework:' trong mkdocs.yml cho đúng đường dẫn tệp")
    problems.raise_if_any()
    site_dir = raw.get("site_dir") if isinstance(raw.get("site_dir"), str) else "site"
    return Settings(
        config_file=config_file,
        project_dir=project_dir,
        content_dir=content_dir.resolve(),
        framework_file=framework_file.resolve(),
        quizzes_dir=(project_dir / ours.get("quizzes", "quizzes")).resolve(),
        glossary_file=(project_dir / ours["glossary"] if "glossary" in ours
                       else content_dir / "glossary.yml").resolve(),
        site_dir=(project_dir / site_dir).resolve(),
        site_name=str(raw["site_name"]),
        course_id=ours.get("course_id") or slugify(str(raw["site_name"])),
        version=str(ours.get("version") or datetime.date.today().isoformat()),
        coverage=ours.get("coverage") or Mapping(),
        budgets=Budgets(**{key: int(kb * KB) for key, kb in (ours.get("budgets") or {}).items()}),
        raw=raw,
    )


def _check_site_name(raw: Mapping, problems: Problems, path: Path) -> None:
    if not raw.get("site_name"):
        problems.add(path, raw.line_of("site_name"), "thiếu tên trang 'site_name'",
                     "thêm dòng 'site_name: Học vụ số' vào mkdocs.yml")


def _check_fonts(raw: Mapping, problems: Problems, path: Path) -> None:
    # A web font would be fetched from Google on every first visit and never from a
    # USB stick: learners on paid data get the phone's own fonts instead.
    theme = raw.get("theme")
    if isinstance(theme, Mapping) and theme.get("font") not in (None, False):
        problems.add(path, theme.line_of("font"),
                     "phông chữ web (Google Fonts) không được dùng: trang phải chạy không cần mạng",
                     "đặt 'font: false' trong mục theme để dùng phông chữ có sẵn của máy")
