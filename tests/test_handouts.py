"""Trainer handouts: PDFs whose worksheet asks every question and gives no answer."""

from __future__ import annotations

import re
import shutil

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, REPO
from htmltext import read, section

TRAINER_NOTE = "Chuẩn bị sẵn hai điện thoại cho học viên thực hành."


def _text(pdf) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


@pytest.fixture
def printed(course):
    shutil.copy(FIXTURES / "every-type-quiz.yml", course.root / "quizzes" / "thu.yml")
    course.lesson("co-ban/an-toan/lua-dao.md", title="Nhận biết lừa đảo qua điện thoại", extra="quiz: thu\n",
                  body="## Dấu hiệu lừa đảo\n\nKẻ gian hay giục bạn chuyển tiền.\n\n"
                       f'!!! huong-dan "Ghi chú cho người hướng dẫn"\n    {TRAINER_NOTE}\n\n## Ghi nhớ\n\nTắt máy.\n')
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", "site_url: https://hoc.example.vn/\n" + text)
    assert course.run("handouts") == 0
    return course


def test_worksheet_asks_every_question_and_gives_no_answer_or_explanation(printed):
    pages = _text(printed.root / "site/handouts/co-ban/lua-dao.pdf")
    start = next(i for i, t in enumerate(pages) if "Phiếu bài tập" in t)
    key = next(i for i, t in enumerate(pages) if t.startswith("Đáp án") or " Đáp án Câu 1" in t)
    worksheet = " ".join(pages[start:key])
    for prompt in ["Mã OTP là gì?", "Những việc nào giúp tài khoản an toàn?", "Công an có thể lấy lời khai qua Zalo.",
                   "Mật khẩu dùng một lần gọi tắt là gì?", "Sắp xếp các bước kết nối Wi-Fi.",
                   "Nối mỗi từ với ý nghĩa của nó.", "xác thực khuôn mặt?"]:
        assert prompt in worksheet, prompt
    for answer in ["Đáp án", "OTP là mật khẩu dùng một lần, ngân hàng", "Viết tắt của One-Time Password",
                   "Mật khẩu dài và khóa màn hình đều bảo vệ bạn", "cũng chấp nhận"]:
        assert answer not in worksheet, answer
    assert "Họ và tên" in worksheet


def test_worksheet_alone_is_its_own_pdf_to_photocopy_with_no_lesson_text_and_no_answer(printed):
    handouts = printed.root / "site/handouts"
    for pdf in (handouts / "co-ban/lua-dao-phieu-bai-tap.pdf", handouts / "co-ban-phieu-bai-tap.pdf"):
        pages = _text(pdf)
        assert pages[0].startswith("Phiếu bài tập: Nhận biết lừa đảo qua điện thoại Họ và tên"), pdf
        sheet = " ".join(pages)
        assert "Mã OTP là gì?" in sheet and "Nối mỗi từ với ý nghĩa của nó." in sheet
        for not_on_it in ["Kẻ gian hay giục bạn chuyển tiền.", "Dấu hiệu lừa đảo", TRAINER_NOTE, "Đáp án",
                          "OTP là mật khẩu dùng một lần, ngân hàng", "cũng chấp nhận", "Tài liệu học tập"]:
            assert not_on_it not in sheet, (pdf.name, not_on_it)


def test_answer_key_starts_on_its_own_page_and_is_its_own_pdf(printed):
    pages = _text(printed.root / "site/handouts/co-ban/lua-dao.pdf")
    key = " ".join(p for p in pages if p.startswith("Đáp án"))
    assert "Đáp án: Mật khẩu dùng một lần" in key
    assert "Đáp án: Sai" in key
    assert "Đáp án: mã OTP (cũng chấp nhận: OTP)" in key
    assert "Đáp án: 10 triệu đồng" in key
    assert "Mở Cài đặt → Chạm vào Wi-Fi → Chọn tên mạng → Nhập mật khẩu" in key
    assert "OTP là mật khẩu dùng một lần, ngân hàng gửi qua tin nhắn." in key
    alone = " ".join(_text(printed.root / "site/handouts/co-ban/lua-dao-dap-an.pdf"))
    assert "Đáp án: 10 triệu đồng" in alone and "Phiếu bài tập" not in alone


