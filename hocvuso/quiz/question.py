"""A checked question, as plain data: what every question type reads into."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass


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
    type: str  # a name in quiz.types.QUESTION_TYPES
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


def _plain(value):
    return value.__dict__ if hasattr(value, "__dict__") else str(value)
