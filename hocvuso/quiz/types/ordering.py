"""Put steps in order: each row shown (shuffled) gets its number, 1 first."""

from __future__ import annotations

from ...render.richtext import inline
from ..question import Question
from . import TEXT, QuestionType, joined


def _read(item, common, path, problems) -> Question:
    return Question(**common, items=tuple(i.strip() for i in item["items"]))


def _shown(q: Question, order: list[int]) -> dict:
    return {"hint": "Chọn số thứ tự cho từng dòng (1 là đầu tiên).",
            "options": [{"value": d, "text": inline(q.items[i])} for d, i in enumerate(order)]}


def _handout(q: Question, order: list[int]) -> dict:
    return {"hint": "Ghi số thứ tự (1, 2, 3…) vào ô trống trước mỗi dòng.",
            "rows": [inline(q.items[i]) for i in order], "answer": joined(" → ", (inline(x) for x in q.items))}


TYPES = (QuestionType(
    "ordering", {"items": {"type": "array", "minItems": 2, "items": TEXT}}, ("items",), _read, "ordering",
    _shown, lambda q, order: [authored + 1 for authored in order],  # the right number for each row shown
    _handout, None, shuffled_rows=True),)  # GIFT has no ordering question
