"""Links, pictures and recordings in authors' text: every one found, checked at its line, quickly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PIL import Image

from conftest import REPO

# Lines an author (or a broken editor, or a paste) can produce, each 19,000 characters
# long (just under the line limit of hocvuso/source/authorfile.py), in a lesson and in a quiz: a pattern that goes back over the line from every "[" or "<" takes minutes on them.
# A line of backticks opens a code block, so it comes last.
HOSTILE = ["[", "!", "<", "*", "_", "(", " ", "![", "[a", "[[", "[]", "[[a|", "<img ", "<img a='",
           "<!--", "` a", "`"]


def _check_in_a_subprocess(course) -> subprocess.CompletedProcess:
    # A hang fails the test after 20 s instead of stalling the suite (a clean check takes < 2 s).
    return subprocess.run([sys.executable, "-m", "hocvuso", "-f", str(course.root / "mkdocs.yml"), "check"],
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
                          timeout=20)


def _picture(path) -> None:
    """A small real PNG: the check may decode pictures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (4, 3), "teal").save(path, "PNG")


def test_lines_of_19000_markdown_characters_are_checked_in_one_pass(course):
    hostile = "".join(piece * (19_000 // len(piece)) + "\n\n" for piece in HOSTILE)
    course.lesson("co-ban/bai.md", body="Xem [bài sau](khong-co.md).\n\n" + hostile, extra="quiz: thu\n")
    course.write("quizzes/thu.yml", 'title: T\ncompetences: ["4.2"]\nlevel: 1\nquestions:\n'
                 "  - type: true_false\n    answer: true\n    prompt: |\n      ![Ảnh](https://example.com/a.png)\n"
                 + "".join(f"      {line}\n" for line in hostile.splitlines()))
    done = _check_in_a_subprocess(course)
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stderr.startswith(
        "content/co-ban/bai.md:10: liên kết 'khong-co.md' trỏ tới tệp không có: co-ban/khong-co.md\n"
        "    gợi ý: đường dẫn tính từ thư mục của bài học này; kiểm tra tên tệp và thư mục\n"), done.stderr[-2000:]
    assert "quizzes/thu.yml:7: ảnh 'https://example.com/a.png' nằm trên máy chủ khác" in done.stderr
    # Besides the two planted errors, only the paragraphs too full of "[" for the renderer.
    others = [line for line in done.stderr.splitlines()
              if line and not line.startswith(("    gợi ý:", "content/co-ban/bai.md:10:", "quizzes/thu.yml:7: ảnh"))]
    assert others[:-1] and all("dấu '['" in line for line in others[:-1]), others
    assert others[-1].endswith("lỗi.")


def test_a_picture_inside_a_link_is_checked_as_well_as_the_link(course, capsys):
    _picture(course.root / "content/co-ban/anh/nut.png")
    course.lesson("co-ban/bai.md", body="[![](anh/nut.png)](khong-co.md)\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/co-ban/bai.md:9: ảnh 'anh/nut.png' thiếu lời mô tả (alt): người dùng trình đọc màn hình")
    assert "content/co-ban/bai.md:9: liên kết 'khong-co.md' trỏ tới tệp không có: co-ban/khong-co.md\n" in err
    assert err.rstrip().endswith("2 lỗi.")


def test_link_text_may_hold_one_level_of_brackets(course, capsys):
    course.lesson("co-ban/bai.md", body="Đọc [mục [Ghi nhớ] của bài](khong-co.md).\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content/co-ban/bai.md:9: liên kết 'khong-co.md' trỏ tới tệp không có: co-ban/khong-co.md\n")


def test_a_picture_inside_a_link_to_another_lesson_passes(course, capsys):
    _picture(course.root / "content/co-ban/anh/nut.png")
    course.lesson("co-ban/sau.md")
    course.lesson("co-ban/bai.md", body="[![Nút Tiếp theo](anh/nut.png)](sau.md) và [mục [Ghi nhớ]](sau.md)\n")
    assert course.run("check") == 0, capsys.readouterr().err


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("[Xem](" + "a" * 300 + ".md)\n",
                 "content/co-ban/bai.md:9: liên kết '" + "a" * 79 + "…' trỏ tới tệp không có: co-ban/" + "a" * 72 + "…\n",
                 id="name-too-long-for-the-file-system"),
    pytest.param("![Nghe cô đọc](" + "a" * 300 + ".mp3)\n",
                 "content/co-ban/bai.md:9: tệp âm thanh '" + "a" * 79 + "…' trỏ tới tệp không có: ",
                 id="recording-name-too-long"),
    pytest.param("[Xem](bai%00sau.md)\n",
                 "content/co-ban/bai.md:9: liên kết 'bai%00sau.md' trỏ tới tệp không có: co-ban/bai\x00sau.md\n",
                 id="nul-in-the-name"),
])
def test_a_name_no_file_can_have_is_a_missing_file_not_a_crash(course, capsys, body, expected):
    course.lesson("co-ban/bai.md", body=body)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(expected), err
    assert "    gợi ý: đường dẫn tính từ thư mục của bài học này; kiểm tra tên tệp và thư mục\n" in err


