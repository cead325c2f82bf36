"""The learner's record pages: progress, certificate, and the trainer's class page.

None of them needs a server: each page carries the course's structure (tiers, their
quizzes and competences) as JSON, loads every tier's answer bundle and the quiz engine to
read the progress the engine keeps in the browser, and hocvuso/assets/record.js does the
rest (completion codes, the certificate, the class table). See README "Certificates".
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .course import Course
from .lessons import output_path
from .pages import Page
from .quiz_pages import CERTIFICATE_PATH, QuizAssets

PROGRESS = ("tien-do.md", "progress.html", "Tiến độ của tôi")
CERTIFICATE = (CERTIFICATE_PATH, "certificate.html", "Giấy chứng nhận")
CLASS = ("lop-hoc.md", "class.html", "Lớp học")


def record_pages(course: Course, *, site_name: str, course_id: str, version: str, assets: QuizAssets,
                 record: str, qr: str) -> list[Page]:
    """``record`` and ``qr``: site paths of record.js and qr.js."""
    if not any(plan.quiz_ids for plan in course.tiers):
        return []  # nothing to record without quizzes
    data = course_data(course, site_name=site_name, course_id=course_id, version=version)
    base = [assets.bundles[p.tier.slug] for p in course.tiers if p.tier.slug in assets.bundles] + [assets.engine]
    pages = []
    for (path, template, title), extra in ((PROGRESS, []), (CERTIFICATE, [qr]), (CLASS, [qr])):
        kind = Path(template).stem
        pages.append(Page(path=path, template=template, title=title,
                          data={"kind": kind, "title": title, "course": data, "scripts": base + extra + [record]},
                          body="", source=None))
    return pages


def course_data(course: Course, *, site_name: str, course_id: str, version: str) -> dict:
    """What record.js needs to know of the course, in short keys (it travels in three pages)."""
    framework = course.framework
    tiers = []
    for number, tier in enumerate(framework.tiers):
        plan = next((p for p in course.tiers if p.tier.slug == tier.slug), None)
        if not plan or not plan.quiz_ids:
            continue
        lesson_of = {x.quiz: x for x in reversed(plan.lessons) if x.quiz}  # the first lesson giving each quiz
        quizzes = [[quiz_id, lesson_of[quiz_id].title, lesson_of[quiz_id].url,
                    [c.code for c in course.quizzes[quiz_id].competences]] for quiz_id in plan.quiz_ids]
        codes = {c for q in quizzes for c in q[3]}
        tiers.append({
            "s": tier.slug, "n": tier.name, "i": number, "u": output_path(plan.index_path),
            "f": plan.final_test_id, "fu": output_path(plan.final_test_path),
            "h": fingerprint([q[0] for q in quizzes] + [plan.final_test_id]),
            "q": quizzes,
            "k": [[c.code, c.name] for c in framework.competences.values() if c.code in codes],
        })
    return {"c": course_id, "t": site_name, "v": version, "tiers": tiers}


def fingerprint(quiz_ids: list[str]) -> int:
    """16 bits naming a tier's list of quizzes: a completion code made for another list
    (another course, or an older version of this one) is recognised as such."""
    return int.from_bytes(hashlib.sha256("|".join(quiz_ids).encode()).digest()[:2], "big")
