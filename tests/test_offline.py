"""The hosted site offline: visited pages stay, a tier downloads whole, updates swap cleanly.

After the tier download every page a learner of that tier can reach works without a
network (search, progress, certificate, class, glossary, handouts); any other page says,
in Vietnamese, that it was not downloaded, instead of showing another page."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import json
import re
import threading

import pytest

from conftest import served, tier_downloaded, until
from hocvuso.output.weight import resources

pytestmark = pytest.mark.browser

QUIZ = """\
title: Mã OTP
competences: ["4.2"]
level: 1
questions:
  - {id: c1, type: true_false, prompt: "Mã OTP chỉ dùng được một lần?", answer: true}
"""
NAME = "Nguyễn Thị Hoà"
NOT_SAVED = "Trang này chưa được tải về máy"


def _write(course, *, otp_title: str = "Mã OTP") -> None:
    course.write("quizzes/otp.yml", QUIZ)
    course.write("content/glossary.yml", "OTP: Mã số dùng một lần, ngân hàng gửi qua tin nhắn.\n")
    course.lesson("co-ban/an-toan/otp.md", title=otp_title, extra="quiz: otp\n",
                  body="Không đọc [[OTP]] cho ai. Nội dung bài.\n")
    course.lesson("co-ban/an-toan/lua-dao.md", title="Lừa đảo", level=2)
    course.lesson("co-ban/thiet-bi/wifi.md", title="Wi-Fi", competences='["5.1"]')
    course.lesson("trung-cap/chu-ky-so.md", title="Chữ ký số", competences='["2.3"]', level=3)


@pytest.fixture
def hosted(course, request):
    """The course built (``request.param``: the command, "build" unless a test says "handouts") and served."""
    _write(course)
    assert course.run(getattr(request, "param", "build")) == 0
    with served(course.root / "site") as url:
        yield course, url


def _listing(course, tier: str = "co-ban") -> dict:
    return json.loads((course.root / "site" / f"assets/hocvuso/offline-{tier}.json").read_text(encoding="utf-8"))


def test_tier_download_list_names_every_page_a_learner_of_the_tier_reaches(hosted):
    course, _ = hosted
    data = _listing(course)
    urls = set(data["urls"])
    pages = {"co-ban/an-toan/otp.html", "co-ban/an-toan/lua-dao.html", "co-ban/thiet-bi/wifi.html",
             "co-ban/index.html", "co-ban/kiem-tra-cuoi-cap.html", "index.html", "tim-kiem.html", "tien-do.html",
             "chung-nhan.html", "lop-hoc.html", "thuat-ngu.html"}
    assert pages <= urls
    for page in pages:  # with what each page loads, as built (whatever scripts it names)
        assert set(resources(course.root / "site", page)) <= urls, page
    assert "trung-cap/chu-ky-so.html" not in urls and "trung-cap/index.html" not in urls
    assert any(u.startswith("assets/stylesheets/main.") for u in urls)
    # The search index: every word file, and the files of this tier's lessons only.
    folder = re.search(r'data-hv-index="(assets/hocvuso/search-[0-9a-f]+)/"', course.page("tim-kiem.html"))[1]
    words = sorted(p.relative_to(course.root / "site").as_posix()
                   for p in (course.root / "site" / folder / "s").glob("*.js"))
    assert words and set(words) <= urls
    lessons = {u for u in urls if u.startswith(folder + "/d/")}
    assert len(lessons) == 3 and all("Chữ ký số" not in course.page(u) for u in lessons)
    assert data["bytes"] > 0
    # The page is not written again to show the size: the service worker carries it.
    assert f'"assets/hocvuso/offline-co-ban.json":{data["bytes"]}' in course.page("sw.js").replace(" ", "")
    assert "co-ban/an-toan/otp.html" not in _listing(course, "trung-cap")["urls"]


def test_the_tier_page_shows_its_download_size_as_the_service_worker_knows_it(browser, hosted):
    course, base = hosted
    size = round(_listing(course)["bytes"] / 1024)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "co-ban/index.html")  # a first visit: the worker is installed, then asked
        page.locator(".hv-offline__size").filter(has_text=f"(khoảng {size} KB)").wait_for(timeout=10000)
        page.reload()
        page.locator(".hv-offline__size").filter(has_text=f"(khoảng {size} KB)").wait_for(timeout=10000)
    finally:
        context.close()


def _answer_every_question(page, url):
    page.goto(url)
    for question in page.locator("li.hv-q").all():
        question.locator("label", has_text="Đúng").locator("input").check()
        question.get_by_role("button", name="Kiểm tra").click()


def test_after_the_tier_download_every_page_of_the_tier_opens_offline_with_its_own_content(browser, hosted):
    course, base = hosted
    context, page = tier_downloaded(browser, base)
    context.set_offline(True)
    for path, title in [("co-ban/an-toan/otp.html", "Mã OTP"), ("co-ban/an-toan/lua-dao.html", "Lừa đảo"),
                        ("co-ban/thiet-bi/wifi.html", "Wi-Fi"), ("co-ban/index.html", "Cơ bản"),
                        ("thuat-ngu.html", "Từ ngữ cần biết"), ("lop-hoc.html", "Lớp học")]:
        page.goto(base + path)
        assert page.locator("h1").inner_text() == title, path
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    assert "Mã số dùng một lần" in page.goto(base + "thuat-ngu.html").text()

    # Learning offline: the quizzes, then progress and the certificate, all from the download.
    _answer_every_question(page, base + "co-ban/an-toan/otp.html")
    _answer_every_question(page, base + "co-ban/kiem-tra-cuoi-cap.html")
    page.goto(base + "tien-do.html")
    assert page.locator("h1").inner_text() == "Tiến độ của tôi"
    record = page.locator("#hv-record")
    record.filter(has_text="Bài kiểm tra cuối cấp: ✓ Đã đạt").wait_for()
    record.get_by_role("link", name="Nhận giấy chứng nhận").click()
    page.get_by_label("Họ và tên của bạn").fill(NAME)
    page.get_by_role("button", name="Tạo giấy chứng nhận").click()
    page.locator("#hv-certs", has_text=NAME).locator("svg").first.wait_for()  # the QR code: qr.js ran
    context.close()


def _search(page, base, query):
    page.goto(base + "tim-kiem.html")
    page.fill("#hv-q", query)
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.locator("#hv-search-status", has_text="Tìm thấy").wait_for()
    page.locator(".hv-result").first.wait_for()


def test_search_finds_the_tier_offline_and_says_what_was_not_downloaded(browser, hosted):
    course, base = hosted
    context, page = tier_downloaded(browser, base)
    context.set_offline(True)
    page.goto(base + "co-ban/thiet-bi/wifi.html")
    page.locator("a.hv-search-link").click()  # "Tìm" in the header
    page.fill("#hv-q", "ma otp")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.locator(".hv-result", has_text="Mã OTP").wait_for()
    page.locator(".hv-result a", has_text="Mã OTP").click()
    assert page.locator("h1").inner_text() == "Mã OTP"

    _search(page, base, "nội dung")  # in every lesson of both tiers
    titles = page.locator(".hv-result__title").all_inner_texts()
    assert sorted(titles) == ["Lừa đảo", "Mã OTP", "Wi-Fi"]
    status = page.locator("#hv-search-status")
    status.filter(has_text="1 bài chưa được tải về máy này").wait_for()
    assert "Tìm thấy 4 bài học" in status.inner_text()
    context.close()


def test_a_page_that_was_not_downloaded_says_so_in_vietnamese(browser, hosted):
    course, base = hosted
    context, page = tier_downloaded(browser, base)
    context.set_offline(True)
    page.goto(base + "co-ban/an-toan/otp.html")
    for path in ("trung-cap/chu-ky-so.html", "trung-cap/index.html", "khong-co-trang-nay.html"):
        page.goto(base + path)
        assert page.locator("h1").inner_text() == NOT_SAVED, path
        assert "Chọn cấp độ" not in page.content()  # not the home page under another address
    page.goto(base + "co-ban/index.html")
    page.locator("a[href$='trung-cap/index.html']").first.click()
    assert page.locator("h1").inner_text() == NOT_SAVED
    assert page.url == base + "trung-cap/index.html"
    page.get_by_role("link", name="Quay lại trang trước").click()
    assert page.url == base + "co-ban/index.html" and page.locator("h1").inner_text() == "Cơ bản"
    page.goto(base + "trung-cap/index.html")
    page.get_by_role("link", name="Về trang chủ").click()
    assert page.url == base + "index.html" and page.locator("h1").inner_text() != NOT_SAVED

    # Before any download, a page never opened says the same.
    fresh = browser.new_context()
    visitor = fresh.new_page()
    visitor.goto(base + "co-ban/index.html")
    until(visitor, "async () => !!(await navigator.serviceWorker.ready).active")
    visitor.reload()
    until(visitor, "() => !!navigator.serviceWorker.controller")
    fresh.set_offline(True)
    visitor.goto(base + "tien-do.html")
    assert visitor.locator("h1").inner_text() == NOT_SAVED
    fresh.close()
    context.close()


class _Held(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; ``held`` waits until ``release`` is set. Counts requests in flight."""

    held = ""
    release: threading.Event
    lock = threading.Lock()
    flight = peak = 0

    def log_message(self, *args):
        pass

    def do_GET(self):
        cls = type(self)
        with cls.lock:
            cls.flight += 1
            cls.peak = max(cls.peak, cls.flight)
        try:
            if self.path.split("?")[0] == "/" + cls.held:
                cls.release.wait(30)
            super().do_GET()
        finally:
            with cls.lock:
                cls.flight -= 1


