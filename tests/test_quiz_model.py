"""Answer matching, fingerprints and the engine's weight, without a browser."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import brotli
import rjsmin
import yaml

from hocvuso.output.scripts import QUIZ_ENGINE
from hocvuso.quiz.render import Placed, answer_data, display_order
from hocvuso.quiz.model import Question
from hocvuso.quiz.answers import normalise_answer

REPO = Path(__file__).resolve().parent.parent


def test_typed_answers_match_without_case_spaces_accents_or_nfd_differences():
    assert normalise_answer("  Mật   KHẨU ") == "mat khau"
    assert normalise_answer("mat khau") == "mat khau"
    assert normalise_answer(unicodedata.normalize("NFD", "mật khẩu")) == "mat khau"
    assert normalise_answer("Đường dây nóng.") == "duong day nong"


def test_fingerprint_changes_with_content_but_not_with_position():
    one = Question(key="a", type="true_false", prompt="OTP là bí mật.", line=3, answer=True)
    moved = Question(key="a", type="true_false", prompt="OTP là bí mật.", line=40, answer=True)
    changed = Question(key="a", type="true_false", prompt="OTP là bí mật.", line=3, answer=False)
    assert one.fingerprint == moved.fingerprint != changed.fingerprint


def test_ordering_is_never_shown_in_the_right_order_and_is_stable():
    question = Question(key="b", type="ordering", prompt="Sắp xếp", line=1, items=("1", "2", "3"))
    order = display_order(question)
    assert order != [0, 1, 2] and sorted(order) == [0, 1, 2]
    assert order == display_order(question)
    data = answer_data(Placed("b", question))
    assert [data["c"][d] for d in range(3)] == [i + 1 for i in order]


def test_short_text_answers_travel_normalised():
    question = Question(key="c", type="short_text", prompt="?", line=1, answers=("Mã OTP", "OTP"))
    assert answer_data(Placed("c", question))["c"] == ["ma otp", "otp"]


def test_quiz_engine_is_at_most_6_kb_brotli():
    minified = rjsmin.jsmin(QUIZ_ENGINE.read_text(encoding="utf-8")).encode()
    assert len(brotli.compress(minified, quality=11)) <= 6 * 1024


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def test_plain_quiz_texts_skip_markdown_and_come_out_as_markdown_makes_them():
    from hocvuso.render.richtext import _PLAIN_LINE, block, markdown_block
    texts = {text for path in sorted((REPO / "quizzes").glob("*.yml"))
             for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8")))}
    texts |= {"Gọi 113", "A (b) c.", 'tỉ lệ 50% và "ngoặc"', "a'b", "https://vneid.gov.vn", "+84 912", "Số 1."}
    plain = [text for text in texts if _PLAIN_LINE.fullmatch(text)]
    assert len(plain) > len(texts) / 2  # the fast path is the common one
    for text in texts:
        assert str(block(text)) == markdown_block(text), text
    for marked in ("*đậm*", "1. một", "- mục", "> trích", "`mã`", "[[OTP]]", "a | b", "x: y", " thụt"):
        assert not _PLAIN_LINE.fullmatch(marked), marked
