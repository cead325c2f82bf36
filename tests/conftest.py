"""Small real courses, written into a temp dir, built with the real pipeline."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import textwrap
import threading
import time
from pathlib import Path

import pytest
import yaml

from hocvuso import cli

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MKDOCS_YML = """\
site_name: Lớp thử
hocvuso:
  framework: content/framework.yml
theme:
  name: material
  custom_dir: theme
  language: vi
  font: false
plugins: []
markdown_extensions:
  - admonition
  - attr_list
  - toc
"""


class CourseDir:
    """A course project folder: mkdocs.yml, the bundled framework and theme, lessons."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        (root / "content").mkdir(exist_ok=True)
        (root / "quizzes").mkdir(exist_ok=True)
        shutil.copytree(REPO / "theme", root / "theme")
        shutil.copy(REPO / "content" / "framework.yml", root / "content" / "framework.yml")
        self.write("mkdocs.yml", MKDOCS_YML)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def lesson(self, rel: str, *, title: str = "Bài thử", competences: str = '["4.2"]',
               level: int = 1, body: str = "Nội dung bài.\n", extra: str = "") -> Path:
        """A valid lesson at content/<rel> unless the arguments make it otherwise."""
        text = (
            "---\n"
            f"title: {title}\n"
            f"competences: {competences}\n"
            f"level: {level}\n"
            "duration: 15\n"
            "objectives:\n"
            "  - Biết một điều mới\n"
            f"{extra}"
            "---\n"
            f"{body}"
        )
        path = self.root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str) -> int:
        return cli.main(["-f", str(self.root / "mkdocs.yml"), *args])

    def page(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


@pytest.fixture
def course(tmp_path: Path) -> CourseDir:
    return CourseDir(tmp_path / "course")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder: Path):
    """``folder`` on a local web server, as a host would serve a built site; yields its URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `bash scripts/setup.sh --test`")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile the size of a small Android phone."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(5000)
    yield context
    context.close()


def fixture_question(page, key: str):
    """The question of tests/fixtures/every-type-quiz.yml with this id, on a built page:
    found by its prompt as learners see it (pages give questions no id)."""
    quiz = yaml.safe_load((FIXTURES / "every-type-quiz.yml").read_text(encoding="utf-8"))
    prompt = next(q["prompt"] for q in quiz["questions"] if q["id"] == key).replace("**", "")
    return page.locator("li.hv-q").filter(has=page.locator(".hv-q__prompt", has_text=prompt))


def until(page, script: str, arg=None, seconds: float = 15) -> None:
    # evaluate() awaits promises (wait_for_function would take a pending promise as true).
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, "timed out waiting for the service worker"
        page.wait_for_timeout(100)


def tier_downloaded(browser, base):
    """A learner's browser that has stored the Cơ bản tier for offline use."""
    context = browser.new_context()
    context.set_default_timeout(10000)
    page = context.new_page()
    page.goto(base + "co-ban/index.html")
    until(page, "async () => !!(await navigator.serviceWorker.ready).active")
    page.get_by_role("button", name="Tải về để học không cần mạng").click()
    page.locator(".hv-offline [role=status]").filter(has_text="Đã tải xong").wait_for()
    return context, page
