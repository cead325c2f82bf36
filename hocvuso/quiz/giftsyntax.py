"""GIFT's escapes, shared by the reader (quiz/gift.py) and each question type's writer (quiz/types/)."""

from __future__ import annotations

from ..model.glossary import plain_terms

# Escaped characters are swapped for private-use code points before any
# splitting, so "\=" or "\#" inside a text never cuts an answer in two; they are
# swapped back when a text is finally taken out. "\\" is a backslash, as in Moodle.
_ESCAPABLE = "\\~=#{}:n"
_HIDDEN = {c: chr(0xE000 + i) for i, c in enumerate(_ESCAPABLE)}
_REVEALED = str.maketrans({h: ("\n" if c == "n" else c) for c, h in _HIDDEN.items()})


def hide_escapes(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _HIDDEN:
            out.append(_HIDDEN[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def reveal(text: str) -> str:
    return text.translate(_REVEALED)


def escape(text: str) -> str:
    """Text as GIFT needs it: glossary marks as plain words, special characters escaped, one
    physical line."""
    text = plain_terms(text).replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def with_feedback(text: str, feedback: object) -> str:
    return text + (f"#{escape(str(feedback))}" if feedback else "")


def percent(value: float) -> str:
    # Five decimals: the precision of Moodle's own grade list (33.33333, 14.28571, ...).
    return f"{value:.5f}".rstrip("0").rstrip(".")


def number_text(value: object) -> str:
    return str(value).replace(",", ".")
