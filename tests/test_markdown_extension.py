"""hocvuso's one Markdown extension: the same text, right the first time, on a page, on
paper and in a quiz, with nothing patched into the built HTML afterwards."""

from __future__ import annotations

import markdown

from hocvuso.model.glossary import Glossary, Term, key
from hocvuso.output.images import Processed
from hocvuso.render.markdown_extension import Hocvuso, Rendering

OTP = Term("OTP", "Mã dùng một lần.")
GLOSSARY = Glossary(None, (OTP,), {key("OTP"): OTP})
PHOTO = Processed("bai/anh/a.1111.webp", "bai/anh/a.2222.jpg", 800, 600, 10, 20)


def _html(text: str, rendering: Rendering, extensions=("admonition", "attr_list")) -> str:
    extension = Hocvuso()
    extension.start(rendering)
    return markdown.Markdown(extensions=[*extensions, extension]).convert(text)


def test_a_lesson_page_links_terms_drops_trainer_notes_and_shows_pictures_and_players():
    text = ("Đừng đọc [[OTP]] cho ai; `[[OTP]]` trong mã giữ nguyên.\n\n"
            "    [[OTP]] trong khối mã\n\n"
            '!!! huong-dan "Cho người hướng dẫn"\n    Hỏi lớp trước.\n\n'
            "![Điện thoại](anh/a.png){: .rong }\n\n![Nghe bài](am-thanh/bai.mp3)\n")
    page = _html(text, Rendering(page="bai/otp.html", glossary=GLOSSARY, learner=True, images={"bai/anh/a.png": PHOTO},
                                 recordings={"bai/am-thanh/bai.mp3": 300 * 1024}))
    assert page.count('<a class="hv-term" href="#tn-otp">OTP</a>') == 1
    assert "<code>[[OTP]]</code>" in page and "<code>[[OTP]] trong khối mã" in page
    assert "Hỏi lớp trước" not in page
    assert ('<picture><source srcset="anh/a.1111.webp" type="image/webp"><img alt="Điện thoại" class="rong" '
            'decoding="async" height="600" loading="lazy" src="anh/a.2222.jpg" width="800"></picture>') in page
    assert '<span class="hv-audio__size">(300 KB)</span>' in page
    assert 'preload="none" src="am-thanh/bai.mp3"' in page and "<img" not in page.split("hv-audio")[1]


def test_the_same_text_on_paper_keeps_trainer_notes_and_names_recordings(tmp_path):
    text = '[[OTP]] là gì?\n\n!!! huong-dan "Cho người hướng dẫn"\n    Hỏi lớp trước.\n\n![Nghe bài](bai.mp3)\n'
    printed = _html(text, Rendering(paper=tmp_path, paper_files=tmp_path))
    assert "<p>OTP là gì?</p>" in printed and "Hỏi lớp trước" in printed
    assert '<em class="audio">Bài có ghi âm trên trang web: Nghe bài</em>' in printed


def test_on_paper_pictures_come_from_the_lesson_folder_and_no_file_from_elsewhere(tmp_path):
    lesson = tmp_path / "content" / "co-ban"
    text = ('![Ảnh](anh.png)\n\n<img src="file:///etc/hostname" alt="máy">\n\n'
            f'<img src="{(tmp_path / "khac.png").as_uri()}" alt="ngoài">\n')
    printed = _html(text, Rendering(paper=lesson, paper_files=tmp_path / "content"))
    assert f'src="{(lesson / "anh.png").as_uri()}"' in printed
    assert "/etc/hostname" not in printed and "khac.png" not in printed
    assert "file:" not in _html("![Ảnh](anh.png)\n", Rendering(paper=lesson))  # no folder named: no files at all


def test_the_quiz_goes_in_at_its_marker_after_sanitising_and_cannot_be_forged():
    quiz = '<form class="hv-quiz"><input type="radio" name="a"><button type="button">Kiểm tra</button></form>'
    collected = []
    text = "Mở đầu.\n\n\x02hv-quiz\x03\n\n<!-- quiz -->\n\nKết bài.\n\n<!-- quiz -->\n"
    page = _html(text, Rendering(page="bai.html", quiz=quiz, collect=collected.append))
    assert page.count(quiz) == 1 and page.index("Mở đầu") < page.index(quiz) < page.index("Kết bài")
    assert "\x02" not in page and "hv-quiz\x03" not in page
    assert collected == [collected[0]] and "<form" not in collected[0] and "Kết bài" in collected[0]
    # An author's own form is not let through: only the quiz is ours.
    assert "<form" not in _html('<form><input name="pin"></form>\n', Rendering(page="bai.html"))


def test_quiz_texts_print_marked_terms_as_words_and_are_sanitised():
    assert _html("Mã [[OTP|mã OTP]] <b onclick='x()'>đậm</b>", Rendering()) == "<p>Mã mã OTP <b>đậm</b></p>"


def test_an_authors_own_players_and_pictures_keep_no_script():
    text = ('<audio src="a.mp3" onplay="steal()" controls></audio>\n\n'
            '<picture><source srcset="javascript:alert(1)" onerror="x()"><img src="a.png" alt="a"></picture>\n')
    page = _html(text, Rendering(page="bai.html"))
    assert "onplay" not in page and "onerror" not in page and "<audio" in page and "<picture>" in page


def test_a_course_page_is_built_through_the_extension_without_patching_the_built_html(course):
    course.lesson("co-ban/bai.md", title="Bài", body="Câu đầu.\n\n<!-- quiz -->\n\nCâu cuối.\n", extra="quiz: thu\n")
    course.write("quizzes/thu.yml", "title: Thử\ncompetences: ['4.2']\nlevel: 1\nquestions:\n"
                                    "  - type: true_false\n    prompt: Đúng không?\n    answer: true\n")
    assert course.run("build") == 0
    page = course.page("co-ban/bai.html")
    assert page.index("Câu đầu") < page.index('id="quiz-thu"') < page.index("Câu cuối")
    assert "<!-- quiz -->" not in page
