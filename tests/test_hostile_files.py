"""Malformed and hostile author files: each gives a clear error at its line and exit 1,
never a traceback, a hang, or code run on the machine that builds the course."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

QUIZ = """\
title: Mật khẩu
competences: ["4.2"]
level: 1
questions:
  - type: true_false
    prompt: {prompt}
    answer: true
"""


def check(course, capsys) -> tuple[int, str]:
    code = course.run("check")
    return code, capsys.readouterr().err


def assert_reported(err: str, where: str, *words: str) -> None:
    assert (f"{where}: " if where[-1].isdigit() else where) in err, err
    assert "gợi ý:" in err and "Traceback" not in err and "Lỗi không mong đợi" not in err, err
    for word in words:
        assert word in err, err


def test_python_tags_in_mkdocs_yml_never_run_at_check_or_build(course, capsys, tmp_path):
    course.lesson("co-ban/bai.md")
    pwned = tmp_path / "PWNED"
    config = course.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + f'extra_x: !!python/object/apply:os.system ["touch {pwned}"]\n', encoding="utf-8")
    line = len(config.read_text(encoding="utf-8").splitlines())
    for command in ("check", "build"):
        assert course.run(command) == 1
        assert_reported(capsys.readouterr().err, f"mkdocs.yml:{line}", "!!python/object/apply:os.system",
                        "chạy mã Python")
    assert not pwned.exists()


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/object/new:os.system",
                                 "!!python/module:os", "!!python/name:os.system", "!!binary_not"])
def test_every_code_tag_is_refused_in_mkdocs_yml(course, capsys, tag):
    course.lesson("co-ban/bai.md")
    course.write("mkdocs.yml", (course.root / "mkdocs.yml").read_text(encoding="utf-8") + f"extra:\n  x: {tag} [1]\n")
    code, err = check(course, capsys)
    assert code == 1
    assert f"thẻ YAML '{tag}'" in err and "gợi ý:" in err


def test_materials_documented_python_names_are_still_allowed(course, capsys):
    course.lesson("co-ban/bai.md", body="Xin chào :smile:\n")
    course.write("mkdocs.yml", (course.root / "mkdocs.yml").read_text(encoding="utf-8")
                 + "  - pymdownx.emoji:\n"
                   "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                   "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n")
    assert check(course, capsys)[0] == 0


@pytest.mark.parametrize("text, words", [
    ("INHERIT: ../khac.yml\n", "INHERIT"),
    ("hooks: [moc.py]\n", "'hooks' chạy mã Python"),
    ("extra_javascript: [https://example.com/x.js]\n", "extra_javascript"),
    ("extra_css: [x.css]\n", "extra_css"),
    ("extra:\n  analytics:\n    provider: google\n    property: G-1\n", "analytics"),
    ("extra:\n  social:\n    - icon: x\n      link: javascript:alert(1)\n", "javascript:alert(1)"),
])
def test_mkdocs_yml_keys_that_add_code_or_trackers_are_refused(course, capsys, text, words):
    course.lesson("co-ban/bai.md")
    course.write("mkdocs.yml", (course.root / "mkdocs.yml").read_text(encoding="utf-8") + text)
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, "mkdocs.yml", words)


def test_a_markdown_extension_outside_the_known_packages_is_refused(course, capsys):
    course.lesson("co-ban/bai.md")
    course.write("moc.py", "open('PWNED', 'w')\n")
    course.write("mkdocs.yml", (course.root / "mkdocs.yml").read_text(encoding="utf-8") + "  - moc\n")
    code, err = check(course, capsys)
    assert code == 1
    lines = (course.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert_reported(err, f"mkdocs.yml:{lines.index('  - moc') + 1}", "phần mở rộng Markdown 'moc'")
    assert not (course.root / "PWNED").exists()


@pytest.mark.parametrize("theme", ["theme:\n  name: readthedocs\n", "theme: mkdocs\n"])
def test_a_theme_other_than_material_is_reported_at_its_line(course, capsys, theme):
    course.lesson("co-ban/bai.md")
    text = (course.root / "mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text[:text.index("theme:")] + theme + "plugins: []\n")
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, "mkdocs.yml", "giao diện", "Material")
    assert "bootstrap" not in err


DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize("where", ["quiz", "glossary", "framework", "mkdocs", "front matter"])
def test_deep_nesting_is_an_error_at_its_line_not_a_crash(course, capsys, where):
    lesson = course.lesson("co-ban/bai.md")
    if where == "quiz":
        course.write("quizzes/sau.yml", QUIZ.format(prompt=DEEP))
        shown = "quizzes/sau.yml:6"
    elif where == "glossary":
        course.write("content/glossary.yml", f"OTP: Mã.\nQR: {DEEP}\n")
        shown = "content/glossary.yml:2"
    elif where == "framework":
        path = course.root / "content" / "framework.yml"
        path.write_text(path.read_text(encoding="utf-8") + f"extra: {DEEP}\n", encoding="utf-8")
        shown = f"content/framework.yml:{len(path.read_text(encoding='utf-8').splitlines())}"
    elif where == "mkdocs":
        course.write("mkdocs.yml", (course.root / "mkdocs.yml").read_text(encoding="utf-8") + f"extra: {DEEP}\n")
        shown = f"mkdocs.yml:{len((course.root / 'mkdocs.yml').read_text(encoding='utf-8').splitlines())}"
    else:
        lesson.write_text(lesson.read_text(encoding="utf-8").replace("duration: 15", f"duration: {DEEP}"),
                          encoding="utf-8")
        shown = "content/co-ban/bai.md:5"
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, shown, "lồng nhau quá sâu")


BOMB = "lol: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))


@pytest.mark.parametrize("where", ["quiz", "front matter"])
def test_an_alias_bomb_is_refused_quickly(course, where):
    lesson = course.lesson("co-ban/bai.md")
    if where == "quiz":
        course.write("quizzes/bom.yml", QUIZ.format(prompt="Câu?") + "    " + BOMB.replace("\n", "\n    "))
    else:
        head = "".join("  " + line + "\n" for line in BOMB.splitlines())
        lesson.write_text(lesson.read_text(encoding="utf-8").replace("objectives:\n", "extra_bomb:\n" + head
                                                                      + "objectives:\n"), encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "-f", str(course.root / "mkdocs.yml"), "check"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "bí danh '*' làm dữ liệu phình ra" in done.stderr and "gợi ý:" in done.stderr


@pytest.mark.parametrize("name", ["framework", "mkdocs"])
def test_a_framework_or_mkdocs_yml_not_in_utf8_is_reported(course, capsys, name):
    course.lesson("co-ban/bai.md")
    path = course.root / ("content/framework.yml" if name == "framework" else "mkdocs.yml")
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("name:", "name: Khung Vi\u1ec7t\n# caf\u00e9\nx_name:", 1)
                     .encode("utf-8", "replace").replace("caf\u00e9".encode(), b"caf\xe9"))
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, f"{path.relative_to(course.root).as_posix()}:", "không phải văn bản UTF-8")


@pytest.mark.parametrize("escape", ["\\uD800", "\\uDFFF", "\\x80", "\\x1b", "\\x00"])
def test_escaped_characters_that_are_not_text_are_errors_at_their_line(course, capsys, escape):
    course.lesson("co-ban/bai.md", title=f'"Tin {escape} giả mạo"')
    course.write("quizzes/ky-tu.yml", QUIZ.format(prompt=f'"Mã {escape}"'))
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, "content/co-ban/bai.md:2", "không phải chữ in được")
    assert "quizzes/ky-tu.yml:6: " in err


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x85", "\x9f", "\ufffe"])
def test_raw_control_characters_in_a_lesson_or_quiz_are_errors_at_their_line(course, capsys, char):
    course.lesson("co-ban/bai.md", body=f"Dòng một.\nDòng {char} hai.\n")
    course.write("quizzes/ky-tu.yml", QUIZ.format(prompt=f"Mã {char} số"))
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, "content/co-ban/bai.md:10", f"U+{ord(char):04X}")
    assert "quizzes/ky-tu.yml:6: " in err


def test_a_lesson_title_with_a_control_character_no_longer_builds_without_its_template(course, capsys):
    course.lesson("co-ban/bai.md", title='"Tin \\x80 giả mạo"')
    assert course.run("build") == 1
    assert not (course.root / "site").exists()


@pytest.mark.parametrize("where", ["question", "glossary", "front matter"])
def test_duplicate_keys_are_errors_in_every_file(course, capsys, where):
    lesson = course.lesson("co-ban/bai.md")
    if where == "question":
        course.write("quizzes/hai-lan.yml", QUIZ.format(prompt="Một") + "    prompt: Hai\n")
        shown, first = "quizzes/hai-lan.yml:8", 6
    elif where == "glossary":
        course.write("content/glossary.yml", "OTP: Mã một lần.\nQR: Mã vuông.\nOTP: Mã khác.\n")
        shown, first = "content/glossary.yml:3", 1
    else:
        lesson.write_text(lesson.read_text(encoding="utf-8").replace("level: 1\n", "level: 1\ntitle: Khác\n"),
                          encoding="utf-8")
        shown, first = "content/co-ban/bai.md:5", 2
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, shown, "khai báo hai lần", f"lần đầu ở dòng {first}")


def test_a_huge_file_and_a_huge_line_are_refused_before_they_are_parsed(course, capsys):
    course.lesson("co-ban/dai.md", body="Một câu. " * 3000 + "\n")
    course.lesson("co-ban/to.md", body=("Một dòng vừa phải.\n" * 60_000))
    code, err = check(course, capsys)
    assert code == 1
    assert_reported(err, "content/co-ban/dai.md:9", "quá giới hạn 20000 ký tự")
    assert_reported(err, "content/co-ban/to.md:1", "tệp quá lớn")
