"""Benchmark: the same course built with hocvuso and with plain mkdocs-material + mkdocs-quiz.

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/run.py            # 40 and 1,000 lessons
    .venv/bin/python bench/run.py --sizes 40

The course is generated from the bundled lessons and quizzes (cycled, renumbered, spread
over the four tiers), so both tools get real Vietnamese text. Each site is served over
http://127.0.0.1 and opened in Debian's chromium; every response is recorded until the
page is idle, then its bytes are counted raw and compressed (brotli 5 / gzip 6, as a server
compressing on the fly would send them). Requests to other hosts (Material's Google Fonts)
cannot load here and are counted separately. Builds are timed as the kernel counts them
(wall, CPU and peak memory of each build process); each tool's live preview is timed from
a saved lesson edit to the browser showing it; hocvuso's reading of the quizzes is timed
on its own. Figures are printed side by side, then
hocvuso's own weight report of each kind of page (record pages and glossary included, as
the build checks them against budgets); nothing is asserted: speed and weight are
reported, not tested.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import http.server
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hocvuso.source.frontmatter import split  # noqa: E402
from hocvuso.model.glossary import plain_terms  # noqa: E402
from hocvuso.output.weight import sizes  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIERS = [("co-ban", (1, 2)), ("trung-cap", (3, 4)), ("nang-cao", (5, 6)), ("chuyen-sau", (7, 8))]


# ---------------------------------------------------------------- the generated course

def _sources():
    lessons = sorted((REPO / "content" / "co-ban").rglob("*.md"))
    lessons = [p for p in lessons if p.name != "index.md"]
    out = []
    for path in lessons:
        page = split(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(page.meta_text)
        quiz = yaml.safe_load((REPO / "quizzes" / f"{meta['quiz']}.yml").read_text(encoding="utf-8"))
        out.append((path.parent.name, meta, page.body, quiz))
    return out


def generate(n: int, root: Path) -> None:
    """Write the same n-lesson course as a hocvuso project and as a plain MkDocs project."""
    hv, plain = root / "hocvuso", root / "material"
    shutil.copytree(REPO / "theme", hv / "theme")
    (hv / "content").mkdir(parents=True)
    (hv / "quizzes").mkdir()
    shutil.copy(REPO / "content" / "framework.yml", hv / "content" / "framework.yml")
    shutil.copy(REPO / "content" / "glossary.yml", hv / "content" / "glossary.yml")
    (hv / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "  coverage:                           # what the course promises: checked by 'python build.py coverage'\n"
        "    co-ban: all                       # every competence at Cơ bản\n", ""), encoding="utf-8")
    (plain / "docs").mkdir(parents=True)
    nav: dict[str, list] = {}
    sources = _sources()
    for i in range(n):
        folder, meta, body, quiz = sources[i % len(sources)]
        tier, levels = TIERS[(i // len(sources)) % len(TIERS)] if n > len(sources) else TIERS[0]
        level = levels[meta["level"] - 1]
        slug = f"bai-{i:04d}"
        title = f"{meta['title']} ({i + 1})"
        front = dict(meta, title=title, level=level, quiz=slug, order=i)
        front.pop("sources", None)
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + _no_links(body)
        target = hv / "content" / tier / folder / f"{slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        (hv / "quizzes" / f"{slug}.yml").write_text(
            yaml.safe_dump(dict(quiz, title=title, level=level), allow_unicode=True, sort_keys=False),
            encoding="utf-8")
        page = plain / "docs" / tier / folder / f"{slug}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        # Plain Material has no glossary: the same words, without the marks.
        page.write_text(f"# {title}\n\n{_no_links(plain_terms(body))}\n\n{_mkdocs_quiz(quiz)}", encoding="utf-8")
        nav.setdefault(tier, []).append(f"{tier}/{folder}/{slug}.md")
    (plain / "docs" / "index.md").write_text("# Học vụ số\n\nKhóa học kỹ năng số.\n", encoding="utf-8")
    (plain / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Học vụ số",
        "theme": {"name": "material", "language": "vi"},
        "plugins": ["search", "mkdocs_quiz"],
        "markdown_extensions": ["admonition", "attr_list", "toc"],
        "nav": [{"Trang chủ": "index.md"}, *({t: pages} for t, pages in nav.items())],
    }, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _no_links(body: str) -> str:
    return re.sub(r"\[([^\]]+)\]\([^)]+\.md[^)]*\)", r"\1", body)  # generated names differ


def _mkdocs_quiz(quiz: dict) -> str:
    """Our questions in mkdocs-quiz syntax (choice questions; it has no other kinds)."""
    blocks = ["<!-- mkdocs-quiz intro -->"]
    for q in quiz["questions"]:
        if q["type"] in ("single", "multiple"):
            options = [(o["text"], o.get("correct", False)) for o in q["options"]]
        elif q["type"] == "true_false":
            options = [("Đúng", q["answer"]), ("Sai", not q["answer"])]
        else:
            continue
        lines = [f"- [{'x' if ok else ' '}] {text}" for text, ok in options]
        blocks.append("<quiz>\n" + q["prompt"] + "\n" + "\n".join(lines) + "\n\n"
                      + (q.get("explanation") or "") + "\n</quiz>")
    blocks.append("<!-- mkdocs-quiz results -->")
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- building and measuring

def _measured(command: list[str]) -> tuple[dict[str, float], str]:
    """Run a build; its wall and CPU seconds (user + system) and peak resident memory (MB),
    as the kernel counted them for that process alone (wait4)."""
    start = time.monotonic()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        text, error = out.read(), err.read()
    if child.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{error}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024}, text


def build(root: Path) -> tuple[dict[str, dict[str, float]], str]:
    """Each tool's build figures, and hocvuso's own report of its pages' weights (as it checks budgets)."""
    times = {}
    times["hocvuso"], out = _measured([sys.executable, str(REPO / "build.py"), "-f",
                                       str(root / "hocvuso" / "mkdocs.yml"), "build"])
    report = out.find("Dung lượng tải về")
    weights = out[report:].rstrip() if report >= 0 else "no weight report"
    times["material"], _ = _measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                      str(root / "material" / "mkdocs.yml")])
    return times, weights


