"""The bundled course is what provinces adopt on day one: every lesson is complete."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from hocvuso.pipeline import check_course

CHECKED = None


def _course():
    global CHECKED
    if CHECKED is None:
        CHECKED = check_course(REPO / "mkdocs.yml")
    return CHECKED.course


def _lessons():
    return [pytest.param(lesson, id=lesson.path) for lesson in _course().lessons]


@pytest.mark.parametrize("lesson", _lessons())
def test_lesson_has_practice_steps_and_a_summary(lesson):
    body = lesson.body
    assert len(lesson.objectives) >= 2
    practice = re.search(r"^## Thực hành\n(.*?)(?=^## )", body, flags=re.S | re.M)
    assert practice, "missing '## Thực hành'"
    assert re.search(r"^1\. ", practice[1], flags=re.M), "practice needs numbered steps"
    assert re.search(r"^## Ghi nhớ\n", body, flags=re.M), "missing '## Ghi nhớ'"
    assert not re.search(r"^# ", body, flags=re.M), "the title is the only H1"
    assert [a.slug for a in lesson.audiences] == ["nguoi-dan"]


@pytest.mark.parametrize("lesson", _lessons())
def test_lesson_quiz_has_5_questions_of_several_types_each_explained(lesson):
    quiz = _course().quizzes[lesson.quiz]
    assert len(quiz.questions) >= 5
    assert len({q.type for q in quiz.questions}) >= 3
    assert all(q.explanation for q in quiz.questions)
    assert {c.code for c in quiz.competences} == {c.code for c in lesson.competences}
    assert quiz.level == lesson.level


def test_no_invented_web_addresses_in_the_bundled_course():
    # FRAMEWORK.md's confirmed addresses, and ".gov.vn" taught as the mark of state sites.
    allowed = {"dichvucong.gov.vn", "tinnhiemmang.vn", "binhdanhocvuso.gov.vn", "gov.vn"}
    found = set()
    for path in [*(REPO / "content").rglob("*.md"), *(REPO / "quizzes").glob("*.yml")]:
        found |= set(re.findall(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org)\b",
                                path.read_text(encoding="utf-8").replace("www.", "")))
    assert found <= allowed, found - allowed


def test_final_test_samples_15_questions_across_the_tiers_quizzes():
    from hocvuso.quiz.bundles import FINAL_QUESTIONS, final_questions

    course = _course()
    plan = next(p for p in course.tiers if p.tier.slug == "co-ban")
    picked = final_questions(course, plan)
    assert len(picked) == FINAL_QUESTIONS == 15
    assert len({quiz_id for quiz_id, _ in picked}) == 15  # one from each of 15 quizzes
    assert picked == final_questions(course, plan)  # the same on every build