def test_handout_keeps_vietnamese_large_type_trainer_notes_and_a_qr_code(printed):
    pdf = printed.root / "site/handouts/co-ban/lua-dao.pdf"
    first = _text(pdf)[0]
    assert "Nhận biết lừa đảo qua điện thoại" in first and "Kẻ gian hay giục bạn chuyển tiền." in first
    assert TRAINER_NOTE in first
    assert PdfReader(pdf).pages[0].images  # the QR code to the online lesson
    html = printed.page("co-ban/an-toan/lua-dao.html")
    assert TRAINER_NOTE not in html  # never on learners' pages
    assert 'href="../../handouts/co-ban/lua-dao.pdf"' in html and "Tải bản in" in html


def test_bundled_course_tier_handout_has_a_cover_and_every_lesson(tmp_path):
    from hocvuso.render.handouts import write_handouts
    from hocvuso.pipeline import check_course

    course = check_course(REPO / "mkdocs.yml").course
    written = write_handouts(tmp_path, course, course_name="Học vụ số", quizzes_dir=REPO / "quizzes",
                             lessons=False)
    assert [p.name for p in written.files] == ["co-ban.pdf", "co-ban-phieu-bai-tap.pdf", "co-ban-dap-an.pdf"]
    pages = _text(tmp_path / "handouts" / "co-ban.pdf")
    assert "Tài liệu học tập: cấp Cơ bản" in pages[0] and "Năng lực số được rèn luyện" in pages[0]
    # The tier page tells beginners to start with the phone itself; so does the book (review T8).
    assert course.tiers[0].lessons[0].title == "Bật, tắt và sạc điện thoại"
    contents = " ".join(pages[:3])  # the competences fill the cover; the contents follow
    first, sheet = map(int, re.search(r"1\. Bật, tắt và sạc điện thoại (\d+) (\d+) 2\. Chạm, vuốt", contents).groups())
    assert pages[first - 1].startswith("Bật, tắt và sạc điện thoại")
    assert pages[sheet - 1].startswith("Phiếu bài tập: Bật, tắt và sạc điện thoại")
    key = int(re.search(r"Đáp án \(dành cho người hướng dẫn[^)]*\) (\d+)", contents)[1])
    assert pages[key - 1].startswith("Đáp án") and not pages[key - 2].startswith("Đáp án")
    everything = " ".join(pages)
    assert all(lesson.title in everything for lesson in course.lessons)
    assert "lừa đảo" in everything


