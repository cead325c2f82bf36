"""`python build.py coverage`: what the course teaches, competence by level, from its files.

Each cell counts the lessons on a competence at a level and the quiz questions that
test it. A competence the course claims to cover (``hocvuso: coverage:`` in mkdocs.yml,
else every competence some lesson or quiz names) needs a lesson and at least
``MIN_QUESTIONS`` questions in that tier, or the command exits 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from .course import Course
from .framework import Competence, Framework, Tier
from ..problems import Problems, did_you_mean
from ..source.settings import Settings

MIN_QUESTIONS = 5


@dataclass(frozen=True)
class Cell:
    lessons: int
    questions: int


@dataclass(frozen=True)
class Row:
    competence: Competence
    cells: tuple[Cell, ...]  # one per level of the tier
    claimed: bool

    @property
    def lessons(self) -> int:
        return sum(c.lessons for c in self.cells)

    @property
    def questions(self) -> int:
        return sum(c.questions for c in self.cells)

    @property
    def gap(self) -> str | None:
        if not self.claimed:
            return None
        if not self.lessons:
            return "chưa có bài học"
        if self.questions < MIN_QUESTIONS:
            return f"mới có {self.questions} câu hỏi kiểm tra, cần ít nhất {MIN_QUESTIONS}"
        return None


@dataclass(frozen=True)
class TierCoverage:
    tier: Tier
    rows: tuple[Row, ...]


def claimed_competences(settings: Settings, course: Course, problems: Problems) -> dict[str, set[str]]:
    """Tier slug -> competence codes the course promises; unknown names are problems."""
    framework = course.framework
    claims: dict[str, set[str]] = {}
    for slug, value in settings.coverage.items():
        line = settings.coverage.line_of(slug)
        if framework.tier(slug) is None:
            problems.add(settings.config_file, line, f"cấp '{slug}' không có trong khung năng lực",
                         did_you_mean(str(slug), [t.slug for t in framework.tiers]))
            continue
        codes = set(framework.competences) if value == "all" else set(value)
        for index, code in enumerate(value if value != "all" else []):
            if code not in framework.competences:
                problems.add(settings.config_file, value.line_of(index),
                             f"mã năng lực '{code}' không có trong khung năng lực",
                             "các mã gần nhất: " + ", ".join(framework.nearest_codes(code)))
        claims[slug] = codes & set(framework.competences)
    if not settings.coverage:  # nothing declared: whatever the lessons and quizzes name
        for lesson in course.lessons:
            claims.setdefault(lesson.tier.slug, set()).update(c.code for c in lesson.competences)
        for quiz in course.quizzes.values():
            tier = framework.tier_of_level(quiz.level)
            if tier:
                claims.setdefault(tier.slug, set()).update(c.code for c in quiz.competences)
    return claims


def measure(course: Course, claims: dict[str, set[str]]) -> list[TierCoverage]:
    framework: Framework = course.framework
    report = []
    for tier in framework.tiers:
        lessons = [x for x in course.lessons if x.tier == tier]
        quizzes = [q for q in course.quizzes.values() if q.level in tier.levels]
        if not lessons and not quizzes and tier.slug not in claims:
            continue
        rows = tuple(
            Row(
                competence,
                tuple(
                    Cell(
                        sum(1 for x in lessons if x.level == level and competence in x.competences),
                        sum(len(q.questions) for q in quizzes
                            if q.level == level and competence in q.competences),
                    )
                    for level in tier.levels
                ),
                competence.code in claims.get(tier.slug, set()),
            )
            for domain in framework.domains
            for competence in domain.competences
        )
        report.append(TierCoverage(tier, rows))
    return report


def format_report(report: list[TierCoverage], framework: Framework) -> str:
    lines: list[str] = []
    for part in report:
        tier = part.tier
        head = [framework.level_label(level) for level in tier.levels]
        lines.append(f"{tier.name} ({framework.level_name.lower()} {tier.level_range}): "
                     "số bài học / số câu hỏi kiểm tra")
        lines.append(_row("Năng lực", [*head, "Tổng", ""]))
        for row in part.rows:
            cells = [_cell(c) for c in row.cells]
            total = _cell(Cell(row.lessons, row.questions))
            mark = ("THIẾU" if row.gap else "đủ") if row.claimed else ""
            lines.append(_row(f"{row.competence.code} {row.competence.name}", [*cells, total, mark]))
        claimed = [r for r in part.rows if r.claimed]
        covered = [r for r in claimed if not r.gap]
        lines.append(f"Đủ bài học và ít nhất {MIN_QUESTIONS} câu hỏi: {len(covered)}/{len(claimed)} "
                     "năng lực mà khóa học cam kết.")
        lines.append("")
    return "\n".join(lines)


def gaps(report: list[TierCoverage]) -> list[str]:
    return [f"{part.tier.name}: năng lực {row.competence.code} {row.competence.name}: {row.gap}"
            for part in report for row in part.rows if row.gap]


def _cell(cell: Cell) -> str:
    return "–" if not cell.lessons and not cell.questions else f"{cell.lessons}/{cell.questions}"


def _row(name: str, cells: list[str]) -> str:
    short = name if len(name) <= 44 else name[:43] + "…"
    return f"{short:<45}" + "".join(f"{c:>9}" for c in cells[:-1]) + (f"  {cells[-1]}" if cells[-1] else "")
