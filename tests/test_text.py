"""One accent fold: Python's and the learner's browser's agree on every Vietnamese letter."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from hocvuso.output.search_index import fold as search_fold
from hocvuso.text import fold, slugify
from hocvuso.quiz.answers import normalise_answer

ASSETS = Path(__file__).resolve().parent.parent / "hocvuso" / "browser"

BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # none, huyền, sắc, ngã, hỏi, nặng


def _letters() -> list[str]:
    """Every letter of Vietnamese (each vowel with each tone, đ, the other consonants),
    lower and upper case, as NFC and as NFD."""
    vowels = [unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES]
    letters = vowels + list("bcdđghklmnpqrstvx") + list("fjwz")
    every = letters + [letter.upper() for letter in letters]
    return every + [unicodedata.normalize("NFD", letter) for letter in every]


def test_every_vietnamese_letter_folds_to_its_plain_latin_letter():
    for letter in _letters():
        folded = fold(letter)
        assert len(folded) == 1 and "a" <= folded <= "z", (letter, folded)
        assert folded == normalise_answer(letter) == search_fold(letter) == slugify(letter)
    assert fold("Đảo LỪA đảo") == "dao lua dao" and slugify("Điện thoại, Wi-Fi!") == "dien-thoai-wi-fi"


def _js_function(path: Path, name: str) -> str:
    """A function of a learner-side script, as written there."""
    source = path.read_text(encoding="utf-8")
    start = source.index(f"function {name}(")
    depth, end = 0, start
    for end in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[end], 0)
        if not depth:
            break
    return source[start:end + 1]


@pytest.mark.browser
def test_the_browser_folds_every_vietnamese_letter_and_phrase_as_python_does(context):
    page = context.new_page()
    page.set_content("<!doctype html><title>fold</title>")
    search = _js_function(ASSETS / "search.js", "fold")
    quiz = _js_function(ASSETS / "quiz.js", "normalise")
    samples = _letters() + ["Mật  KHẨU ", "“Đường dây nóng.”", unicodedata.normalize("NFD", "Chuyển nhầm tiền"),
                            "Wi-Fi", "mã\u00a0OTP", "a\u1ab0b\u1dc0c\u20d0d\ufe20"]  # marks of the other blocks
    got = page.evaluate(f"""samples => {{
        {search}
        {quiz}
        return samples.map(s => [fold(s.normalize("NFC").toLowerCase()), normalise(s)]);
    }}""", samples)
    for sample, (searched, typed) in zip(samples, got):
        assert searched == search_fold(unicodedata.normalize("NFC", sample).lower()), sample
        assert typed == normalise_answer(sample), sample
    assert got[-1] == ["abcd", "abcd"]
