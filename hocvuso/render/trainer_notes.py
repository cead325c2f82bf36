"""Notes for trainers inside a lesson: printed in handouts, never shown to learners.

An author writes them as an admonition of type ``huong-dan``::

    !!! huong-dan "Ghi chú cho người hướng dẫn"
        Chuẩn bị sẵn hai điện thoại để học viên thực hành theo cặp.

Python-Markdown's admonition and pymdownx.details open such a box in more ways than
that one, and every one of them is taken out of the learner's text here: ``!!!``,
``???`` or ``???+``, with or without a space, ``huong-dan`` among the classes in any
place and case (``!!! warning huong-dan``), the opening line indented at any depth
(inside another box or a list) or after a list marker. The box runs on over every
following line that is blank or indented deeper than its opening line. This is a little
wider than Markdown reads a box (a line two spaces deeper goes too): a stray line lost
from a learner's page does less harm than a trainer note shown on it.

A box this cannot see (inside a quotation ``>``, or raw HTML with the class) is caught
in the rendered page by :func:`check_learner_page`, which stops the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problems

CLASS = "huong-dan"
# An opening line from its first non-blank character: list markers, the box's marks,
# other classes, then huong-dan as a whole class (not "huong-dan-2").
_OPENER = re.compile(r"(?:(?:[-*+]|\d+[.)])[ \t]+)*(?:!!!|\?\?\?\+?)[ \t]*(?:[\w-]+[ \t]+)*huong-dan(?![\w-])",
                     re.I)
# The class attribute of a start tag, as nh3 and our templates write them (quoted).
_CLASSES = re.compile(r'<[a-zA-Z][^>]*\sclass="([^"]*)"')
_MENTION = re.compile(r"huong-dan", re.I)


def without_trainer_notes(body: str) -> str:
    """The body learners see; removed lines become blank so line numbers stay right."""
    lines = body.split("\n")
    opener = None  # indentation of the open box's first line, while inside one
    for number, line in enumerate(lines):
        text = line.expandtabs(4)  # as Markdown counts indentation
        indent = len(text) - len(text.lstrip())
        if opener is not None and (not text.strip() or indent > opener):
            lines[number] = ""
            continue
        opener = None
        if _OPENER.match(text, indent):
            opener = indent
            lines[number] = ""
    return "\n".join(lines)


def check_learner_page(html: str, source: Path, *, lesson: bool, problems: Problems) -> None:
    """Report a trainer note that the rendered learner page of ``source`` still shows."""
    if not any(CLASS in classes.lower().split() for classes in _CLASSES.findall(html)):
        return
    text = source.read_text(encoding="utf-8")
    if lesson:
        text = without_trainer_notes(text)  # what is left is what slipped through
        message = f"ghi chú cho người hướng dẫn (lớp '{CLASS}') này sẽ hiện cho học viên"
        hint = (f"viết ghi chú thành hộp riêng ngoài trích dẫn '>': dòng '!!! {CLASS} \"Tiêu đề\"', "
                "các dòng nội dung thụt vào 4 dấu cách; không gắn lớp này cho thẻ HTML hay đoạn văn")
    else:
        message = (f"trang giới thiệu không có bản in, nên ghi chú cho người hướng dẫn (lớp '{CLASS}') "
                   "sẽ hiện cho học viên")
        hint = "chuyển ghi chú này vào một bài học: ghi chú trong bài học được in trong tài liệu in"
    line = next((n for n, t in enumerate(text.splitlines(), start=1) if _MENTION.search(t)), 1)
    problems.add(source, line, message, hint)
