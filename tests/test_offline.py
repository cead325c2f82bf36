"""The hosted site offline: visited pages stay, a tier downloads whole, updates swap cleanly."""

from __future__ import annotations

import json

import pytest

from conftest import served, tier_downloaded, until

pytestmark = pytest.mark.browser


@pytest.fixture
def hosted(course):
    course.lesson("co-ban/an-toan/otp.md", title="Mã OTP")
    course.lesson("co-ban/an-toan/lua-dao.md", title="Lừa đảo", level=2)
    course.lesson("co-ban/thiet-bi/wifi.md", title="Wi-Fi", competences='["5.1"]')
    course.lesson("trung-cap/chu-ky-so.md", title="Chữ ký số", competences='["2.3"]', level=3)
    assert course.run("build") == 0
    with served(course.root / "site") as url:
        yield course, url


def test_tier_download_list_names_every_page_of_the_tier_and_its_assets(hosted):
    course, _ = hosted
    data = json.loads((course.root / "site" / "assets/hocvuso/offline-co-ban.json").read_text(encoding="utf-8"))
    assert {"co-ban/an-toan/otp.html", "co-ban/an-toan/lua-dao.html", "co-ban/thiet-bi/wifi.html",
            "co-ban/index.html", "index.html"} <= set(data["urls"])
    assert "trung-cap/chu-ky-so.html" not in data["urls"]
    assert any(u.startswith("assets/stylesheets/main.") for u in data["urls"])
    assert data["bytes"] > 0
    assert f"(khoảng {round(data['bytes'] / 1024)} KB)" in course.page("co-ban/index.html")


def test_after_the_tier_download_every_lesson_of_the_tier_opens_offline(browser, hosted):
    course, base = hosted
    context, page = tier_downloaded(browser, base)
    context.set_offline(True)
    for path, title in [("co-ban/an-toan/otp.html", "Mã OTP"), ("co-ban/an-toan/lua-dao.html", "Lừa đảo"),
                        ("co-ban/thiet-bi/wifi.html", "Wi-Fi"), ("co-ban/index.html", "Cơ bản")]:
        page.goto(base + path)
        assert page.locator("h1").inner_text() == title, path
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    context.close()


def test_a_new_deployment_replaces_the_offline_copy_without_mixing(browser, hosted):
    course, base = hosted
    context, page = tier_downloaded(browser, base)
    page.evaluate("localStorage.setItem('hocvuso:lop-thu:thu', '{\"v\":1,\"a\":{}}')")

    old = page.evaluate("caches.keys()")
    assert len(old) == 1

    course.lesson("co-ban/an-toan/otp.md", title="Mã OTP (bản mới)")
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
    context.close()
