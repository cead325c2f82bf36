"""Quiz bundles: one YAML file per quiz in ``quizzes/``, read and checked into dataclasses.

The format is in docs/quiz-format.md. Every problem of every quiz file is reported at
its line; a quiz with any problem is left out so that the build stops.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..source import schema
from ..model.framework import SLUG, Competence, Framework
from ..model.glossary import Glossary, check_data_marks
from ..output.images import report_unusable
from ..model.links import bracket_flood_problem, bracket_floods, find_pictures, picture_in_quiz_text
from ..problems import Problems, did_you_mean
from .answers import normalise_answer
from .question import Image, Question
from .types import QUESTION_TYPES, TEXT
from ..source.yamlfile import UNREADABLE, Mapping, Sequence, read_yaml_file

DEFAULT_PASS_MARK = 70
QUIZ_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Quiz:
    id: str
    source: Path
    title: str
    competences: tuple[Competence, ...]
    level: int
    pass_mark: int  # percent
    questions: tuple[Question, ...] = field(default_factory=tuple)


_COMMON = {
    "type": {"type": "string"},
    "id": {"type": "string", "pattern": SLUG},
    "prompt": TEXT,
    "explanation": TEXT,
    "image": {
        "type": "object",
        "required": ["src", "alt"],
        "properties": {"src": TEXT, "alt": TEXT},
    },
    "shuffle": {"type": "boolean"},
}
_QUESTION_SCHEMAS: dict[str, dict] = {}  # by type name, made once (schema.check keeps its validator)


def _question_schema(name: str) -> dict:
    if name not in _QUESTION_SCHEMAS:
        kind = QUESTION_TYPES[name]
        _QUESTION_SCHEMAS[name] = {"type": "object", "required": ["prompt", *kind.required],
                                   "properties": {**_COMMON, **kind.properties}}
    return _QUESTION_SCHEMAS[name]

QUIZ_SCHEMA = {
    "type": "object",
    "required": ["title", "competences", "level", "questions"],
    "properties": {
        "title": TEXT,
        "competences": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "level": {"type": "integer", "minimum": 1},
        "pass_mark": {"type": "integer", "minimum": 1, "maximum": 100},
        "questions": {"type": "array", "minItems": 1, "items": {"type": "object"}},
    },
}
QUIZ_EXAMPLE = {
    "title": "title: Tên bài kiểm tra",
    "competences": 'competences: ["4.2"]',
    "level": "level: 1",
    "questions": "questions:   # danh sách câu hỏi, xem HUONG-DAN-SOAN-BAI.md",
    "prompt": "prompt: Nội dung câu hỏi?",
    "options": "options:   # danh sách lựa chọn, mỗi lựa chọn có text, correct",
    "answer": "answer: true",
    "answers": "answers: [đáp án, cách viết khác]",
    "items": "items: [Bước 1, Bước 2, Bước 3]",
    "pairs": "pairs:   # danh sách cặp left/right",
    "alt": "alt: Mô tả ngắn nội dung ảnh",
    "src": "src: anh/ten-anh.png",
    "pass_mark": "pass_mark: 70   # phần trăm số câu đúng để đạt",
    "type": "type: single",
    "id": "id: otp-la-gi",
    "explanation": "explanation: Lời giải thích, hiện sau khi bấm Kiểm tra",
    "image": "image: {src: anh/ten-anh.png, alt: Mô tả ngắn nội dung ảnh}",
    "shuffle": "shuffle: false   # giữ nguyên thứ tự các lựa chọn",
    "text": "text: Nội dung lựa chọn",
    "correct": "correct: true",
    "feedback": "feedback: Lời nhắn cho người học",
    "feedback_true": "feedback_true: Lời nhắn khi người học chọn Đúng",
    "feedback_false": "feedback_false: Lời nhắn khi người học chọn Sai",
    "tolerance": "tolerance: 0.5   # chấp nhận sai lệch bao nhiêu",
    "range": "range: [10, 20]   # số nhỏ trước, số lớn sau",
    "unit": "unit: phút",
    "left": "left: Wi-Fi",
    "right": "right: Mạng không dây",
}


def quiz_files(quizzes_dir: Path) -> list[Path]:
    if not quizzes_dir.is_dir():
        return []
    return sorted(p for p in quizzes_dir.iterdir()
                  if p.suffix in QUIZ_SUFFIXES and not p.name.startswith("."))


def load_quizzes(quizzes_dir: Path, framework: Framework, problems: Problems,
                 glossary: Glossary | None = None) -> dict[str, Quiz]:
    """Every quiz; with ``glossary``, terms marked in their texts are checked against it."""
    quizzes: dict[str, Quiz] = {}
    for path in quiz_files(quizzes_dir):
        if not re.match(SLUG, path.stem):
            problems.add(path, 1, "tên tệp bài kiểm tra chỉ được dùng chữ thường không dấu, chữ số và dấu '-'",
                         "tên tệp là mã của bài kiểm tra, dùng trong trường 'quiz' của bài học")
            continue
        if path.stem.startswith("cuoi-cap-"):
            problems.add(path, 1, "tên tệp bắt đầu bằng 'cuoi-cap-' được dành cho bài kiểm tra cuối cấp",
                         "đổi tên tệp")
            continue
        if path.stem in quizzes:
            problems.add(path, 1, f"đã có bài kiểm tra '{path.stem}' ({quizzes[path.stem].source.name})",
                         "giữ một tệp, xóa hoặc đổi tên tệp còn lại")
            continue
        quiz = load_quiz(path, framework, problems, glossary)
        if quiz:
            quizzes[quiz.id] = quiz
    return quizzes


def load_quiz(path: Path, framework: Framework, problems: Problems, glossary: Glossary | None = None) -> Quiz | None:
    data = read_yaml_file(path, problems)
    if data is UNREADABLE:
        return None
    if isinstance(data, Mapping) and isinstance(data.get("competences"), str):
        one = Sequence([data["competences"]])
        one.line, one.item_lines = data.line_of("competences"), [data.line_of("competences")]
        data["competences"] = one
    before = len(problems.items)
    if not schema.check(data, QUIZ_SCHEMA, problems=problems, path=path, what="bài kiểm tra",
                        example=QUIZ_EXAMPLE):
        return None
    competences = _competences(data, framework, path, problems)
    if glossary is not None:  # marks show as plain words in quizzes (richtext.py), but must exist
        check_data_marks(data, glossary, path, problems)
    if framework.tier_of_level(data["level"]) is None:
        problems.add(path, data.line_of("level"), f"{framework.level_label(data['level']).lower()} "
                     "không có trong khung năng lực",
                     f"chọn một bậc từ 1 đến {max(max(t.levels) for t in framework.tiers)}")
    questions = []
    for index, item in enumerate(data["questions"]):
        question = _question(item, index, path, problems)
        if question:
            questions.append(question)
    _check_unique_keys(questions, data["questions"], path, problems)
    if len(problems.items) > before:
        return None
    return Quiz(path.stem, path, data["title"].strip(), competences, data["level"],
                data.get("pass_mark", DEFAULT_PASS_MARK), tuple(questions))


def _competences(data: Mapping, framework: Framework, path: Path, problems: Problems):
    found = []
    codes: Sequence = data["competences"]
    for index, code in enumerate(codes):
        if code not in framework.competences:
            problems.add(path, codes.line_of(index), f"mã năng lực '{code}' không có trong khung năng lực",
                         "các mã gần nhất: " + ", ".join(framework.nearest_codes(code)))
        else:
            found.append(framework.competences[code])
    return tuple(found)


def _question(item: Mapping, index: int, path: Path, problems: Problems) -> Question | None:
    where = ("questions", index)
    kind = item.get("type")
    if kind not in QUESTION_TYPES:
        message = (f"câu hỏi {index + 1} thiếu trường 'type'" if kind is None
                   else f"loại câu hỏi '{kind}' không được hỗ trợ")
        problems.add(path, item.line_of("type"), message, did_you_mean(str(kind), QUESTION_TYPES)
                     if kind is not None else "các loại: " + ", ".join(QUESTION_TYPES))
        return None
    before = len(problems.items)
    schema.check(item, _question_schema(kind), problems=problems, path=path,
                 what=f"câu hỏi {index + 1}", example={**QUIZ_EXAMPLE, **QUESTION_TYPES[kind].examples})
    if len(problems.items) > before:
        return None
    _check_text_pictures(item, path, problems)
    prompt = item["prompt"].strip()
    common = dict(
        key=item.get("id") or _derived_key(prompt),
        type=kind,
        prompt=prompt,
        line=item.line,
        explanation=item.get("explanation"),
        image=_image(item, path, problems),
        shuffle=item.get("shuffle", True),
    )
    return QUESTION_TYPES[kind].read(item, common, path, problems)


def _derived_key(prompt: str) -> str:
    # Without an explicit id, a question is known by its prompt: editing the prompt
    # makes it a new question, whose old saved answer no longer applies.
    return "q-" + hashlib.sha256(normalise_answer(prompt).encode()).hexdigest()[:8]


def _image(item: Mapping, path: Path, problems: Problems) -> Image | None:
    image = item.get("image")
    if not image:
        return None
    target = (path.parent / image["src"]).resolve()
    if not target.is_file() or path.parent.resolve() not in target.parents:
        problems.add(path, image.line_of("src"), f"không tìm thấy ảnh '{image['src']}'",
                     f"đặt ảnh trong thư mục {path.parent.name}/ và ghi đường dẫn tính từ thư mục đó")
    else:
        report_unusable(target, problems, [(path, image.line_of("src"), image["src"])])
    return Image(image["src"], image["alt"].strip())


def _check_text_pictures(item: Mapping, path: Path, problems: Problems) -> None:
    """Pictures written into a question's texts (S2-12): only the 'image' field's is published."""
    for text, line in _texts(item):
        for picture in find_pictures(text, line):
            problems.add(path, line, *picture_in_quiz_text(picture, path.parent.name))
        for _, count in bracket_floods(text, line):
            problems.add(path, line, *bracket_flood_problem(count))


def _texts(item: Mapping) -> Iterator[tuple[str, int]]:
    """Every text of a checked question that is shown as Markdown, with the line it starts at."""
    for key in ("prompt", "explanation", "feedback", "feedback_true", "feedback_false"):
        if key in item:
            yield item[key], item.line_of(key)
    for key, parts in (("options", ("text", "feedback")), ("pairs", ("left", "right"))):
        for entry in item.get(key, ()):
            yield from ((entry[part], entry.line_of(part)) for part in parts if part in entry)
    for index, text in enumerate(item.get("items", ())):
        yield text, item["items"].line_of(index)


def _check_unique_keys(questions: list[Question], items: Sequence, path: Path, problems: Problems):
    seen: dict[str, Question] = {}
    for question in questions:
        if question.key in seen:
            first = seen[question.key]
            what = (f"mã câu hỏi '{question.key}'" if not question.key.startswith("q-")
                    else "câu hỏi giống hệt câu hỏi")
            problems.add(path, question.line, f"{what} đã dùng ở dòng {first.line}",
                         "mỗi câu hỏi cần 'id' khác nhau (hoặc nội dung khác nhau)")
        else:
            seen[question.key] = question
