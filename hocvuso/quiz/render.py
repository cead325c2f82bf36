"""Quizzes to HTML (at build time, answers left out) and to per-tier answer bundles.

A quiz renders to plain HTML that reads and prints without JavaScript. What the engine
needs to check answers (correct choices, accepted texts, feedback, explanations) goes
into one JavaScript bundle per tier, loaded with a <script> tag so that it also works
from file://, where fetch() is not allowed.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..render import richtext
from .model import Question
from .answers import normalise_answer

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent.parent / "render" / "templates"),
                         autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

_INDENT = re.compile(r"\n[ \t]+")
QUIZ_IMAGES = "assets/quizzes"  # where quiz images are published, under the site root
_HINTS = {
    "multiple": "Chọn tất cả các ý đúng.",
    "ordering": "Chọn số thứ tự cho từng dòng (1 là đầu tiên).",
    "matching": "Với mỗi dòng, chọn ý phù hợp.",
}


@dataclass(frozen=True)
class Placed:
    """A question as it sits in one quiz: a final test prefixes keys with the quiz id."""

    key: str
    question: Question


def display_order(question: Question) -> list[int]:
    """Authored indexes in the order shown on paper: never the answer itself.

    Ordering items and matching answers are shuffled with a seed from the question, so
    the page is the same on every build and does not give the order away.
    """
    count = len(question.items or question.pairs)
    order = list(range(count))
    if question.type not in ("ordering", "matching") or count < 2:
        return order
    random.Random(question.key + question.fingerprint).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def render_quiz(*, quiz_id: str, title: str, pass_mark: int, questions: list[Placed],
                root: str, option_feedback: bool = True) -> str:
    """``root`` leads from the page to the site root ("../" per folder level).

    A final test leaves out per-option feedback (verdict and explanation remain), which
    keeps its one long page within the HTML budget.
    """
    anchor = f"quiz-{quiz_id}"
    shown = [_shown(placed, root) for placed in questions]
    if not option_feedback:
        for question in shown:
            question["feedback"] = []
    html = _TEMPLATES.get_template("quiz.html").render(
        anchor=anchor, quiz_id=quiz_id, title=title, pass_mark=pass_mark, questions=shown)
    return _INDENT.sub("\n", html)  # the template's indentation is for its readers only


def _shown(placed: Placed, root: str) -> dict:
    q = placed.question
    shown = {
        "type": q.type,
        "prompt": richtext.inline(q.prompt),
        "hint": _HINTS.get(q.type, ""),
        "unit": q.unit,
        "image": {"src": f"{root}{QUIZ_IMAGES}/{q.image.src}", "alt": q.image.alt} if q.image else None,
        "options": [],
        "lefts": [],
        "feedback": [{"key": key, "html": html} for key, html in _feedback(q) if html],
        "explanation": richtext.block(q.explanation),
    }
    order = display_order(q)
    if q.type in ("single", "multiple"):
        shown["options"] = [{"value": i, "text": richtext.inline(o.text)} for i, o in enumerate(q.options)]
    elif q.type == "true_false":
        shown["options"] = [{"value": "true", "text": "Đúng"}, {"value": "false", "text": "Sai"}]
    elif q.type == "ordering":
        shown["options"] = [{"value": d, "text": richtext.inline(q.items[i])} for d, i in enumerate(order)]
    elif q.type == "matching":
        shown["lefts"] = [richtext.inline(left) for left, _ in q.pairs]
        shown["options"] = [{"value": d, "text": _plain(q.pairs[i][1])} for d, i in enumerate(order)]
    return shown


def _feedback(q: Question) -> list[tuple[str, Markup]]:
    """Feedback by what the learner chose: an option's index, "true"/"false", or "wrong"."""
    if q.type in ("single", "multiple"):
        return [(str(i), richtext.inline(o.feedback)) for i, o in enumerate(q.options)]
    if q.type == "true_false":
        return [("true", richtext.inline(q.feedback_true)), ("false", richtext.inline(q.feedback_false))]
    return [("wrong", richtext.inline(q.feedback))]


def _plain(text: str) -> str:
    # <option> holds text only: render the Markdown, then drop its tags.
    return Markup(richtext.inline(text)).striptags()


def answer_data(placed: Placed) -> dict:
    """What the engine needs to check one question and explain it."""
    q = placed.question
    order = display_order(q)
    # Feedback and explanations stay in the page that shows the question (<template>),
    # so the shared bundle holds only what decides right or wrong and stays small.
    data: dict = {"k": placed.key, "f": q.fingerprint, "t": q.type, "s": q.shuffle}
    if q.type in ("single", "multiple"):
        data["c"] = [i for i, o in enumerate(q.options) if o.correct]
    elif q.type == "true_false":
        data["c"] = q.answer
    elif q.type == "short_text":
        data["c"] = sorted({normalise_answer(a) for a in q.answers})
    elif q.type == "numeric":
        data["c"] = [q.low, q.high]
    elif q.type == "ordering":
        data["c"] = [authored + 1 for authored in order]  # the right number for each row shown
    elif q.type == "matching":
        data["c"] = [order.index(i) for i in range(len(q.pairs))]  # the right choice for each left
    return data


def bundle_script(course_id: str, quizzes: dict[str, dict]) -> str:
    """The tier's bundle: ``window.hvQuiz`` = course id and quizzes by id.

    Bundles of several tiers loaded on one page add up, as do the record pages' tier
    summaries (hocvuso/render/records.py), which use the same shape without the answers.
    """
    return ("(function(b,w){w=window.hvQuiz;if(w&&w.c===b.c)Object.assign(w.q,b.q);else window.hvQuiz=b})("
            + script_literal({"c": course_id, "q": quizzes}) + ");\n")


def script_literal(data) -> str:
    """``data`` as a JavaScript literal (compact JSON) that is safe inside a script."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return payload.replace("</", "<\\/")  # "</" inside a script would end it early if ever inlined


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]
