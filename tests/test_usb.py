"""`python build.py usb`: a folder and a .zip that work from file:// with no network."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from conftest import FIXTURES
from test_quiz_engine import RIGHT, _answer, _question


@pytest.fixture
def usb(course, tmp_path):
    shutil.copy(FIXTURES / "every-type-quiz.yml", course.root / "quizzes" / "thu.yml")
    course.lesson("co-ban/otp.md", title="Mã OTP", extra="quiz: thu\n")
    course.lesson("co-ban/wifi.md", title="Wi-Fi", competences='["5.1"]')
    assert course.run("usb", "--out", str(tmp_path / "usb")) == 0
    return tmp_path / "usb"


def test_usb_build_writes_a_folder_and_a_zip_without_server_files(usb):
    folder = usb / "lop-thu"
    assert (folder / "index.html").is_file()
    assert (folder / "MO-KHOA-HOC.html").is_file()
    assert "MO-KHOA-HOC.html" in (folder / "DOC-TRUOC.txt").read_text(encoding="utf-8")
    for server_only in ["sitemap.xml", "404.html", "assets/javascripts", "_headers", ".htaccess",
                        "index.html.br", "index.html.gz"]:
        assert not (folder / server_only).exists(), server_only
    names = zipfile.ZipFile(usb / "lop-thu.zip").namelist()
    assert "lop-thu/index.html" in names and "lop-thu/co-ban/otp.html" in names
    assert len(names) == sum(1 for p in folder.rglob("*") if p.is_file())


@pytest.mark.browser
def test_usb_folder_from_file_url_navigates_answers_and_keeps_progress(browser, usb, tmp_path):
    # What a learner gets after unzipping on another computer.
    zipfile.ZipFile(usb / "lop-thu.zip").extractall(tmp_path / "may-khac")
    start = tmp_path / "may-khac" / "lop-thu" / "MO-KHOA-HOC.html"
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    context.set_default_timeout(5000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(start.as_uri())
    page.wait_for_url("**/index.html")
    page.locator(".md-content").get_by_role("link", name="Cơ bản", exact=True).click()
    page.locator(".hv-lessons").get_by_role("link", name="Mã OTP").click()
    for qid in ["chon-mot", "dien-chu"]:
        assert _answer(page, qid, RIGHT[qid]).inner_text().startswith("Đúng.")
    page.reload()
    assert _question(page, "dien-chu").locator("input").input_value() == "ma otp"
    assert page.locator(".hv-quiz__score").inner_text() == "Điểm: 2/7. Còn 5 câu chưa làm."
    page.locator(".hv-pager").get_by_role("link", name="Bài sau Wi-Fi").click()
    assert page.locator("h1").inner_text() == "Wi-Fi"
    assert requests and all(url.startswith("file://") for url in requests), \
        [url for url in requests if not url.startswith("file://")]
    context.close()
