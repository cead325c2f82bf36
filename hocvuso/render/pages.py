"""Every page of the site as data: path, template, title, template data and body.

The templates in ``theme/`` turn ``data`` into HTML, so no HTML is written here. URLs
are relative to the site root; templates make them relative to the page (``| url``)
so the site works from any folder and from ``file://``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..model.course import Course, TierPlan
from ..model.glossary import PAGE_PATH as GLOSSARY_PATH
from ..model.glossary import PAGE_TITLE as GLOSSARY_TITLE
from ..model.glossary import Term, used_terms
from ..model.lessons import Lesson, output_path
from ..output.images import Processed
from .handouts import lesson_pdf_path
from .trainer_notes import without_trainer_notes
from ..quiz.bundles import (CERTIFICATE_PATH, FINAL_TEST_TITLE, QuizAssets, final_questions, final_test_html,
                            lesson_quiz_html, scripts_for, with_quiz_place)


@dataclass(frozen=True)
class Page:
    path: str  # Markdown path in the staged docs folder
    template: str
    title: str
    data: dict[str, Any]
    body: str
    source: str | None  # the author's file behind it, if any
    # Its quiz's HTML given the processed pictures (known once the build has made them),
    # put at the body's quiz marker line.
    quiz: Callable[[Mapping[str, Processed]], str] | None = None


HOME_TITLE = "Trang chủ"
SEARCH_TITLE = "Tìm kiếm"
SEARCH_PATH = "tim-kiem.md"
SEARCH_FOLDER = "assets/hocvuso"  # the index's own folder goes here, named after its content
GLOSSARY_LESSONS = 4  # lessons named under each term on the glossary page, at most


def course_pages(course: Course, *, site_name: str, assets: QuizAssets, search_engine: str,
                 listen: str = "", handouts: bool = False) -> list[Page]:
    """``listen`` is the read-aloud script, loaded by the pages it can read."""
    pages = [_home(course, site_name), _search(search_engine)]
    for plan in course.tiers:
        scripts = scripts_for(assets, plan.tier.slug)
        pages.append(_tier(course, plan, scripts))
        read = [listen] if listen else []
        pages.extend(lesson_page(course, lesson, read + scripts if lesson.quiz else read, handouts)
                     for lesson in plan.lessons)
        if plan.quiz_ids:
            pages.append(_final_test(course, plan, read + scripts))
    if course.glossary.terms:
        pages.append(_glossary(course, [p for p in pages if p.data["kind"] == "lesson"]))
    return pages


def course_nav(course: Course) -> list:
    """MkDocs ``nav``: home, then each tier with its domains and their lessons."""
    nav: list = [{HOME_TITLE: "index.md"}]
    for plan in course.tiers:
        children: list = [plan.index_path]
        for section in plan.sections:
            title = html.escape(f"{section.domain.code}. {section.domain.name}")
            children.append({title: [lesson.path for lesson in section.lessons]})
        if plan.quiz_ids:
            children.append({FINAL_TEST_TITLE: plan.final_test_path})
        nav.append({html.escape(plan.tier.name): children})
    if course.glossary.terms:
        nav.append({GLOSSARY_TITLE: GLOSSARY_PATH})
    return nav


def _home(course: Course, site_name: str) -> Page:
    framework = course.framework
    planned = {plan.tier.slug: plan for plan in course.tiers}
    tiers = []
    for tier in framework.tiers:
        plan = planned.get(tier.slug)
        lessons = plan.lessons if plan else ()
        tiers.append({
            "name": tier.name,
            "levels": f"{framework.level_name} {tier.level_range}",
            "url": output_path(plan.index_path) if plan else None,
            "lessons": len(lessons),
            "minutes": sum(x.duration for x in lessons),
        })
    intro = course.home_intro
    return Page(
        path="index.md",
        template="home.html",
        title=(intro.title if intro and intro.title else site_name),
        data={"kind": "home", "title": intro.title if intro and intro.title else site_name,
              "framework": framework.name, "source": framework.source, "tiers": tiers,
              "records": any(plan.quiz_ids for plan in course.tiers),  # progress and class pages exist
              "glossary": output_path(GLOSSARY_PATH) if course.glossary.terms else None},
        body=intro.body if intro else "",
        source=intro.path if intro else None,
    )




def _search(engine: str) -> Page:
    return Page(path=SEARCH_PATH, template="search.html", title=SEARCH_TITLE,
                data={"kind": "search", "title": SEARCH_TITLE, "engine": engine,
                      # where the index is and how many files its words fill: known once every
                      # lesson is rendered, before this page is (output/search.py)
                      "index": None, "buckets": None},
                body="", source=None)


def _tier(course: Course, plan: TierPlan, scripts: list[str]) -> Page:
    framework = course.framework
    tier = plan.tier
    grid = []
    for domain in framework.domains:
        rows = [
            {
                "code": row.competence.code,
                "name": row.competence.name,
                "cells": [[_link(x) for x in cell] for cell in row.cells],
            }
            for row in plan.grid
            if row.competence.domain_code == domain.code
        ]
        grid.append({"name": f"{domain.code}. {domain.name}", "rows": rows})
    sections = [
        {
            "name": f"{s.domain.code}. {s.domain.name}",
            "code": s.domain.code,
            "lessons": [
                {**_link(x), "level": framework.level_label(x.level), "duration": x.duration,
                 "quiz": x.quiz}
                for x in s.lessons
            ],
        }
        for s in plan.sections
    ]
    intro = plan.intro
    return Page(
        path=plan.index_path,
        template="tier.html",
        title=(intro.title if intro and intro.title else tier.name),
        data={
            "kind": "tier",
            "name": tier.name,
            "slug": tier.slug,
            "levels_label": f"{framework.level_name} {tier.level_range}",
            "levels": [framework.level_label(level) for level in tier.levels],
            "lesson_count": len(plan.lessons),
            "minutes": sum(x.duration for x in plan.lessons),
            "sections": sections,
            "grid": grid,
            "final_test": ({"url": output_path(plan.final_test_path), "quiz": plan.final_test_id,
                            "questions": len(final_questions(course, plan))}
                           if plan.quiz_ids else None),
            "scripts": scripts,
        },
        body=intro.body if intro else "",
        source=intro.path if intro else None,
    )


def lesson_page(course: Course, lesson: Lesson, scripts: list[str], handouts: bool = False) -> Page:
    framework = course.framework
    before, after = course.neighbours(lesson)
    everyone = len(lesson.audiences) == len(framework.audiences)
    learner_text = without_trainer_notes(lesson.body)  # trainer notes go to handouts only
    domain = framework.domain(lesson.domain_code)
    return Page(
        path=lesson.path,
        template="lesson.html",
        title=lesson.title,
        data={
            "kind": "lesson",
            "tier": {"name": lesson.tier.name, "url": f"{lesson.tier.slug}/index.html"},
            "domain": f"{domain.code}. {domain.name}",
            "level": framework.level_label(lesson.level),
            "duration": lesson.duration,
            "competences": [{"code": c.code, "name": c.name} for c in lesson.competences],
            "objectives": list(lesson.objectives),
            "audiences": [] if everyone else [a.name for a in lesson.audiences],
            "sources": list(lesson.sources),
            "previous": _link(before) if before else None,
            "next": _link(after) if after else None,
            "quiz": lesson.quiz,
            "scripts": scripts,
            "handout": lesson_pdf_path(lesson) if handouts else None,
            "terms": [_term(term) for term in used_terms(learner_text, course.glossary)],
            "glossary": output_path(GLOSSARY_PATH),
        },
        body=with_quiz_place(lesson.body) if lesson.quiz else lesson.body,
        source=lesson.path,
        quiz=partial(lesson_quiz_html, course, lesson.quiz, lesson.path) if lesson.quiz else None,
    )


def _final_test(course: Course, plan: TierPlan, scripts: list[str]) -> Page:
    tier = plan.tier
    quizzes = [course.quizzes[quiz_id] for quiz_id in plan.quiz_ids]
    return Page(
        path=plan.final_test_path,
        template="final.html",
        title=f"{FINAL_TEST_TITLE}: {tier.name}",
        data={
            "kind": "final",
            "title": f"{FINAL_TEST_TITLE}: {tier.name}",
            "tier": {"name": tier.name, "slug": tier.slug, "url": output_path(plan.index_path)},
            "quiz": plan.final_test_id,
            "certificate": output_path(CERTIFICATE_PATH),
            "questions": len(final_questions(course, plan)),
            "quizzes": [q.title for q in quizzes],
            "scripts": scripts,
        },
        body=with_quiz_place(""),
        source=None,
        quiz=partial(final_test_html, course, plan),
    )


def _glossary(course: Course, lesson_pages: list[Page]) -> Page:
    """Every term of the glossary, with a few of the lessons that use it: the page stays
    the same size however many lessons the course has, and the rest are a search away."""
    used_in: dict[str, list[Page]] = {}
    for page in lesson_pages:
        for term in page.data["terms"]:
            used_in.setdefault(term["name"], []).append(page)
    terms = []
    for t in course.glossary.terms:
        pages = used_in.get(t.name, [])
        shown = first_of_each(pages, lambda page: page.data["tier"]["name"], GLOSSARY_LESSONS)
        terms.append({**_term(t), "also": list(t.also), "more": len(pages) - len(shown),
                      "lessons": [{"title": page.title, "url": output_path(page.path)} for page in shown]})
    return Page(path=GLOSSARY_PATH, template="glossary.html", title=GLOSSARY_TITLE,
                data={"kind": "glossary", "title": GLOSSARY_TITLE, "terms": terms}, body="", source=None)


def first_of_each(items: list, group: Callable[[Any], str], most: int) -> list:
    """At most ``most`` of ``items``, in their order: the first of each group (a lesson in
    every tier, for a term every tier uses), then the ones after."""
    firsts: dict[str, int] = {}
    for i, item in enumerate(items):
        firsts.setdefault(group(item), i)
    picked = list(firsts.values())[:most]
    picked += [i for i in range(len(items)) if i not in picked][:most - len(picked)]
    return [items[i] for i in sorted(picked)]


def _term(term: Term) -> dict[str, str]:
    return {"name": term.name, "meaning": term.meaning, "anchor": term.anchor}


def _link(lesson: Lesson) -> dict[str, str]:
    return {"title": lesson.title, "url": lesson.url}
