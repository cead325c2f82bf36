"""The course as learners walk it: home → tier → domain → lessons, in a stable order.

Pure functions over the content model; nothing here knows about MkDocs or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .content import Content
from .framework import Competence, Domain, Framework, Tier
from .glossary import Glossary
from .lessons import Intro, Lesson
from ..quiz.model import Quiz


FINAL_TEST_PREFIX = "cuoi-cap-"  # quiz ids of the final tests; reserved for them
FINAL_TEST_PAGE = "kiem-tra-cuoi-cap"


@dataclass(frozen=True)
class DomainSection:
    domain: Domain
    lessons: tuple[Lesson, ...]


@dataclass(frozen=True)
class GridRow:
    """One competence of the framework and, per level of the tier, the lessons on it."""

    competence: Competence
    cells: tuple[tuple[Lesson, ...], ...]  # one per level of the tier, in order


@dataclass(frozen=True)
class TierPlan:
    tier: Tier
    intro: Intro | None
    sections: tuple[DomainSection, ...]  # only domains that have lessons, in learning order
    grid: tuple[GridRow, ...]  # every competence of the framework

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        """Reading order: domain by domain, each in its own order. The tier page, the
        navigation, "Bài sau" and the printed tier book all follow it."""
        return tuple(lesson for section in self.sections for lesson in section.lessons)

    quiz_ids: tuple[str, ...] = ()  # quizzes of the tier's lessons, in reading order

    @property
    def index_path(self) -> str:
        return f"{self.tier.slug}/index.md"

    @property
    def final_test_id(self) -> str:
        return f"{FINAL_TEST_PREFIX}{self.tier.slug}"

    @property
    def final_test_path(self) -> str:
        return f"{self.tier.slug}/{FINAL_TEST_PAGE}.md"


@dataclass(frozen=True)
class Course:
    framework: Framework
    home_intro: Intro | None
    tiers: tuple[TierPlan, ...]  # only tiers that have lessons
    quizzes: dict[str, Quiz]
    glossary: Glossary = Glossary(None)

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for plan in self.tiers for lesson in plan.lessons)

    def neighbours(self, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
        """Previous and next lesson in the same tier's reading order."""
        sequence, index = self._places[lesson.path]
        before = sequence[index - 1] if index > 0 else None
        after = sequence[index + 1] if index + 1 < len(sequence) else None
        return before, after

    @cached_property
    def _places(self) -> dict[str, tuple[tuple[Lesson, ...], int]]:
        # By path, found at once: comparing whole lessons made the pager quadratic in a tier's size.
        return {lesson.path: (plan.lessons, index) for plan in self.tiers for index, lesson in enumerate(plan.lessons)}


def plan_course(framework: Framework, content: Content, quizzes: dict[str, Quiz] | None = None) -> Course:
    tiers = []
    for tier in framework.tiers:
        lessons = sorted((x for x in content.lessons if x.tier == tier), key=lambda x: x.sort_key)
        if lessons:
            tiers.append(_plan_tier(framework, tier, lessons, content.tier_intros.get(tier.slug)))
    return Course(framework, content.home_intro, tuple(tiers), dict(quizzes or {}), content.glossary)


def _learning_order(framework: Framework, intro: Intro | None) -> list[Domain]:
    """The domains in the order a tier is learnt: those its intro's ``domain_order``
    names first (a beginner starts with the phone itself, not with domain 1), then the
    others in the framework's order."""
    first = list(intro.domain_order) if intro else []
    return sorted(framework.domains, key=lambda d: (first.index(d.code) if d.code in first else len(first)))


def _plan_tier(framework: Framework, tier: Tier, lessons: list[Lesson], intro: Intro | None) -> TierPlan:
    sections = tuple(
        DomainSection(domain, tuple(x for x in lessons if x.domain_code == domain.code))
        for domain in _learning_order(framework, intro)
        if any(x.domain_code == domain.code for x in lessons)
    )
    grid = tuple(
        GridRow(
            competence,
            tuple(
                tuple(x for x in lessons if competence in x.competences and x.level == level)
                for level in tier.levels
            ),
        )
        for domain in framework.domains
        for competence in domain.competences
    )
    in_order = [x for section in sections for x in section.lessons]
    quiz_ids = tuple(dict.fromkeys(x.quiz for x in in_order if x.quiz))
    return TierPlan(tier, intro, sections, grid, quiz_ids)
