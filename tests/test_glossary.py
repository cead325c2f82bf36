"""Plain words: terms defined once in content/glossary.yml, explained where lessons mark them."""

from __future__ import annotations

import json

import pytest

from tests.htmltext import read

GLOSSARY = """\
OTP: Mã số dùng một lần, ngân hàng gửi qua tin nhắn để xác nhận giao dịch.
mã QR:
  meaning: Hình vuông nhiều ô đen trắng, quét bằng camera để mở trang web hoặc trả tiền.
  also: [QR]
VNeID: Ứng dụng định danh điện tử của Bộ Công an.
"""

LESSON = """\
## Mã OTP

Không bao giờ đọc [[OTP]] cho người gọi điện. Kẻ gian hay xin [[otp|mã OTP]] bằng lời lẽ gấp gáp.

Trong lệnh máy tính, `[[OTP]]` vẫn giữ nguyên.

```
[[không phải từ]]
```

Quét [[QR|mã QR]] ở quầy cẩn thận.
"""


@pytest.fixture
def glossary_course(course):
    course.write("content/glossary.yml", GLOSSARY)
    course.lesson("co-ban/an-toan/otp.md", title="Giữ kín mã OTP", body=LESSON)
    course.lesson("co-ban/an-toan/qr.md", title="Quét mã QR", body="Dùng [[mã qr]] để trả tiền.\n")
    return course


def test_marked_terms_link_to_their_meaning_listed_in_the_lesson(glossary_course):
    assert glossary_course.run("build") == 0
    page = glossary_course.page("co-ban/an-toan/otp.html")
    assert page.count('class="hv-term" href="#tn-otp"') == 2
    assert '<a class="hv-term" href="#tn-ma-qr"' in page and ">mã QR</a>" in page
    assert "<code>[[OTP]]</code>" in page and "[[không phải từ]]" in page  # code stays as written
    text = " ".join(read(page).text)
    assert text.count("[[") == 2  # only the two in code
    terms = page[page.index('<section class="hv-terms"'):]
    terms = terms[:terms.index("</section>")]
    # Each term once, alphabetical, with its meaning; VNeID is not used here so not listed.
    assert '<dt id="tn-ma-qr">mã QR</dt><dd>Hình vuông' in terms
    assert terms.index("tn-ma-qr") < terms.index("tn-otp") and "VNeID" not in terms
    assert 'href="../../thuat-ngu.html"' in terms


def test_glossary_page_lists_every_term_with_the_lessons_that_use_it(glossary_course):
    assert glossary_course.run("build") == 0
    page = glossary_course.page("thuat-ngu.html")
    names = [part.split("</dt>")[0].split(">")[-1] for part in page.split("<dt ")[1:]]
    assert names == ["mã QR", "OTP", "VNeID"]
    qr = page[page.index('id="tn-ma-qr"'):page.index('id="tn-otp"')]
    assert "Còn gọi là:</span> QR" in qr
    assert 'href="co-ban/an-toan/otp.html">Giữ kín mã OTP</a>' in qr
    assert 'href="co-ban/an-toan/qr.html">Quét mã QR</a>' in qr
    assert "Gặp trong bài" not in page[page.index('id="tn-vneid"'):]
    assert 'href="thuat-ngu.html"' in glossary_course.page("index.html")  # home and navigation
    assert not (glossary_course.root / "site" / "glossary.yml").exists()  # data, not published


def test_glossary_page_is_part_of_the_tier_download(glossary_course):
    assert glossary_course.run("build") == 0
    listing = json.loads(glossary_course.page("assets/hocvuso/offline-co-ban.json"))
    assert "thuat-ngu.html" in listing["urls"]


def test_meanings_and_term_lists_are_not_search_hits_for_the_lesson(glossary_course):
    from hocvuso.output.search_index import lesson_sections

    assert glossary_course.run("build") == 0
    sections = lesson_sections(glossary_course.page("co-ban/an-toan/qr.html"))
    text = " ".join(s.text for s in sections)
    assert "Dùng mã qr" in text and "ô đen trắng" not in text and "Từ ngữ trong bài" not in text


