"""Moodle GIFT text <-> our quiz data (plain dicts and lists, ready to dump as YAML).

Many teachers already keep question banks in Moodle, whose plain-text exchange
format is GIFT. :func:`parse_gift` reads every question our format can express
and reports the others (essays, descriptions, ...) as :class:`Skipped`, each with
the line where it starts, so the author knows what to redo by hand.
:func:`to_gift` writes our questions back for Moodle.

Reading follows Moodle's own importer (question/format/gift/format.php): blank
lines separate questions, escapes are hidden before anything is split, the answer
section decides the type in the same order. A file Moodle accepts therefore reads
the same here; a file Moodle rejects (an unclosed brace) raises
:class:`GiftSyntaxError` with its line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import yaml

from .giftsyntax import escape, hide_escapes, reveal
from ..text import slugify
from .types import QUESTION_TYPES

# ---------------------------------------------------------------- public model


@dataclass(frozen=True)
class Skipped:
    """A question of the GIFT file that our quiz format cannot hold."""

    line: int  # 1-based line in the GIFT file where the question starts
    reason: str  # Vietnamese, for the author


@dataclass(frozen=True)
class Imported:
    quiz: dict  # our quiz format; competences are left for the author to fill in
    skipped: list[Skipped]


class GiftSyntaxError(Exception):
    """The GIFT text is malformed at ``line`` (Moodle would refuse it too)."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"dòng {line}: {message}")


class _Unsupported(Exception):
    """A well-formed GIFT question that our format cannot express; becomes a Skipped."""


# ---------------------------------------------------------------- reading

