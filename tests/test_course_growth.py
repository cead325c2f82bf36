"""Pages that must not grow with the course: progress, certificate and class pages, and the glossary."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from hocvuso.render.pages import GLOSSARY_LESSONS
from hocvuso.pipeline import build_site
from hocvuso.quiz.bundles import FINAL_QUESTIONS
from hocvuso.output.weight import Budgets

from tests.conftest import REPO

RECORD_PAGES = ("tien-do.html", "chung-nhan.html", "lop-hoc.html")


def _quiz(title: str, competence: str, level: int) -> str:
    questions = "".join(f"  - {{id: c{i}, type: true_false, prompt: '{title}: câu {i}?', answer: true}}\n"
                        for i in range(3))
    return f"title: {title}\ncompetences: [\"{competence}\"]\nlevel: {level}\nquestions:\n{questions}"


def _lessons(course, tier: str, level: int, numbers: range, body: str = "Nội dung bài.\n") -> None:
    for n in numbers:
        course.write(f"quizzes/{tier}-{n:02}.yml", _quiz(f"Bài {n}", "4.2", level))
        course.lesson(f"{tier}/bai-{n:02}.md", title=f"Bài {n} ({tier})", level=level, body=body,
                      extra=f"quiz: {tier}-{n:02}\norder: {n}\n")


def _index(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="hv-course"[^>]*>(.*?)</script>', html, re.S)[1])


def _summaries(site: Path, tier: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (site / "assets" / "hocvuso").glob(f"record-{tier}-*.js")}


def test_a_tiers_record_data_stays_the_same_when_other_tiers_grow(course):
    _lessons(course, "co-ban", 1, range(1, 4))
    _lessons(course, "trung-cap", 3, range(1, 2))
    assert course.run("build") == 0
    site = course.root / "site"
    before = {page: _index(course.page(page)) for page in RECORD_PAGES}
    basic = _summaries(site, "co-ban")
    assert sorted(re.sub(r"\..*", "", name) for name in basic) == [
        "record-co-ban-competences", "record-co-ban-lessons", "record-co-ban-scores"]

    _lessons(course, "trung-cap", 3, range(2, 20))  # 18 more lessons and quizzes, in another tier
    weights = {w.page: w for w in build_site(course.root / "mkdocs.yml").weights}
    # Each page is charged with what it loads of the heaviest tier, now Trung cấp.
    assert sorted(re.sub(r"\..*", "", part.split("/")[-1]) for part in weights["tien-do.html"].parts
                  if "/record-" in part) == ["record-trung-cap-competences", "record-trung-cap-lessons",
                                             "record-trung-cap-scores"]
    assert _summaries(site, "co-ban") == basic  # the same files, byte for byte
    for page in RECORD_PAGES:
        html, index = course.page(page), _index(course.page(page))
        assert index["tiers"][0] == before[page]["tiers"][0]  # Cơ bản: unchanged
        middle = index["tiers"][1]
        assert middle.keys() == before[page]["tiers"][1].keys() and middle["nq"] == 19
        assert len(middle["fq"]["q"]) == FINAL_QUESTIONS  # the final test's 15 questions, not 19 quizzes'
        # Nothing per lesson in the page: no answer bundle, no lesson named.
        assert "quiz-co-ban." not in html and "quiz-trung-cap." not in html
        assert "bai-05.html" not in html and "Bài 5 (trung-cap)" not in html


def test_glossary_names_a_few_lessons_per_term_and_finds_the_rest_by_search(course):
    course.write("content/glossary.yml", "OTP: Mã số dùng một lần.\nQR: Ô vuông đen trắng.\n")
    _lessons(course, "co-ban", 1, range(1, 8), body="Không đọc [[OTP]] cho ai.\n")
    _lessons(course, "trung-cap", 3, range(1, 3), body="Giữ kín [[OTP]], quét [[QR]].\n")
    assert course.run("build") == 0
    page = course.page("thuat-ngu.html")
    otp = page[page.index('id="tn-otp"'):page.index('id="tn-qr"')]
    named = re.findall(r'<a href="([^"?]+)">', otp)  # lessons, not the search
    assert len(named) == GLOSSARY_LESSONS
    # The first lesson of each tier that uses the term, then the next ones, in course order.
    assert named == ["co-ban/bai-01.html", "co-ban/bai-02.html", "co-ban/bai-03.html", "trung-cap/bai-01.html"]
    assert "và 5 bài khác" in otp
    assert '<a href="tim-kiem.html?q=OTP">tìm các bài có “OTP”</a>' in otp
    qr = page[page.index('id="tn-qr"'):]
    assert re.findall(r'<a href="([^"?]+)">', qr) == ["trung-cap/bai-01.html", "trung-cap/bai-02.html"]
    assert "bài khác" not in qr


def _generate(n: int, root: Path) -> Path:
    """bench/run.py's generated course, the one the bench measures: its hocvuso project."""
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.generate(n, root)
    return root / "hocvuso" / "mkdocs.yml"


@pytest.mark.slow
def test_a_course_of_hundreds_of_lessons_over_four_tiers_keeps_record_pages_and_glossary_in_budget(tmp_path):
    config = _generate(320, tmp_path)  # 96, 96, 64 and 64 lessons
    built = build_site(config, for_server=False)  # fails, naming the page, past a default budget
    weights = {w.page: w for w in built.weights}
    for page in RECORD_PAGES:
        loaded = list(weights[page].parts)
        assert not any("/quiz-" in part for part in loaded), loaded
        assert any(re.search(r"/record-[a-z-]+-competences\.", part) for part in loaded), loaded
    assert any("-scores." in part for part in weights["tien-do.html"].parts)  # its tier's results, charged
    glossary = (built.site_dir / "thuat-ngu.html").read_text(encoding="utf-8")
    assert weights["thuat-ngu.html"].html_raw <= Budgets().page_html
    for term in glossary.split("<dt ")[1:]:
        assert term.count('<a href="') <= GLOSSARY_LESSONS + 1  # and the search for the rest
