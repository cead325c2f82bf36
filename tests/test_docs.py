"""The guides' examples are real: what an author copies from them must pass `check`."""

from __future__ import annotations

import re

from conftest import REPO


def _yaml_blocks(path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def test_every_question_example_in_the_authors_guide_passes_check(course, capsys):
    questions = [b for b in _yaml_blocks(REPO / "HUONG-DAN-SOAN-BAI.md") if b.startswith("  - type:")]
    types = {re.match(r"  - type: (\w+)", b)[1] for b in questions}
    assert types == {"single", "multiple", "true_false", "short_text", "numeric", "ordering", "matching"}
    course.write("quizzes/vi-du.yml", 'title: Ví dụ\ncompetences: ["4.2"]\nlevel: 1\nquestions:\n'
                 + "".join(questions))
    course.lesson("co-ban/bai.md", extra="quiz: vi-du\n")
    assert course.run("check") == 0, capsys.readouterr().err


def test_the_lesson_front_matter_example_in_the_guides_passes_check(course, capsys):
    course.write("quizzes/tin-nhan-gia.yml", 'title: T\ncompetences: ["4.2"]\nlevel: 2\nquestions:\n'
                 "  - {type: true_false, prompt: A, answer: true}\n")
    for guide in ["HUONG-DAN-SOAN-BAI.md", "README.md"]:
        example = next(b for b in re.findall(r"```markdown\n(.*?)```", (REPO / guide).read_text(encoding="utf-8"),
                                             flags=re.S) if b.lstrip().startswith("---"))
        example = re.sub(r"(?m)^ {3}", "", example)  # README indents it inside a list
        course.write("content/co-ban/vi-du.md", example + "\nNội dung.\n")
        assert course.run("check") == 0, (guide, capsys.readouterr().err)
