"""A typed answer, compared as learners type (case, accents and spacing aside: answers.py)."""

from __future__ import annotations

from ..answers import normalise_answer
from ..giftsyntax import escape, with_feedback
from ..question import Question
from . import TEXT, QuestionType


def _read(item, common, path, problems) -> Question:
    return Question(**common, answers=tuple(a.strip() for a in item["answers"]), feedback=item.get("feedback"))


def _handout(q: Question, order: list[int]) -> dict:
    others = f" (cũng chấp nhận: {', '.join(q.answers[1:])})" if q.answers[1:] else ""
    return {"write": True, "answer": q.answers[0] + others}


def _to_gift(question: dict) -> list[str]:
    lines = ["=" + escape(str(a)) for a in question.get("answers", [])]
    if question.get("feedback"):
        # Moodle's catch-all answer at 0%: its feedback is shown for any wrong answer.
        lines.append(with_feedback("=%0%*", question["feedback"]))
    return lines


TYPES = (QuestionType(
    "short_text", {"answers": {"type": "array", "minItems": 1, "items": TEXT}, "feedback": TEXT}, ("answers",),
    _read, "field", lambda q, order: {}, lambda q, order: sorted({normalise_answer(a) for a in q.answers}),
    _handout, _to_gift),)
