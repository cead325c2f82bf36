"""Quiz bundles: one YAML file per quiz in ``quizzes/``, read and checked into dataclasses.

The format is in docs/quiz-format.md. Every problem of every quiz file is reported at
its line; a quiz with any problem is left out so that the build stops.
"""

from __future__ import annotations

import hashlib
import json
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
from ..source.yamlfile import UNREADABLE, Mapping, Sequence, read_yaml_file

TYPES = ("single", "multiple", "true_false", "short_text", "numeric", "ordering", "matching")
DEFAULT_PASS_MARK = 70
QUIZ_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str | None


@dataclass(frozen=True)
class Image:
    src: str  # relative to the quizzes folder
    alt: str


@dataclass(frozen=True)
class Question:
    key: str  # stable id: the author's ``id`` or one derived from the prompt
    type: str
    prompt: str
    line: int
    explanation: str | None = None
    image: Image | None = None
    shuffle: bool = True
    options: tuple[Option, ...] = ()  # single, multiple
    answer: bool | None = None  # true_false
    feedback_true: str | None = None
    feedback_false: str | None = None
    answers: tuple[str, ...] = ()  # short_text
    feedback: str | None = None  # short_text, numeric: shown on a wrong answer
    low: float = 0.0  # numeric: accepted range
    high: float = 0.0
    unit: str | None = None
    items: tuple[str, ...] = ()  # ordering, in the right order
    pairs: tuple[tuple[str, str], ...] = ()  # matching

    @property
    def fingerprint(self) -> str:
        """Changes whenever what the learner sees or what counts as right changes."""
        content = {k: v for k, v in self.__dict__.items() if k not in ("key", "line")}
        text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=_plain)
        return hashlib.sha256(text.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Quiz:
    id: str
    source: Path
    title: str
    competences: tuple[Competence, ...]
    level: int
    pass_mark: int  # percent
    questions: tuple[Question, ...] = field(default_factory=tuple)


def _plain(value):
    return value.__dict__ if hasattr(value, "__dict__") else str(value)


_TEXT = {"type": "string", "minLength": 1}
_COMMON = {
    "type": {"type": "string"},
    "id": {"type": "string", "pattern": SLUG},
    "prompt": _TEXT,
    "explanation": _TEXT,
    "image": {
        "type": "object",
        "required": ["src", "alt"],
        "properties": {"src": _TEXT, "alt": _TEXT},
    },
    "shuffle": {"type": "boolean"},
}
_NUMBER = {"type": ["number", "string"]}  # YAML floats stay text here; parsed below
_PER_TYPE = {
    "single": ({"options": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["text"],
        "properties": {"text": _TEXT, "correct": {"type": "boolean"}, "feedback": _TEXT},
    }}}, ["options"]),
    "true_false": ({"answer": {"type": "boolean"}, "feedback_true": _TEXT, "feedback_false": _TEXT},
                   ["answer"]),
    "short_text": ({"answers": {"type": "array", "minItems": 1, "items": _TEXT}, "feedback": _TEXT},
                   ["answers"]),
    "numeric": ({"answer": _NUMBER, "tolerance": _NUMBER, "range": {
        "type": "array", "minItems": 2, "maxItems": 2, "items": _NUMBER}, "unit": _TEXT, "feedback": _TEXT},
                []),
    "ordering": ({"items": {"type": "array", "minItems": 2, "items": _TEXT}}, ["items"]),
    "matching": ({"pairs": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["left", "right"], "properties": {"left": _TEXT, "right": _TEXT},
    }}}, ["pairs"]),
}
_PER_TYPE["multiple"] = _PER_TYPE["single"]
_QUESTION_SCHEMAS = {kind: {"type": "object", "required": ["prompt", *required],
                            "properties": {**_COMMON, **properties}}
                     for kind, (properties, required) in _PER_TYPE.items()}

