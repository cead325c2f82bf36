"""Print-ready handouts for trainers: PDFs of lessons, worksheets and answer keys.

For every lesson, ``handouts/<tier>/<lesson>.pdf`` holds the lesson in large type, its
worksheet ("Phiếu bài tập": questions, boxes to tick, lines to write on, no answers)
and, from a new page, the answer key ("Đáp án"). The worksheet is also its own PDF
(``…-phieu-bai-tap.pdf``), the one to photocopy for the class, and so is the answer key
(``…-dap-an.pdf``), for the trainer alone. Each tier gets the same as one book with a
cover and contents with page numbers, in the tier page's order. Trainer notes
(``!!! huong-dan``) appear here and nowhere else. Made with WeasyPrint; black on white,
so they photocopy in grayscale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import richtext
from ..model.course import Course, TierPlan
from ..model.glossary import used_terms
from ..model.lessons import Lesson
from ..quiz.render import display_order
from ..quiz.question import Question
from ..quiz.types import QUESTION_TYPES
from .markdown_extension import Hocvuso, Rendering

PAPERS = ("A4", "A5")
_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
# pymdownx.details: a "???+ huong-dan" box is a trainer note too, printed like "!!!" ones.
# Without the site's configuration (handouts printed on their own): what the bundled
# course's mkdocs.yml names.
_EXTENSIONS = ["admonition", "pymdownx.details", "attr_list", "def_list", "tables", "toc"]


@dataclass(frozen=True)
class Handouts:
    files: list[Path]


WORKSHEET_SUFFIX = "-phieu-bai-tap"  # the worksheet alone, to photocopy for learners
KEY_SUFFIX = "-dap-an"  # the answers alone, for the trainer


def lesson_pdf_path(lesson: Lesson) -> str:
    return f"handouts/{lesson.tier.slug}/{Path(lesson.path).stem}.pdf"


def write_handouts(site: Path, course: Course, *, course_name: str, quizzes_dir: Path, paper: str = "A4",
                   site_url: str | None = None, tiers: list[str] | None = None,
                   lessons: bool = True, markdown_config: tuple[list, dict] | None = None) -> Handouts:
    """``markdown_config``: the site's Markdown extensions and their settings (as MkDocs
    read them from mkdocs.yml), so that a lesson prints as its page shows it."""
    from weasyprint import HTML  # needs Pango; only loaded when handouts are asked for

    files = []
    printed = _Printer(markdown_config or (_EXTENSIONS, {}))

    def pdf(html: str, target: Path, base: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=html, base_url=base.as_uri() + "/").write_pdf(target)
        files.append(target)

    for plan in course.tiers:
        if tiers and plan.tier.slug not in tiers:
            continue
        items = [_lesson(course, x, site_url, quizzes_dir, printed) for x in plan.lessons]
        base = plan.lessons[0].source.parent
        if lessons:
            for lesson, item in zip(plan.lessons, items):
                stem = site / lesson_pdf_path(lesson)
                pdf(_handout(course_name, [item], paper=paper), stem, lesson.source.parent)
                if item["questions"]:
                    pdf(_worksheets(course_name, [item], paper=paper),
                        stem.with_name(stem.stem + WORKSHEET_SUFFIX + ".pdf"), lesson.source.parent)
                    pdf(_answer_key(course_name, [item], paper=paper),
                        stem.with_name(stem.stem + KEY_SUFFIX + ".pdf"), lesson.source.parent)
        cover = _cover(course, plan)
        book = site / "handouts" / plan.tier.slug
        pdf(_handout(course_name, items, paper=paper, cover=cover), book.with_suffix(".pdf"), base)
        quizzed = [item for item in items if item["questions"]]
        if quizzed:
            pdf(_worksheets(course_name, quizzed, paper=paper),
                book.with_name(book.name + WORKSHEET_SUFFIX + ".pdf"), base)
            pdf(_answer_key(course_name, items, paper=paper), book.with_name(book.name + KEY_SUFFIX + ".pdf"), base)
    return Handouts(files)


def _render(*, mode: str, title: str, course_name: str, footer: str, items: list[dict], paper: str,
            cover: dict | None = None) -> str:
    return _TEMPLATES.get_template("handout.html").render(
        mode=mode, title=title, course=course_name, paper=paper, footer=footer, lessons=items, cover=cover)


def _handout(course_name: str, items: list[dict], *, paper: str, cover: dict | None = None) -> str:
    """The lesson text, its worksheet and, from a new page, the answers."""
    return _render(mode="handout", title=cover["title"] if cover else items[0]["title"], course_name=course_name,
                   footer=course_name, items=items, paper=paper, cover=cover)


def _worksheets(course_name: str, items: list[dict], *, paper: str) -> str:
    """The worksheets alone, each from a new page: what learners get on paper."""
    title = f"Phiếu bài tập: {items[0]['title']}" if len(items) == 1 else f"Phiếu bài tập · {course_name}"
    return _render(mode="worksheet", title=title, course_name=course_name, footer=f"{course_name} · Phiếu bài tập",
                   items=items, paper=paper)


def _answer_key(course_name: str, items: list[dict], *, paper: str) -> str:
    return _render(mode="key", title=f"Đáp án · {course_name}", course_name=course_name,
                   footer=f"{course_name} · Đáp án", items=items, paper=paper)


def _lesson(course: Course, lesson: Lesson, site_url: str | None, quizzes_dir: Path, printed: _Printer) -> dict:
    framework = course.framework
    quiz = course.quizzes.get(lesson.quiz) if lesson.quiz else None
    return {
        "title": lesson.title,
        "tier": lesson.tier.name,
        "level": framework.level_label(lesson.level),
        "duration": lesson.duration,
        "competences": [f"{c.code} {c.name}" for c in lesson.competences],
        "objectives": list(lesson.objectives),
        "body": printed.body(lesson),
        "terms": used_terms(lesson.body, course.glossary),
        "qr": _qr(site_url, lesson.url) if site_url else None,
        "questions": [_question(q, quizzes_dir) for q in quiz.questions] if quiz else [],
    }


class _Printer:
    """Lessons' Markdown for paper: the site's extensions and hocvuso's, which keeps the
    trainer notes, prints marked terms as words and names the recordings."""

    def __init__(self, markdown_config: tuple[list, dict]) -> None:
        extensions, configs = markdown_config
        self.extension = Hocvuso()
        self.markdown = markdown.Markdown(extensions=[*extensions, self.extension], extension_configs=configs)

    def body(self, lesson: Lesson) -> Markup:
        content = lesson.source.parents[lesson.path.count("/")]
        self.extension.start(Rendering(paper=lesson.source.parent, paper_files=content))
        return Markup(self.markdown.reset().convert(lesson.body))


def _qr(site_url: str, page: str) -> str:
    import segno

    return segno.make(site_url.rstrip("/") + "/" + page, error="m").png_data_uri(scale=4, border=2)


def _question(q: Question, quizzes_dir: Path) -> dict:
    item = {"prompt": richtext.inline(q.prompt), "hint": "", "options": [], "rows": [], "choices": [],
            "write": False, "image": None, "explanation": richtext.block(q.explanation), "answer": ""}
    if q.image:
        item["image"] = {"src": (quizzes_dir / q.image.src).resolve().as_uri(), "alt": q.image.alt}
    return item | QUESTION_TYPES[q.type].handout(q, display_order(q))


def _cover(course: Course, plan: TierPlan) -> dict:
    framework = course.framework
    codes = {c.code: c for x in plan.lessons for c in x.competences}
    ordered = [c for c in framework.competences.values() if c.code in codes]
    return {
        "title": f"Tài liệu học tập: cấp {plan.tier.name}",
        "levels": f"{framework.level_name} {plan.tier.level_range}",
        "lesson_count": len(plan.lessons),
        "minutes": sum(x.duration for x in plan.lessons),
        "competences": [f"{c.code} {c.name}" for c in ordered],
    }
