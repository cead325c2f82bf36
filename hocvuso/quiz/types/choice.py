"""Choice questions: "single" (one right option, radio buttons) and "multiple" (every
right option and no wrong one, check boxes)."""

from __future__ import annotations

from ...render.richtext import inline
from ..answers import normalise_answer
from ..giftsyntax import escape, percent, with_feedback
from ..question import Option, Question
from . import TEXT, QuestionType, joined

_OPTIONS = {"options": {"type": "array", "minItems": 2, "items": {
    "type": "object", "required": ["text"],
    "properties": {"text": TEXT, "correct": {"type": "boolean"}, "feedback": TEXT},
}}}


def _read(item, common, path, problems) -> Question | None:
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


def _shown(hint: str):
    def shown(q: Question, order: list[int]) -> dict:
        return {"hint": hint, "options": [{"value": i, "text": inline(o.text)} for i, o in enumerate(q.options)]}
    return shown


def _handout(hint: str):
    def handout(q: Question, order: list[int]) -> dict:
        return {"hint": hint, "options": [inline(o.text) for o in q.options],
                "answer": joined("; ", (inline(o.text) for o in q.options if o.correct))}
    return handout


def _feedback(q: Question):
    return [(str(i), o.feedback) for i, o in enumerate(q.options)]


def _answer(q: Question, order: list[int]):
    return [i for i, o in enumerate(q.options) if o.correct]


def _gift_single(question: dict) -> list[str]:
    return [with_feedback(("=" if o.get("correct") else "~") + escape(str(o["text"])), o.get("feedback"))
            for o in question.get("options", [])]


def _gift_multiple(question: dict) -> list[str]:
    options = question.get("options", [])
    right = sum(1 for o in options if o.get("correct"))
    wrong = len(options) - right
    # Moodle gives credit per ticked box: right ones share 100%, wrong ones share -100%,
    # so ticking everything scores nothing, like our all-or-nothing "multiple".
    lines = []
    for option in options:
        weight = percent(100 / right) if option.get("correct") else percent(-100 / wrong)
        lines.append(with_feedback(f"~%{weight}%{escape(str(option['text']))}", option.get("feedback")))
    return lines


TYPES = (
    QuestionType("single", _OPTIONS, ("options",), _read, "choices", _shown(""), _answer,
                 _handout("Chọn một ý."), _gift_single, _feedback),
    QuestionType("multiple", _OPTIONS, ("options",), _read, "choices", _shown("Chọn tất cả các ý đúng."),
                 _answer, _handout("Chọn tất cả các ý đúng."), _gift_multiple, _feedback),
)
