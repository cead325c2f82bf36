"""Where quizzes appear: at a lesson's end (or its <!-- quiz --> line), on each tier's
final test page, and the scripts those pages load.

The engine and each tier's answer bundle are published under content-hashed names, so
a browser caches them for good and a new build never mixes old and new files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from collections.abc import Mapping

from ..model.course import Course, TierPlan
from ..model.lessons import QUIZ_MARKER
from .model import Question
from .render import Placed, answer_data, bundle_script, content_hash, render_quiz
from ..output.images import Processed
from ..output.scripts import ASSET_DIR, QUIZ_ENGINE, script_asset

FINAL_TEST_TITLE = "Bài kiểm tra cuối cấp"
FINAL_QUESTIONS = 15  # at most, in a tier's final test: about 2 KB of HTML each
CERTIFICATE_PATH = "chung-nhan.md"  # where a passed final test leads (hocvuso/render/records.py)


@dataclass(frozen=True)
class QuizAssets:
    files: dict[str, str]  # site path -> text
    engine: str  # site path of the engine
    bundles: dict[str, str]  # tier slug -> site path of its bundle
    engine_size: int  # minified bytes


def quiz_assets(course: Course, course_id: str) -> QuizAssets:
    engine_path, engine = script_asset(QUIZ_ENGINE)
    files = {engine_path: engine}
    bundles = {}
    for plan in course.tiers:
        if not plan.quiz_ids:
            continue
        data = {quiz_id: _quiz_data(course, quiz_id) for quiz_id in plan.quiz_ids}
        data[plan.final_test_id] = {"p": final_pass_mark(course, plan),
                                    "from": [[quiz_id, q.key] for quiz_id, q in final_questions(course, plan)]}
        script = bundle_script(course_id, data)
        path = f"{ASSET_DIR}/quiz-{plan.tier.slug}.{content_hash(script)}.js"
        files[path] = script
        bundles[plan.tier.slug] = path
    return QuizAssets(files, engine_path, bundles, len(engine.encode()))


def _quiz_data(course: Course, quiz_id: str) -> dict:
    quiz = course.quizzes[quiz_id]
    return {"p": quiz.pass_mark,
            "q": [answer_data(Placed(q.key, q)) for q in quiz.questions]}


def final_pass_mark(course: Course, plan: TierPlan) -> int:
    return max(course.quizzes[quiz_id].pass_mark for quiz_id in plan.quiz_ids)


def scripts_for(assets: QuizAssets, tier_slug: str) -> list[str]:
    """Bundle first, then the engine: both deferred, so they run in this order."""
    bundle = assets.bundles.get(tier_slug)
    return [bundle, assets.engine] if bundle else []


def lesson_quiz_html(course: Course, quiz_id: str, page_path: str, images: Mapping[str, Processed]) -> str:
    quiz = course.quizzes[quiz_id]
    return render_quiz(quiz_id=quiz.id, title=f"Bài kiểm tra: {quiz.title}", pass_mark=quiz.pass_mark,
                       questions=[Placed(q.key, q) for q in quiz.questions], page=page_path, images=images)


def final_questions(course: Course, plan: TierPlan) -> list[tuple[str, Question]]:
    """Up to ``FINAL_QUESTIONS`` questions taken in turn from each quiz of the tier.

    The final test samples rather than repeats every quiz: a tier of 30 lessons would
    otherwise make one page of 200+ questions, too long to sit and too heavy for a cheap
    phone. Each quiz's questions are ranked by a hash of their keys, so the test is the
    same on every build and editing one question does not reshuffle the rest.
    """
    ranked = [sorted(((quiz_id, q) for q in course.quizzes[quiz_id].questions),
                     key=lambda pair: hashlib.sha256(f"{pair[0]}/{pair[1].key}".encode()).hexdigest())
              for quiz_id in plan.quiz_ids]
    picked: list[tuple[str, Question]] = []
    for turn in range(max(len(r) for r in ranked)):
        for questions in ranked:
            if turn < len(questions) and len(picked) < FINAL_QUESTIONS:
                picked.append(questions[turn])
    order = {pair: i for i, pair in enumerate((quiz_id, q) for quiz_id in plan.quiz_ids
                                              for q in course.quizzes[quiz_id].questions)}
    return sorted(picked, key=order.__getitem__)  # in the order the lessons teach them


def final_test_html(course: Course, plan: TierPlan, images: Mapping[str, Processed]) -> str:
    questions = [Placed(f"{quiz_id}/{q.key}", q) for quiz_id, q in final_questions(course, plan)]
    return render_quiz(quiz_id=plan.final_test_id, title=FINAL_TEST_TITLE,
                       pass_mark=final_pass_mark(course, plan), questions=questions,
                       page=plan.final_test_path, images=images, option_feedback=False)


def with_quiz_place(body: str) -> str:
    """The page's Markdown with the quiz's place: the author's marker line, else one at
    the end (render/markdown_extension.py puts the quiz there)."""
    return body if QUIZ_MARKER.search(body) else f"{body.rstrip()}\n\n<!-- quiz -->\n"
