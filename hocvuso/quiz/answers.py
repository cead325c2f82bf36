"""How a typed answer is compared: "Mật  khẩu", "mat khau" and NFD "mật khẩu" are one.

Many learners type without accents or with another keyboard's Unicode form, so the
comparison drops case, extra spaces, accents and the đ stroke (:func:`text.fold`), and
punctuation at either end. The quiz engine does exactly the same in JavaScript
(``normalise`` in hocvuso/browser/quiz.js); accepted answers are stored already normalised.
"""

from __future__ import annotations

import re

from ..text import fold

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()"


def normalise_answer(text: str) -> str:
    text = _SPACES.sub(" ", fold(text)).strip()
    return text.strip(_EDGE_PUNCTUATION).strip()