def test_a5_paper_on_request(course):
    course.lesson("co-ban/bai.md", title="Bài ngắn")
    assert course.run("handouts", "--paper", "A5") == 0
    box = PdfReader(course.root / "site/handouts/co-ban/bai.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5 in points


@pytest.mark.browser
def test_printing_a_lesson_page_from_the_browser_gives_the_lesson_and_a_blank_worksheet(browser, printed, tmp_path):
    page = browser.new_page()
    page.goto((printed.root / "site/co-ban/an-toan/lua-dao.html").as_uri())
    page.locator("input[type=radio]").first.check()  # a learner had started; paper stays readable
    page.pdf(path=tmp_path / "printed.pdf", format="A4")  # Chromium prints with the print stylesheet
    page.close()
    # Chromium's PDFs space out Vietnamese letters when read back, so compare without spaces.
    text = "".join(" ".join(_text(tmp_path / "printed.pdf")).split())
    for printed_text in ["Nhận biết lừa đảo qua điện thoại", "Kẻ gian hay giục bạn chuyển tiền.", "Mã OTP là gì?",
                         "Nối mỗi từ với ý nghĩa của nó.", "A.Dữ liệu di động", "Họ và tên"]:
        assert printed_text.replace(" ", "") in text, printed_text
    # Navigation, buttons, drop-down labels, the PDF link and trainer notes are not on paper.
    assert text.count("Kiểmtra") == 1  # the quiz's title "Kiểm tra thử", no "Kiểm tra" buttons
    for screen_only in ["Làm lại", "Chọn…", "Thứ tự…", "Tải bản in", "Bài sau", "Danh sách bài", TRAINER_NOTE]:
        assert screen_only.replace(" ", "") not in text, screen_only


def test_tier_book_shows_images_of_lessons_in_different_folders(course, tmp_path):
    from PIL import Image

    course.lesson("co-ban/an-toan/co-anh.md", title="Bài có ảnh", level=2,
                  body="Xem ảnh.\n\n![Màn hình cài đặt](anh.png)\n")
    Image.new("RGB", (400, 300), "gray").save(course.root / "content/co-ban/an-toan/anh.png")
    course.lesson("co-ban/a-dau/dau-tien.md", title="Bài đầu tiên", competences='["1.1"]')  # book starts elsewhere
    assert course.run("handouts") == 0
    book = PdfReader(course.root / "site/handouts/co-ban.pdf")
    with_image = [i for i, page in enumerate(book.pages) if page.images]
    assert with_image and "Bài có ảnh" in book.pages[with_image[0]].extract_text()


def test_a_lesson_without_a_quiz_prints_without_an_empty_answer_key(course):
    course.lesson("co-ban/doc.md", title="Bài chỉ để đọc", body="Chỉ có nội dung.\n")
    assert course.run("handouts") == 0
    text = " ".join(_text(course.root / "site/handouts/co-ban/doc.pdf"))
    assert "Chỉ có nội dung." in text and "Đáp án" not in text and "Phiếu bài tập" not in text
    assert not (course.root / "site/handouts/co-ban/doc-dap-an.pdf").exists()


def test_marked_terms_print_as_plain_words_with_their_meanings_after_the_lesson(course):
    course.write("content/glossary.yml", "OTP: Mã số dùng một lần để xác nhận giao dịch.\n")
    course.lesson("co-ban/otp.md", title="Giữ kín mã OTP", body="Không đọc [[OTP|mã OTP]] cho ai.\n")
    assert course.run("handouts") == 0
    text = " ".join(_text(course.root / "site/handouts/co-ban/otp.pdf"))
    assert "Không đọc mã OTP cho ai." in text and "[[" not in text
    assert "Từ ngữ trong bài OTP Mã số dùng một lần để xác nhận giao dịch." in text


ONE_QUESTION = """\
title: Thử
competences: ["4.2"]
level: 1
questions:
  - type: true_false
    prompt: Được đọc mã OTP cho người lạ.
    answer: false
"""


def test_tier_book_follows_the_tier_page_and_its_contents_give_the_pages(course):
    course.write("quizzes/thu.yml", ONE_QUESTION)
    # A beginner starts with the phone (domain 5), then safety (4); domain 1 follows by the framework.
    course.write("content/co-ban/index.md", '---\ndomain_order: ["5", "4"]\n---\nBắt đầu từ điện thoại.\n')
    course.lesson("co-ban/a-tim-kiem.md", title="Tìm kiếm trên mạng", competences='["1.1"]', extra="quiz: thu\n")
    course.lesson("co-ban/b-mat-khau.md", title="Mật khẩu an toàn", extra="quiz: thu\n",
                  body="Mật khẩu dài.\n\n" * 60)  # two pages: the next lesson's page number moves on
    course.lesson("co-ban/c-bat-may.md", title="Bật và tắt máy", competences='["5.1"]')
    assert course.run("handouts") == 0

    on_tier_page = [text for _, text, _ in read(section(course.page("co-ban/index.html"), 'id="bai-hoc"',
                                                        'id="kiem-tra-cuoi-cap"')).links]
    assert on_tier_page == ["Bật và tắt máy", "Mật khẩu an toàn", "Tìm kiếm trên mạng"]
    after_first = [text for _, text, classes in read(course.page("co-ban/c-bat-may.html")).links if "Bài sau" in text]
    assert after_first == ["Bài sau › Mật khẩu an toàn"]  # "Bài sau" walks the same order

    pages = _text(course.root / "site/handouts/co-ban.pdf")
    contents = pages[0][pages[0].index("Nội dung"):]
    rows = [(title, contents.index(title)) for title in on_tier_page]
    assert [title for title, _ in sorted(rows, key=lambda r: r[1])] == on_tier_page  # the same order

    def pages_of(title: str) -> tuple[int, int | None]:  # a row: "2. <title> <page> <worksheet page or –>"
        page, sheet = re.search(rf"\d+\. {re.escape(title)} (\d+) (\d+|–)", contents).groups()
        return int(page), None if sheet == "–" else int(sheet)

    bat_may, no_sheet = pages_of("Bật và tắt máy")  # no quiz: no worksheet
    mat_khau, mat_khau_sheet = pages_of("Mật khẩu an toàn")
    tim_kiem, tim_kiem_sheet = pages_of("Tìm kiếm trên mạng")
    assert no_sheet is None
    key = int(re.search(r"Đáp án \(dành cho người hướng dẫn[^)]*\) (\d+)", contents)[1])
    assert 1 < bat_may < mat_khau < mat_khau_sheet < tim_kiem < tim_kiem_sheet < key <= len(pages)
    assert mat_khau_sheet - mat_khau >= 2  # the long lesson takes two pages before its worksheet
    for page, start in [(bat_may, "Bật và tắt máy"), (mat_khau, "Mật khẩu an toàn"),
                        (mat_khau_sheet, "Phiếu bài tập: Mật khẩu an toàn"), (tim_kiem, "Tìm kiếm trên mạng"),
                        (tim_kiem_sheet, "Phiếu bài tập: Tìm kiếm trên mạng"), (key, "Đáp án")]:
        assert pages[page - 1].startswith(start), (page, start, pages[page - 1][:80])
        assert f"trang {page}/{len(pages)}" in pages[page - 1]  # the number printed on that page


def test_a_lesson_prints_with_the_sites_own_markdown_extensions(course):
    # The handout uses mkdocs.yml's Markdown configuration: a collapsible box prints as a
    # box, and an extension the author adds (smarty: "--" as a dash) prints as on the page.
    config = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", config.replace("markdown_extensions:\n",
                                              "markdown_extensions:\n  - smarty\n  - pymdownx.details\n", 1))
    course.lesson("co-ban/a.md", title="Hộp và dấu gạch", body=(
        "Gọi lại -- đừng bấm link.\n\n??? note \"Xem thêm\"\n    Hỏi con cháu trước khi cài ứng dụng.\n"))
    assert course.run("handouts") == 0
    page = course.page("co-ban/a.html")
    assert ("Gọi lại &ndash; đừng" in page or "Gọi lại – đừng" in page) and "<details" in page
    [text] = _text(course.root / "site/handouts/co-ban/a.pdf")[:1]
    assert "Gọi lại – đừng bấm link." in text
    assert "Xem thêm" in text and "Hỏi con cháu trước khi cài ứng dụng." in text and "???" not in text


