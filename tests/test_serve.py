"""`python build.py serve`: a live preview that rebuilds on save and survives mistakes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable

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