@pytest.mark.parametrize("target", ["../../mkdocs.yml", "../../../../../../../../etc/passwd", "/../mkdocs.yml"])
def test_a_link_to_a_file_outside_the_content_folder_says_so(course, capsys, target):
    course.lesson("co-ban/bai.md", body=f"[Cấu hình]({target})\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        f"content/co-ban/bai.md:9: liên kết '{target}' trỏ ra ngoài thư mục content/\n"
        "    gợi ý: chép tệp vào thư mục content/, cạnh bài học, và dẫn tới bản chép đó: trang web chỉ có "
        "các tệp trong thư mục này\n")


PICTURE_EXAMPLE = "ví dụ ![Mô tả](anh/ten-anh.jpg)"


@pytest.mark.parametrize(("target", "message", "hint"), [
    # target as written | what the author is told | how to fix it
    pytest.param("file:///etc/passwd", "ảnh 'file:///etc/passwd' là đường dẫn trên máy của bạn: người học "
                 "không mở được", f"chép ảnh vào cạnh bài học và dẫn tới tệp đó, {PICTURE_EXAMPLE}", id="file"),
    pytest.param(r"C:\Users\Lan\anh.jpg", r"ảnh 'C:\Users\Lan\anh.jpg' là đường dẫn trên máy của bạn: người "
                 "học không mở được", f"chép ảnh vào cạnh bài học và dẫn tới tệp đó, {PICTURE_EXAMPLE}",
                 id="windows-path"),
    pytest.param("data:image/png;base64,iVBORw0KGgo=", "ảnh 'data:image/png;base64,iVBORw0KGgo=' được viết "
                 "thẳng vào bài (data:): trang web sẽ bỏ nó đi",
                 f"lưu thành một tệp đặt cạnh bài học và dẫn tới tệp đó, {PICTURE_EXAMPLE}", id="data"),
    pytest.param("javascript:alert(1", "ảnh 'javascript:alert(1' không phải là một tệp: trang web chỉ hiện ảnh "
                 "là tệp đặt cạnh bài học", f"đặt ảnh cạnh bài học và dẫn tới tệp đó, {PICTURE_EXAMPLE}",
                 id="javascript"),
    pytest.param("ftp://example.org/a.png", "ảnh 'ftp://example.org/a.png' không phải là một tệp: trang web chỉ "
                 "hiện ảnh là tệp đặt cạnh bài học", f"đặt ảnh cạnh bài học và dẫn tới tệp đó, {PICTURE_EXAMPLE}",
                 id="other-scheme"),
    pytest.param("//example.org/a.png", "ảnh '//example.org/a.png' nằm trên máy chủ khác: nó sẽ không hiện khi "
                 "không có mạng", f"tải ảnh về, đặt cạnh bài học và dẫn tới tệp đó, {PICTURE_EXAMPLE}",
                 id="other-host"),
    pytest.param("data:audio/mpeg;base64,SUQz.mp3", "tệp âm thanh 'data:audio/mpeg;base64,SUQz.mp3' được viết "
                 "thẳng vào bài (data:): trang web sẽ bỏ nó đi", "lưu thành một tệp đặt cạnh bài học và dẫn tới "
                 "tệp đó, ví dụ ![Nghe cô giáo đọc bài](am-thanh/bai-1.mp3)", id="recording-data"),
])
def test_a_picture_that_is_not_a_file_of_the_course_is_an_error(course, capsys, target, message, hint):
    course.lesson("co-ban/bai.md", body=f"Đầu bài.\n\n![Màn hình]({target})\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(f"content/co-ban/bai.md:11: {message}\n    gợi ý: {hint}\n")


def test_links_to_web_pages_and_pictures_of_the_course_pass(course, capsys):
    _picture(course.root / "content/co-ban/anh/wifi.png")
    course.lesson("co-ban/bai.md", body="![Cài đặt Wi-Fi](anh/wifi.png) [Cổng dịch vụ công](https://dichvucong.gov.vn)"
                  " [Gọi](tel:113) ![Cài đặt](/co-ban/anh/wifi.png#to)\n")
    assert course.run("check") == 0, capsys.readouterr().err


NOT_HERE = "đường dẫn tính từ thư mục của bài học này; kiểm tra tên tệp và thư mục"


@pytest.mark.parametrize(("body", "expected"), [
    # raw HTML in a lesson | the first problem reported, at the line of the address
    pytest.param('<img src="https://example.com/a.png" alt="Tin nhắn lạ">\n',
                 "content/co-ban/bai.md:9: ảnh 'https://example.com/a.png' nằm trên máy chủ khác: nó sẽ không hiện "
                 "khi không có mạng\n    gợi ý: tải ảnh về, đặt cạnh bài học và dẫn tới tệp đó, "
                 "ví dụ ![Mô tả](anh/ten-anh.jpg)\n", id="other-host"),
    pytest.param('<IMG alt="Mật khẩu"\n     SRC=../../../../etc/passwd>\n',
                 "content/co-ban/bai.md:10: ảnh '../../../../etc/passwd' trỏ ra ngoài thư mục content/\n",
                 id="leaving-content-on-the-next-line"),
    pytest.param('Xem <img src="anh/khong-co.png" alt="Nút gửi"> rồi bấm.\n',
                 f"content/co-ban/bai.md:9: ảnh 'anh/khong-co.png' trỏ tới tệp không có: co-ban/anh/khong-co.png\n"
                 f"    gợi ý: {NOT_HERE}\n", id="missing"),
    pytest.param('<img src="anh/wifi.png">\n',
                 "content/co-ban/bai.md:9: ảnh 'anh/wifi.png' thiếu lời mô tả (alt): người dùng trình đọc màn hình "
                 "và người không tải được ảnh sẽ không biết ảnh nói gì\n"
                 '    gợi ý: thêm lời mô tả vào thẻ, ví dụ <img src="anh/wifi.png" alt="Màn hình cài đặt Wi-Fi">\n',
                 id="no-alt"),
    pytest.param('<img src="anh/wifi.png" alt="Wi-Fi" srcset="anh/wifi.png 1x, https://cdn.example.com/w.png 2x">\n',
                 "content/co-ban/bai.md:9: ảnh 'https://cdn.example.com/w.png' nằm trên máy chủ khác", id="srcset"),
    pytest.param('<picture>\n<source type="image/webp"\n  srcset="data:image/webp;base64,UklGR">\n'
                 '<img src="anh/wifi.png" alt="Wi-Fi"></picture>\n',
                 "content/co-ban/bai.md:11: ảnh 'data:image/webp;base64,UklGR' được viết thẳng vào bài (data:)",
                 id="source-in-a-picture"),
    pytest.param('Nghe:\n\n<audio controls src="am-thanh/bai.mp3"></audio>\n',
                 "content/co-ban/bai.md:11: thẻ <audio> không hiện trên trang: trang web bỏ thẻ này đi để giữ an "
                 "toàn cho người học\n    gợi ý: gắn tệp âm thanh như chèn ảnh, trang sẽ có nút nghe: "
                 "![Nghe cô giáo đọc bài](am-thanh/bai-1.mp3)\n", id="audio"),
    pytest.param('<video controls><source src="https://example.com/v.mp4"></video>\n',
                 "content/co-ban/bai.md:9: thẻ <video> không hiện trên trang: trang web bỏ thẻ này đi để giữ an "
                 "toàn cho người học\n    gợi ý: khóa học không phát video (nặng, tốn tiền mạng của người học)",
                 id="video"),
])
def test_pictures_in_raw_html_are_checked_like_markdown_pictures(course, capsys, body, expected):
    _picture(course.root / "content/co-ban/anh/wifi.png")
    course.lesson("co-ban/bai.md", body=body)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(expected), err


def test_raw_html_pictures_of_the_course_and_html_in_code_or_comments_pass(course, capsys):
    _picture(course.root / "content/co-ban/anh/wifi.png")
    course.lesson("co-ban/bai.md", body=(
        '<img src="anh/wifi.png" alt="Cài đặt Wi-Fi" width="200">\n\n'
        "<figure><img alt='Wi-Fi &gt; Mạng' src='/co-ban/anh/wifi.png'\n"
        '  srcset="anh/wifi.png 1x, anh/wifi.png 2x"></figure>\n\n'
        '<!-- bản cũ: <img src="https://example.com/a.png"> -->\n\n'
        'Viết `<img src="https://example.com/a.png">` là sai.\n'))
    assert course.run("check") == 0, capsys.readouterr().err


def test_a_picture_taking_its_address_from_a_reference_is_checked_at_its_line(course, capsys):
    _picture(course.root / "content/co-ban/anh/wifi.png")
    course.lesson("co-ban/bai.md", body="![Logo][logo], ![Wi-Fi][wifi] và ![LOGO]\n\n"
                  "[logo]: https://example.com/logo.png\n[wifi]: anh/wifi.png\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    remote = "ảnh 'https://example.com/logo.png' nằm trên máy chủ khác: nó sẽ không hiện khi không có mạng\n"
    assert err.startswith(f"content/co-ban/bai.md:9: {remote}")
    assert err.count(remote) == 2 and err.rstrip().endswith("2 lỗi.")


def test_pictures_and_links_in_the_home_and_tier_intros_are_checked(course, capsys):
    course.lesson("co-ban/bai.md")
    course.write("content/index.md", "Chào mừng.\n\n![Logo](https://example.com/logo.png)\n")
    course.write("content/co-ban/index.md", "---\ntitle: Cơ bản\n---\nBắt đầu từ [bài đầu](bai-dau.md).\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/co-ban/index.md:4: liên kết 'bai-dau.md' trỏ tới tệp không có: co-ban/bai-dau.md\n")
    assert "content/index.md:3: ảnh 'https://example.com/logo.png' nằm trên máy chủ khác" in err


@pytest.mark.parametrize("piece", ["[", "![", "[a", "[["])
def test_a_paragraph_of_thousands_of_brackets_is_refused_before_markdown_renders_it(course, piece):
    # Python-Markdown's link search is quadratic in "[": 4,000 of them take over 10 s to render.
    flood = piece * (8_000 // len(piece))
    count = flood.count("[")
    course.lesson("co-ban/bai.md", body=f"Đoạn đầu.\n\n{flood}\n\nĐoạn cuối.\n", extra="quiz: thu\n")
    course.write("quizzes/thu.yml", 'title: T\ncompetences: ["4.2"]\nlevel: 1\nquestions:\n'
                 f"  - type: true_false\n    answer: true\n    prompt: \"{flood}\"\n")
    done = subprocess.run([sys.executable, "-m", "hocvuso", "-f", str(course.root / "mkdocs.yml"), "build"],
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"content/co-ban/bai.md:12: đoạn này có {count} dấu '['" in done.stderr, done.stderr[-2000:]
    assert f"quizzes/thu.yml:7: đoạn này có {count} dấu '['" in done.stderr and "gợi ý: bỏ bớt dấu '['" in done.stderr


def test_glossary_marks_and_links_in_a_long_paragraph_stay_allowed(course):
    course.write("content/glossary.yml", "OTP: Mã một lần.\n")
    course.lesson("co-ban/bai.md", body="Dòng có [[OTP]] và [liên kết](#a).\n" * 90)
    assert course.run("check") == 0
