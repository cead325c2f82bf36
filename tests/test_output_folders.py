"""A build never writes over what the author wrote: output folders and export paths
are checked before anything is written, moved or deleted."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hocvuso import cli


def snapshot(root: Path, *, skip: tuple[str, ...] = ("site", "usb")) -> dict[str, str]:
    """Every file under ``root`` (but the outputs) with a hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.relative_to(root).parts[0] not in skip}


@pytest.fixture
def small(course):
    course.lesson("co-ban/an-toan/bai-mot.md", title="Mật khẩu mạnh")
    course.write("content/co-ban/an-toan/anh/ghi-chu.txt", "Ghi chú cho người học.\n")
    return course


@pytest.mark.parametrize("site_dir", [".", "content", "content/co-ban", "content/co-ban/an-toan", "quizzes",
                                      "theme", "..", "content/framework.yml", "mkdocs.yml"])
def test_site_dir_option_that_overlaps_the_sources_is_refused_and_nothing_changes(small, capsys, site_dir):
    before = snapshot(small.root)
    cwd = os.getcwd()
    os.chdir(small.root)
    try:
        assert cli.main(["build", "--site-dir", site_dir]) == 1
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert "--site-dir: thư mục trang web" in err and "sẽ xóa bài của tác giả" in err
    assert "gợi ý: chọn một thư mục riêng" in err
    assert snapshot(small.root) == before


