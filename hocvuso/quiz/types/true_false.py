"""True or false: one statement, "Đúng" or "Sai", with feedback for each."""

from __future__ import annotations

from ...render.richtext import inline
from ..giftsyntax import escape
from ..question import Question
from . import TEXT, QuestionType

_WORDS = {"true": "Đúng", "false": "Sai"}


def _read(item, common, path, problems) -> Question:
    return Question(**common, answer=item["answer"], feedback_true=item.get("feedback_true"),
                    feedback_false=item.get("feedback_false"))


def _shown(q: Question, order: list[int]) -> dict:
    return {"options": [{"value": value, "text": word} for value, word in _WORDS.items()]}


def _handout(q: Question, order: list[int]) -> dict:
    return {"options": list(_WORDS.values()), "answer": _WORDS["true" if q.answer else "false"]}


def _to_gift(question: dict) -> list[str]:
    truth = bool(question.get("answer"))
    if_true, if_false = question.get("feedback_true") or "", question.get("feedback_false") or ""
    right, wrong = (if_true, if_false) if truth else (if_false, if_true)
    text = "TRUE" if truth else "FALSE"
    if wrong or right:
        text += "#" + escape(wrong)
    if right:
        text += "#" + escape(right)
    return [text]


TYPES = (QuestionType(
    "true_false", {"answer": {"type": "boolean"}, "feedback_true": TEXT, "feedback_false": TEXT}, ("answer",),
    _read, "choices", _shown, lambda q, order: q.answer, _handout, _to_gift,
    lambda q: [("true", q.feedback_true), ("false", q.feedback_false)], gift_one_line=True),)