@contextlib.contextmanager
def _held_server(folder, held: str):
    handler = type("Held", (_Held,), {"held": held, "release": threading.Event()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", handler
    finally:
        handler.release.set()
        server.shutdown()
        server.server_close()


def test_the_download_fetches_a_few_files_at_a_time_and_shows_its_progress(browser, hosted):
    course, _ = hosted
    urls = _listing(course)["urls"]
    lesson = "co-ban/an-toan/otp.html"
    with _held_server(course.root / "site", lesson) as (base, server):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "co-ban/index.html")
        until(page, "async () => !!(await navigator.serviceWorker.ready).active")
        page.get_by_role("button", name="Tải về để học không cần mạng").click()
        status = page.locator(".hv-offline [role=status]")
        # One file held back: every other file still arrives, and the count says so.
        status.filter(has_text=f"Đang tải {len(urls) - 1}/{len(urls)} tệp…").wait_for(timeout=15000)
        assert 2 <= server.peak <= 6
        server.release.set()
        status.filter(has_text="Đã tải xong").wait_for(timeout=15000)
        context.close()


@pytest.mark.parametrize("hosted", ["handouts"], indirect=True)
def test_the_tiers_handouts_open_offline_after_the_download(browser, hosted):
    course, base = hosted
    urls = _listing(course)["urls"]
    assert {"handouts/co-ban/otp.pdf", "handouts/co-ban/wifi.pdf"} <= set(urls)
    assert not any(u.startswith("handouts/trung-cap") or "dap-an" in u for u in urls)  # answer keys: trainers
    context, page = tier_downloaded(browser, base)
    context.set_offline(True)
    page.goto(base + "co-ban/an-toan/otp.html")
    href = page.get_by_role("link", name="Tải bản in (PDF)").evaluate("a => a.href")
    pdf = page.goto(href)  # the link, opened as a learner taps it
    assert (pdf.status, pdf.headers["content-type"]) == (200, "application/pdf")
    digest = page.evaluate("""async (href) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256',
        await (await fetch(href)).arrayBuffer()))).map(b => b.toString(16).padStart(2, '0')).join('')""", href)
    assert digest == hashlib.sha256((course.root / "site/handouts/co-ban/otp.pdf").read_bytes()).hexdigest()
    page.goto(base + "handouts/trung-cap/chu-ky-so.pdf")
    assert page.locator("h1").inner_text() == NOT_SAVED
    context.close()


def test_a_new_deployment_replaces_the_offline_copy_without_mixing(browser, hosted):
    course, base = hosted
    context, page = tier_downloaded(browser, base)
    page.evaluate("localStorage.setItem('hocvuso:lop-thu:thu', '{\"v\":1,\"a\":{}}')")

    old = page.evaluate("caches.keys()")
    assert len(old) == 1

    _write(course, otp_title="Mã OTP (bản mới)")
    assert course.run("build") == 0
    page.goto(base + "co-ban/index.html")
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    # The new worker refills a new cache with the downloaded tier, then drops the old one.
    until(page, """async (old) => {
        const names = await caches.keys();
        if (names.length !== 1 || names[0] === old) return false;
        const hit = await (await caches.open(names[0])).match(
            new URL('an-toan/otp.html', location.href).href);
        const worker = (await navigator.serviceWorker.getRegistration()).active;
        return hit !== undefined && (await hit.text()).includes('Mã OTP (bản mới)')
            && worker.state === 'activated';
    }""", old[0])
    context.set_offline(True)
    page.goto(base + "co-ban/an-toan/otp.html")
    assert page.locator("h1").inner_text() == "Mã OTP (bản mới)"
    assert page.evaluate("localStorage.getItem('hocvuso:lop-thu:thu')") == '{"v":1,"a":{}}'
    page.goto(base + "tim-kiem.html?q=ban+moi")  # the new build's index, downloaded again
    page.locator(".hv-result", has_text="Mã OTP (bản mới)").wait_for()
    context.close()
