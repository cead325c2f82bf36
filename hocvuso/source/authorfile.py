"""Reading an author's text file with limits, so no file can crash or stall the build.

Every lesson, quiz, glossary, framework and ``mkdocs.yml`` comes through here first.
What cannot be read as sane text (not UTF-8, too big, a line too long for the link and
glossary scanners, characters no editor shows) is reported at its line in Vietnamese,
and the file is left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problems

MAX_BYTES = 1_000_000  # a lesson of 1 MB is 50 times the page budget: surely a mistake
MAX_LINE = 20_000  # characters; a long paragraph is ~2,000

# C0 and C1 controls other than tab and line ends, and the two non-characters: invisible
# in editors, refused by MkDocs' YAML reader (which then drops the page's front matter).
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
INVISIBLE_HINT = ("xóa ký tự này (thường lẫn vào khi chép chữ từ Word, PDF hoặc tin nhắn); "
                  "trình soạn thảo như VS Code hiện nó thành một ô nhỏ")


def read_author_text(path: Path, problems: Problems, *, encoding: str = "utf-8") -> str | None:
    """The text of ``path``, or None after reporting why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add(path, 1, f"tệp quá lớn ({size / 1_000_000:.1f} MB; giới hạn {MAX_BYTES // 1_000_000} MB)",
                         "tách nội dung thành nhiều bài hoặc nhiều tệp nhỏ hơn")
            return None
        text = path.read_bytes().decode(encoding)
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        problems.add(path, line, "tệp không phải văn bản UTF-8",
                     "lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8)")
        return None
    except OSError as error:
        problems.add(path, 1, f"không đọc được tệp ({error.strerror or error})",
                     "kiểm tra quyền đọc tệp và thư mục")
        return None
    longest = max(text.split("\n"), key=len)
    if len(longest) > MAX_LINE:
        number = text[:text.index(longest)].count("\n") + 1
        problems.add(path, number, f"dòng dài {len(longest)} ký tự, quá giới hạn {MAX_LINE} ký tự",
                     "xuống dòng giữa các câu; một đoạn văn nên ngắn hơn nhiều")
        return None
    found = INVISIBLE.search(text)
    if found:
        problems.add(path, text.count("\n", 0, found.start()) + 1,
                     f"dòng này có ký tự điều khiển U+{ord(found[0]):04X} không nhìn thấy được", INVISIBLE_HINT)
        return None
    return text
