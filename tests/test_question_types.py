"""The question-type registry: a type is one entry, and every part of hocvuso asks it."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from hocvuso.model.framework import load_framework
from hocvuso.problems import Problems
from hocvuso.quiz import gift
from hocvuso.quiz.model import load_quiz
from hocvuso.quiz.question import Question
from hocvuso.quiz.render import Placed, answer_data, render_quiz
from hocvuso.quiz.types import QUESTION_TYPES, TEXT, QuestionType
from hocvuso.render import handouts
from hocvuso.output.scripts import QUIZ_ENGINE

REPO = Path(__file__).resolve().parent.parent
WIDGETS = REPO / "hocvuso" / "render" / "templates" / "questions"


@pytest.mark.parametrize("name", sorted(QUESTION_TYPES))
def test_every_question_type_has_a_widget_and_its_part_of_the_engine(name):
    kind = QUESTION_TYPES[name]
    assert (WIDGETS / f"{kind.widget}.html").is_file()
    # quiz.js judges an answer in one switch, a case per type.
    assert f'case "{name}":' in QUIZ_ENGINE.read_text(encoding="utf-8")


def test_every_documented_question_type_is_registered_and_the_other_way_round():
    reference = (REPO / "docs" / "quiz-format.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^  - type: (\w+)", reference, re.M)) == set(QUESTION_TYPES)


def _yes_no() -> QuestionType:
    """A type that does not exist: "Có" or "Không", with a reason to show on a wrong answer."""
    def read(item, common, path, problems):
        if item["answer"] not in ("có", "không"):
            problems.add(path, item.line_of("answer"), "'answer' phải là 'có' hoặc 'không'", "ví dụ: answer: có")
            return None
        return Question(**common, answer=item["answer"] == "có", feedback=item.get("reason"))

    return QuestionType(
        "yes_no", {"answer": {"type": "string"}, "reason": TEXT}, ("answer",), read, "choices",
        lambda q, order: {"hint": "Chọn Có hoặc Không.", "options": [{"value": "yes", "text": "Có"},
                                                                      {"value": "no", "text": "Không"}]},
        lambda q, order: q.answer,
        lambda q, order: {"options": ["Có", "Không"], "answer": "Có" if q.answer else "Không"},
        lambda data: ["TRUE" if data.get("answer") == "có" else "FALSE"],
        examples={"answer": "answer: có"}, gift_one_line=True)


def _load(tmp_path: Path, question: str):
    """The quiz file holding ``question`` (YAML, one list item), read with the bundled
    framework: (the quiz or None, the problems found)."""
    path = tmp_path / "quizzes" / "thu.yml"
    path.parent.mkdir()
    path.write_text(textwrap.dedent("""\
        title: Thử
        competences: ["4.2"]
        level: 1
        questions:
        """) + textwrap.indent(textwrap.dedent(question), "  "), encoding="utf-8")
    problems = Problems(tmp_path)
    framework = load_framework(REPO / "content" / "framework.yml", problems)
    return load_quiz(path, framework, problems), problems


@pytest.fixture
def yes_no(monkeypatch):
    monkeypatch.setitem(QUESTION_TYPES, "yes_no", _yes_no())


def test_a_new_question_type_is_one_registry_entry(tmp_path, yes_no):
    quiz, problems = _load(tmp_path, """\
        - type: yes_no
          prompt: Có nên đọc mã OTP cho người gọi tự xưng là ngân hàng không?
          answer: không
          reason: Ngân hàng không bao giờ hỏi mã OTP.
        """)

    assert problems.items == [] and quiz is not None
    question = quiz.questions[0]
    assert (question.type, question.answer, question.feedback) == ("yes_no", False, "Ngân hàng không bao giờ hỏi mã OTP.")

    page = render_quiz(quiz_id="thu", title=quiz.title, pass_mark=70, questions=[Placed("a", question)], page="thu.md")
    assert "Chọn Có hoặc Không." in page and 'type="radio"' in page and 'value="no"' in page
    assert 'data-hv-fb="wrong">Ngân hàng không bao giờ hỏi mã OTP.' in page
    assert answer_data(Placed("a", question))["c"] is False
    assert handouts._question(question, tmp_path)["answer"] == "Không"
    assert "{FALSE}" in gift.to_gift({"title": "Thử", "questions": [{"type": "yes_no", "prompt": "?", "answer": "không"}]})


def test_a_registered_type_checks_its_own_fields_at_their_line(tmp_path, yes_no):
    quiz, problems = _load(tmp_path, """\
        - type: yes_no
          prompt: Có nên bật xác thực hai lớp?
          answer: chắc chắn
        """)

    assert quiz is None
    assert [(p.line, p.message) for p in problems.items] == [(7, "'answer' phải là 'có' hoặc 'không'")]


def test_an_unknown_type_is_refused_with_the_registered_names(tmp_path):
    quiz, problems = _load(tmp_path, """\
        - type: singel
          prompt: Mã OTP là gì?
        """)

    assert quiz is None
    [problem] = problems.items
    assert problem.line == 5 and "'singel'" in problem.message and "'single'" in problem.hint
