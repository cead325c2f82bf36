"""Page weight: measured on the built site, reported, and enforced as budgets."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from hocvuso.pipeline import build_site
from hocvuso.output.weight import Budgets, Weight, headroom, over_budget, resources

HEADROOM = 0.15  # what the bundled course keeps under every default budget


def _with_budgets(course, budgets: str):
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text.replace("hocvuso:\n", f"hocvuso:\n  budgets:\n{budgets}"))


def _quiz_course(course):
    course.write("quizzes/thu.yml", (FIXTURES / "every-type-quiz.yml").read_text(encoding="utf-8"))
    course.lesson("co-ban/a.md", title="Bài một", extra="quiz: thu\norder: 1\n")
    course.lesson("co-ban/b.md", title="Bài hai", extra="order: 2\n")


def test_build_prints_a_weight_report_and_the_headroom_per_kind_of_page(course, capsys):
    _quiz_course(course)
    assert course.run("build") == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Dung lượng tải về (nặng nhất mỗi loại trang; brotli / gzip; còn dư: so với ngân sách):" in lines
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("Bài học"))
    assert "lần đầu" in lines[at] and "bài tiếp theo" in lines[at] and "(2 trang;" in lines[at]
    # The line below says how far the heaviest lesson is under each budget of lessons.
    assert re.fullmatch(r" +còn dư: lần đầu br \d+%, lần đầu gz \d+%, bài tiếp theo \d+%, HTML \d+%", lines[at + 1])
    home = next(i for i, line in enumerate(lines) if line.strip().startswith("Trang chủ"))
    assert "còn dư" not in lines[home + 1]  # no budget applies to the home page


def test_headroom_is_the_heaviest_page_of_each_kind_against_each_budget():
    budgets = Budgets(first_visit_br=1000, first_visit_gz=2000, repeat_visit_br=100, page_html=4000)
    weights = [Weight("a.html", "lesson", 3000, 800, 1000, 90), Weight("b.html", "lesson", 1000, 500, 1900, 40),
               Weight("c.html", "final", 3900, 750, 1500, None), Weight("index.html", "home", 9000, 5000, 6000, None)]
    assert headroom(weights, budgets) == {
        "lesson": {"first_visit_br": pytest.approx(0.2), "first_visit_gz": pytest.approx(0.05),
                   "repeat_visit_br": pytest.approx(0.1), "page_html": pytest.approx(0.25)},
        "final": {"first_visit_br": pytest.approx(0.25), "first_visit_gz": pytest.approx(0.25)},
    }


def test_a_lesson_without_a_quiz_between_quiz_lessons_does_not_make_the_next_one_pay(course):
    course.write("quizzes/thu.yml", (FIXTURES / "every-type-quiz.yml").read_text(encoding="utf-8"))
    course.write("quizzes/hai.yml", (FIXTURES / "every-type-quiz.yml").read_text(encoding="utf-8")
                 .replace("title: Kiểm tra thử", "title: Kiểm tra hai"))
    course.lesson("co-ban/a.md", title="Bài một", extra="quiz: thu\norder: 1\n")
    course.lesson("co-ban/b.md", title="Bài đọc thêm", extra="order: 2\n")  # no quiz: no engine, no bundle
    course.lesson("co-ban/c.md", title="Bài ba", extra="quiz: hai\norder: 3\n")
    built = build_site(course.root / "mkdocs.yml", for_server=False)
    weights = {w.page: w for w in built.weights}
    after = weights["co-ban/c.html"]
    shared = [path for path in after.parts if path != after.page]
    assert any("/quiz-co-ban." in path for path in shared) and any("/quiz." in path for path in shared)
    # Next lesson: its own HTML only, although the page before it loaded neither file.
    assert after.repeat_br == after.parts[after.page]
    assert weights["co-ban/b.html"].repeat_br == weights["co-ban/b.html"].parts["co-ban/b.html"]
    assert not [why for _, why in over_budget(built.weights, Budgets(), built.site_dir)]


def test_a_lesson_over_its_first_visit_budget_fails_the_build_naming_what_it_carries(course, capsys):
    _quiz_course(course)
    assert course.run("build") == 0
    site = course.root / "site"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}
    capsys.readouterr()
    _with_budgets(course, "    first_visit_br: 5\n")
    assert course.run("build") == 1
    err = capsys.readouterr().err
    said = next(line for line in err.splitlines() if "trang co-ban/a.html: lần mở đầu tải " in line)
    assert said.startswith("content/co-ban/a.md:1: ")
    carried = said.split("vượt ngân sách 5.0 KB / 50.0 KB: ")[1].split(", ")
    sizes = [float(part.rsplit(" ", 2)[1]) for part in carried]
    assert sizes == sorted(sizes, reverse=True)  # the heaviest part is named first
    assert any(part.startswith("main.") for part in carried) and any("bài kiểm tra" in p for p in carried)
    assert "gợi ý: rút gọn hoặc tách bài" in err
    # The progress page carries one tier's summary, charged with it: its hint says so instead.
    assert "mkdocs.yml:1: trang tien-do.html: lần mở đầu tải " in err
    assert "gợi ý: trang này tải bản tóm tắt của một cấp" in err
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()} == before


def test_html_and_next_lesson_budgets_name_the_parts_that_make_the_lesson_heavy(course, capsys):
    _quiz_course(course)
    _with_budgets(course, "    page_html: 10\n    repeat_visit_br: 1\n")
    assert course.run("build") == 1
    err = capsys.readouterr().err
    html = next(line for line in err.splitlines() if "co-ban/a.html: HTML nặng" in line)
    assert "vượt ngân sách 10.0 KB: " in html
    parts = dict(re.findall(r"(nội dung bài|bài kiểm tra|điều hướng|khung trang) ([\d.]+) KB", html))
    assert set(parts) == {"nội dung bài", "bài kiểm tra", "điều hướng", "khung trang"}
    assert float(parts["bài kiểm tra"]) > float(parts["nội dung bài"])  # a one-line lesson, a 6-question quiz
    nxt = next(line for line in err.splitlines() if line.startswith("content/co-ban/b.md:1: trang co-ban/b.html: "))
    assert "khi học tiếp trong cấp (đã có sẵn tệp dùng chung của cấp) tải " in nxt
    assert "nội dung bài" in nxt and "điều hướng" in nxt and "bài kiểm tra" not in nxt  # b has no quiz
    assert "quiz" not in nxt.split("vượt ngân sách")[1]  # nor is it charged for the engine


def _page(tmp_path: Path, html: str) -> Path:
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    return tmp_path


def test_a_size_near_its_budget_is_said_in_bytes(tmp_path):
    site = _page(tmp_path, '<html><body><article class="md-content__inner">Bài</article></body></html>')
    near = Weight("a.html", "lesson", 1000, 9000, 9000, 8195, {"a.html": 8195})
    far = Weight("a.html", "lesson", 1000, 9000, 9000, 16384, {"a.html": 16384})
    [(_, said)] = over_budget([near], Budgets(), site)
    assert "tải 8 195 B brotli, vượt ngân sách 8 192 B: " in said
    [(_, said)] = over_budget([far], Budgets(), site)
    assert "tải 16.0 KB brotli, vượt ngân sách 8.0 KB: " in said


def test_first_visit_counts_styles_scripts_and_eager_images_but_not_lazy_ones(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ["a/x.css", "a/y.js", "a/eager.png", "a/lazy.png"]:
        (tmp_path / name).write_text("x")
    html = ('<link rel="stylesheet" href="x.css"><script src="y.js"></script>'
            '<img src="eager.png"><img src="lazy.png" loading="lazy"><a href="other.html">x</a>'
            '<script src="https://example.com/z.js"></script>')
    (tmp_path / "a/page.html").write_text(html)
    assert resources(tmp_path, "a/page.html") == ["a/x.css", "a/y.js", "a/eager.png"]


def _bundled_headroom(tmp_path: Path, handouts: str | None) -> dict[str, dict[str, float]]:
    built = build_site(REPO / "mkdocs.yml", site_dir=tmp_path / "site", for_server=False, handouts=handouts)
    assert built.budgets == Budgets()  # the bundled course keeps the defaults
    room = headroom(built.weights, built.budgets)
    assert {"lesson", "final"} <= set(room)
    return room


def _tight(room: dict[str, dict[str, float]]) -> dict[str, float]:
    return {f"{kind} {budget}": round(spare, 3) for kind, budgets in room.items()
            for budget, spare in budgets.items() if spare < HEADROOM}


def test_bundled_course_keeps_headroom_under_every_default_budget(tmp_path):
    assert _tight(_bundled_headroom(tmp_path, None)) == {}


@pytest.mark.slow
def test_bundled_course_with_handouts_keeps_headroom_under_every_default_budget(tmp_path):
    # The "Tải bản in (PDF)" link makes every lesson page longer.
    assert _tight(_bundled_headroom(tmp_path, "A4")) == {}
