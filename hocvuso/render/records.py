"""The learner's record pages: progress, certificate, and the trainer's class page.

None of them needs a server, and none grows with the course. Each page carries a small
index of the course as JSON: per tier its name, its final test (with the fingerprints
of its at most 15 questions) and what a completion code needs to be read (the number of
quizzes and their fingerprint). What a tier's lessons add (each quiz's lesson,
competences, pass mark and question fingerprints) is in a summary per tier, in parts;
hocvuso/browser/record/ loads only a tier it shows and only the parts the page needs,
with <script> tags so that it works from file://. No answer is in either: results are
read through the quiz engine's own ``hvTally`` (hocvuso/browser/tally.js), fed the same
keys, fingerprints and pass marks as the answer bundles, so a score is counted exactly
as the quiz counted it. See README "Certificates".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model.course import Course, TierPlan
from ..model.lessons import output_path
from .pages import Page
from ..quiz.bundles import CERTIFICATE_PATH, final_pass_mark, final_questions
from ..quiz.render import content_hash, script_literal
from ..output.scripts import ASSET_DIR

PROGRESS = ("tien-do.md", "progress.html", "Tiến độ của tôi")
CERTIFICATE = (CERTIFICATE_PATH, "certificate.html", "Giấy chứng nhận")
CLASS = ("lop-hoc.md", "class.html", "Lớp học")


# A tier's summary comes in parts, each page loading the ones it needs (and each part,
# once cached, serving the others): what a completion code's scores mean (the tier's
# competences, by quiz), the keys, fingerprints and pass marks that let the quiz engine
# count the learner's saved answers, and the lessons to link each quiz to.
PARTS = ("competences", "scores", "lessons")
NEEDS = {"progress": PARTS, "certificate": ("competences", "scores"), "class": ("competences",)}


@dataclass(frozen=True)
class TierSummaries:
    files: dict[str, str]  # site path -> script text
    paths: dict[str, dict[str, str]]  # tier slug -> part -> site path


def tier_summaries(course: Course, course_id: str) -> TierSummaries:
    """The parts of each tier's summary, as scripts: each adds its fields to
    ``window.hvTiers[slug]``, and the "scores" part its quizzes to the engine's ``hvQuiz``."""
    files: dict[str, str] = {}
    paths: dict[str, dict[str, str]] = {}
    for plan in _recorded(course):
        for part, (quizzes, fields) in _parts(course, plan).items():
            script = summary_script(course_id, plan.tier.slug, quizzes, fields)
            path = f"{ASSET_DIR}/record-{plan.tier.slug}-{part}.{content_hash(script)}.js"
            files[path] = script
            paths.setdefault(plan.tier.slug, {})[part] = path
    return TierSummaries(files, paths)


def summary_script(course_id: str, slug: str, quizzes: dict[str, dict], fields: dict) -> str:
    """Adds ``quizzes`` to the page's ``hvQuiz`` (set up by the record script before tally.js counts)
    as a tier's answer bundle would (quiz_render.bundle_script), and ``fields`` to the tier."""
    # Quizzes travel compact, [pass mark or 0 for the tier's usual one, "key fingerprint"...]
    # (split at the last space: keys are slugs and fingerprints hex, neither holds one),
    # and are unpacked into what the engine reads ({p, q: [{k, f}]}). Most of this part is
    # fingerprints, which do not compress: the packing saves little (5.7 -> 5.6 KB br for a
    # 250-quiz tier of the bench course), the engine-free pages (tally.js) the rest.
    marks = [quiz["p"] for quiz in quizzes.values()]
    usual = max(set(marks), key=marks.count) if marks else 0
    packed = {quiz_id: [0 if quiz["p"] == usual else quiz["p"], *(f"{q['k']} {q['f']}" for q in quiz["q"])]
              for quiz_id, quiz in quizzes.items()}
    return ("(function(b,w,i){w=window.hvQuiz;if(w&&w.c===b.c)for(i in b.q)w.q[i]={p:b.q[i][0]||b.p,"
            "q:b.q[i].slice(1).map(function(x,j){j=x.lastIndexOf(' ');return{k:x.slice(0,j),f:x.slice(j+1)}})};"
            "w=window.hvTiers=window.hvTiers||{};Object.assign(w[b.s]=w[b.s]||{},b.r)})("
            + script_literal({"c": course_id, "s": slug, "p": usual, "q": packed, "r": fields}) + ");\n")


