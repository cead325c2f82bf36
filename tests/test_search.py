"""Search in Debian's chromium, on a web server and from file://, with and without accents."""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import REPO, served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled course built once for this module: for a web host, and for a USB stick."""
    from hocvuso import cli

    root = tmp_path_factory.mktemp("bundled")
    config = str(REPO / "mkdocs.yml")
    assert cli.main(["-f", config, "build", "--site-dir", str(root / "site")]) == 0
    assert cli.main(["-f", config, "usb", "--out", str(root / "usb")]) == 0
    return root


@pytest.fixture(params=["usb-file", "http"])
def bundled_url(request, bundled):
    if request.param == "usb-file":  # the USB folder opened from disk
        (folder,) = [p for p in (bundled / "usb").iterdir() if p.is_dir()]
        yield folder.as_uri() + "/"
        return
    with served(bundled / "site") as url:
        yield url


def _search(page, query: str) -> list[str]:
    page.fill("#hv-q", query)
    page.press("#hv-q", "Enter")
    page.wait_for_function("() => { const s = document.getElementById('hv-search-status').textContent;"
                           " return s && !s.startsWith('Đang'); }")
    page.wait_for_function("() => document.querySelectorAll('.hv-result').length > 0"
                           " || document.getElementById('hv-search-status').textContent.startsWith('Không')")
    return page.locator(".hv-result__title").all_inner_texts()


def _page(context, requests: list[str]):
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    return page


@pytest.mark.parametrize("query", ["chuyển nhầm tiền", "chuyen nham tien", "CHUYỂN NHẦM TIỀN",
                                   unicodedata.normalize("NFD", "chuyển nhầm tiền")])
def test_bundled_course_finds_the_lesson_with_or_without_accents(context, bundled_url, query):
    requests: list[str] = []
    page = _page(context, requests)
    page.goto(bundled_url + "tim-kiem.html")
    titles = _search(page, query)
    # Two lessons are about it: receiving money sent by mistake, and what to do after sending it.
    assert set(titles[:2]) == {"Chuyển nhầm tiền và việc nhẹ lương cao",
                               "Xác thực khuôn mặt và khi lỡ chuyển nhầm tiền"}
    assert all(u.startswith(bundled_url) for u in requests), [u for u in requests if not u.startswith(bundled_url)]


@pytest.mark.parametrize("query,expected", [("vneid muc 2", "VNeID mức 1 và mức 2"),
                                            ("chữ ký số", "Chữ ký số là gì?"),
                                            ("mat khau", "Mật khẩu và mã OTP"),
                                            ("wifi", "Kết nối Wi-Fi và dữ liệu di động")])
def test_bundled_course_puts_the_expected_lesson_first(context, bundled_url, query, expected):
    page = _page(context, [])
    page.goto(bundled_url + "tim-kiem.html")
    assert _search(page, query)[0] == expected


def test_words_typed_side_by_side_rank_and_show_where_they_stand_together(context, bundled_url):
    # Review L3: "ma otp" once put the police-call lesson first, for "rửa tiền hay ma túy".
    page = _page(context, [])
    page.goto(bundled_url + "tim-kiem.html")
    assert _search(page, "ma otp")[0] == "Mật khẩu và mã OTP"
    snippets = page.locator(".hv-result__snippet").all_inner_texts()
    assert all(re.search(r"\bmã OTP\b", s, re.I) for s in snippets[:3]), snippets[:3]


def test_learner_reaches_search_from_the_header_and_opens_a_result_at_its_section(context, bundled_url):
    page = _page(context, [])
    page.goto(bundled_url + "co-ban/index.html")
    page.get_by_role("link", name="Tìm kiếm bài học").click()
    assert page.locator("h1").inner_text() == "Tìm kiếm"
    page.get_by_label("Nhập từ cần tìm").press_sequentially("lua dao")  # typing alone searches
    # Results of a half-typed query may show first: wait for those of the whole query.
    page.wait_for_function("document.getElementById('hv-search-status').textContent.includes('“lua dao”')"
                           " && document.querySelector('.hv-result')")
    first = page.locator(".hv-result").first
    assert first.locator("mark").count() >= 2  # "lừa" and "đảo" highlighted in the snippet
    assert {m.lower() for m in first.locator("mark").all_inner_texts()} <= {"lừa", "đảo"}
    status = page.locator("#hv-search-status")
    assert status.get_attribute("role") == "status" and "bài học có “lua dao”" in status.inner_text()
    first.locator("a").click()
    page.wait_for_url(re.compile(r".*\.html#[^#]+$"))  # the lesson, at the matching section
    page.wait_for_load_state()
    assert page.locator(f"[id='{page.url.split('#')[1]}']").count() == 1 and page.locator("h1").is_visible()
    page.go_back()
    assert page.locator("#hv-q").input_value() == "lua dao"  # the query survives Back (?q= in the address)


@pytest.fixture
def small_site(course):
    course.lesson("co-ban/an-toan/lua-dao.md", title="Nhận biết lừa đảo",
                  body="## Dấu hiệu\n\nKẻ gian lừa đảo qua điện thoại.\n")
    course.lesson("co-ban/cuoc-song/lua.md", title="Trồng lúa", competences='["1.1"]',
                  body="## Dụng cụ\n\nMột con dao và hạt lúa giống. Lúa cần nước.\n")
    course.lesson("co-ban/an-toan/ma-doc.md", title="Mã độc",
                  body="Chữ `<img src=x onerror=alert(1)>` trong tin nhắn lạ là mã độc.\n")
    course.lesson("co-ban/an-toan/ma-tuy.md", title="Thuốc và ma túy",
                  body="Nói không với ma túy. Ngân hàng gửi OTP, đừng đưa cho ai.\n")
    course.lesson("co-ban/an-toan/bi-mat.md", title="Giữ bí mật", body="Ngân hàng không bao giờ hỏi mã OTP.\n")
    for n in range(11):
        course.lesson(f"co-ban/thiet-bi/bai-{n}.md", title=f"Điện thoại bài {n}", competences='["5.1"]',
                      body="Điện thoại thông minh.\n")
    assert course.run("build") == 0
    return course.root / "site"


def test_exact_accents_rank_first_and_folded_spellings_follow(context, small_site):
    page = _page(context, [])
    page.goto((small_site / "tim-kiem.html").as_uri())
    assert _search(page, "lừa đảo")[0] == "Nhận biết lừa đảo"
    assert _search(page, "lúa dao")[0] == "Trồng lúa"
    assert set(_search(page, "lua dao")) == {"Nhận biết lừa đảo", "Trồng lúa"}


def test_words_typed_next_to_each_other_rank_lessons_where_they_are_next_to_each_other_first(context, small_site):
    page = _page(context, [])
    page.goto((small_site / "tim-kiem.html").as_uri())
    # Both lessons have both words; "ma" is spelled exactly so only in the title "ma túy".
    assert _search(page, "ma otp")[0] == "Giữ bí mật"
    assert _search(page, "mã otp")[0] == "Giữ bí mật"
    assert _search(page, "otp ma")[0] == "Thuốc và ma túy"  # in the order typed
    assert _search(page, "má otp")[0] == "Thuốc và ma túy"  # typed accents must match: "má" is in neither
    first = page.locator(".hv-result").first
    assert {m.lower() for m in first.locator("mark").all_inner_texts()} == {"ma", "otp"}


def test_results_come_ten_at_a_time_and_unknown_words_say_so(context, small_site):
    page = _page(context, [])
    page.goto((small_site / "tim-kiem.html").as_uri() + "?q=dien+thoai")
    page.wait_for_selector(".hv-result")
    assert page.locator(".hv-result").count() == 10
    page.get_by_role("button", name="Xem thêm kết quả").click()
    page.wait_for_function("document.querySelectorAll('.hv-result').length > 10")
    assert "Tìm thấy 12 bài học" in page.locator("#hv-search-status").inner_text()  # 11 + the scam lesson
    assert page.locator(".hv-result").count() == 12
    assert page.get_by_role("button", name="Xem thêm kết quả").is_hidden()
    assert _search(page, "xyzkhongco") == []
    assert "Không tìm thấy bài học nào" in page.locator("#hv-search-status").inner_text()


def test_lesson_text_in_results_is_shown_as_text_never_run(context, small_site):
    page = _page(context, [])
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    page.goto((small_site / "tim-kiem.html").as_uri())
    _search(page, "onerror")
    assert "<img src=x onerror=alert(1)>" in page.locator(".hv-result__snippet").first.inner_text()
    assert page.locator(".hv-results img").count() == 0 and alerts == []