@pytest.mark.parametrize("value", ["content", ".", "content/co-ban", "./quizzes/"])
def test_site_dir_in_mkdocs_yml_that_overlaps_the_sources_is_refused_at_its_line(small, capsys, value):
    small.write("mkdocs.yml", (small.root / "mkdocs.yml").read_text(encoding="utf-8") + f"site_dir: {value}\n")
    line = (small.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index(f"site_dir: {value}") + 1
    before = snapshot(small.root)
    assert small.run("build") == 1
    assert f"mkdocs.yml:{line}: thư mục trang web" in capsys.readouterr().err
    assert snapshot(small.root) == before


def test_a_folder_hocvuso_did_not_build_is_never_replaced(small, capsys, tmp_path):
    notes = tmp_path / "tai-lieu"
    notes.mkdir()
    (notes / "ke-hoach.docx").write_bytes(b"the trainer's plan")
    assert small.run("build", "--site-dir", str(notes)) == 1
    assert "đã có và không phải do hocvuso dựng" in capsys.readouterr().err
    assert (notes / "ke-hoach.docx").read_bytes() == b"the trainer's plan"


def test_a_previous_build_is_replaced_and_carries_the_marker(small, tmp_path):
    target = tmp_path / "web"
    assert small.run("build", "--site-dir", str(target)) == 0
    assert (target / ".hocvuso-site").is_file()
    (target / "cu.html").write_text("old", encoding="utf-8")
    assert small.run("build", "--site-dir", str(target)) == 0
    assert not (target / "cu.html").exists() and (target / "index.html").is_file()


def test_a_site_built_before_the_marker_existed_is_still_replaced(small):
    assert small.run("build") == 0
    (small.root / "site" / ".hocvuso-site").unlink()
    assert small.run("build") == 0
    assert (small.root / "site" / ".hocvuso-site").is_file()


def test_usb_out_beside_a_project_folder_named_like_the_course_is_refused(tmp_path, capsys):
    from conftest import CourseDir

    project = CourseDir(tmp_path / "lop-thu")  # site_name "Lớp thử" -> course id lop-thu
    project.lesson("co-ban/bai.md")
    before = snapshot(project.root)
    cwd = os.getcwd()
    os.chdir(project.root)
    try:
        assert cli.main(["usb", "--out", ".."]) == 1
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert "--out: thư mục USB" in err and "thư mục khóa học" in err
    assert snapshot(project.root) == before


def test_usb_into_the_content_folder_is_refused(small, capsys):
    before = snapshot(small.root)
    assert small.run("usb", "--out", str(small.root / "content")) == 1
    assert "nằm trong 'content'" in capsys.readouterr().err
    assert snapshot(small.root) == before


@pytest.mark.parametrize("quiz_id", ["../mkdocs", "../../etc/passwd", "co-ban/bai", "/tmp/x"])
def test_export_gift_takes_an_id_not_a_path(small, capsys, quiz_id, tmp_path):
    before = snapshot(small.root)
    cwd = os.getcwd()
    os.chdir(small.root)
    try:
        assert cli.main(["export-gift", quiz_id]) == 1
    finally:
        os.chdir(cwd)
    assert "mã bài kiểm tra chỉ gồm chữ thường" in capsys.readouterr().err
    assert snapshot(small.root) == before
    assert not list(tmp_path.rglob("*.gift"))


QUIZ = """\
title: Mật khẩu
competences: ["4.2"]
level: 1
questions:
  - type: true_false
    prompt: Mật khẩu nên dài.
    answer: true
"""


@pytest.mark.parametrize("output", ["content/mat-khau.gift", "quizzes/mat-khau.gift", "mkdocs.yml",
                                    "quizzes/mat-khau.yml", "ra/mat-khau.txt"])
def test_export_gift_never_writes_into_the_sources_or_as_another_kind_of_file(small, capsys, output):
    small.write("quizzes/mat-khau.yml", QUIZ)
    before = snapshot(small.root)
    assert small.run("export-gift", "mat-khau", "-o", str(small.root / output)) == 1
    assert "gợi ý:" in capsys.readouterr().err
    assert snapshot(small.root) == before


def test_export_gift_overwrites_an_existing_file_only_with_force(small, capsys, tmp_path):
    small.write("quizzes/mat-khau.yml", QUIZ)
    out = tmp_path / "mat-khau.gift"
    out.write_text("mine", encoding="utf-8")
    assert small.run("export-gift", "mat-khau", "-o", str(out)) == 1
    assert "không ghi đè" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "mine"
    assert small.run("export-gift", "mat-khau", "-o", str(out), "--force") == 0
    assert "Mật khẩu nên dài." in out.read_text(encoding="utf-8")


def test_scratch_of_a_killed_build_is_removed_by_the_next_build(small):
    assert small.run("build") == 0
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = small.root / ".hocvuso-build-killed"
    (left / "site").mkdir(parents=True)
    (left / "pid").write_text(str(dead.pid), encoding="ascii")
    running = small.root / ".hocvuso-build-running"
    running.mkdir()
    (running / "pid").write_text(str(os.getpid()), encoding="ascii")  # a concurrent build
    assert small.run("build") == 0
    assert not left.exists()
    assert running.exists()
    assert not [p for p in small.root.iterdir() if p.name.startswith(".hocvuso-build-") and p != running]


@pytest.mark.parametrize("code, words", [(errno.EACCES, "không có quyền ghi"), (errno.ENOSPC, "ổ đĩa đã đầy"),
                                         (errno.EROFS, "ổ đĩa chỉ cho đọc")])
def test_a_build_that_cannot_write_says_so_plainly_and_keeps_the_old_site(small, capsys, monkeypatch, code, words):
    assert small.run("build") == 0
    before = snapshot(small.root / "site", skip=())
    real = shutil.copy2

    def failing(src, dst, *args, **kwargs):
        raise OSError(code, os.strerror(code), str(dst))

    monkeypatch.setattr(shutil, "copy2", failing)
    small.write("content/co-ban/an-toan/bai-mot.md", "---\ntitle: Sửa\ncompetences: ['4.2']\nlevel: 1\n"
                "duration: 5\nobjectives: [Một]\n---\nMới.\n")
    assert small.run("build") == 1
    monkeypatch.setattr(shutil, "copy2", real)
    err = capsys.readouterr().err
    assert f"site: không ghi được: {words}" in err and "gợi ý:" in err
    assert "Lỗi không mong đợi" not in err and "Traceback" not in err
    assert snapshot(small.root / "site", skip=()) == before


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


def test_a_full_disk_and_a_read_only_disk_keep_the_old_site(small, capsys, tmp_path):
    disk = tmp_path / "disk"
    if os.geteuid() != 0 or not _mount_tmpfs(disk, "3m"):
        pytest.skip("mounting a small disk needs root")
    try:
        site = disk / "site"
        assert small.run("build", "--site-dir", str(site)) == 0
        before = snapshot(site, skip=())
        used = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "filler").write_bytes(b"\0" * (free - used // 2))  # room for half a new site
        capsys.readouterr()
        assert small.run("build", "--site-dir", str(site)) == 1
        assert "không ghi được: ổ đĩa đã đầy" in capsys.readouterr().err
        assert snapshot(site, skip=()) == before
        (disk / "filler").unlink()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        assert small.run("build", "--site-dir", str(site)) == 1
        assert "không ghi được: ổ đĩa chỉ cho đọc" in capsys.readouterr().err
        assert snapshot(site, skip=()) == before
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_export_gift_that_cannot_write_says_so_plainly(small, capsys, monkeypatch, tmp_path):
    small.write("quizzes/mat-khau.yml", QUIZ)
    out = tmp_path / "ra" / "mat-khau.gift"

    def failing(self, *args, **kwargs):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(self))

    monkeypatch.setattr(Path, "write_text", failing)
    assert small.run("export-gift", "mat-khau", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert f"{out}: không ghi được: không có quyền ghi" in err and "gợi ý:" in err
    assert "Lỗi không mong đợi" not in err
