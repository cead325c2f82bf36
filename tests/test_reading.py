"""Text size and contrast for elderly learners, in Debian's chromium on a 360 px phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["index.html", "co-ban/index.html", "co-ban/an-toan/lua-dao.html", "tim-kiem.html"]


@pytest.fixture
def site(course):
    course.lesson("co-ban/an-toan/lua-dao.md", title="Nhận biết cuộc gọi lừa đảo giả danh công an xã phường",
                  body="## Dấu hiệu\n\nKẻ gian giục chuyển tiền ngay vào tài khoản tạm giữ.\n\n"
                       "| Dấu hiệu | Cách làm |\n|---|---|\n| Đòi mã OTP | Không đưa, tắt máy |\n")
    assert course.run("build") == 0
    return course.root / "site"


def _font_px(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")


def test_largest_text_is_remembered_and_never_breaks_a_small_phone_layout(context, site):
    page = context.new_page()
    page.goto((site / PAGES[2]).as_uri())
    normal = _font_px(page)
    page.get_by_role("button", name="Cỡ chữ").click()
    assert page.get_by_role("button", name="Cỡ chữ").get_attribute("aria-expanded") == "true"
    assert page.get_by_role("button", name="Vừa").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Rất lớn").click()
    assert page.get_by_role("button", name="Rất lớn").get_attribute("aria-pressed") == "true"
    assert _font_px(page) >= normal * 1.35
    for path in PAGES:  # remembered on every page of the course, applied before drawing
        page.goto((site / path).as_uri())
        assert "hv-size-2" in page.evaluate("document.documentElement.className"), path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    page.get_by_role("button", name="Cỡ chữ").click()
    page.get_by_role("button", name="Vừa").click()
    page.goto((site / PAGES[2]).as_uri())
    assert _font_px(page) == normal


def test_high_contrast_turns_text_black_on_white_by_keyboard(context, site):
    page = context.new_page()
    page.goto((site / PAGES[2]).as_uri())
    page.get_by_role("button", name="Cỡ chữ").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Tương phản cao").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Tương phản cao").get_attribute("aria-pressed") == "true"
    colours = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.md-typeset p'));
      return [s.color, getComputedStyle(document.body).backgroundColor]; }""")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    page.reload()
    assert "hv-contrast" in page.evaluate("document.documentElement.className")


def test_without_javascript_the_control_is_not_shown(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / PAGES[2]).as_uri())
    assert page.locator(".hv-prefs-button").is_hidden()  # a button that could do nothing
    context.close()
