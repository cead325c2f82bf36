"""How a typed answer is compared: "Mật  khẩu", "mat khau" and NFD "mật khẩu" are one.

Many learners type without accents or with another keyboard's Unicode form, so the
comparison drops case, extra spaces, accents and the đ stroke. The quiz engine does
exactly the same in JavaScript (``normalise`` in hocvuso/assets/quiz.js); accepted
answers are stored already normalised.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()"


def normalise_answer(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    # The same range as the engine's /[\u0300-\u036f]/: every Vietnamese tone and vowel mark.
    text = "".join(c for c in text if not "\u0300" <= c <= "\u036f")
    text = _SPACES.sub(" ", text.lower()).strip()
    return text.strip(_EDGE_PUNCTUATION).strip()
