"""The built site in Debian's chromium, opened straight from disk (file://)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def built(course):
    course.lesson("co-ban/an-toan/mat-khau.md", title="Mật khẩu và mã OTP", competences='["4.2"]')
    course.lesson("co-ban/an-toan/lua-dao.md", title="Nhận biết lừa đảo", competences='["4.2"]', level=2)
    course.lesson("trung-cap/chu-ky-so.md", title="Chữ ký số", competences='["2.3"]', level=3)
    assert course.run("build") == 0
    return course.root / "site"


def _page(browser, requests: list[str]):
    page = browser.new_page(viewport={"width": 360, "height": 740})  # a small Android phone
    page.set_default_timeout(5000)
    page.on("request", lambda request: requests.append(request.url))
    return page


def test_learner_follows_navigation_from_home_to_a_lesson_from_file_url(browser, built):
    requests: list[str] = []
    page = _page(browser, requests)
    page.goto(built.joinpath("index.html").as_uri())
    assert page.locator("h1").inner_text() == "Lớp thử"

    page.locator(".md-content").get_by_role("link", name="Cơ bản", exact=True).click()
    assert page.url.endswith("/co-ban/index.html")
    assert page.locator("h1").inner_text() == "Cơ bản"

    page.locator(".hv-lessons").get_by_role("link", name="Mật khẩu và mã OTP").click()
    assert page.url.endswith("/co-ban/an-toan/mat-khau.html")
    assert page.locator("h1").inner_text() == "Mật khẩu và mã OTP"
    assert page.locator(".hv-objectives").is_visible()

    page.get_by_role("link", name="Bài trước Nhận biết lừa đảo").click()
    assert page.locator("h1").inner_text() == "Nhận biết lừa đảo"

    # The phone's menu drawer opens on this lesson's tier and domain.
    page.get_by_role("button", name="Danh mục bài học").click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.get_by_role("link", name="Mật khẩu và mã OTP").click()
    assert page.locator("h1").inner_text() == "Mật khẩu và mã OTP"

    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]
    page.close()


def test_tier_grid_links_open_lessons(browser, built):
    page = _page(browser, [])
    page.goto(built.joinpath("co-ban/index.html").as_uri())
    page.locator("table.hv-grid").get_by_role("link", name="Nhận biết lừa đảo").click()
    assert page.locator("h1").inner_text() == "Nhận biết lừa đảo"
    page.close()


def test_lesson_page_has_vietnamese_ui_and_no_horizontal_scroll_on_a_small_phone(browser, built):
    page = _page(browser, [])
    page.goto(built.joinpath("co-ban/an-toan/mat-khau.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "vi"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    font_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert font_px >= 16
    page.close()


def test_home_tier_cards_open_wherever_tapped_and_tiers_without_lessons_are_no_cards(browser, built):
    # Review L8: only the tier's name was a link on a card drawn like a button; and home
    # drew tiers without lessons as cards, as if they were courses.
    page = _page(browser, [])
    page.goto(built.joinpath("index.html").as_uri())
    cards = page.locator(".hv-tiers > li")
    assert cards.all_inner_texts() == ["Cơ bản\nBậc 1–2 · 2 bài học · khoảng 30 phút",
                                       "Trung cấp\nBậc 3–4 · 1 bài học · khoảng 15 phút"]
    later = page.locator(".md-content").get_by_text("Các cấp chưa có bài học")
    assert later.inner_text() == "Các cấp chưa có bài học: Nâng cao (Bậc 5–6), Chuyên sâu (Bậc 7–8)."
    assert page.get_by_role("link", name="Nâng cao").count() == 0
    # The closed drawer's own links hide only when Material's slide-out transition ends, so
    # they are left out: what counts is the card's link.
    for name in ("Cơ bản", "Trung cấp"):
        assert page.locator(".md-content").get_by_role("link", name=name, exact=True).count() == 1  # the link's name stays short
    box = cards.nth(1).bounding_box()
    corner = (box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)  # far from the name
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a').textContent", corner) == "Trung cấp"
    page.mouse.click(*corner)
    page.wait_for_url("**/trung-cap/index.html")
    assert page.locator("h1").inner_text() == "Trung cấp"


def test_wide_screens_get_a_table_of_contents_built_from_the_page_headings(browser, course):
    course.lesson("co-ban/bai.md", title="Bài có mục",
                  body="## Mở đầu\n\nChữ.\n\n### Chi tiết\n\nChữ.\n\n## Ghi nhớ\n\nChữ.\n")
    course.lesson("co-ban/ngan.md", title="Bài không mục", body="Chỉ một đoạn.\n")
    assert course.run("build") == 0
    html = course.page("co-ban/bai.html")
    toc_html = html[html.index("md-sidebar--secondary"):html.index('class="md-content"')]
    assert "Mở đầu" not in toc_html  # not carried in the page: phones never show it
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((course.root / "site" / "co-ban" / "bai.html").as_uri())
    toc = page.get_by_role("navigation", name="Mục lục")
    assert toc.is_visible()
    links = toc.get_by_role("link")
    assert [links.nth(i).inner_text() for i in range(links.count())][:4] == [
        "Mục tiêu bài học", "Mở đầu", "Chi tiết", "Ghi nhớ"]
    assert toc.get_by_role("navigation", name="Mở đầu").get_by_role("link").inner_text() == "Chi tiết"
    toc.get_by_role("link", name="Ghi nhớ").click()
    assert page.url.endswith("#ghi-nho")
    # A page whose author wrote no heading has none, as Material's had none.
    page.goto((course.root / "site" / "co-ban" / "ngan.html").as_uri())
    assert page.get_by_role("navigation", name="Mục lục").get_by_role("link").count() == 0
    page.close()
