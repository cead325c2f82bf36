"""Every problem an author can cause in a YAML file reads in Vietnamese and says what to type.

The cases of the reliability review of 2026-12, § S3 "wording and loose ends": keys
without an example line, validators whose English jsonschema text came through,
whole files that are empty, a list or one line of text, and MkDocs' own complaints.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import MKDOCS_YML, REPO

QUIZ_HEAD = 'title: Bài kiểm tra\ncompetences: ["4.2"]\nlevel: 1\nquestions:\n'
TRUE_FALSE = "  - type: true_false\n    prompt: A?\n    answer: true\n"  # line 5 of the quiz
NUMERIC = "  - type: numeric\n    prompt: Bao nhiêu?\n"
SINGLE = "  - type: single\n    prompt: A?\n    options:\n"
# English phrases of jsonschema and MkDocs that must not reach an author outside the
# parentheses that quote them.
ENGLISH = ("is not valid", "is too long", "is too short", "less than", "greater than", "is not of type",
           "Additional properties", "is a required property", "does not match", "is not one of",
           "should not be valid", "is not installed", "Failed to load", "must be")


def quiz(text: str):
    return lambda c: c.write("quizzes/thu.yml", text)


def question(extra: str):
    return quiz(QUIZ_HEAD + TRUE_FALSE + extra)


def settings(extra: str):
    """mkdocs.yml with ``extra`` lines in the hocvuso section, from line 4."""
    anchor = "  framework: content/framework.yml\n"
    return lambda c: c.write("mkdocs.yml", MKDOCS_YML.replace(anchor, anchor + extra))


def mkdocs_yml(text: str):
    return lambda c: c.write("mkdocs.yml", text)


def framework(old: str | None, new: str):
    def change(c):
        text = (REPO / "content" / "framework.yml").read_text(encoding="utf-8")
        c.write("content/framework.yml", new if old is None else text.replace(old, new, 1))
    return change


def not_key_value_lines(name: str, write, location: str, what: str, *start: str) -> list:
    """Cases for a file that is empty, a list or one line of text: the message says which,
    and the hint shows the first lines of a good file."""
    hint = "    gợi ý: ví dụ, tệp bắt đầu như sau:" + "".join(f"\n      {line}" for line in start)
    return [pytest.param(write(text), f"{location}:1: {what} phải gồm các dòng 'tên: giá trị', không phải "
                         f"{found}\n{hint}", id=f"{name}-{form}")
            for form, text, found in [("empty", "", "tệp trống"),
                                      ("list", "- một\n- hai\n", "một danh sách"),
                                      ("one-line", "Học vụ số\n", "một dòng chữ ('Học vụ số')")]]


CASES = [
    # (what the author wrote, the first problem reported exactly: "file:line: message\n    gợi ý: hint")
    pytest.param(question("    shuffle: có\n"),
                 "quizzes/thu.yml:8: 'shuffle' phải là true hoặc false, không phải 'có'\n"
                 "    gợi ý: ví dụ: 'shuffle: false   # giữ nguyên thứ tự các lựa chọn'", id="shuffle"),
    pytest.param(question('    explanation: ""\n'),
                 "quizzes/thu.yml:8: 'explanation' không được để trống\n"
                 "    gợi ý: viết nội dung sau dấu ':', ví dụ: 'explanation: Lời giải thích, hiện sau khi "
                 "bấm Kiểm tra'", id="explanation-empty"),
    pytest.param(question("    explanation: [a, b]\n"),
                 "quizzes/thu.yml:8: 'explanation' phải là một đoạn chữ, không phải một danh sách\n"
                 "    gợi ý: ví dụ: 'explanation: Lời giải thích, hiện sau khi bấm Kiểm tra'",
                 id="explanation-list"),
    pytest.param(question("    image: anh/tin-nhan.png\n"),
                 "quizzes/thu.yml:8: 'image' phải là một nhóm trường (key: value), không phải 'anh/tin-nhan.png'\n"
                 "    gợi ý: ví dụ: 'image: {src: anh/ten-anh.png, alt: Mô tả ngắn nội dung ảnh}'",
                 id="image-as-text"),
    pytest.param(question("    id: 5\n"),
                 "quizzes/thu.yml:8: 'id' phải là một đoạn chữ, không phải '5'\n"
                 "    gợi ý: ví dụ: 'id: otp-la-gi'", id="id-number"),
    pytest.param(question("    id: Câu 1\n"),
                 "quizzes/thu.yml:8: 'id' chỉ được dùng chữ thường không dấu, chữ số và dấu '-', "
                 "không phải 'Câu 1'\n"
                 "    gợi ý: ví dụ: 'id: otp-la-gi'", id="id-pattern"),
    pytest.param(quiz(QUIZ_HEAD + SINGLE + "      - {text: A, correct: true, feedback: ''}\n      - {text: B}\n"),
                 "quizzes/thu.yml:8: 'options[1].feedback' không được để trống\n"
                 "    gợi ý: viết nội dung sau dấu ':', ví dụ: 'feedback: Lời nhắn cho người học'",
                 id="option-feedback-empty"),
    pytest.param(question("    feedback_true: 5\n"),
                 "quizzes/thu.yml:8: 'feedback_true' phải là một đoạn chữ, không phải '5'\n"
                 "    gợi ý: ví dụ: 'feedback_true: Lời nhắn khi người học chọn Đúng'", id="feedback_true"),
    pytest.param(quiz(QUIZ_HEAD + NUMERIC + "    range: [1, 2, 3]\n"),
                 "quizzes/thu.yml:7: 'range' cần đúng 2 mục, đang có 3\n"
                 "    gợi ý: ví dụ: 'range: [10, 20]   # số nhỏ trước, số lớn sau'", id="range-too-long"),
    pytest.param(quiz(QUIZ_HEAD + NUMERIC + "    range: [1]\n"),
                 "quizzes/thu.yml:7: 'range' cần đúng 2 mục, đang có 1\n"
                 "    gợi ý: ví dụ: 'range: [10, 20]   # số nhỏ trước, số lớn sau'", id="range-too-short"),
    pytest.param(quiz(QUIZ_HEAD + NUMERIC + "    range: 10-20\n"),
                 "quizzes/thu.yml:7: 'range' phải là một danh sách, không phải '10-20'\n"
                 "    gợi ý: ví dụ: 'range: [10, 20]   # số nhỏ trước, số lớn sau'", id="range-text"),
    pytest.param(quiz(QUIZ_HEAD + NUMERIC + "    answer: 3\n    tolerance: [1]\n"),
                 "quizzes/thu.yml:8: 'tolerance' phải là một số hoặc một đoạn chữ, không phải một danh sách\n"
                 "    gợi ý: ví dụ: 'tolerance: 0.5   # chấp nhận sai lệch bao nhiêu'", id="tolerance"),
    pytest.param(quiz(QUIZ_HEAD + NUMERIC + "    answer: [3]\n"),
                 "quizzes/thu.yml:7: 'answer' phải là một số hoặc một đoạn chữ, không phải một danh sách\n"
                 "    gợi ý: ví dụ: 'answer: 10'", id="numeric-answer-is-a-number-not-true"),
    pytest.param(quiz(QUIZ_HEAD + NUMERIC + "    answer: 3\n    unit: ''\n"),
                 "quizzes/thu.yml:8: 'unit' không được để trống\n"
                 "    gợi ý: viết nội dung sau dấu ':', ví dụ: 'unit: phút'", id="unit-empty"),
    pytest.param(quiz("pass_mark: 150\n" + QUIZ_HEAD + TRUE_FALSE),
                 "quizzes/thu.yml:1: 'pass_mark' phải nhỏ hơn hoặc bằng 100, không phải 150\n"
                 "    gợi ý: ví dụ: 'pass_mark: 70   # phần trăm số câu đúng để đạt'", id="pass_mark-over-100"),
    pytest.param(quiz("pass_mark: 70%\n" + QUIZ_HEAD + TRUE_FALSE),
                 "quizzes/thu.yml:1: 'pass_mark' phải là một số nguyên, không phải '70%'\n"
                 "    gợi ý: ví dụ: 'pass_mark: 70   # phần trăm số câu đúng để đạt'", id="pass_mark-text"),
    pytest.param(quiz(QUIZ_HEAD + "  - Câu hỏi không có loại?\n"),
                 "quizzes/thu.yml:5: 'questions[1]' phải là một nhóm trường (key: value), "
                 "không phải 'Câu hỏi không có loại?'\n"
                 "    gợi ý: ví dụ: 'questions:   # danh sách câu hỏi, xem HUONG-DAN-SOAN-BAI.md'",
                 id="question-as-text"),
    *not_key_value_lines("quiz", quiz, "quizzes/thu.yml", "bài kiểm tra",
                         "title: Tên bài kiểm tra", 'competences: ["4.2"]', "level: 1"),
    *not_key_value_lines("mkdocs", mkdocs_yml, "mkdocs.yml", "mkdocs.yml",
                         "site_name: Học vụ số", "hocvuso:", "  framework: content/framework.yml"),
    pytest.param(mkdocs_yml(MKDOCS_YML.replace("plugins: []", "plugins:\n  - khong-co")),
                 "mkdocs.yml:10: chưa cài plugin 'khong-co' (MkDocs: The \"khong-co\" plugin is not installed)\n"
                 "    gợi ý: hocvuso có sẵn tìm kiếm và không cần plugin nào của MkDocs: để 'plugins: []' "
                 "(nếu thật sự cần plugin này, cài nó vào môi trường Python của hocvuso)",
                 id="plugin-not-installed"),
    pytest.param(mkdocs_yml(MKDOCS_YML + "  - pymdownx.khong_co\n"),
                 "mkdocs.yml:14: không nạp được phần mở rộng Markdown 'pymdownx.khong_co' (MkDocs: Failed to load "
                 "extension 'pymdownx.khong_co'. ModuleNotFoundError: No module named 'pymdownx.khong_co')\n"
                 "    gợi ý: kiểm tra tên 'pymdownx.khong_co' trong markdown_extensions (ví dụ: admonition, "
                 "pymdownx.details); phần mở rộng phải được cài trong môi trường Python của hocvuso",
                 id="extension-missing"),
    pytest.param(mkdocs_yml(MKDOCS_YML + "  - khong_co\n"),
                 "mkdocs.yml:14: phần mở rộng Markdown 'khong_co' không thuộc Python-Markdown, PyMdown hay Material\n"
                 "    gợi ý: chỉ dùng phần mở rộng của Python-Markdown (ví dụ admonition), pymdownx.* hoặc "
                 "material.*; một tên khác có thể nạp mã Python nằm trong thư mục khóa học",
                 id="extension-outside-known-packages"),
    *not_key_value_lines("framework", lambda text: framework(None, text), "content/framework.yml",
                         "tệp khung năng lực", "name: Khung năng lực số cho người học", "level_name: Bậc",
                         "tiers:   # danh sách các cấp, mỗi cấp có slug, name, levels"),
    pytest.param(settings("  budgets:\n    image: -5\n"),
                 "mkdocs.yml:5: 'budgets.image' phải lớn hơn 0, không phải -5\n"
                 "    gợi ý: ví dụ: 'image: 100   # số KB, lớn hơn 0'", id="budget-not-positive"),
    pytest.param(settings("  budgets:\n    audio: nhiều\n"),
                 "mkdocs.yml:5: 'budgets.audio' phải là một số, không phải 'nhiều'\n"
                 "    gợi ý: ví dụ: 'audio: 3000   # số KB, lớn hơn 0'", id="budget-text"),
    pytest.param(settings("  version: [1, 2]\n"),
                 "mkdocs.yml:4: 'version' phải là một đoạn chữ hoặc một số, không phải một danh sách\n"
                 "    gợi ý: ví dụ: 'version: \"2026.1\"'", id="version-list"),
    pytest.param(settings("  coverage:\n    co-ban: 5\n"),
                 "mkdocs.yml:5: 'coverage.co-ban' phải là 'all' hoặc một danh sách, không phải '5'\n"
                 "    gợi ý: ví dụ: 'co-ban: all' hoặc 'co-ban: [\"1.1\", \"4.2\"]'", id="coverage-number"),
    pytest.param(settings("  coverage: all\n"),
                 "mkdocs.yml:4: 'coverage' phải là một nhóm trường (key: value), không phải 'all'\n"
                 "    gợi ý: ví dụ: 'coverage: {co-ban: all}'", id="coverage-text"),
    pytest.param(framework('code: "1"\n', 'code: "A"\n'),
                 "content/framework.yml:24: 'domains[1].code' chỉ được gồm chữ số, không phải 'A'\n"
                 "    gợi ý: ví dụ: 'code: \"1\"'", id="framework-domain-code"),
    pytest.param(framework("    name: Cơ bản\n", ""),
                 "content/framework.yml:7: thiếu trường bắt buộc 'tiers[1].name'\n"
                 "    gợi ý: thêm dòng 'name: Cơ bản'", id="framework-tier-without-name"),
    pytest.param(lambda c: c.write("content/glossary.yml", "OTP:\n  meaning: Mã dùng một lần\n  also: ['']\n"),
                 "content/glossary.yml:3: 'also[1]' không được để trống\n"
                 "    gợi ý: viết nội dung cho mục này, ví dụ: 'also: [cách viết khác]'", id="glossary-also-empty"),
    pytest.param(lambda c: c.lesson("co-ban/thu-tu.md", extra="order: đầu tiên\n"),
                 "content/co-ban/thu-tu.md:8: 'order' phải là một số nguyên, không phải 'đầu tiên'\n"
                 "    gợi ý: ví dụ: 'order: 1   # thứ tự bài trong mục'", id="lesson-order"),
    pytest.param(lambda c: c.write("content/co-ban/index.md", "---\ntitle: ''\n---\nXin chào.\n"),
                 "content/co-ban/index.md:2: 'title' không được để trống\n"
                 "    gợi ý: viết nội dung sau dấu ':', ví dụ: 'title: Tên trang'", id="tier-page-title-empty"),
]


@pytest.mark.parametrize(("breakage", "expected"), CASES)
def test_every_problem_is_located_vietnamese_and_has_a_hint(course, capsys, breakage, expected):
    course.lesson("co-ban/bai.md", extra="quiz: thu\n")
    course.write("quizzes/thu.yml", QUIZ_HEAD + TRUE_FALSE)
    breakage(course)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(expected + "\n"), err
    problems = re.findall(r"^(\S+:\d+: .*)\n(    gợi ý: .*)?", err, flags=re.M)
    assert problems, err
    for message, hint in problems:
        assert hint.removeprefix("    gợi ý: ").strip(), f"no hint for {message!r}"
        said = re.sub(r"\((MkDocs|jsonschema): .*\)", "", message)  # their words, quoted
        assert not [phrase for phrase in ENGLISH if phrase in said], message
        assert _vietnamese(said), message


def _vietnamese(text: str) -> bool:
    return "đ" in text.lower() or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


@pytest.mark.parametrize(("schema", "text", "expected"), [
    # (a schema using a validator no hocvuso schema uses yet, the YAML, the problem exactly)
    ({"properties": {"x": {"type": "string", "maxLength": 3}}}, "x: abcdef",
     "t.yml:1: 'x' dài quá: tối đa 3 ký tự, đang có 6\n    gợi ý: viết ngắn lại hoặc chuyển bớt nội dung vào bài học"),
    ({"properties": {"x": {"const": "all"}}}, "x: some",
     "t.yml:1: 'x' chỉ có thể là 'all', không phải 'some'\n    gợi ý: ví dụ: 'x: all'"),
    ({"properties": {"x": {"enum": ["single", "multiple"]}}}, "x: singel",
     "t.yml:1: 'x' phải là một trong: single, multiple, không phải 'singel'\n"
     "    gợi ý: có phải ý bạn là 'single'?"),
    ({"properties": {"x": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]}}}, "x: abc",
     "t.yml:1: 'x' phải là một số nguyên hoặc true hoặc false, không phải 'abc'\n"
     "    gợi ý: ví dụ: 'x: 1' hoặc 'x: true'"),
    ({"properties": {"x": {"type": "string", "format": "email"}}}, "x: ten-o-dau",
     "t.yml:1: 'x' phải là một địa chỉ thư điện tử, không phải 'ten-o-dau'\n    gợi ý: ví dụ: 'x: ten@example.org'"),
    ({"properties": {"x": {"type": "array", "uniqueItems": True}}}, "x: [a, b, a]",
     "t.yml:1: 'x' có mục bị lặp lại: 'a'\n    gợi ý: xóa mục trùng"),
    ({"properties": {"x": {"type": "array", "maxItems": 2}}}, "x: [a, b, c]",
     "t.yml:1: 'x' chỉ được có tối đa 2 mục, đang có 3\n    gợi ý: xóa bớt mục"),
    ({"properties": {"x": {"type": "integer", "exclusiveMaximum": 5}}}, "x: 7",
     "t.yml:1: 'x' phải nhỏ hơn 5, không phải 7\n    gợi ý: ví dụ: 'x: 1'"),
    ({"properties": {"x": {"type": "integer", "minimum": 3}}}, "x: 1",
     "t.yml:1: 'x' phải từ 3 trở lên, không phải 1\n    gợi ý: ví dụ: 'x: 3'"),
    ({"properties": {"x": {"type": "object", "additionalProperties": False}}}, "x: {a: 1}",
     "t.yml:1: trường 'a' không được hỗ trợ trong 'x'\n    gợi ý: xóa hoặc sửa dòng này"),
    ({"properties": {"x": {"type": "string", "pattern": "^[A-Z]+$"}}}, "x: abc",
     "t.yml:1: 'x' không đúng dạng yêu cầu (mẫu ^[A-Z]+$), không phải 'abc'\n    gợi ý: ví dụ: 'x: <đoạn chữ>'"),
    ({"properties": {"x": {"not": {"type": "string"}}}}, "x: abc",
     "t.yml:1: 'x' không hợp lệ (jsonschema: 'abc' should not be valid under {'type': 'string'})\n"
     "    gợi ý: ví dụ: 'x: <giá trị>'"),
])
def test_every_validator_is_worded_with_a_hint(tmp_path, schema, text, expected):
    from hocvuso.source import schema as schema_module
    from hocvuso.problems import Problems
    from hocvuso.source.yamlfile import load_yaml

    problems = Problems(tmp_path)
    schema_module.check(load_yaml(text), schema, problems=problems, path=tmp_path / "t.yml",
                        what="tệp thử", example={})
    assert [p.format() for p in problems.items] == [expected]


def _question_schemas():
    from hocvuso.quiz import model as quizzes
    from hocvuso.quiz.types import QUESTION_TYPES

    return [quizzes.QUIZ_SCHEMA, *({"properties": {**quizzes._COMMON, **kind.properties}}
                                   for kind in QUESTION_TYPES.values())]


def _examples():
    from hocvuso.model import framework
    from hocvuso.model import glossary
    from hocvuso.model import lessons
    from hocvuso.quiz import model as quizzes
    from hocvuso.quiz.types import QUESTION_TYPES
    from hocvuso.source import settings

    return [
        # (the example lines of one file kind, the schemas one of which each line must fit)
        pytest.param(quizzes.QUIZ_EXAMPLE, _question_schemas(), id="quiz"),
        *(pytest.param(kind.examples, _question_schemas(), id=f"{kind.name}-question")
          for kind in QUESTION_TYPES.values() if kind.examples),
        pytest.param(lessons.LESSON_EXAMPLE, [lessons.LESSON_SCHEMA], id="lesson"),
        pytest.param(lessons.INTRO_EXAMPLE, [lessons.INTRO_SCHEMA], id="tier-page"),
        pytest.param(framework._EXAMPLE, [framework.FRAMEWORK_SCHEMA], id="framework"),
        pytest.param(settings.SETTINGS_EXAMPLE, [settings.SETTINGS_SCHEMA], id="mkdocs-hocvuso"),
        pytest.param(glossary.ENTRY_EXAMPLE, [glossary.ENTRY_SCHEMA], id="glossary"),
    ]


@pytest.mark.parametrize(("examples", "schemas"), _examples())
def test_every_example_line_a_hint_shows_can_be_copied_as_it_is(examples, schemas):
    import jsonschema

    from hocvuso.source.yamlfile import load_yaml

    keys = [(path, sub) for s in schemas for path, sub in _keys(s)]
    for key, line in examples.items():
        ((name, value),) = load_yaml(line).items()  # a note after '#' is a YAML comment
        assert name == key.split(".")[-1], line
        if value is None:
            continue  # "questions:   # danh sách câu hỏi": the start of a list the note describes
        named = tuple(key.split("."))
        fits = [jsonschema.Draft202012Validator(sub).is_valid(value)
                for path, sub in keys if path[-len(named):] == named]
        assert any(fits), line


def _keys(schema: dict, above: tuple = ()):
    """(dotted path without list levels, schema) of every key a schema knows, at any depth."""
    while isinstance(schema.get("items"), dict):
        schema = schema["items"]
    for key, sub in schema.get("properties", {}).items():
        yield above + (key,), sub
        yield from _keys(sub, above + (key,))
