"""Links, pictures and recordings in authors' text: every one found, checked at its line, quickly."""

from __future__ import annotations

import os
import subprocess
import sys

from PIL import Image

from conftest import REPO

# Lines an author (or a broken editor, or a paste) can produce, each 200,000 characters
# long: a pattern that goes back over the line from every "[" or "<" takes minutes on them.
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


def test_lines_of_200000_markdown_characters_are_checked_in_one_pass(course):
    hostile = "".join(piece * (200_000 // len(piece)) + "\n\n" for piece in HOSTILE)
    course.lesson("co-ban/bai.md", body="Xem [bài sau](khong-co.md).\n\n" + hostile)
    line = 9
    done = _check_in_a_subprocess(course)
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stderr.startswith(
        f"content/co-ban/bai.md:{line}: liên kết 'khong-co.md' trỏ tới tệp không có: co-ban/khong-co.md\n"
        "    gợi ý: đường dẫn tính từ thư mục của bài học này; kiểm tra tên tệp và thư mục\n"), done.stderr[-2000:]
    assert done.stderr.rstrip().endswith("1 lỗi."), done.stderr[-2000:]


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
