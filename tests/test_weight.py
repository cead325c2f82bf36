"""Page weight: measured on the built site, reported, and enforced as budgets."""

from __future__ import annotations

import hashlib

from conftest import FIXTURES
from hocvuso.weight import resources


def _with_budgets(course, budgets: str):
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text.replace("hocvuso:\n", f"hocvuso:\n  budgets:\n{budgets}"))


def _quiz_course(course):
    course.write("quizzes/thu.yml", (FIXTURES / "every-type-quiz.yml").read_text(encoding="utf-8"))
    course.lesson("co-ban/a.md", title="Bài một", extra="quiz: thu\n")
    course.lesson("co-ban/b.md", title="Bài hai")


def test_build_prints_a_weight_report_per_kind_of_page(course, capsys):
    _quiz_course(course)
    assert course.run("build") == 0
    out = capsys.readouterr().out
    assert "Dung lượng tải về (nặng nhất mỗi loại trang; brotli / gzip):" in out
    lesson = next(line for line in out.splitlines() if line.strip().startswith("Bài học"))
    assert "lần đầu" in lesson and "bài tiếp theo" in lesson and "(2 trang;" in lesson


def test_a_lesson_over_its_first_visit_budget_fails_the_build_naming_what_it_carries(course, capsys):
    _quiz_course(course)
    assert course.run("build") == 0
    site = course.root / "site"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}
    capsys.readouterr()
    _with_budgets(course, "    first_visit_br: 5\n")
    assert course.run("build") == 1
    err = capsys.readouterr().err
    assert "content/co-ban/a.md:1: trang co-ban/a.html: lần mở đầu tải " in err
    assert "vượt ngân sách 5.0 KB / 50.0 KB: main." in err  # the heaviest part is named first
    assert "gợi ý: rút gọn hoặc tách bài" in err
    # The progress page carries one tier's summary, charged with it: its hint says so instead.
    assert "mkdocs.yml:1: trang tien-do.html: lần mở đầu tải " in err
    assert "gợi ý: trang này tải bản tóm tắt của một cấp" in err
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()} == before


def test_html_and_repeat_visit_budgets_are_enforced(course, capsys):
    _quiz_course(course)
    _with_budgets(course, "    page_html: 10\n    repeat_visit_br: 1\n")
    assert course.run("build") == 1
    err = capsys.readouterr().err
    assert "content/co-ban/a.md:1: trang co-ban/a.html: HTML nặng" in err
    assert "vượt ngân sách 10.0 KB" in err
    assert "content/co-ban/b.md:1: trang co-ban/b.html: khi học tiếp từ bài trước tải" in err


def test_first_visit_counts_styles_scripts_and_eager_images_but_not_lazy_ones(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ["a/x.css", "a/y.js", "a/eager.png", "a/lazy.png"]:
        (tmp_path / name).write_text("x")
    html = ('<link rel="stylesheet" href="x.css"><script src="y.js"></script>'
            '<img src="eager.png"><img src="lazy.png" loading="lazy"><a href="other.html">x</a>'
            '<script src="https://example.com/z.js"></script>')
    assert resources(tmp_path, "a/page.html", html) == ["a/x.css", "a/y.js", "a/eager.png"]


def test_bundled_course_passes_its_budgets(capsys):
    from conftest import REPO
    from hocvuso import cli

    assert cli.main(["-f", str(REPO / "mkdocs.yml"), "check"]) == 0  # budgets need a build:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as out:
        assert cli.main(["-f", str(REPO / "mkdocs.yml"), "build", "--site-dir", str(Path(out) / "site")]) == 0