def quiz_reading(root: Path) -> float:
    """CPU seconds hocvuso takes to read and check every quiz of the course (in this process)."""
    from hocvuso.model.content import read_content
    from hocvuso.model.framework import load_framework
    from hocvuso.problems import Problems
    from hocvuso.quiz.model import load_quizzes
    from hocvuso.source.settings import load_settings
    settings = load_settings(root / "hocvuso" / "mkdocs.yml")
    problems = Problems(settings.project_dir)
    framework = load_framework(settings.framework_file, problems)
    glossary = read_content(settings, framework, problems).glossary
    start = time.process_time()
    load_quizzes(settings.quizzes_dir, framework, problems, glossary)
    return time.process_time() - start


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _GzipHandler(_QuietHandler):
    """Compresses text on the fly, as most web servers do (gzip level 6)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in (".html", ".css", ".js", ".json", ".svg") or not path.is_file() \
                or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _serve(folder: Path, compress: bool = False):
    log: list[tuple[str, int]] = []  # (path, status) of every response the server sent

    class Logged(_GzipHandler if compress else _QuietHandler):
        def send_response(self, code, message=None):
            log.append((self.path, code))
            super().send_response(code, message)

    handler = functools.partial(Logged, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.log = log
    return server


def visit(browser, site: Path, first: str, second: str) -> dict:
    """Load ``first`` with an empty cache, then go on to ``second``; count what moved."""
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    external: list[list[str]] = [[], []]
    marks = []
    visit_index = [0]
    context.on("request", lambda r: None if r.url.startswith(base) else external[visit_index[0]].append(r.url))
    page = context.new_page()
    page.goto(base + first, wait_until="networkidle")
    marks.append(len(server.log))
    visit_index[0] = 1
    page.goto(base + second, wait_until="networkidle")
    page.wait_for_timeout(500)  # let a service worker finish what it fetches
    marks.append(len(server.log))
    context.close()
    server.shutdown()
    result = {}
    # Counted on the server side: what really crossed the wire (a cache hit sends nothing,
    # a 304 no body); requests a service worker makes are counted too.
    for name, served, outside in (("first", server.log[:marks[0]], external[0]),
                                  ("repeat", server.log[marks[0]:marks[1]], external[1])):
        raw, br, gz = _bytes(site, served)
        result[name] = {"requests": len(served), "external": len(outside), "raw": raw, "br": br, "gz": gz}
    html = site / first
    result["html"] = (html / "index.html" if html.is_dir() else html).stat().st_size
    return result


SEARCH_QUERIES = ("lừa đảo", "lua dao", "mật khẩu")


def _bytes(site: Path, served: list[tuple[str, int]]) -> tuple[int, int, int]:
    raw = br = gz = 0
    for url, status in served:
        if status != 200:
            continue
        path = site / unquote(url.split("?")[0].split("#")[0].lstrip("/"))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            b, g = sizes(path)
            raw, br, gz = raw + path.stat().st_size, br + b, gz + g
    return raw, br, gz


def search_visit(browser, site: Path, lesson: str, material: bool) -> dict:
    """From a lesson, open search and run each query; bytes each step moved, and hits."""
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(60000)
    page = context.new_page()
    page.goto(base + lesson, wait_until="networkidle")
    steps, hits = [], []
    if material:
        # Material starts its search worker on every page: the index loads with the lesson.
        steps.append(("open search", [e for e in server.log if re.search(r"search|lunr", e[0])]))
        page.click("label.md-header__button[for='__search']")
        box, result, count = ("input.md-search__input", ".md-search-result__item",
                              "document.querySelector('.md-search-result__meta').textContent")
    else:
        mark = len(server.log)
        page.click("a.hv-search-link")
        page.wait_for_load_state("networkidle")
        steps.append(("open search", server.log[mark:]))
        box, result, count = "#hv-q", ".hv-result", "document.getElementById('hv-search-status').textContent"
    for query in SEARCH_QUERIES:
        mark = len(server.log)
        page.fill(box, "")
        page.locator(box).press_sequentially(query, delay=30)  # Material searches on key events
        try:
            page.wait_for_selector(result, timeout=20000)
        except Exception:  # noqa: BLE001 - no result is a result
            pass
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(800)
        steps.append((f"query {query!r}", server.log[mark:]))
        hits.append((query, page.evaluate(count).strip()))
    context.close()
    server.shutdown()
    return {"steps": [(name, len(served), *_bytes(site, served)) for name, served in steps], "hits": hits}


# DevTools' "Slow 3G" preset: 400 ms round trip and 500 kbit/s, each scaled as DevTools
# does (latency x5, throughput x0.8), in both directions.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 500 * 1000 / 8 * 0.8,
           "uploadThroughput": 500 * 1000 / 8 * 0.8}


def tier_download(browser, site: Path, tier: str = "co-ban") -> dict:
    """Time and bytes of "Tải về để học không cần mạng" on a tier page, on slow 3G, from a
    server compressing on the fly (gzip 6) as hosts do. The throttle is set on the service
    worker's own target: the worker does the downloading, and a page's throttle does not
    reach it."""
    server = _serve(site, compress=True)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base + f"{tier}/index.html", wait_until="networkidle")
    page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")
    cdp = browser.new_browser_cdp_session()
    worker = next(t for t in cdp.send("Target.getTargets")["targetInfos"]
                  if t["type"] == "service_worker" and t["url"].startswith(base))
    session = cdp.send("Target.attachToTarget", {"targetId": worker["targetId"], "flatten": False})["sessionId"]
    replies: list[str] = []
    cdp.on("Target.receivedMessageFromTarget", lambda event: replies.append(event["message"]))
    for number, (method, params) in enumerate((("Network.enable", {}),
                                               ("Network.emulateNetworkConditions", SLOW_3G)), start=1):
        cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
            {"id": number, "method": method, "params": params})})
    while sum('"id":' in r for r in replies) < 2:  # both commands acknowledged
        page.wait_for_timeout(50)
    mark = len(server.log)
    start = time.monotonic()
    page.get_by_role("button", name="Tải về để học không cần mạng").click()
    page.locator(".hv-offline [role=status]").filter(has_text="Đã tải xong").wait_for(timeout=30 * 60 * 1000)
    seconds = time.monotonic() - start
    served = server.log[mark:]
    cdp.detach()
    context.close()
    server.shutdown()
    listed = json.loads((site / f"assets/hocvuso/offline-{tier}.json").read_text(encoding="utf-8"))["urls"]
    raw, br, gz = _bytes(site, served)
    return {"seconds": seconds, "files": len(listed), "requests": len(served), "raw": raw, "gz": gz, "br": br}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_latency(browser, root: Path, material: bool, edits: int = 2) -> list[float]:
    """Seconds from saving a lesson to the browser showing the change, in each tool's live
    preview (``build.py serve`` / ``mkdocs serve``): the page is open, a line is added to
    its source, and the page is read until the line shows (the preview reloads itself)."""
    port = _free_port()
    if material:
        project, site = root / "material", root / "material" / "site"
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                   "-a", f"127.0.0.1:{port}"]
        page = lesson_pages(site, True)[0]
        source = project / "docs" / (page.rstrip("/") + ".md")
    else:
        project, site = root / "hocvuso", root / "hocvuso" / "site"
        command = [sys.executable, str(REPO / "build.py"), "-f", str(project / "mkdocs.yml"), "serve",
                   "--port", str(port)]
        page = lesson_pages(site, False)[0]
        source = project / "content" / page.replace(".html", ".md")
    original = source.read_text(encoding="utf-8")
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    context = browser.new_context()
    tab = context.new_page()
    seconds = []
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        deadline = time.monotonic() + 600  # the first build of a big course
        while True:
            try:
                if tab.goto(url, timeout=10000).ok:
                    break
            except Exception:  # not listening yet
                pass
            if time.monotonic() > deadline:
                sys.exit(f"the preview never answered: {' '.join(command)}")
            time.sleep(0.5)
        tab.wait_for_timeout(1000)  # let the live-reload script connect
        for edit in range(edits):
            word = f"benchmarkedit{edit}x{port}"
            start = time.monotonic()
            source.write_text(original + f"\n\nDòng sửa {word}.\n", encoding="utf-8")
            while True:
                try:
                    if word in tab.content():
                        break
                except Exception:  # the page is reloading
                    pass
                if time.monotonic() - start > 600:
                    sys.exit(f"the preview never showed the edit: {' '.join(command)}")
                time.sleep(0.05)
            seconds.append(time.monotonic() - start)
            tab.wait_for_timeout(1500)  # let the server settle before the next save
    finally:
        source.write_text(original, encoding="utf-8")
        context.close()
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)
    return seconds


def lesson_pages(site: Path, directory_urls: bool) -> tuple[str, str]:
    lessons = sorted(p for p in site.rglob("bai-*") if (p.is_file() and p.suffix == ".html") or p.is_dir())
    paths = [p.relative_to(site).as_posix() + ("/" if p.is_dir() else "") for p in lessons]
    return paths[1], paths[2]


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40, 1000])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in args.sizes:
            with tempfile.TemporaryDirectory(prefix="hocvuso-bench-") as tmp:
                root = Path(tmp)
                generate(n, root)
                times, weights = build(root)
                hv_site, md_site = root / "hocvuso" / "site", root / "material" / "site"
                hv = visit(browser, hv_site, *lesson_pages(hv_site, False))
                md = visit(browser, md_site, *lesson_pages(md_site, True))
                index = md_site / "search" / "search_index.json"
                hv_lesson, md_lesson = lesson_pages(hv_site, False)[0], lesson_pages(md_site, True)[0]
                # Plain Material has no tier pages (its home page is the nearest thing), no
                # final test, progress or certificate page.
                rows = _lighthouse_rows(hv_site, md_site, [
                    ("lesson+quiz", hv_lesson, md_lesson), ("tier/home", "co-ban/index.html", "index.html"),
                    ("final test", "co-ban/kiem-tra-cuoi-cap.html", None), ("progress", "tien-do.html", None),
                    ("certificate", "chung-nhan.html", None)])
                searches = (search_visit(browser, hv_site, hv_lesson, material=False),
                            search_visit(browser, md_site, md_lesson, material=True))
                latency = (serve_latency(browser, root, material=False), serve_latency(browser, root, material=True))
                _print(n, times, hv, md, index.stat().st_size if index.exists() else 0, rows, searches,
                       tier_download(browser, hv_site), quiz_reading(root), latency)
                # Every kind of page, the record pages and glossary among them, as the build weighs them.
                print("hocvuso build, " + weights)
        browser.close()


def lighthouse(site: Path, pages: list[str]) -> dict[tuple[str, bool], tuple[int, int, list[str]]]:
    """(page, compressed) -> (performance, accessibility, failed accessibility audits),
    Lighthouse mobile, or {} without it."""
    if not shutil.which("lighthouse"):
        return {}
    scores = {}
    for compress in (False, True):
        server = _serve(site, compress)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for page in pages:
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                subprocess.run(["lighthouse", base + page, "--quiet", "--output=json", f"--output-path={out.name}",
                                "--only-categories=performance,accessibility",
                                "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                               env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                               capture_output=True, timeout=180)
                data = json.loads(Path(out.name).read_text() or "{}")
            categories, audits = data.get("categories", {}), data.get("audits", {})
            failed = [ref["id"] for ref in categories.get("accessibility", {}).get("auditRefs", [])
                      if audits.get(ref["id"], {}).get("score") not in (None, 1)]  # None: does not apply
            scores[(page, compress)] = (*(round((categories.get(c, {}).get("score") or 0) * 100)
                                          for c in ("performance", "accessibility")), failed)
        server.shutdown()
    return scores


def _lighthouse_rows(hv_site, md_site, pages: list[tuple[str, str, str | None]]):
    """``pages``: (row name, hocvuso page, Material page or None when it has no such page)."""
    hv_scores = lighthouse(hv_site, [hv for _, hv, _ in pages])
    md_scores = lighthouse(md_site, [md for _, _, md in pages if md])
    if not hv_scores:
        print("lighthouse: not installed (npm install -g lighthouse), scores skipped")
        return []
    rows = []
    for name, hv_page, md_page in pages:
        for compress in (False, True):
            a, b = hv_scores[(hv_page, compress)], md_scores.get((md_page, compress))
            label = f"{name}, {'gzip' if compress else 'no compression'}"
            rows.append((label, (f"{a[0]}/{a[1]}", f"{b[0]}/{b[1]}" if b else "–")))
    for (page, compress), (_, _, failed) in hv_scores.items():
        if failed and not compress:
            print(f"lighthouse accessibility, hocvuso {page}: failed {', '.join(failed)}")
    return rows


def _print(n, times, hv, md, search_index, lighthouse_rows=(), searches=None, download=None, quizzes=None,
           latency=None):
    print(f"\n=== {n} lessons, each with a quiz ===")
    print(f"{'':34}{'hocvuso':>14}{'material+quiz':>16}")
    for visit_name, label in (("first", "lesson+quiz, first visit"), ("repeat", "next lesson, repeat visit")):
        a, b = hv[visit_name], md[visit_name]
        print(f"{label}:")
        print(f"  {'requests (other hosts)':32}{a['requests']:>9} ({a['external']}){b['requests']:>11} ({b['external']})")
        for key, name in (("raw", "KB raw"), ("gz", "KB gzip"), ("br", "KB brotli")):
            print(f"  {name:32}{kb(a[key]):>14}{kb(b[key]):>16}")
    print(f"{'lesson page HTML, KB raw':34}{kb(hv['html']):>14}{kb(md['html']):>16}")
    print(f"{'Material search_index.json':34}{'':>14}{kb(search_index):>13} KB raw")
    hv_t, md_t = times["hocvuso"], times["material"]
    print(f"{'build wall time, s':34}{hv_t['wall']:>14.1f}{md_t['wall']:>16.1f}"
          f"   (hocvuso/material = {hv_t['wall'] / md_t['wall']:.2f})")
    print(f"{'build CPU time, s':34}{hv_t['cpu']:>14.1f}{md_t['cpu']:>16.1f}"
          f"   (hocvuso/material = {hv_t['cpu'] / md_t['cpu']:.2f})")
    print(f"{'build peak memory, MB':34}{hv_t['mb']:>14.0f}{md_t['mb']:>16.0f}")
    if quizzes is not None:
        print(f"{'reading + checking quizzes, CPU s':34}{quizzes:>14.2f}")
    if latency:
        hv_l, md_l = latency
        print(f"{'serve: save -> browser shows, s':34}{' / '.join(f'{x:.1f}' for x in hv_l):>14}"
              f"{' / '.join(f'{x:.1f}' for x in md_l):>16}")
    if lighthouse_rows:
        print("Lighthouse mobile, performance/accessibility:")
    for label, scores in lighthouse_rows:
        print(f"  {label:32}{scores[0]:>14}{scores[1]:>16}")
    if searches:
        hv_search, md_search = searches
        print("search from a lesson (requests, KB brotli / gzip on the wire):")
        for (name, *a), (_, *b) in zip(hv_search["steps"], md_search["steps"]):
            print(f"  {name:24}{a[0]:>4} req {kb(a[2]):>6}/{kb(a[3]):>6}{b[0]:>5} req {kb(b[2]):>6}/{kb(b[3]):>6}")
        for (query, a), (_, b) in zip(hv_search["hits"], md_search["hits"]):
            print(f"  hits {query!r:27} hocvuso: {a}\n  {'':32} material: {b}")
    if download:
        print(f"tier download (Cơ bản, hocvuso only), slow 3G, gzip server: {download['seconds']:.1f} s, "
              f"{download['files']} files, {download['requests']} requests, "
              f"{kb(download['gz'])} KB gzip ({kb(download['br'])} KB brotli, {kb(download['raw'])} KB raw)")


if __name__ == "__main__":
    main()
