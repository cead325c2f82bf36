"""How hocvuso compares Vietnamese text: one accent fold, for slugs, typed answers and search.

Learners type with or without accents, in NFC or NFD (a "combining" keyboard setting),
in capitals or not; file names must be plain ASCII. All of them go through :func:`fold`:
lowercase, every combining mark dropped (each Vietnamese tone and vowel mark is one),
and "đ" as "d". The learner's browser does the same twice, with the same marks:
``fold`` in assets/search.js and ``normalise`` in assets/quiz.js. tests/test_text.py
runs both in chromium on every Vietnamese letter and compares them with this one.
"""

from __future__ import annotations

import re
import unicodedata

MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # the combining-mark blocks
_MARK = re.compile(f"[{MARKS}]")


def fold(text: str) -> str:
    """"Đảo" -> "dao": lowercase, no marks, "đ" as "d"."""
    return _MARK.sub("", unicodedata.normalize("NFD", text.lower())).replace("đ", "d")


def slugify(text: str) -> str:
    """An ASCII file-name slug for Vietnamese text: "Điện thoại" -> "dien-thoai"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "bai-hoc"
