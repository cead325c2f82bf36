"""Plain words: a course glossary and the terms authors mark in lessons.

Terms are defined once, in ``content/glossary.yml``::

    OTP: Mã số dùng một lần ngân hàng gửi qua tin nhắn để xác nhận giao dịch.
    VNeID:
      meaning: Ứng dụng định danh điện tử của Bộ Công an.
      also: [tài khoản định danh điện tử]

and marked where a learner may need them: ``[[OTP]]``, or ``[[OTP|mã OTP]]`` to show
other words for the same term. A marked term becomes a link to its meaning in the
lesson's own "Từ ngữ trong bài" list (which works without JavaScript, in print and for
screen readers); reading.js opens the meaning right there when the learner taps it.
A marked term the glossary does not know is an error at its line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..source import schema
from ..text import slugify
from .links import CODE_SPAN, FENCE
from ..problems import Problems, did_you_mean
from ..source.yamlfile import UNREADABLE, Mapping, Sequence, read_yaml_file

FILE_NAME = "glossary.yml"
PAGE_PATH = "thuat-ngu.md"
PAGE_TITLE = "Từ ngữ cần biết"
MARK = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")
_PROSE_AND_CODE = re.compile(f"({CODE_SPAN.pattern})")

ENTRY_SCHEMA = {  # the long form; the short one is "term: meaning"
    "type": "object",
    "required": ["meaning"],
    "properties": {
        "meaning": {"type": "string", "minLength": 1},
        "also": {"type": "array", "items": {"type": "string", "minLength": 1}},
    },
}
ENTRY_EXAMPLE = {"meaning": "meaning: Giải thích ngắn, dễ hiểu", "also": "also: [cách viết khác]"}


@dataclass(frozen=True)
class Term:
    name: str
    meaning: str
    also: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return "tn-" + slugify(self.name)


@dataclass(frozen=True)
class Glossary:
    source: Path | None
    terms: tuple[Term, ...] = ()
    by_key: dict[str, Term] = field(default_factory=dict)  # every name and "also", by key()
    # What could not be read is already an error in glossary.yml: marks of those terms
    # (or every mark, when the whole file is unreadable) are not reported again, so one
    # bad line is one error, not one per mark in the course.
    unread: bool = False
    broken: frozenset[str] = frozenset()  # key() of entries that were refused

    def find(self, text: str) -> Term | None:
        return self.by_key.get(key(text))

    def reported(self, text: str) -> bool:
        """Whether a mark of ``text`` the glossary lacks is explained by an error already given."""
        return self.unread or key(text) in self.broken


@dataclass(frozen=True)
class Mark:
    term: str  # as the author wrote it inside [[ ]]
    line: int


def key(text: str) -> str:
    """How a term is looked up: "Mã  OTP" and "mã otp" are the same term."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def sort_key(term: Term) -> tuple[str, str]:
    # Alphabetical as a Vietnamese reader expects it: by letters first, accents after.
    return slugify(term.name), key(term.name)


def load_glossary(path: Path, problems: Problems) -> Glossary:
    """The glossary at ``path``; an empty one when the course has none."""
    if not path.is_file():
        return Glossary(None)
    raw = read_yaml_file(path, problems)
    if raw is UNREADABLE:
        return Glossary(path, unread=True)
    if raw is None:
        return Glossary(path)
    if not isinstance(raw, Mapping):
        problems.add(path, 1, *schema.not_a_mapping(raw, what="bảng từ ngữ", lines="'từ: nghĩa'", start=[
            "OTP: Mã số dùng một lần để xác nhận giao dịch.", "Wi-Fi: Mạng không dây để vào Internet."]))
        return Glossary(path, unread=True)
    terms: list[Term] = []
    by_key: dict[str, Term] = {}
    broken: set[str] = set()
    for name, entry in raw.items():
        line = raw.line_of(name)
        if not _entry_ok(name, entry, line, path, problems):
            broken.add(key(str(name)))
            if isinstance(entry, Mapping) and isinstance(entry.get("also"), list):
                broken.update(key(a) for a in entry["also"] if isinstance(a, str))
            continue
        meaning = entry if isinstance(entry, str) else entry["meaning"]
        also = () if isinstance(entry, str) else tuple(entry.get("also", ()))
        term = Term(str(name).strip(), " ".join(meaning.split()), tuple(a.strip() for a in also))
        for spelling in (term.name, *term.also):
            other = by_key.get(key(spelling))
            if other:
                problems.add(path, line, f"'{spelling}' đã có trong bảng từ ngữ (ở từ '{other.name}')",
                             "mỗi từ chỉ giải thích một lần: gộp hai mục hoặc xóa một tên")
            else:
                by_key[key(spelling)] = term
        terms.append(term)
    return Glossary(path, tuple(sorted(terms, key=sort_key)), by_key, broken=frozenset(broken))


