"""YAML loading that remembers where every key and item came from.

Authors get errors with the line of their own file, so mappings and sequences are
loaded as :class:`Mapping` / :class:`Sequence`, which carry the line of each key or
item. Floats are not resolved: ``competences: [1.1, 4.2]`` must stay the codes
"1.1" and "4.2" exactly as typed ("1.10" is not "1.1"). All text is NFC, since the
same Vietnamese word typed with a "combining" keyboard setting is NFD.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems


class Mapping(dict):
    """A dict that knows its own line and the line of each key."""

    line: int = 1
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that knows its own line and the line of each item."""

    line: int = 1
    item_lines: list

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_of(node: Any, path: tuple = ()) -> int:
    """The line of the value at ``path`` (keys and indexes) inside loaded data."""
    line = getattr(node, "line", 1)
    for step in path:
        if isinstance(node, Mapping) and step in node:
            line, node = node.line_of(step), node[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node):
            line, node = node.line_of(step), node[step]
        else:
            break
    return line


@dataclass
class YamlSyntaxError(Exception):
    line: int
    problem: str


class _Loader(yaml.SafeLoader):
    """SafeLoader without float resolution, with line-aware containers and NFC text."""

    def __init__(self, stream: str, first_line: int):
        super().__init__(stream)
        self.first_line = first_line

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def construct_yaml_map(self, node):  # type: ignore[override]
        data = Mapping()
        data.line = self._line(node)
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark
                )
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = self._line(key_node)

    def construct_yaml_seq(self, node):  # type: ignore[override]
        data = Sequence()
        data.line = self._line(node)
        data.item_lines = [self._line(child) for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=True) for child in node.value)

    def construct_yaml_str(self, node):  # type: ignore[override]
        return unicodedata.normalize("NFC", super().construct_yaml_str(node))

    def construct_unknown(self, node):
        # Tags such as MkDocs' !ENV or Material's !!python/name are MkDocs' business;
        # we only read our own keys, so such values are simply opaque here.
        return None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:float"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)
_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_yaml_str)
_Loader.add_constructor(None, _Loader.construct_unknown)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


UNREADABLE = object()  # what read_yaml_file returns after reporting why


def read_yaml_file(path: Path, problems: Problems) -> Any:
    """The YAML data in ``path``, or :data:`UNREADABLE` after reporting, at its line, that
    the file is not UTF-8 text or not valid YAML."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.add(path, 1, "tệp không phải văn bản UTF-8", "lưu lại tệp với bảng mã UTF-8")
    except YamlSyntaxError as error:
        problems.add(path, error.line, f"lỗi cú pháp YAML: {error.problem}",
                     "kiểm tra dấu ':', thụt đầu dòng và dấu ngoặc ở dòng này hoặc dòng trên")
    return UNREADABLE


def load_yaml(text: str, *, first_line: int = 1) -> Any:
    """Load one YAML document; ``first_line`` is the file line where ``text`` starts.

    Raises :class:`YamlSyntaxError` with the file line of the problem.
    """
    loader = _Loader(unicodedata.normalize("NFC", text), first_line)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        unclosed = any(word in (error.problem or "") for word in ("end of stream", "or ']'", "or '}'"))
        if unclosed and error.context_mark:
            mark = error.context_mark  # where the unclosed quote or bracket opened
        line = mark.line + first_line if mark else first_line
        raise YamlSyntaxError(line, _describe(error)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, str(error)) from None
    finally:
        loader.dispose()


# PyYAML's messages, in words an author can act on. Matched on the problem text; an
# unknown one is shown as PyYAML wrote it.
_PLAIN = (
    ("expected ',' or ']'", "danh sách mở bằng '[' chưa đóng bằng ']' (hoặc thiếu dấu ',' giữa các mục)"),
    ("expected ',' or '}'", "nhóm mở bằng '{' chưa đóng bằng '}' (hoặc thiếu dấu ',')"),
    ("mapping values are not allowed here",
     "có dấu ':' ở chỗ không được phép; nếu giá trị có dấu ':', hãy đặt nó trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    ("found character '\\t'", "có ký tự Tab; hãy thụt đầu dòng bằng dấu cách"),
    ("found unexpected end of stream", "chuỗi mở bằng dấu ngoặc kép chưa được đóng"),
    ("did not find expected key", "thụt đầu dòng không khớp với các dòng trên"),
    ("did not find expected '-' indicator", "thụt đầu dòng của danh sách không khớp"),
    ("found undefined alias", "dấu '*' ở đầu giá trị có ý nghĩa riêng trong YAML; hãy đặt giá trị trong ngoặc kép"),
    ("found character '@'", "giá trị bắt đầu bằng '@' phải đặt trong ngoặc kép"),
    ("found character '`'", "giá trị bắt đầu bằng '`' phải đặt trong ngoặc kép"),
    ("expected <block end>, but found '-'", "dấu '-' của danh sách thụt đầu dòng không khớp"),
    ("expected <block end>", "thụt đầu dòng không khớp với các dòng trên"),
    ("found duplicate anchor", "dấu '&' ở đầu giá trị có ý nghĩa riêng trong YAML; hãy đặt giá trị trong ngoặc kép"),
)


def _describe(error: yaml.MarkedYAMLError) -> str:
    text = f"{error.context or ''} {error.problem or ''}"
    for english, vietnamese in _PLAIN:
        if english in text:
            return vietnamese
    return "; ".join(p for p in (error.context, error.problem) if p)