_FORMAT_PREFIX = re.compile(r"^\[(moodle|html|plain|markdown)\]")
_WEIGHT = re.compile(r"^%\s*(-?\d+(?:[.,]\d*)?)\s*%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_SKIPPED_SUFFIX = "; đã bỏ qua"


@dataclass(frozen=True)
class _Block:
    """One question's lines (comments dropped), joined, with escapes hidden."""

    text: str
    lines: tuple[int, ...]  # source line of each line of ``text``

    def line_at(self, index: int) -> int:
        return self.lines[self.text.count("\n", 0, index)]


def parse_gift(text: str, *, title: str) -> Imported:
    """Our quiz for a GIFT file's text, and the questions it could not take over."""
    questions: list[dict] = []
    skipped: list[Skipped] = []
    ids: set[str] = set()
    for block in _blocks(text):
        try:
            question = _read_question(block)
        except _Unsupported as why:
            skipped.append(Skipped(block.lines[0], f"{why}{_SKIPPED_SUFFIX}"))
            continue
        if "id" in question:
            question["id"] = _unique(question["id"], ids)
        questions.append(question)
    # GIFT knows nothing of our framework: level 1 is a guess and competences stay
    # empty on purpose, so `check` fails until the author chooses them.
    quiz = {"title": title, "competences": [], "level": 1, "questions": questions}
    return Imported(quiz=quiz, skipped=skipped)


def _blocks(text: str) -> list[_Block]:
    """Questions are separated by blank lines; comment and category lines vanish."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    blocks: list[_Block] = []
    lines: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            if lines:
                blocks.append(_Block(hide_escapes("\n".join(lines)), tuple(numbers)))
                lines, numbers = [], []
        elif not stripped.startswith(("//", "$CATEGORY:")):
            lines.append(line)
            numbers.append(number)
    if lines:
        blocks.append(_Block(hide_escapes("\n".join(lines)), tuple(numbers)))
    return blocks


def _unique(slug: str, taken: set[str]) -> str:
    # Two GIFT questions may share a name; our ids must not collide.
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def _read_question(block: _Block) -> dict:
    text = block.text
    start = len(text) - len(text.lstrip())
    name = ""
    if text.startswith("::", start):
        end = text.find("::", start + 2)
        if end < 0:
            raise GiftSyntaxError(block.line_at(start),
                                  "tên câu hỏi mở bằng '::' nhưng không có '::' đóng lại")
        name = reveal(text[start + 2:end]).strip()
        start = end + 2

    sections = _answer_sections(block, start)
    if not sections:
        raise _Unsupported("đoạn mô tả (description) không có phần đáp án {…}, không phải câu hỏi")
    if len(sections) > 1:
        raise _Unsupported("câu hỏi có nhiều phần đáp án {…} (GIFT chỉ cho một phần mỗi câu; "
                           "có thể thiếu dòng trống giữa hai câu hỏi)")
    opening, closing = sections[0]
    before, answer, after = text[start:opening], text[opening + 1:closing].strip(), text[closing + 1:]
    # Text after the braces is Moodle's "missing word" form: the braces stood for a blank.
    prompt = _text(before + "___" + after if after.strip() else before)

    explanation = ""
    cut = answer.rfind("####")
    if cut >= 0:
        explanation = _text(answer[cut + 4:])
        answer = answer[:cut].strip()

    kind, fields = _read_answers(answer)
    if not prompt:
        raise _Unsupported("câu hỏi không có đề bài")
    question: dict = {"type": kind}
    if name and any(c.isalnum() for c in name):
        question["id"] = slugify(name)
    question["prompt"] = prompt
    question.update(fields)
    if explanation:
        question["explanation"] = explanation
    return question


def _answer_sections(block: _Block, start: int) -> list[tuple[int, int]]:
    """(opening, closing) index of each {…}; a brace without its partner is an error."""
    sections: list[tuple[int, int]] = []
    opening = None
    hint = " (muốn viết dấu ngoặc trong chữ thì gõ \\{ hoặc \\})"
    for index in range(start, len(block.text)):
        char = block.text[index]
        if char == "{":
            if opening is not None:
                raise GiftSyntaxError(block.line_at(opening),
                                      "dấu '{' chưa được đóng bằng '}' trước dấu '{' tiếp theo" + hint)
            opening = index
        elif char == "}":
            if opening is None:
                raise GiftSyntaxError(block.line_at(index), "dấu '}' không có dấu '{' mở tương ứng" + hint)
            sections.append((opening, index))
            opening = None
    if opening is not None:
        raise GiftSyntaxError(block.line_at(opening),
                              "dấu '{' mở phần đáp án nhưng không có dấu '}' đóng lại trong cùng câu hỏi"
                              " (các câu hỏi cách nhau bằng một dòng trống)" + hint)
    return sections


def _read_answers(answer: str) -> tuple[str, dict]:
    """Our type and its fields for the inside of the braces; same order of tests as Moodle."""
    if not answer:
        raise _Unsupported("câu hỏi dạng tự luận (essay) chưa được hỗ trợ")
    if answer.startswith("#"):
        return "numeric", _numeric(answer[1:])
    if "~" in answer:
        return _choice(answer)
    if "=" in answer and "->" in answer:
        return "matching", _matching(answer)
    if answer.split("#", 1)[0].strip() in _TRUE_FALSE:
        return "true_false", _true_false(answer)
    return "short_text", _short_text(answer)


def _text(hidden: str) -> str:
    """A finished text: format prefix dropped (the words stay), escapes revealed."""
    hidden = _FORMAT_PREFIX.sub("", hidden.strip(), count=1)
    return reveal(hidden).strip()


def _split_answers(answer: str, markers: str) -> list[tuple[str, str]]:
    """(marker, raw body) per answer; text before the first marker counts, as in Moodle."""
    parts = re.split(f"([{re.escape(markers)}])", answer)
    answers = [("", parts[0])] if parts[0].strip() else []
    answers += list(zip(parts[1::2], parts[2::2]))
    return answers


def _weight(body: str) -> tuple[float | None, str]:
    """The %n% percentage at the start of an answer, if any, and the rest."""
    body = body.strip()
    match = _WEIGHT.match(body)
    if not match:
        return None, body
    return float(match.group(1).replace(",", ".")), body[match.end():]


def _with_feedback(body: str) -> tuple[str, str]:
    text, _, feedback = body.partition("#")
    return _text(text), _text(feedback)


def _choice(answer: str) -> tuple[str, dict]:
    options: list[dict] = []
    weights: list[float] = []
    for marker, body in _split_answers(answer, "=~"):
        weight, body = _weight(body)
        text, feedback = _with_feedback(body)
        if not text:
            raise _Unsupported("câu trắc nghiệm có một phương án để trống")
        options.append({"text": text} | ({"feedback": feedback} if feedback else {}))
        weights.append(weight if weight is not None else (100.0 if marker == "=" else 0.0))
    if len(options) < 2:
        raise _Unsupported("câu trắc nghiệm cần ít nhất hai phương án")

    if "=" in answer:
        # Moodle: one answer to choose. Partial credit (~%50%) has no place in our
        # "single"; such options count as wrong.
        kind = "single"
        correct = [w >= 100 for w in weights]
        if sum(correct) > 1:
            raise _Unsupported(f"câu một lựa chọn có {sum(correct)} phương án đúng 100% "
                               "(câu 'single' của chúng ta cần đúng một phương án đúng)")
        if not any(correct):
            raise _Unsupported("câu một lựa chọn không có phương án nào đúng 100%")
    else:
        # Moodle: several answers to tick; any positive weight marks a right one.
        kind = "multiple"
        correct = [w > 0 for w in weights]
        if not any(correct):
            raise _Unsupported("câu nhiều lựa chọn không có phương án nào đúng (trọng số dương)")
    for option, right in zip(options, correct):
        if right:
            option["correct"] = True
    return kind, {"options": [_ordered(o, ("text", "correct", "feedback")) for o in options]}


def _true_false(answer: str) -> dict:
    value, *feedbacks = answer.split("#", 2)
    # GIFT gives the feedback for a wrong answer first, then for a right one.
    wrong, right = ([_text(f) for f in feedbacks] + ["", ""])[:2]
    truth = _TRUE_FALSE[value.strip()]
    fields: dict = {"answer": truth}
    if_true, if_false = (right, wrong) if truth else (wrong, right)
    if if_true:
        fields["feedback_true"] = if_true
    if if_false:
        fields["feedback_false"] = if_false
    return fields


def _short_text(answer: str) -> dict:
    answers: list[str] = []
    feedback = ""
    for _marker, body in _split_answers(answer, "="):
        weight, body = _weight(body)
        text, note = _with_feedback(body)
        if text == "*" and (weight or 0) <= 0:
            # Moodle's catch-all "*" answer: its feedback is what a wrong answer sees.
            feedback = note
        elif text and (weight is None or weight >= 100):
            answers.append(text)
        # Partial-credit answers are dropped: our short_text is simply right or wrong.
    if not answers:
        raise _Unsupported("câu trả lời ngắn không có đáp án nào đúng 100%")
    return {"answers": answers} | ({"feedback": feedback} if feedback else {})


def _numeric(answer: str) -> dict:
    answer, _, wrong = answer.partition("~")  # Moodle: "~#text" is the feedback for a wrong answer
    feedback = _with_feedback(wrong)[1] if wrong else ""
    right = None
    for _marker, body in _split_answers(answer, "="):
        weight, body = _weight(body)
        if weight is None or weight >= 100:
            right = _with_feedback(body)[0]
            break
    if right is None:
        raise _Unsupported("câu hỏi số không có đáp án nào đúng 100%")
    fields: dict
    if right.find("..") > 0:
        low, _, high = right.partition("..")
        fields = {"range": [_number(low), _number(high)]}
    elif right.find(":") > 0:
        value, _, tolerance = right.partition(":")
        fields = {"answer": _number(value), "tolerance": _number(tolerance)}
    else:
        fields = {"answer": _number(right)}
    return fields | ({"feedback": feedback} if feedback else {})


def _number(text: str) -> int | float:
    text = text.strip().replace(",", ".")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise _Unsupported(f"'{text}' không phải là một số")
    return value


def _matching(answer: str) -> dict:
    pairs: list[dict] = []
    for _marker, body in _split_answers(answer, "="):
        left, arrow, right = body.partition("->")
        if not arrow:
            raise _Unsupported(f"cặp nối '{reveal(body).strip()}' thiếu dấu '->'")
        if _text(left):  # Moodle's extra answers without a left side have no place in our pairs
            pairs.append({"left": _text(left), "right": reveal(right).strip()})
    if len(pairs) < 2:
        raise _Unsupported("câu nối cần ít nhất hai cặp")
    return {"pairs": pairs}


# ---------------------------------------------------------------- writing


def to_gift(quiz: dict) -> str:
    """GIFT text for Moodle; a question GIFT cannot express becomes a comment line."""
    chunks = []
    if quiz.get("title"):
        chunks.append("// " + _one_line(str(quiz["title"])))
    chunks += [_write_question(q) for q in quiz.get("questions") or []]
    return "\n\n".join(chunks) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _write_question(question: dict) -> str:
    kind = question.get("type")
    question_type = QUESTION_TYPES.get(kind)
    if question_type is None or question_type.to_gift is None:  # e.g. "ordering": GIFT has none
        name = question.get("id") or _one_line(str(question.get("prompt", "")))
        return f'// {kind} question "{name}" not exportable to GIFT'
    answers = question_type.to_gift(question)
    explanation = question.get("explanation")
    if explanation:
        answers.append("####" + escape(explanation))
    title = f"::{escape(question['id'])}::" if question.get("id") else ""
    before, blank, after = _missing_word(str(question.get("prompt", "")))
    # Answers on one line when short or inside a sentence; one per line otherwise, as Moodle writes them.
    if blank or question_type.gift_one_line:
        section = "{" + " ".join(answers) + "}"
    else:
        section = "{\n" + "".join(f"\t{a}\n" for a in answers) + "}"
    # Our prompts are Markdown; saying so also keeps a prompt that starts with "//" or
    # "[" from being read as a comment or a format name.
    return f"{title}[markdown]{escape(before)}{'' if blank else ' '}{section}{escape(after)}"


def _missing_word(prompt: str) -> tuple[str, bool, str]:
    """Put the braces where the prompt's single "___" blank is, as Moodle shows it."""
    before, blank, after = prompt.partition("___")
    if blank and after.strip() and "___" not in after:
        return before, True, after
    return prompt, False, ""


# ---------------------------------------------------------------- YAML

_QUIZ_KEYS = ("title", "competences", "level", "pass_mark", "questions")
_QUESTION_KEYS = (
    "type", "id", "prompt", "image", "shuffle", "options", "answer", "tolerance", "range", "unit",
    "answers", "items", "pairs", "feedback_true", "feedback_false", "feedback", "explanation",
)
_NESTED_KEYS = ("text", "correct", "left", "right", "src", "alt", "feedback")


def _ordered(mapping: dict, keys: tuple[str, ...]) -> dict:
    """The same mapping with ``keys`` first in that order, any others after as they were."""
    return {k: mapping[k] for k in keys if k in mapping} | {k: v for k, v in mapping.items() if k not in keys}


def _readable(quiz: dict) -> dict:
    quiz = _ordered(quiz, _QUIZ_KEYS)
    if isinstance(quiz.get("questions"), list):
        quiz["questions"] = [_readable_question(q) if isinstance(q, dict) else q for q in quiz["questions"]]
    return quiz


def _readable_question(question: dict) -> dict:
    question = _ordered(question, _QUESTION_KEYS)
    for key, value in question.items():
        if isinstance(value, dict):  # image
            question[key] = _ordered(value, _NESTED_KEYS)
        elif isinstance(value, list):  # options, pairs
            question[key] = [_ordered(v, _NESTED_KEYS) if isinstance(v, dict) else v for v in value]
    return question


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in our docs and the authors' examples."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_list(dumper: yaml.SafeDumper, items: list):
    # Short lists of plain values read best on one line: [OTP, mã OTP], [10, 20].
    flow = all(isinstance(i, (str, int, float)) and "\n" not in str(i) for i in items) \
        and sum(len(str(i)) + 2 for i in items) <= 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def dump_yaml(quiz: dict) -> str:
    """YAML text of a quiz: keys in the order of our docs, Vietnamese kept as written."""
    return yaml.dump(_readable(quiz), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
