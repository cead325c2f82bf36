"""Lessons: Markdown files with YAML front matter, read and checked into dataclasses.

A lesson's place in the course comes from its front matter (competences, level) and
its tier folder; its address comes from its path, so file names are plain ASCII
slugs: they become URLs, and USB sticks formatted FAT32 ignore case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..source import schema
from .framework import SLUG, Audience, Competence, Framework, Tier
from ..source.frontmatter import UnclosedFrontMatter, split
from ..problems import Problems, did_you_mean
from ..source.authorfile import read_author_text
from ..source.yamlfile import Mapping, Sequence, YamlSyntaxError, load_yaml


@dataclass(frozen=True)
class Lesson:
    source: Path
    path: str  # inside content/, with "/": "co-ban/an-toan/mat-khau.md"
    tier: Tier
    title: str
    competences: tuple[Competence, ...]
    level: int
    audiences: tuple[Audience, ...]
    duration: int  # minutes
    objectives: tuple[str, ...]
    quiz: str | None
    order: int | None
    sources: tuple[str, ...]
    body: str
    body_line: int  # file line where the body starts, for errors inside it

    @property
    def url(self) -> str:
        return output_path(self.path)

    @property
    def domain_code(self) -> str:
        # A lesson sits under the domain of its first (main) competence.
        return self.competences[0].domain_code

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, Path(self.path).name, self.path)


@dataclass(frozen=True)
class Intro:
    """Optional text an author writes for the home page or a tier page."""

    source: Path
    path: str
    title: str | None
    body: str
    body_line: int = 1
    domain_order: tuple[str, ...] = ()  # a tier's domains to learn first, in this order

LIST_FIELDS = ("competences", "audiences", "objectives", "sources")

LESSON_SCHEMA = {
    "type": "object",
    "required": ["title", "competences", "level", "duration", "objectives"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "competences": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "level": {"type": "integer", "minimum": 1},
        "audiences": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "duration": {"type": "integer", "minimum": 1, "maximum": 600},
        "objectives": {
            "type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1},
        },
        "quiz": {"type": "string", "pattern": SLUG},
        "order": {"type": "integer"},
        "sources": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}

LESSON_EXAMPLE = {
    "title": "title: Tên bài học",
    "competences": 'competences: ["4.2"]',
    "level": "level: 1",
    "duration": "duration: 20   # số phút",
    "objectives": "objectives: [Mục tiêu thứ nhất, Mục tiêu thứ hai]",
    "audiences": "audiences: [nguoi-dan]",
    "quiz": "quiz: mat-khau-va-otp   # tên tệp trong quizzes/, không có .yml",
    "order": "order: 1   # thứ tự bài trong mục",
    "sources": "sources: [Tên tài liệu tham khảo]",
}

INTRO_SCHEMA = {"type": "object", "properties": {"title": {"type": "string", "minLength": 1}}}
INTRO_EXAMPLE = {"title": "title: Tên trang"}
TIER_INTRO_SCHEMA = {"type": "object", "properties": {
    **INTRO_SCHEMA["properties"],
    "domain_order": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
}}
TIER_INTRO_EXAMPLE = {**INTRO_EXAMPLE, "domain_order": 'domain_order: ["5", "4", "2"]'}

MARKDOWN_SUFFIXES = (".md", ".markdown")
QUIZ_MARKER = re.compile(r"^<!--\s*quiz\s*-->\s*$", re.M)  # places the quiz inside the lesson


def output_path(path: str) -> str:
    """The page a Markdown file becomes: "co-ban/wifi.md" -> "co-ban/wifi.html"."""
    return str(Path(path).with_suffix(".html").as_posix())


def read_front_matter(source: Path, problems: Problems, *, required: bool) -> tuple[Mapping, str, int] | None:
    """The front matter, body and body line of a Markdown file, or None after reporting."""
    text = read_author_text(source, problems)
    if text is None:
        return None
    try:
        page = split(text)
    except UnclosedFrontMatter:
        problems.add(source, 1, "phần đầu bài mở bằng '---' nhưng không có dòng '---' đóng lại",
                     "thêm một dòng chỉ có '---' ngay sau trường cuối cùng của phần đầu bài")
        return None
    if page.meta_text is None:
        if required:
            problems.add(source, 1, "bài học thiếu phần đầu bài (front matter)",
                         "mở đầu tệp bằng dòng '---', khai báo title, competences, level, "
                         "duration, objectives, rồi đóng bằng dòng '---'")
            return None
        return Mapping(), page.body, page.body_line
    try:
        meta = load_yaml(page.meta_text, first_line=page.meta_line)
    except YamlSyntaxError as error:
        message = (f"lỗi cú pháp YAML trong phần đầu bài: {error.problem}" if error.syntax
                   else f"phần đầu bài: {error.problem}")
        problems.add(source, error.line, message, error.hint)
        return None
    if meta is None:
        meta = Mapping()
    if not isinstance(meta, Mapping):
        problems.add(source, page.meta_line, "phần đầu bài phải gồm các dòng 'tên: giá trị'",
                     "ví dụ: 'title: Tên bài học'")
        return None
    return meta, page.body, page.body_line


def load_intro(source: Path, path: str, problems: Problems, framework: Framework | None = None) -> Intro | None:
    """The home page's intro, or with ``framework`` a tier's, which may order its domains."""
    read = read_front_matter(source, problems, required=False)
    if read is None:
        return None
    meta, body, body_line = read
    if not schema.check(meta, TIER_INTRO_SCHEMA if framework else INTRO_SCHEMA, problems=problems, path=source,
                        what="phần đầu trang giới thiệu", example=TIER_INTRO_EXAMPLE if framework else INTRO_EXAMPLE):
        return None
    order = _domain_order(meta, framework, source, problems) if framework and "domain_order" in meta else ()
    if order is None:
        return None
    return Intro(source, path, meta.get("title"), body, body_line, order)


def _domain_order(meta: Mapping, framework: Framework, source: Path, problems: Problems) -> tuple[str, ...] | None:
    codes: Sequence = meta["domain_order"]
    known = [d.code for d in framework.domains]
    seen: list[str] = []
    for index, code in enumerate(codes):
        if code not in known:
            problems.add(source, codes.line_of(index), f"miền năng lực '{code}' không có trong khung năng lực",
                         did_you_mean(code, known))
        elif code in seen:
            problems.add(source, codes.line_of(index), f"miền năng lực '{code}' bị ghi hai lần", "xóa mã trùng")
        else:
            seen.append(code)
    return tuple(seen) if len(seen) == len(codes) else None


def load_lesson(
    source: Path, path: str, tier: Tier, framework: Framework, *, quizzes_dir: Path,
    problems: Problems,
) -> Lesson | None:
    """Read one lesson; report every problem in it and return None if there was any."""
    read = read_front_matter(source, problems, required=True)
    if read is None:
        return None
    meta, body, body_line = read
    for field in LIST_FIELDS:  # a lone value is a list of one: "competences: 4.2"
        if isinstance(meta.get(field), (str, int)) and not isinstance(meta.get(field), bool):
            one = Sequence([str(meta[field])])
            one.line, one.item_lines = meta.line_of(field), [meta.line_of(field)]
            meta[field] = one
    before = len(problems.items)
    if not schema.check(meta, LESSON_SCHEMA, problems=problems, path=source,
                        what="phần đầu bài học", example=LESSON_EXAMPLE):
        return None
    competences = _competences(meta, framework, source, problems)
    audiences = _audiences(meta, framework, source, problems)
    _check_level(meta, tier, framework, source, problems)
    _check_quiz(meta, quizzes_dir, source, problems)
    _check_quiz_marker(meta, body, body_line, source, problems)
    if len(problems.items) > before:
        return None
    return Lesson(
        source=source,
        path=path,
        tier=tier,
        title=meta["title"].strip(),
        competences=competences,
        level=meta["level"],
        audiences=audiences,
        duration=meta["duration"],
        objectives=tuple(o.strip() for o in meta["objectives"]),
        quiz=meta.get("quiz"),
        order=meta.get("order"),
        sources=tuple(meta.get("sources", ())),
        body=body,
        body_line=body_line,
    )


def _competences(meta: Mapping, framework: Framework, source: Path, problems: Problems):
    known = framework.competences
    found: list[Competence] = []
    codes: Sequence = meta["competences"]
    for index, code in enumerate(codes):
        line = codes.line_of(index)
        if code not in known:
            close = ", ".join(framework.nearest_codes(code))
            problems.add(source, line, f"mã năng lực '{code}' không có trong khung năng lực",
                         f"các mã gần nhất: {close}")
        elif known[code] in found:
            problems.add(source, line, f"mã năng lực '{code}' bị ghi hai lần", "xóa mã trùng")
        else:
            found.append(known[code])
    return tuple(found)


def _audiences(meta: Mapping, framework: Framework, source: Path, problems: Problems):
    if "audiences" not in meta:
        return framework.audiences
    by_slug = {a.slug: a for a in framework.audiences}
    slugs: Sequence = meta["audiences"]
    for index, slug in enumerate(slugs):
        if slug not in by_slug:
            problems.add(source, slugs.line_of(index), f"đối tượng '{slug}' không có trong khung năng lực",
                         did_you_mean(slug, by_slug))
    return tuple(by_slug[s] for s in dict.fromkeys(slugs) if s in by_slug)


def _check_level(meta: Mapping, tier: Tier, framework: Framework, source: Path, problems: Problems):
    level = meta["level"]
    if level in tier.levels:
        return
    levels = " hoặc ".join(map(str, tier.levels))
    right = framework.tier_of_level(level)
    move = f", hoặc chuyển bài sang thư mục '{right.slug}'" if right else ""
    problems.add(
        source, meta.line_of("level"),
        f"{framework.level_label(level).lower()} không thuộc cấp {tier.name} của thư mục "
        f"'{tier.slug}' ({framework.level_name.lower()} {tier.level_range})",
        f"đổi 'level' thành {levels}{move}",
    )


def _check_quiz(meta: Mapping, quizzes_dir: Path, source: Path, problems: Problems):
    quiz = meta.get("quiz")
    if quiz and not any((quizzes_dir / f"{quiz}{ext}").is_file() for ext in (".yml", ".yaml")):
        problems.add(source, meta.line_of("quiz"), f"không tìm thấy bài kiểm tra '{quiz}'",
                     f"tạo tệp {quizzes_dir.name}/{quiz}.yml hoặc sửa tên trong trường 'quiz'")


def _check_quiz_marker(meta: Mapping, body: str, body_line: int, source: Path, problems: Problems):
    lines = [body_line + body[:m.start()].count("\n") for m in QUIZ_MARKER.finditer(body)]
    if lines and not meta.get("quiz"):
        problems.add(source, lines[0], "có dòng '<!-- quiz -->' nhưng bài học chưa khai báo bài kiểm tra",
                     "thêm 'quiz: <tên tệp trong quizzes/>' vào phần đầu bài, hoặc xóa dòng này")
    for line in lines[1:]:
        problems.add(source, line, "dòng '<!-- quiz -->' chỉ được có một lần trong bài", "xóa dòng thừa")
