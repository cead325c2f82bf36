"""A number: one value with a tolerance, or a range; a decimal comma is accepted."""

from __future__ import annotations

from ..giftsyntax import number_text, with_feedback
from ..question import Question
from . import NUMBER, TEXT, QuestionType


def _read(item, common, path, problems) -> Question | None:
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


def _written(value: float) -> str:
    """A number as a Vietnamese reader writes it: 2,5 and 10 (not 10.0)."""
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def _handout(q: Question, order: list[int]) -> dict:
    value = _written(q.low) if q.low == q.high else f"từ {_written(q.low)} đến {_written(q.high)}"
    return {"write": True, "answer": f"{value} {q.unit or ''}".strip()}


def _to_gift(question: dict) -> list[str]:
    if "range" in question:
        low, high = question["range"]
        lines = [f"#{number_text(low)}..{number_text(high)}"]
    else:
        value = f"#{number_text(question.get('answer', 0))}"
        if "tolerance" in question:
            value += f":{number_text(question['tolerance'])}"
        lines = [value]
    if question.get("feedback"):
        lines.append(with_feedback("~", question["feedback"]))
    return lines


TYPES = (QuestionType(
    "numeric", {"answer": NUMBER, "tolerance": NUMBER, "range": {
        "type": "array", "minItems": 2, "maxItems": 2, "items": NUMBER}, "unit": TEXT, "feedback": TEXT}, (),
    _read, "field", lambda q, order: {}, lambda q, order: [q.low, q.high], _handout, _to_gift,
    examples={"answer": "answer: 10"}, gift_one_line=True),)
