"""Trainer notes: in every form Markdown opens a huong-dan box, printed in handouts and
never on a learner's page; a form the lesson text lets through stops the build."""

from __future__ import annotations

from pypdf import PdfReader

from conftest import MKDOCS_YML

from hocvuso.render.trainer_notes import without_trainer_notes

# Each form Python-Markdown's admonition or pymdownx.details reads as a huong-dan box,
# with the note's own text, and the learner text around it that must stay.
FORMS = {
    "no-space": '!!!huong-dan "Không cách"\n    Ghi chú A: chuẩn bị hai điện thoại.\n',
    "nested-in-another-box": ('!!! note "Cho học viên"\n    Học viên đọc đoạn này.\n\n'
                              '    !!! huong-dan "Lồng trong hộp"\n        Ghi chú B: hỏi lớp trước.\n\n'
                              '    Học viên đọc cả đoạn này.\n'),
    "later-class": '!!! warning huong-dan "Lớp thứ hai"\n    Ghi chú C: đi từng bàn.\n',
    "open-details": '???+ huong-dan "Hộp mở"\n    Ghi chú D: để học viên tự làm.\n',
    "in-a-list": '1. Bước một cho học viên.\n\n    !!! Huong-Dan "Trong danh sách"\n        Ghi chú E: làm mẫu.\n',
    "after-a-list-marker": '- ??? huong-dan "Sau dấu đầu dòng"\n    Ghi chú F: chia nhóm.\n',
}
NOTES = ["Ghi chú A: chuẩn bị hai điện thoại.", "Ghi chú B: hỏi lớp trước.", "Ghi chú C: đi từng bàn.",
         "Ghi chú D: để học viên tự làm.", "Ghi chú E: làm mẫu.", "Ghi chú F: chia nhóm."]
LEARNER = ["Học viên đọc đoạn này.", "Học viên đọc cả đoạn này.", "Bước một cho học viên.", "Đoạn cuối bài."]
BODY = "Đoạn đầu bài.\n\n" + "\n".join(FORMS.values()) + "\nĐoạn cuối bài.\n"


def _with_details(course) -> None:
    course.write("mkdocs.yml", MKDOCS_YML + "  - pymdownx.details\n")


def test_every_form_of_trainer_note_is_printed_in_the_handout_and_absent_from_the_learner_page(course):
    _with_details(course)
    course.lesson("co-ban/ghi-chu.md", title="Ghi chú", body=BODY)
    assert course.run("handouts") == 0
    page = course.page("co-ban/ghi-chu.html")
    for note in NOTES:
        assert note not in page, note
    assert "huong-dan" not in page.lower()
    for text in LEARNER:
        assert text in page, text
    printed = " ".join(" ".join(p.extract_text().split())
                       for p in PdfReader(course.root / "site/handouts/co-ban/ghi-chu.pdf").pages)
    for note in NOTES + LEARNER:
        assert note in printed, note
    assert "???" not in printed and "!!!" not in printed  # each printed as a box, not as its marks


def test_removing_trainer_notes_keeps_every_other_line_where_it_was():
    body = "Trước.\n\n" + "\n".join(FORMS.values()) + "\nSau.\n"
    learner = without_trainer_notes(body)
    before, after = body.split("\n"), learner.split("\n")
    assert len(after) == len(before)
    kept = [n for n, line in enumerate(after) if line]
    assert [after[n] for n in kept] == [before[n] for n in kept]  # only whole lines are blanked
    assert [after[n].strip() for n in kept] == ["Trước.", '!!! note "Cho học viên"', LEARNER[0], LEARNER[1],
                                                "1. " + LEARNER[2], "Sau."]


def test_a_trainer_note_in_a_quotation_stops_the_build_at_its_own_line_after_other_notes(course, capsys):
    # The lesson text does not follow quotations; the rendered page shows the box, so the
    # build stops, naming the line (the notes before it were blanked, not removed).
    _with_details(course)
    path = course.lesson("co-ban/trich-dan.md", body=BODY + '\n> !!! huong-dan "Trong trích dẫn"\n>     Ghi chú G.\n')
    line = path.read_text(encoding="utf-8").splitlines().index('> !!! huong-dan "Trong trích dẫn"') + 1
    assert course.run("build") == 1
    assert capsys.readouterr().err.startswith(
        f"content/co-ban/trich-dan.md:{line}: ghi chú cho người hướng dẫn (lớp 'huong-dan') này sẽ hiện cho học viên\n"
        "    gợi ý: viết ghi chú thành hộp riêng ngoài trích dẫn '>': dòng '!!! huong-dan \"Tiêu đề\"', "
        "các dòng nội dung thụt vào 4 dấu cách; không gắn lớp này cho thẻ HTML hay đoạn văn\n")
    assert not (course.root / "site").exists()


def test_raw_html_with_the_trainer_note_class_stops_the_build(course, capsys):
    course.lesson("co-ban/html.md", body='Đoạn đầu.\n\n<div class="canh-bao huong-dan">Ghi chú H.</div>\n')
    assert course.run("build") == 1
    assert capsys.readouterr().err.startswith("content/co-ban/html.md:11: ghi chú cho người hướng dẫn")


def test_a_trainer_note_in_a_tier_introduction_asks_to_move_it_into_a_lesson(course, capsys):
    course.lesson("co-ban/bai.md")
    course.write("content/co-ban/index.md", '---\ntitle: Cơ bản\n---\n\nChào.\n\n!!! huong-dan "Ghi chú"\n    H.\n')
    assert course.run("build") == 1
    assert capsys.readouterr().err.startswith(
        "content/co-ban/index.md:7: trang giới thiệu không có bản in, nên ghi chú cho người hướng dẫn "
        "(lớp 'huong-dan') sẽ hiện cho học viên\n"
        "    gợi ý: chuyển ghi chú này vào một bài học: ghi chú trong bài học được in trong tài liệu in\n")


def test_a_word_about_trainer_notes_in_a_code_sample_is_not_a_trainer_note(course):
    course.lesson("co-ban/mau.md", body='Ví dụ:\n\n    <div class="huong-dan">mẫu</div>\n')
    assert course.run("build") == 0
    assert 'class="huong-dan"' in course.page("co-ban/mau.html")  # shown as code, as written