def test_a_marked_term_missing_from_the_glossary_is_an_error_at_its_line(glossary_course, capsys):
    glossary_course.lesson("co-ban/an-toan/sai.md", body="Dòng một.\n\nĐừng đưa [[OPT]] cho ai.\n")
    assert glossary_course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/co-ban/an-toan/sai.md:11: từ '[[OPT]]' chưa có trong bảng từ ngữ content/glossary.yml\n"
        "    gợi ý: thêm dòng 'OPT: <giải thích ngắn>' vào content/glossary.yml, hoặc sửa lại cho đúng "
        "chữ đã có; có phải ý bạn là 'OTP'?"), err


def test_marking_a_term_without_any_glossary_says_where_to_define_it(course, capsys):
    course.lesson("co-ban/a.md", body="Mã [[OTP]].\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content/co-ban/a.md:9: từ '[[OTP]]' chưa có trong bảng từ ngữ content/glossary.yml\n")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("OTP: Mã số.\nQR:\n  meaning: Ô vuông.\n  also: [otp]\n",
                 "content/glossary.yml:2: 'otp' đã có trong bảng từ ngữ (ở từ 'OTP')", id="duplicate"),
    pytest.param("OTP: Mã số.\nQR:\n", "content/glossary.yml:2: từ 'QR' chưa có lời giải thích",
                 id="no-meaning"),
    pytest.param("OTP: Mã số.\nQR:\n  meaning: Ô vuông.\n  alias: [x]\n",
                 "content/glossary.yml:4: trường 'alias' không được hỗ trợ", id="unknown-key"),
    pytest.param("OTP: Mã số.\nQR: [Ô vuông\n", "content/glossary.yml:2: lỗi cú pháp YAML", id="yaml"),
])
def test_glossary_mistakes_are_reported_at_their_line(course, capsys, text, expected):
    course.lesson("co-ban/a.md")
    course.write("content/glossary.yml", text)
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(expected)


@pytest.mark.browser
def test_tapping_a_term_shows_its_meaning_next_to_the_word(browser, glossary_course):
    assert glossary_course.run("build") == 0
    phone = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = phone.new_page()
        page.goto((glossary_course.root / "site" / "co-ban/an-toan/otp.html").as_uri())
        term = page.locator("a.hv-term").first
        term.tap()
        tip = page.locator(".hv-term__tip")
        assert tip.count() == 1 and tip.is_visible()
        assert tip.inner_text() == "OTP: Mã số dùng một lần, ngân hàng gửi qua tin nhắn để xác nhận giao dịch."
        assert term.get_attribute("aria-expanded") == "true"
        assert page.evaluate("location.hash") == ""  # stayed in place: no jump to the list
        box, word = tip.bounding_box(), term.bounding_box()
        assert box["y"] >= word["y"] and box["x"] + box["width"] <= 360  # under the word, on screen
        term.tap()
        assert tip.count() == 0 and term.get_attribute("aria-expanded") == "false"
        term.focus()
        page.keyboard.press("Enter")
        assert tip.count() == 1
        page.keyboard.press("Escape")
        assert tip.count() == 0
    finally:
        phone.close()


@pytest.mark.browser
def test_without_javascript_a_term_leads_to_its_meaning_in_the_lesson(browser, glossary_course):
    assert glossary_course.run("build") == 0
    plain = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    try:
        page = plain.new_page()
        page.goto((glossary_course.root / "site" / "co-ban/an-toan/otp.html").as_uri())
        page.locator("a.hv-term").first.click()
        assert page.evaluate("location.hash") == "#tn-otp"
        assert page.locator("#tn-otp + dd").is_visible()
    finally:
        plain.close()


def test_terms_marked_in_home_and_tier_intros_lead_to_the_glossary_page(glossary_course, capsys):
    glossary_course.write("content/index.md", "Chào bạn. Học cách giữ [[OTP]].\n")
    glossary_course.write("content/co-ban/index.md", "---\ntitle: Cơ bản\n---\nQuét [[mã QR]] an toàn.\n")
    assert glossary_course.run("build") == 0
    assert '<a class="hv-term" href="thuat-ngu.html#tn-otp">OTP</a>' in glossary_course.page("index.html")
    tier = glossary_course.page("co-ban/index.html")
    assert '<a class="hv-term" href="../thuat-ngu.html#tn-ma-qr">mã QR</a>' in tier
    glossary_course.write("content/co-ban/index.md", "---\ntitle: Cơ bản\n---\nQuét [[mã QRR]].\n")
    capsys.readouterr()  # the build's own output (progress lines when it is slow)
    assert glossary_course.run("check") == 1
    assert capsys.readouterr().err.startswith("content/co-ban/index.md:4: từ '[[mã QRR]]' chưa có")


