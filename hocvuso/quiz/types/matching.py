"""Match each left-hand row with one of the right-hand choices (shown shuffled)."""

from __future__ import annotations

from markupsafe import Markup

from ...render.richtext import inline
from ..answers import normalise_answer
from ..giftsyntax import escape
from ..question import Question
from . import TEXT, QuestionType, joined

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # the choices on paper: A, B, C...


def _read(item, common, path, problems) -> Question | None:
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


def _shown(q: Question, order: list[int]) -> dict:
    # A choice sits in an <option>, which holds text only: the Markdown rendered, then its tags dropped.
    return {"hint": "Với mỗi dòng, chọn ý phù hợp.", "lefts": [inline(left) for left, _ in q.pairs],
            "options": [{"value": d, "text": Markup(inline(q.pairs[i][1])).striptags()} for d, i in enumerate(order)]}


def _handout(q: Question, order: list[int]) -> dict:
    return {"hint": "Ghi chữ cái của ý phù hợp vào ô trống trước mỗi dòng.",
            "rows": [inline(left) for left, _ in q.pairs],
            "choices": [Markup(f"{LETTERS[d]}. ") + inline(q.pairs[i][1]) for d, i in enumerate(order)],
            "answer": joined("; ", (inline(left) + Markup(f" – {LETTERS[order.index(i)]}")
                                    for i, (left, _) in enumerate(q.pairs)))}


def _to_gift(question: dict) -> list[str]:
    return [f"={escape(str(p['left']))} -> {escape(str(p['right']))}" for p in question.get("pairs", [])]


TYPES = (QuestionType(
    "matching", {"pairs": {"type": "array", "minItems": 2, "items": {
        "type": "object", "required": ["left", "right"], "properties": {"left": TEXT, "right": TEXT}}}},
    ("pairs",), _read, "matching", _shown,
    lambda q, order: [order.index(i) for i in range(len(q.pairs))],  # the right choice for each left
    _handout, _to_gift, shuffled_rows=True),)
