"""`python build.py …` as authors run it: exit codes, output, and a site that survives."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO
from hocvuso.console import Progress

BUILD_PY = str(REPO / "build.py")


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, BUILD_PY, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_on_a_broken_course_prints_one_located_line_per_problem_and_exits_1(course):
    course.lesson("co-ban/ok.md")
    course.lesson("co-ban/a.md", competences='["4.9"]')
    course.lesson("co-ban/b.md", level=7)
    result = _run(course.root, "check")
    assert result.returncode == 1
    located = [line for line in result.stderr.splitlines() if not line.startswith(" ") and ":" in line]
    assert located == [
        "content/co-ban/a.md:3: mã năng lực '4.9' không có trong khung năng lực",
        "content/co-ban/b.md:4: bậc 7 không thuộc cấp Cơ bản của thư mục 'co-ban' (bậc 1–2)",
    ]
    assert "Traceback" not in result.stderr
    assert not (course.root / "site").exists()


def test_check_on_a_good_course_builds_nothing(course):
    course.lesson("co-ban/ok.md")
    result = _run(course.root, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Không có lỗi: 1 bài học, 4 trang."  # home, search, tier, lesson
    assert not (course.root / "site").exists()


def test_build_then_a_broken_build_leaves_the_previous_site_exactly_as_it_was(course):
    course.lesson("co-ban/ok.md", title="Bài tốt")
    result = _run(course.root)
    assert result.returncode == 0, result.stderr
    assert "Đã dựng 4 trang (1 bài học) vào site/" in result.stdout
    before = _tree_digest(course.root / "site")

    course.lesson("co-ban/ok.md", title="Bài tốt đã sửa")
    course.write("content/co-ban/hong.md", "---\ntitle: [hỏng\n---\n")
    result = _run(course.root, "build")
    assert result.returncode == 1
    assert "content/co-ban/hong.md:2:" in result.stderr
    assert "thư mục trang web cũ (nếu có) được giữ nguyên" in result.stderr
    assert _tree_digest(course.root / "site") == before
    leftovers = [p.name for p in course.root.iterdir() if p.name.startswith(".hocvuso")]
    assert leftovers == []


def test_build_into_another_folder_with_site_dir(course, tmp_path):
    course.lesson("co-ban/ok.md")
    result = _run(course.root, "build", "--site-dir", str(tmp_path / "ban-in"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ban-in" / "co-ban" / "ok.html").is_file()


def test_config_option_builds_a_course_from_another_folder(course, tmp_path):
    course.lesson("co-ban/ok.md")
    result = _run(tmp_path, "-f", str(course.root / "mkdocs.yml"), "check")
    assert result.returncode == 0, result.stderr
    result = _run(tmp_path, "check", "--config", str(course.root / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr


def test_missing_config_file_is_an_authoring_error_not_a_crash(tmp_path):
    result = _run(tmp_path, "check")
    assert result.returncode == 1
    assert result.stderr.startswith("mkdocs.yml:1: không tìm thấy tệp cấu hình\n")


@pytest.mark.parametrize("command", [[], ["build"], ["serve"], ["check"], ["usb"], ["coverage"], ["import-gift"], ["export-gift"]])
def test_every_command_has_help(command):
    result = _run(REPO, *command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: python build.py")
    assert "--config" in result.stdout


def test_progress_is_shown_only_once_a_build_takes_over_the_delay():
    quick = io.StringIO()
    progress = Progress(quick, delay=5)
    progress.stage("Đọc bài học")
    progress.close()
    assert quick.getvalue() == ""

    slow = io.StringIO()
    progress = Progress(slow, delay=0.05)
    progress.stage("Đọc bài học")
    deadline = time.monotonic() + 5
    while "Đọc bài học" not in slow.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    progress.stage("Dựng trang web bằng MkDocs")
    progress.close()
    lines = slow.getvalue().splitlines()
    assert [line.split("] ")[1] for line in lines] == ["Đọc bài học…", "Dựng trang web bằng MkDocs…"]


def test_the_bundled_course_passes_check():
    result = _run(REPO, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Không có lỗi:")