def test_quiz_texts_use_the_sites_own_markdown_on_the_page_and_in_the_answer_key(course):
    # One Markdown configuration: smarty turns "--" into a dash in a quiz's plain line
    # too (so the quick path for plain lines steps aside), and a collapsible box in an
    # explanation is a box on the page and in the printed answer key.
    config = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", config.replace("markdown_extensions:\n",
                                              "markdown_extensions:\n  - smarty\n  - pymdownx.details\n", 1))
    course.write("quizzes/hop.yml", (
        "title: Hộp\ncompetences: [\"4.2\"]\nlevel: 1\nquestions:\n"
        "  - type: true_false\n    prompt: Gọi lại -- đừng bấm link?\n    answer: true\n"
        "    explanation: |\n      ??? note \"Xem thêm\"\n          Hỏi con cháu trước khi cài ứng dụng.\n"))
    course.lesson("co-ban/a.md", title="Hộp", extra="quiz: hop\n", body="Bài có câu hỏi.\n")
    assert course.run("handouts") == 0
    page = course.page("co-ban/a.html")
    assert "Gọi lại – đừng bấm link?" in page or "Gọi lại &ndash; đừng bấm link?" in page
    explanation = re.search(r"<template data-hv-x>(.*?)</template>", page, re.S)[1]
    assert "<details" in explanation and "Xem thêm" in explanation and "???" not in explanation
    key = " ".join(_text(course.root / "site/handouts/co-ban/a-dap-an.pdf"))
    assert "Gọi lại – đừng bấm link?" in key and "Hỏi con cháu trước khi cài ứng dụng." in key and "???" not in key
