"""The same course builds to the same bytes, on any day: nothing comes from the clock."""

from __future__ import annotations

import datetime
import filecmp
import os
import time
from pathlib import Path

import pytest

from hocvuso.pipeline import build_site, content_version
from hocvuso.source.settings import load_settings

REPO = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


LATER = 400 * 24 * 3600  # seconds: the second build runs "more than a year later"


class _LaterDate(datetime.date):
    @classmethod
    def today(cls):
        return datetime.date.fromtimestamp(_real_time() + LATER)


class _LaterDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(_real_time() + LATER, tz)


_real_time = time.time


@pytest.mark.slow
def test_two_builds_of_the_bundled_course_are_byte_identical(tmp_path, monkeypatch):
    first = build_site(REPO / "mkdocs.yml", site_dir=tmp_path / "a", handouts="A4").site_dir
    # The second build as on another day: what reads the clock reads a date a year later.
    monkeypatch.setattr(time, "time", lambda: _real_time() + LATER)
    monkeypatch.setattr(datetime, "date", _LaterDate)
    monkeypatch.setattr(datetime, "datetime", _LaterDatetime)
    second = build_site(REPO / "mkdocs.yml", site_dir=tmp_path / "b", handouts="A4").site_dir
    monkeypatch.undo()
    one, two = _files(first), _files(second)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert any(name.endswith(".pdf") for name in one) and any(name.endswith(".br") for name in one)


def test_two_usb_builds_give_the_same_zip(course, tmp_path):
    course.lesson("co-ban/a.md", title="Bài một")
    assert course.run("usb", "--out", str(tmp_path / "one")) == 0
    assert course.run("usb", "--out", str(tmp_path / "two")) == 0
    [zip_one] = (tmp_path / "one").glob("*.zip")
    [zip_two] = (tmp_path / "two").glob("*.zip")
    assert filecmp.cmp(zip_one, zip_two, shallow=False)


def test_without_a_version_the_certificate_names_a_fingerprint_of_the_content(course):
    course.write("quizzes/otp.yml", "title: Mã OTP\ncompetences: [\"4.2\"]\nlevel: 1\nquestions:\n"
                 "  - {id: c1, type: true_false, prompt: 'Đọc mã OTP cho người lạ?', answer: false}\n")
    course.lesson("co-ban/a.md", title="Bài một", extra="quiz: otp\n")
    settings = load_settings(course.root / "mkdocs.yml")
    assert settings.version == ""
    before = content_version(settings)
    assert len(before) == 8 and before == content_version(settings)
    course.lesson("co-ban/a.md", title="Bài một", extra="quiz: otp\n", body="Một dòng mới.\n")
    after = content_version(settings)
    assert after != before
    assert course.run("build") == 0
    page = course.page("chung-nhan.html")
    assert f'"v": "{after}"' in page or f'"v":"{after}"' in page, page


def _many_lessons(course, count: int = 30) -> None:
    course.write("content/glossary.yml", "OTP: Mã dùng một lần.\n")
    course.write("quizzes/thu.yml", "title: Thử\ncompetences: ['4.2']\nlevel: 1\nquestions:\n"
                                    "  - type: true_false\n    prompt: Đúng không?\n    answer: true\n")
    for n in range(count):
        course.lesson(f"co-ban/bai-{n:02}.md", title=f"Bài {n}", extra="quiz: thu\n" if n == count - 1 else "",
                      body=f"## Phần {n}\n\nGiữ kín [[OTP]] số {n}.\n\n[Bài đầu](bai-00.md#phan-0)\n")


def _helpers(monkeypatch) -> list:
    """Counts the helper processes builds start (a copy converting half the pages)."""
    from hocvuso.render import mkdocs_adapter

    started, real = [], mkdocs_adapter._Helper
    monkeypatch.setattr(mkdocs_adapter, "_Helper", lambda *args: started.append(real(*args)) or started[-1])
    # Builds fork only with no other thread running; the test process may hold the
    # browser fixture's thread from an earlier test, which the copy would never touch.
    monkeypatch.setattr(mkdocs_adapter.threading, "active_count", lambda: 1)
    return started


def test_a_build_on_two_cores_is_byte_identical_to_one_on_one_core(course, monkeypatch):
    _many_lessons(course)
    helpers = _helpers(monkeypatch)
    assert course.run("build") == 0
    expected = 1 if (os.cpu_count() or 1) > 1 else 0
    assert len(helpers) == expected
    two = _files(course.root / "site")
    monkeypatch.setenv("HOCVUSO_JOBS", "1")
    assert course.run("build") == 0
    one = _files(course.root / "site")
    assert len(helpers) == expected  # none the second time
    # Search index included: the helper's pages' text came back to it.
    assert one.keys() == two.keys() and [name for name in one if one[name] != two[name]] == []


def test_a_problem_in_a_lesson_the_other_core_converts_is_reported_at_its_line(course, capsys, monkeypatch):
    _many_lessons(course)
    helpers = _helpers(monkeypatch)
    source = course.lesson("co-ban/bai-28.md", title="Bài 28",
                           body="Dòng một.\n\n!!! huong-dan\n\n> !!! huong-dan\n>     Lộ.\n")
    line = source.read_text(encoding="utf-8").splitlines().index("> !!! huong-dan") + 1
    assert course.run("build") == 1
    assert len(helpers) == (1 if (os.cpu_count() or 1) > 1 else 0)
    err = capsys.readouterr().err
    assert f"content/co-ban/bai-28.md:{line}: ghi chú cho người hướng dẫn" in err
