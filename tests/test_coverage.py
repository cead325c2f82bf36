"""`python build.py coverage`: the competence × level grid, derived from the files."""

from __future__ import annotations

from conftest import REPO
from hocvuso.model.coverage import MIN_QUESTIONS, claimed_competences, measure
from hocvuso.pipeline import check_course
from hocvuso.problems import Problems


def _quiz(course, name, codes, level, questions):
    items = "".join(f"  - {{type: true_false, prompt: Câu {n} của {name}., answer: true}}\n"
                    for n in range(questions))
    course.write(f"quizzes/{name}.yml", f"title: {name}\ncompetences: {codes}\nlevel: {level}\n"
                 f"questions:\n{items}")


def _row(out: str, code: str) -> list[str]:
    line = next(line for line in out.splitlines() if line.startswith(code + " "))
    return line[45:].split()


def test_grid_counts_lessons_and_questions_per_competence_and_level(course, capsys):
    course.lesson("co-ban/a.md", competences='["4.2", "2.6"]', level=1, extra="quiz: qa\n")
    course.lesson("co-ban/b.md", competences='["4.2"]', level=2, extra="quiz: qb\n")
    _quiz(course, "qa", '["4.2", "2.6"]', 1, 6)
    _quiz(course, "qb", '["4.2"]', 2, 5)
    assert course.run("coverage") == 0
    out = capsys.readouterr().out
    assert _row(out, "4.2") == ["1/6", "1/5", "2/11", "đủ"]
    assert _row(out, "2.6") == ["1/6", "–", "1/6", "đủ"]
    assert _row(out, "1.1") == ["–", "–", "–"]
    assert "Đủ bài học và ít nhất 5 câu hỏi: 2/2 năng lực mà khóa học cam kết." in out


def test_claimed_competence_without_lesson_or_enough_questions_exits_1(course, capsys):
    course.write("mkdocs.yml", course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
                 .replace("hocvuso:\n", 'hocvuso:\n  coverage:\n    co-ban: ["4.2", "1.1"]\n'))
    course.lesson("co-ban/a.md", competences='["4.2"]', extra="quiz: qa\n")
    _quiz(course, "qa", '["4.2"]', 1, 3)
    assert course.run("coverage") == 1
    err = capsys.readouterr().err
    assert "Cơ bản: năng lực 1.1 Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số: chưa có bài học" in err
    assert ("Cơ bản: năng lực 4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư: mới có 3 câu hỏi kiểm tra, "
            "cần ít nhất 5") in err
    assert "2 năng lực chưa đủ" in err


def test_a_quiz_naming_a_competence_no_lesson_teaches_is_a_gap(course, capsys):
    course.lesson("co-ban/a.md", competences='["4.2"]', extra="quiz: qa\n")
    _quiz(course, "qa", '["4.2", "6.1"]', 1, 5)
    assert course.run("coverage") == 1
    assert "Cơ bản: năng lực 6.1 Hiểu biết về AI: chưa có bài học" in capsys.readouterr().err


def test_unknown_tier_in_coverage_is_reported_at_its_line(course, capsys):
    course.write("mkdocs.yml", "site_name: Lớp\nhocvuso:\n  coverage:\n    co-bn: all\n")
    course.lesson("co-ban/a.md")
    assert course.run("coverage") == 1
    assert capsys.readouterr().err.startswith(
        "mkdocs.yml:4: cấp 'co-bn' không có trong khung năng lực\n    gợi ý: có phải ý bạn là 'co-ban'?\n")


def test_bundled_course_covers_every_competence_of_its_framework_at_co_ban():
    checked = check_course(REPO / "mkdocs.yml")
    problems = Problems(REPO)
    claims = claimed_competences(checked.settings, checked.course, problems)
    assert not problems
    framework = checked.course.framework
    assert claims["co-ban"] == set(framework.competences)  # the course promises them all
    co_ban = next(part for part in measure(checked.course, claims) if part.tier.slug == "co-ban")
    thin = [(row.competence.code, row.lessons, row.questions) for row in co_ban.rows
            if row.lessons < 1 or row.questions < MIN_QUESTIONS]
    assert thin == []
    assert len(co_ban.rows) == len(framework.competences)
    every_lesson = [x for x in checked.course.lessons if x.tier.slug == "co-ban"]
    assert all(x.quiz for x in every_lesson)
    assert all(len(checked.course.quizzes[x.quiz].questions) >= 5 for x in every_lesson)
