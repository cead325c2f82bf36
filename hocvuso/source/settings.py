"""Project settings: ``mkdocs.yml`` as the one file authors edit.

MkDocs reads its own keys; hocvuso reads the ``hocvuso:`` section (where the
framework, content and quizzes are) and the few MkDocs keys it relies on, and checks
them here, with the line in ``mkdocs.yml``, before MkDocs ever sees the file.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from . import schema
from ..model.framework import SLUG
from ..text import slugify
from ..output.weight import KB, Budgets
from ..problems import CourseError, Problems
from .authorfile import read_author_text
from .yamlfile import Mapping, YamlSyntaxError, load_yaml

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
        # Page-weight budgets in KB (see hocvuso/output/weight.py); the build fails past them.
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
    version: str  # of the course, printed on certificates; "" when mkdocs.yml names none
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
    text = read_author_text(config_file, problems)
    problems.raise_if_any()
    try:
        raw = load_yaml(text, mkdocs=True)
    except YamlSyntaxError as error:
        problems.add(config_file, error.line, error.message, error.hint)
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
    _check_theme(raw, problems, config_file)
    _check_code(raw, problems, config_file)
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
        version=str(ours.get("version") or ""),
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


def _check_theme(raw: Mapping, problems: Problems, path: Path) -> None:
    # hocvuso's templates (theme/) extend Material's; another theme would be measured and
    # reported page by page against budgets it was never made for.
    theme = raw.get("theme")
    name = theme.get("name") if isinstance(theme, Mapping) else theme
    if name not in (None, "material"):
        problems.add(path, (theme.line_of("name") if isinstance(theme, Mapping) else raw.line_of("theme")),
                     f"giao diện '{name}' không dùng được: hocvuso dựng trang bằng giao diện Material",
                     "đặt 'name: material' trong mục theme (giao diện riêng đặt trong thư mục theme/)")


_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_SCRIPT_SCHEMES = ("javascript", "vbscript", "data", "file")  # plain text "Ghi chú: …" is fine


def _check_urls(data, problems: Problems, path: Path) -> None:
    """Links in 'extra' (Material's social icons…) are printed as hrefs: only web, mail
    and phone links, never ``javascript:``."""
    items = data.items() if isinstance(data, Mapping) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(value, str):
            scheme = _SCHEME.match(value)
            if scheme and scheme[1].lower() in _SCRIPT_SCHEMES:
                problems.add(path, data.line_of(key), f"liên kết '{value[:60]}' không được dùng trong mkdocs.yml",
                             "chỉ dùng liên kết https://, mailto: hoặc tel:")
        else:
            _check_urls(value, problems, path)


# Python-Markdown's own extensions, by the short names MkDocs accepts.
_MARKDOWN_BUILTINS = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
    "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc",
    "wikilinks"})
_EXTENSION_PACKAGES = ("markdown.extensions.", "pymdownx.", "material.")


def _check_code(raw: Mapping, problems: Problems, path: Path) -> None:
    """mkdocs.yml is configuration, not a program: nothing in it may run code of its own
    on the machine that builds the course, nor add script to learners' pages."""
    refused = {
        "INHERIT": ("hocvuso không đọc tệp cấu hình kế thừa (INHERIT)",
                    "chép các dòng cần dùng vào mkdocs.yml này"),
        "hooks": ("'hooks' chạy mã Python khi dựng trang: hocvuso không cho phép",
                  "xóa mục hooks; hocvuso đã làm sẵn mọi bước dựng trang"),
        "extra_javascript": ("'extra_javascript' thêm JavaScript vào mọi trang của người học: hocvuso không cho phép",
                             "xóa mục này; hocvuso tự nạp các tệp JavaScript cần thiết"),
        "extra_css": ("'extra_css' không dùng được với hocvuso",
                      "đặt CSS riêng của khóa học vào tệp theme/assets/extra.css"),
        "extra_templates": ("'extra_templates' không dùng được với hocvuso",
                            "xóa mục này; trang riêng viết bằng Markdown trong content/"),
    }
    for key, (message, hint) in refused.items():
        if raw.get(key):
            problems.add(path, raw.line_of(key), message, hint)
    extra = raw.get("extra")
    if isinstance(extra, Mapping):
        if extra.get("analytics") or extra.get("consent"):
            key = "analytics" if extra.get("analytics") else "consent"
            problems.add(path, extra.line_of(key),
                         f"'extra: {key}' tải mã theo dõi từ máy chủ khác vào mọi trang: hocvuso không cho phép",
                         "xóa mục này; người học trả tiền cho từng KB và có khi không có mạng")
        _check_urls(extra, problems, path)
    extensions = raw.get("markdown_extensions")
    for index, entry in enumerate(extensions if isinstance(extensions, list) else []):
        name = next(iter(entry), None) if isinstance(entry, Mapping) else entry
        if not isinstance(name, str):
            continue
        if name not in _MARKDOWN_BUILTINS and not name.startswith(_EXTENSION_PACKAGES):
            problems.add(path, extensions.line_of(index),
                         f"phần mở rộng Markdown '{name}' không thuộc Python-Markdown, PyMdown hay Material",
                         "chỉ dùng phần mở rộng của Python-Markdown (ví dụ admonition), pymdownx.* hoặc material.*; "
                         "một tên khác có thể nạp mã Python nằm trong thư mục khóa học")