def _entry_ok(name, entry, line: int, path: Path, problems: Problems) -> bool:
    if isinstance(entry, str) and entry.strip():
        return True
    if isinstance(entry, Mapping):
        return schema.check(entry, ENTRY_SCHEMA, problems=problems, path=path, what=f"từ '{name}'",
                            example=ENTRY_EXAMPLE)
    problems.add(path, line, f"từ '{name}' chưa có lời giải thích",
                 f"viết nghĩa ngay sau dấu hai chấm, ví dụ '{name}: Giải thích ngắn, dễ hiểu'")
    return False


def find_marks(body: str, first_line: int) -> Iterator[Mark]:
    """Every ``[[term]]`` outside code, with its line in the author's file."""
    for offset, text in _prose_lines(body):
        for part in CODE_SPAN.split(text):
            for found in MARK.finditer(part):
                yield Mark(found[1].strip(), first_line + offset)


def check_marks(body: str, first_line: int, glossary: Glossary, source: Path, problems: Problems) -> None:
    for mark in find_marks(body, first_line):
        if not glossary.find(mark.term):
            _unknown(mark.term, glossary, mark.line, source, problems)


def _unknown(term: str, glossary: Glossary, line: int, source: Path, problems: Problems) -> None:
    if glossary.reported(term):
        return
    where = problems.display(glossary.source) if glossary.source else f"content/{FILE_NAME}"
    close = did_you_mean(term, [t.name for t in glossary.terms]) if glossary.terms else ""
    problems.add(source, line, f"từ '[[{term}]]' chưa có trong bảng từ ngữ {where}",
                 f"thêm dòng '{term}: <giải thích ngắn>' vào {where}, hoặc sửa lại cho đúng chữ đã có"
                 + (f"; {close}" if close else ""))


def check_data_marks(data, glossary: Glossary, source: Path, problems: Problems, line: int = 1) -> None:
    """Marks in the texts of a YAML file (a quiz), each reported at the line its value starts."""
    if isinstance(data, str):
        for mark in find_marks(data, line):
            if not glossary.find(mark.term):
                _unknown(mark.term, glossary, line, source, problems)
    elif isinstance(data, Mapping):
        for name, value in data.items():
            check_data_marks(value, glossary, source, problems, data.line_of(name))
    elif isinstance(data, Sequence):
        for index, value in enumerate(data):
            check_data_marks(value, glossary, source, problems, data.line_of(index))


def used_terms(body: str, glossary: Glossary) -> tuple[Term, ...]:
    """The glossary's terms marked in ``body``, each once, in glossary order."""
    found = {glossary.find(mark.term) for mark in find_marks(body, 1)} - {None}
    return tuple(sorted(found, key=sort_key))


def plain_terms(body: str) -> str:
    """The body with the marks taken away, for GIFT files (pages and print: markdown_extension.py)."""
    return _replace_in_prose(body, lambda found: (found[2] or found[1]).strip())


def _replace_in_prose(body: str, replace) -> str:
    lines = body.split("\n")
    for offset, text in _prose_lines(body):
        parts = _PROSE_AND_CODE.split(text)  # code spans at odd indexes, kept as written
        lines[offset] = "".join(part if i % 2 else MARK.sub(replace, part) for i, part in enumerate(parts))
    return "\n".join(lines)


def _prose_lines(body: str) -> Iterator[tuple[int, str]]:
    in_fence = False
    for offset, text in enumerate(body.split("\n")):
        if FENCE.match(text):
            in_fence = not in_fence
        elif not in_fence and "[[" in text:
            yield offset, text