QUIZ = """\
title: Mã OTP
competences: ["4.2"]
level: 1
questions:
  - type: single
    prompt: Ai được biết [[OTP|mã OTP]] của bạn?
    options:
      - text: Chỉ mình bạn
        correct: true
      - text: Nhân viên ngân hàng gọi tới
    explanation: Không ai được hỏi [[OTP]], kể cả người xưng là công an.
"""


def test_terms_marked_in_a_quiz_show_as_plain_words_everywhere(glossary_course, tmp_path):
    glossary_course.write("quizzes/otp.yml", QUIZ)
    glossary_course.lesson("co-ban/an-toan/hoi.md", title="Hỏi đáp", extra="quiz: otp\n")
    assert glossary_course.run("build") == 0
    page = glossary_course.page("co-ban/an-toan/hoi.html")
    assert "Ai được biết mã OTP của bạn?" in page and "[[" not in page
    assert glossary_course.run("export-gift", "otp", "--out", str(tmp_path / "otp.gift")) == 0
    gift = (tmp_path / "otp.gift").read_text(encoding="utf-8")
    assert "Ai được biết mã OTP của bạn?" in gift and "[[" not in gift


def test_a_term_marked_in_a_quiz_but_missing_from_the_glossary_is_an_error_at_its_line(glossary_course, capsys):
    glossary_course.write("quizzes/otp.yml", QUIZ.replace("[[OTP]]", "[[OPT]]"))
    glossary_course.lesson("co-ban/an-toan/hoi.md", title="Hỏi đáp", extra="quiz: otp\n")
    assert glossary_course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "quizzes/otp.yml:11: từ '[[OPT]]' chưa có trong bảng từ ngữ content/glossary.yml\n")


def test_a_glossary_that_is_not_utf8_or_not_a_list_of_terms_says_so(course, capsys):
    course.lesson("co-ban/a.md")
    (course.root / "content/glossary.yml").write_bytes("OTP: Mã\n".encode("latin-1"))  # as a Windows editor may save it
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith("content/glossary.yml:1: tệp không phải văn bản UTF-8\n")
    course.write("content/glossary.yml", "- OTP\n- QR\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content/glossary.yml:1: bảng từ ngữ phải gồm các dòng 'từ: nghĩa', không phải một danh sách\n"
        "    gợi ý: ví dụ, tệp bắt đầu như sau:\n"
        "      OTP: Mã số dùng một lần để xác nhận giao dịch.\n"
        "      Wi-Fi: Mạng không dây để vào Internet.\n")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("OTP: Mã số.\nQR: [Ô vuông\n", "content/glossary.yml:2: lỗi cú pháp YAML", id="unreadable"),
    pytest.param("OTP: Mã số.\nOTP: Mã khác.\n", "content/glossary.yml:2: trường 'OTP' được khai báo hai lần",
                 id="duplicate-key"),
    pytest.param("- OTP\n", "content/glossary.yml:1: bảng từ ngữ phải gồm", id="a-list"),
    pytest.param("OTP:\n  meaning: Mã số.\n  alias: [x]\nQR: Ô vuông.\n",
                 "content/glossary.yml:3: trường 'alias' không được hỗ trợ", id="one-bad-entry"),
])
def test_one_bad_glossary_line_is_one_error_not_one_per_marked_term(course, capsys, text, expected):
    # The lessons' marks cannot be checked against a glossary that was not read; each
    # would otherwise be reported as missing, burying the one line to fix.
    course.lesson("co-ban/a.md", body="Giữ kín [[OTP]].\n\nĐừng đọc [[otp|mã OTP]] cho ai.\n")
    course.write("content/glossary.yml", text)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(expected), err
    assert "chưa có trong bảng từ ngữ" not in err and "\n1 lỗi." in err, err


def test_a_term_missing_beside_a_bad_entry_is_still_reported(course, capsys):
    course.lesson("co-ban/a.md", body="Giữ kín [[OTP]], quét [[QR]].\n")
    course.write("content/glossary.yml", "OTP:\n  meaning: Mã số.\n  alias: [x]\nWi-Fi: Mạng.\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert "từ '[[QR]]' chưa có trong bảng từ ngữ" in err and "[[OTP]]" not in err, err
