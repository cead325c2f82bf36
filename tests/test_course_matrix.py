"""Every command the README documents, exactly as documented, on real courses: the
bundled course as shipped, with lessons that have no quiz, with handouts, and a
generated course over all four tiers. Each must exit 0 (the build enforces the default
page budgets, so exit 0 also means every page is within them) and leave the author's
files as they were."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

# The README's commands, as a user types them in the course folder.
DOCUMENTED = [["check"], [], ["coverage"], ["usb"], ["export-gift", "{quiz}"]]
GENERATED_LESSONS = 320  # four tiers, a quiz each: big enough to show growth, small enough for CI


def _sources(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("content", "quizzes", "theme") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def _run(root: Path, args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=root, capture_output=True,
                          text=True, timeout=900)


def _bundled(root: Path) -> Path:
    root.mkdir(parents=True)
    for folder in ("content", "quizzes", "theme"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _first_quiz(root: Path) -> str:
    return sorted(p.stem for p in (root / "quizzes").glob("*.yml"))[0]


def _passes_every_command(root: Path, commands=DOCUMENTED) -> None:
    before = _sources(root)
    for command in commands:
        args = [a.format(quiz=_first_quiz(root)) for a in command]
        done = _run(root, args)
        assert done.returncode == 0, f"python build.py {' '.join(args)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        assert "Traceback" not in done.stderr
    assert _sources(root) == before, "a command changed the author's files"
    assert (root / "site" / "index.html").is_file()
    if ["usb"] in commands:
        assert list((root / "usb").glob("*.zip")), "usb wrote no archive"


NO_QUIZ = """\
---
title: Đọc thêm về lừa đảo qua mạng
competences: ["4.2"]
level: 1
duration: 10
objectives:
  - Nhớ lại các dấu hiệu lừa đảo đã học
  - Biết hỏi người thân trước khi làm theo tin nhắn lạ
---
Bài đọc thêm, không có bài kiểm tra.

## Ghi nhớ

- Không bấm vào đường link lạ.
- Không đọc mã OTP cho ai.
"""


def test_the_bundled_course_passes_every_documented_command(tmp_path):
    _passes_every_command(_bundled(tmp_path / "hoc-vu-so"))


def test_the_bundled_course_with_lessons_without_quizzes_between_quiz_lessons(tmp_path):
    root = _bundled(tmp_path / "hoc-vu-so")
    for name in ("an-toan/dau-tu-gia-va-doc-them.md", "an-toan/mat-khau-doc-them.md", "thiet-bi/cai-dat-doc-them.md"):
        (root / "content" / "co-ban" / name).write_text(NO_QUIZ, encoding="utf-8")
    _passes_every_command(root)


def test_the_bundled_course_builds_its_handouts(tmp_path):
    root = _bundled(tmp_path / "hoc-vu-so")
    _passes_every_command(root, [["handouts"], ["build", "--handouts"]])
    assert list((root / "site" / "handouts").rglob("*.pdf"))


def _generate(root: Path, lessons: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.generate(lessons, root)
    return root / "hocvuso"


def test_a_generated_course_over_four_tiers_passes_every_documented_command(tmp_path):
    root = _generate(tmp_path, GENERATED_LESSONS)
    tiers = {p.relative_to(root / "content").parts[0] for p in (root / "content").rglob("*.md")}
    assert tiers == {"co-ban", "trung-cap", "nang-cao", "chuyen-sau"}
    _passes_every_command(root)
