"""`python build.py serve`: a live preview that rebuilds on save and survives mistakes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable

from pathlib import Path

import pytest

from conftest import REPO


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def served(course):
    course.lesson("co-ban/bai.md", title="Bản đầu")
    port = _free_port()
    log = course.root.parent / "serve.log"
    process = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "serve", "--port", str(port)],
        cwd=course.root, stdout=subprocess.DEVNULL, stderr=log.open("w"), text=True,
    )
    course.log = log
    url = f"http://127.0.0.1:{port}/co-ban/bai.html"
    try:
        assert _wait_for(lambda: (_get(url) or "").find("Bản đầu") >= 0), "preview never came up"
        yield course, url
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    assert not (course.root / "site").exists(), "serve must not touch site/"


def test_preview_rebuilds_when_a_lesson_is_saved(served):
    course, url = served
    course.lesson("co-ban/bai.md", title="Bản đã sửa")
    assert _wait_for(lambda: "Bản đã sửa" in (_get(url) or ""))


def test_preview_picks_up_a_new_lesson_and_theme_change(served):
    course, url = served
    course.lesson("co-ban/bai-moi.md", title="Bài mới thêm")
    new_page = url.replace("bai.html", "bai-moi.html")
    assert _wait_for(lambda: "Bài mới thêm" in (_get(new_page) or ""))
    template = course.root / "theme" / "lesson.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "<h1>", '<p class="sua-giao-dien">Giao diện mới</p><h1>'), encoding="utf-8")
    assert _wait_for(lambda: "Giao diện mới" in (_get(url) or ""))


def test_a_broken_save_shows_its_problems_instead_of_the_last_good_page(served):
    course, url = served
    course.write("content/co-ban/bai.md", "---\ntitle: [hỏng\n---\n")
    assert _wait_for(lambda: "content/co-ban/bai.md:2: lỗi cú pháp YAML" in course.log.read_text())
    assert "Chưa cập nhật bản xem trước" in course.log.read_text()
    shown = _get(url) or ""
    assert "Bản đầu" not in shown  # the stale page is gone: an author cannot take it for the new one
    assert "content/co-ban/bai.md:2:" in shown and "title: [hỏng" in shown
    assert "livereload(" in shown  # it reloads itself when the next save is built
    elsewhere = _get(url.replace("bai.html", "khong-co.html")) or ""  # every page says so, even one not built
    assert "content/co-ban/bai.md:2:" in elsewhere and "title: [hỏng" in elsewhere
    course.lesson("co-ban/bai.md", title="Đã sửa lỗi")
    assert _wait_for(lambda: "Đã sửa lỗi" in (_get(url) or ""))


@pytest.mark.browser
def test_the_browser_shows_a_broken_save_and_comes_back_by_itself_when_it_is_fixed(served, context):
    course, url = served
    page = context.new_page()
    page.goto(url)
    assert page.locator("h1").inner_text() == "Bản đầu"
    # A mistake whose message quotes the author's text, which must stay text.
    course.lesson("co-ban/bai.md", title="Bản đầu", competences='["<img src=x onerror=window.hacked=1>"]')
    heading = page.locator("h1")
    heading.filter(has_text="Bản xem trước chưa cập nhật: 1 lỗi").wait_for(timeout=30_000)  # reloaded by itself
    problem = page.locator("li").first
    assert problem.locator(".hv-where").inner_text() == "content/co-ban/bai.md:3:"
    assert "mã năng lực '<img src=x onerror=window.hacked=1>' không có trong khung năng lực" in problem.inner_text()
    assert problem.locator(".hv-line").inner_text() == 'competences: ["<img src=x onerror=window.hacked=1>"]'
    assert "Gợi ý:" in problem.inner_text()
    assert page.locator("img").count() == 0 and page.evaluate("window.hacked") is None
    page.reload()  # a manual reload shows the problems too, not the stale page
    assert "Bản xem trước chưa cập nhật" in heading.inner_text()
    course.lesson("co-ban/bai.md", title="Đã sửa lỗi")
    heading.filter(has_text="Đã sửa lỗi").wait_for(timeout=30_000)
    page.close()


def _preview(course, tmp_path):
    from hocvuso.commands.serve import Rebuilder
    shown: list = []
    rebuild = Rebuilder(course.root / "mkdocs.yml", tmp_path / "preview", tmp_path / "docs",
                        on_problems=lambda problems: shown.append(list(problems)))
    (tmp_path / "preview").mkdir()
    rebuild()
    assert rebuild.kept is not None and shown[-1] == []
    return rebuild, shown


@pytest.fixture
def three_lessons(course):
    course.write("content/glossary.yml", "OTP: Mã số dùng một lần.\n")
    course.write("quizzes/otp.yml", "title: Mã OTP\ncompetences: [\"4.2\"]\nlevel: 1\nquestions:\n"
                 "  - {id: c1, type: true_false, prompt: 'Đọc mã [[OTP]] cho người lạ?', answer: false}\n")
    for name, title in (("a", "Bài một"), ("b", "Bài hai"), ("c", "Bài ba")):
        course.lesson(f"co-ban/{name}.md", title=title, extra="quiz: otp\n" if name == "b" else "",
                      body=f"## Phần đầu\n\nGiữ kín [[OTP]] trong {title}.\n\n!!! tip\n    Mẹo nhỏ.\n")
    return course


def test_an_edit_to_a_lessons_text_rebuilds_that_page_alone_as_a_full_build_makes_it(three_lessons, tmp_path):
    from hocvuso.pipeline import build_site
    rebuild, shown = _preview(three_lessons, tmp_path)
    other = (tmp_path / "preview/co-ban/a.html").read_bytes()
    three_lessons.lesson("co-ban/b.md", title="Bài hai", extra="quiz: otp\n",
                         body="## Phần đầu\n\nGiữ kín [[OTP]] trong bài hai, luôn luôn.\n\n## Phần sau\n\nThêm một đoạn.\n")
    rebuild()
    assert rebuild.quick == 1 and shown[-1] == []
    full = build_site(three_lessons.root / "mkdocs.yml", site_dir=tmp_path / "full", for_server=False).site_dir
    assert (tmp_path / "preview/co-ban/b.html").read_bytes() == (full / "co-ban/b.html").read_bytes()
    assert 'id="phan-sau"' in (full / "co-ban/b.html").read_text(encoding="utf-8")
    assert (tmp_path / "preview/co-ban/a.html").read_bytes() == other  # nothing else was built


def _search_files(site: Path) -> dict[str, bytes]:
    [folder] = (site / "assets" / "hocvuso").glob("search-*")
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in folder.rglob("*.js")} | \
        {"tim-kiem.html": (site / "tim-kiem.html").read_bytes()}


def test_a_quick_text_edit_finds_its_new_words_in_search_as_a_full_build_does(three_lessons, tmp_path):
    from hocvuso.pipeline import build_site
    rebuild, shown = _preview(three_lessons, tmp_path)
    before = _search_files(tmp_path / "preview")
    three_lessons.lesson("co-ban/c.md", title="Bài ba",
                         body="## Phần đầu\n\nGiữ kín [[OTP]] trong bài ba.\n\n!!! tip\n    Cuộc gọi giả danh công an.\n")
    rebuild()
    assert rebuild.quick == 1 and shown[-1] == []
    rebuild.settle()  # search is brought up to date right after the page
    after = _search_files(tmp_path / "preview")
    full = build_site(three_lessons.root / "mkdocs.yml", site_dir=tmp_path / "full", for_server=False).site_dir
    assert after == _search_files(full) != before  # the old index folder is gone, the page points at the new one
    assert any("giả danh".encode() in text for text in after.values())


@pytest.mark.parametrize("edit", [
    pytest.param(dict(title="Bài hai mới"), id="front-matter"),  # the neighbours' pager shows titles
    pytest.param(dict(body="Không còn từ nào được đánh dấu.\n"), id="a-term-dropped"),  # the glossary page lists it
    pytest.param(dict(body="Có ảnh ![Ảnh](anh.png).\n"), id="a-new-picture"),
    # No other page has emphasis: the trimmed stylesheet has no rules for it.
    pytest.param(dict(body="Giữ kín [[OTP]], *luôn luôn*.\n"), id="an-element-no-page-had"),
])
def test_an_edit_that_other_pages_or_files_depend_on_is_a_full_build(three_lessons, tmp_path, edit):
    from PIL import Image
    Image.new("RGB", (40, 30), "white").save(three_lessons.root / "content/co-ban/anh.png")
    rebuild, shown = _preview(three_lessons, tmp_path)
    three_lessons.lesson("co-ban/b.md", **{"title": "Bài hai", "extra": "quiz: otp\n",
                                           "body": "## Phần đầu\n\nGiữ kín [[OTP]].\n", **edit})
    rebuild()
    assert rebuild.quick == 0 and shown[-1] == []
    if "title" in edit:
        assert "Bài hai mới" in (tmp_path / "preview/co-ban/a.html").read_text(encoding="utf-8")


def test_a_broken_text_edit_shows_its_problem_and_keeps_the_page_then_the_fix_shows(three_lessons, tmp_path):
    rebuild, shown = _preview(three_lessons, tmp_path)
    before = (tmp_path / "preview/co-ban/c.html").read_bytes()
    three_lessons.lesson("co-ban/c.md", title="Bài ba", body="## Phần đầu\n\nGiữ kín [[OTP]]. [Xem](khong-co.md)\n")
    rebuild()
    assert shown[-1] and "khong-co.md" in shown[-1][0].message
    assert (tmp_path / "preview/co-ban/c.html").read_bytes() == before
    three_lessons.lesson("co-ban/c.md", title="Bài ba", body="## Phần đầu\n\nGiữ kín [[OTP]]. Đã sửa.\n")
    rebuild()
    assert shown[-1] == [] and rebuild.quick == 1
    assert "Đã sửa." in (tmp_path / "preview/co-ban/c.html").read_text(encoding="utf-8")
