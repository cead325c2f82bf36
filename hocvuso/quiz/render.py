"""Quizzes to HTML (at build time, answers left out) and to per-tier answer bundles.

A quiz renders to plain HTML that reads and prints without JavaScript. What the engine
needs to check answers (correct choices, accepted texts, feedback, explanations) goes
into one JavaScript bundle per tier, loaded with a <script> tag so that it also works
from file://, where fetch() is not allowed.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..output.images import Processed, picture_html

from ..render import richtext
from .question import Image as QuestionImage
from .question import Question
from .types import QUESTION_TYPES

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent.parent / "render" / "templates"),
                         autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

_INDENT = re.compile(r"\n[ \t]+")
QUIZ_IMAGES = "assets/quizzes"  # where quiz images are published, under the site root


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
    if not QUESTION_TYPES[question.type].shuffled_rows or count < 2:
        return order
    random.Random(question.key + question.fingerprint).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def render_quiz(*, quiz_id: str, title: str, pass_mark: int, questions: list[Placed],
                page: str, images: Mapping[str, Processed] | None = None, option_feedback: bool = True) -> str:
    """The quiz on the page at site path ``page``; ``images`` are the processed pictures
    (site path -> WebP and fallback), shown as the lessons' are.

    A final test leaves out per-option feedback (verdict and explanation remain), which
    keeps its one long page within the HTML budget.
    """
    anchor = f"quiz-{quiz_id}"
    shown = [_shown(placed, posixpath.dirname(page), images or {}) for placed in questions]
    if not option_feedback:
        for question in shown:
            question["feedback"] = []
    html = _TEMPLATES.get_template("quiz.html").render(
        anchor=anchor, quiz_id=quiz_id, title=title, pass_mark=pass_mark, questions=shown)
    return _INDENT.sub("\n", html)  # the template's indentation is for its readers only


def _shown(placed: Placed, here: str, images: Mapping[str, Processed]) -> dict:
    q = placed.question
    kind = QUESTION_TYPES[q.type]
    return {
        "type": q.type,
        "widget": kind.widget,
        "prompt": richtext.inline(q.prompt),
        "hint": "",
        "unit": q.unit,
        "image": _picture(q.image, here, images) if q.image else None,
        "options": [],
        "lefts": [],
        "feedback": [{"key": key, "html": html} for key, text in kind.feedback(q)
                     if (html := richtext.inline(text))],
        "explanation": richtext.block(q.explanation),
    } | kind.shown(q, display_order(q))


def _picture(image: QuestionImage, here: str, images: Mapping[str, Processed]) -> dict:
    """A question's picture: its WebP and sized fallback, as in lessons, when processed."""
    path = posixpath.normpath(f"{QUIZ_IMAGES}/{image.src}")  # as staging.py names it
    processed = images.get(path)
    return {"src": posixpath.relpath(path, here or "."), "alt": image.alt,
            "picture": picture_html(processed, here, {"class": "hv-q__image", "alt": image.alt})
            if processed else None}


def answer_data(placed: Placed) -> dict:
    """What the engine needs to check one question and explain it."""
    q = placed.question
    # Feedback and explanations stay in the page that shows the question (<template>),
    # so the shared bundle holds only what decides right or wrong and stays small.
    return {"k": placed.key, "f": q.fingerprint, "t": q.type, "s": q.shuffle,
            "c": QUESTION_TYPES[q.type].answer(q, display_order(q))}


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