def record_pages(course: Course, *, site_name: str, course_id: str, version: str, summaries: TierSummaries,
                 record: dict[str, str], qr: str) -> list[Page]:
    """``record``: page kind -> site path of its record script (scripts.RECORD_PAGES), which
    counts saved answers with the engine's own tally.js and no engine; ``qr``: qr.js. The
    class page counts nothing (its scores come in codes), and draws QR codes only to print."""
    if not summaries.paths:
        return []  # nothing to record without quizzes
    pages = []
    for (path, template, title), more in ((PROGRESS, []), (CERTIFICATE, [qr]), (CLASS, [])):
        kind = Path(template).stem
        scripts = [record[kind], *more]
        loads = {slug: [parts[part] for part in NEEDS[kind]] for slug, parts in summaries.paths.items()}
        data = course_index(course, site_name=site_name, course_id=course_id, version=version, loads=loads)
        if kind == "class":
            data["qr"] = qr
        pages.append(Page(path=path, template=template, title=title,
                          data={"kind": kind, "title": title, "course": data, "scripts": scripts,
                                "on_demand": loads},  # tier slug -> files it loads for that tier
                          body="", source=None))
    return pages


def course_index(course: Course, *, site_name: str, course_id: str, version: str,
                 loads: dict[str, list[str]]) -> dict:
    """What the record script knows of the course before loading any tier, in short keys: the same
    size for 40 lessons or 4,000. ``loads``: tier slug -> the summary parts the page uses."""
    tiers = []
    for number, tier in enumerate(course.framework.tiers):
        plan = next((p for p in _recorded(course) if p.tier.slug == tier.slug), None)
        if plan is None:
            continue
        tiers.append({
            "s": tier.slug, "n": tier.name, "i": number, "u": output_path(plan.index_path),
            "f": plan.final_test_id, "fu": output_path(plan.final_test_path),
            "h": fingerprint([*plan.quiz_ids, plan.final_test_id]),
            "nq": len(plan.quiz_ids),  # a completion code holds one score per quiz, then the final test's
            "d": loads[tier.slug],
            # The final test as one quiz of its own questions, keyed as the engine keys them
            # when it gathers them from the tier's quizzes ("quiz/question"): the same count.
            "fq": {"p": final_pass_mark(course, plan),
                   "q": [{"k": f"{quiz_id}/{q.key}", "f": q.fingerprint}
                         for quiz_id, q in final_questions(course, plan)]},
        })
    return {"c": course_id, "t": site_name, "v": version, "tiers": tiers}


def _parts(course: Course, plan: TierPlan) -> dict[str, tuple[dict[str, dict], dict]]:
    """Part -> (quizzes for the engine, fields of the tier); lists follow the tier's quizzes."""
    ids = list(plan.quiz_ids)
    quizzes = [course.quizzes[quiz_id] for quiz_id in ids]
    lesson_of = {x.quiz: x for x in reversed(plan.lessons) if x.quiz}  # the first lesson giving each quiz
    competences = [[c.code for c in quiz.competences] for quiz in quizzes]
    codes = {code for listed in competences for code in listed}
    return {
        "competences": ({}, {"qc": competences, "k": [[c.code, c.name] for c in course.framework.competences.values()
                                                      if c.code in codes]}),
        "scores": ({quiz.id: {"p": quiz.pass_mark, "q": [{"k": q.key, "f": q.fingerprint} for q in quiz.questions]}
                    for quiz in quizzes}, {"qi": ids}),
        "lessons": ({}, {"ql": [[lesson_of[quiz_id].title, lesson_of[quiz_id].url] for quiz_id in ids]}),
    }


def _recorded(course: Course) -> list[TierPlan]:
    return [plan for plan in course.tiers if plan.quiz_ids]


def fingerprint(quiz_ids: list[str]) -> int:
    """16 bits naming a tier's list of quizzes: a completion code made for another list
    (another course, or an older version of this one) is recognised as such."""
    return int.from_bytes(hashlib.sha256("|".join(quiz_ids).encode()).digest()[:2], "big")