QUIZ_SCHEMA = {
    "type": "object",
    "required": ["title", "competences", "level", "questions"],
    "properties": {
        "title": _TEXT,
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
# Where a key means something else in one type of question.
_TYPE_EXAMPLE = {"numeric": {"answer": "answer: 10"}}


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
    if kind not in TYPES:
        message = (f"câu hỏi {index + 1} thiếu trường 'type'" if kind is None
                   else f"loại câu hỏi '{kind}' không được hỗ trợ")
        problems.add(path, item.line_of("type"), message, did_you_mean(str(kind), TYPES)
                     if kind is not None else "các loại: " + ", ".join(TYPES))
        return None
    before = len(problems.items)
    schema.check(item, _QUESTION_SCHEMAS[kind], problems=problems, path=path,
                 what=f"câu hỏi {index + 1}", example={**QUIZ_EXAMPLE, **_TYPE_EXAMPLE.get(kind, {})})
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
    return _TYPE_READERS[kind](item, common, path, problems)


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


def _choices(item, common, path, problems) -> Question | None:
    options = tuple(Option(o["text"].strip(), bool(o.get("correct", False)), o.get("feedback"))
                    for o in item["options"])
    right = sum(o.correct for o in options)
    line = item.line_of("options")
    if right == 0:
        problems.add(path, line, "câu hỏi không có lựa chọn đúng nào",
                     "thêm 'correct: true' vào lựa chọn đúng")
        return None
    if common["type"] == "single" and right > 1:
        problems.add(path, line, f"câu hỏi loại 'single' chỉ được có một lựa chọn đúng, đang có {right}",
                     "giữ một 'correct: true', hoặc đổi 'type' thành 'multiple'")
        return None
    texts = [normalise_answer(o.text) for o in options]
    for i, text in enumerate(texts):
        if text in texts[:i]:
            problems.add(path, item["options"].line_of(i), f"lựa chọn '{options[i].text}' bị lặp lại",
                         "xóa lựa chọn trùng")
            return None
    return Question(**common, options=options)


def _true_false(item, common, path, problems) -> Question:
    return Question(**common, answer=item["answer"], feedback_true=item.get("feedback_true"),
                    feedback_false=item.get("feedback_false"))


def _short_text(item, common, path, problems) -> Question:
    answers = tuple(a.strip() for a in item["answers"])
    return Question(**common, answers=answers, feedback=item.get("feedback"))


def _numeric(item, common, path, problems) -> Question | None:
    def number(key, value, line) -> float | None:
        try:
            return float(str(value).replace(",", "."))
        except ValueError:
            problems.add(path, line, f"'{key}' phải là một số, không phải '{value}'", "ví dụ: 10 hoặc 2.5")
            return None

    if ("answer" in item) == ("range" in item):
        problems.add(path, item.line, "câu hỏi loại 'numeric' cần 'answer' (có thể kèm 'tolerance') "
                     "hoặc 'range', và chỉ một trong hai", "ví dụ: 'answer: 10' hoặc 'range: [10, 20]'")
        return None
    if "range" in item:
        low, high = (number("range", v, item["range"].line_of(i)) for i, v in enumerate(item["range"]))
        if low is not None and high is not None and low > high:
            problems.add(path, item.line_of("range"), "'range' phải viết số nhỏ trước, số lớn sau",
                         f"đổi thành [{item['range'][1]}, {item['range'][0]}]")
            return None
    else:
        value = number("answer", item["answer"], item.line_of("answer"))
        tolerance = number("tolerance", item.get("tolerance", 0), item.line_of("tolerance"))
        if value is None or tolerance is None:
            return None
        if tolerance < 0:
            problems.add(path, item.line_of("tolerance"), "'tolerance' không được là số âm", "ví dụ: 0.5")
            return None
        low, high = value - tolerance, value + tolerance
    if low is None or high is None:
        return None
    return Question(**common, low=low, high=high, unit=item.get("unit"), feedback=item.get("feedback"))


def _ordering(item, common, path, problems) -> Question:
    return Question(**common, items=tuple(i.strip() for i in item["items"]))


def _matching(item, common, path, problems) -> Question | None:
    pairs = tuple((p["left"].strip(), p["right"].strip()) for p in item["pairs"])
    # Two equal lefts are two rows the learner cannot tell apart (swapping them is marked
    # wrong); two equal rights, two choices alike. Compared as answers are: case, accents
    # and spacing aside.
    distinct = True
    for side, key, name in ((0, "left", "trái"), (1, "right", "phải")):
        texts = [normalise_answer(pair[side]) for pair in pairs]
        if len(set(texts)) < len(texts):
            problems.add(path, item.line_of("pairs"), f"hai cặp có cùng vế {name}: người học không phân biệt được",
                         f"mỗi vế {name} ('{key}') phải khác nhau")
            distinct = False
    return Question(**common, pairs=pairs) if distinct else None


_TYPE_READERS = {
    "single": _choices, "multiple": _choices, "true_false": _true_false, "short_text": _short_text,
    "numeric": _numeric, "ordering": _ordering, "matching": _matching,
}


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
