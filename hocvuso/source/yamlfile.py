"""YAML loading that remembers where every key and item came from.

Authors get errors with the line of their own file, so mappings and sequences are
loaded as :class:`Mapping` / :class:`Sequence`, which carry the line of each key or
item. Floats are not resolved: ``competences: [1.1, 4.2]`` must stay the codes
"1.1" and "4.2" exactly as typed ("1.10" is not "1.1"). All text is NFC, since the
same Vietnamese word typed with a "combining" keyboard setting is NFD.

Authors' files are data, never code: tags other than YAML's own are refused at their
line (``mkdocs.yml`` may use the few MkDocs and Material document, see
:data:`MKDOCS_TAGS`), as are duplicate keys, nesting deeper than any course needs,
aliases that expand a small file into a huge tree, and strings holding characters
that are not text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .authorfile import INVISIBLE, INVISIBLE_HINT, read_author_text
from ..problems import Problems

_NOT_TEXT = re.compile(f"{INVISIBLE.pattern}|[\ud800-\udfff]")  # what a file may not hold, or a lone surrogate
MAX_DEPTH = 40  # a quiz nests 5 deep; 5,000 "[" overflow Python's stack
MAX_NODES = 100_000  # values after aliases are expanded; a 1,000-question quiz has ~20,000

# Python callables mkdocs.yml may name with !!python/name: only those Material's own
# documentation uses in Markdown options (emoji, custom fences). Any other python tag
# would run code on the machine that builds the course.
PYTHON_NAMES = frozenset({
    "material.extensions.emoji.twemoji", "material.extensions.emoji.to_svg",
    "pymdownx.emoji.twemoji", "pymdownx.emoji.emojione", "pymdownx.emoji.gemoji",
    "pymdownx.emoji.to_svg", "pymdownx.emoji.to_png", "pymdownx.emoji.to_alt",
    "pymdownx.superfences.fence_code_format", "pymdownx.superfences.fence_div_format",
})
MKDOCS_TAGS = ("!ENV", "!relative")  # MkDocs' own: an environment variable, a path


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


SYNTAX_HINT = "kiểm tra dấu ':', thụt đầu dòng và dấu ngoặc ở dòng này hoặc dòng trên"


@dataclass
class YamlSyntaxError(Exception):
    """Why a YAML text cannot be loaded, at its file line."""

    line: int
    problem: str
    hint: str = SYNTAX_HINT
    syntax: bool = True  # False: valid YAML that hocvuso refuses (a python tag, a duplicate key)

    @property
    def message(self) -> str:
        return f"lỗi cú pháp YAML: {self.problem}" if self.syntax else self.problem


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that an author's file may not hold; carries its own hint."""

    def __init__(self, problem: str, hint: str, mark):
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _Checks:
    """What hocvuso adds to a YAML loader: no float resolution, line-aware containers,
    NFC text, and the refusals above. Mixed into both loaders below."""

    def __init__(self, stream: str, first_line: int, mkdocs: bool):
        self._open(stream)
        self.text = stream
        self.first_line = first_line
        self.mkdocs = mkdocs  # mkdocs.yml: MkDocs' tags and a few python names are allowed
        self.depth = 0
        self.aliases = 0

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def compose_node(self, parent, index):  # type: ignore[override]
        # PyYAML's Composer.compose_node with the depth and alias counts, written out: it
        # runs once per value (180,000 times for 1,000 quizzes), so one peek, not four.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            return super().compose_node(parent, index)  # PyYAML's own errors for unknown anchors
        if self.depth >= MAX_DEPTH:
            raise _Refused(f"dữ liệu lồng nhau quá sâu (quá {MAX_DEPTH} tầng danh sách hoặc nhóm trường)",
                           "kiểm tra dấu '[' và '{' ở dòng này: có thể thiếu dấu đóng, hoặc chép nhầm",
                           event.start_mark)
        anchor = event.anchor
        if (anchor is not None and anchor in self.anchors) or self.yaml_path_resolvers:
            return self._composed(parent, index)  # PyYAML's own error for a repeated anchor; its path resolvers
        self.depth += 1
        try:
            if isinstance(event, yaml.ScalarEvent):
                return self.compose_scalar_node(anchor)
            if isinstance(event, yaml.SequenceStartEvent):
                return self.compose_sequence_node(anchor)
            return self.compose_mapping_node(anchor)
        finally:
            self.depth -= 1

    def _composed(self, parent, index):
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def get_single_node(self):  # type: ignore[override]
        node = super().get_single_node()
        if node is not None and self.aliases:
            _check_expansion(node)
        return node

    def construct_yaml_map(self, node):  # type: ignore[override]
        data = Mapping()
        data.line = self._line(node)
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, bool)) and key is not None:
                raise _Refused("tên trường phải là chữ, không phải danh sách hay nhóm trường",
                               "viết tên trường rồi dấu ':', ví dụ 'title: Tên bài'", key_node.start_mark)
            if key in data:
                raise _Refused(f"trường '{key}' được khai báo hai lần (lần đầu ở dòng {data.key_lines[key]})",
                               "giữ một dòng, xóa dòng kia: YAML chỉ giữ lần khai báo sau cùng",
                               key_node.start_mark)
            data[key] = self.construct_object(value_node, deep=True)
            data.key_lines[key] = self._line(key_node)

    def construct_yaml_seq(self, node):  # type: ignore[override]
        for child in node.value:
            self._check_merged_item(child)
        data = Sequence()
        data.line = self._line(node)
        data.item_lines = [self._line(child) for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=True) for child in node.value)

    def _check_merged_item(self, item: yaml.Node) -> None:
        """An item indented deeper than the "-" above it is not an item: YAML reads it as
        more words of the item above, and two objectives become one run-on sentence."""
        if not (isinstance(item, yaml.ScalarNode) and not item.style  # plain: None, or "" from libyaml
                and item.end_mark.line > item.start_mark.line):
            return
        lines = self.text.split("\n")[item.start_mark.line + 1:item.end_mark.line + 1]
        for offset, line in enumerate(lines, start=1):
            if line.lstrip().startswith("- "):
                mark = yaml.Mark("", 0, item.start_mark.line + offset, 0, None, None)
                raise _Refused("dòng này thụt vào sâu hơn dấu '-' của mục trên, nên YAML nối nó vào mục trên: "
                               "hai mục thành một", "cho các dấu '-' của cùng danh sách thẳng cột với nhau "
                               "(cùng số dấu cách ở đầu dòng)", mark)

    def construct_yaml_str(self, node):  # type: ignore[override]
        text = super().construct_yaml_str(node)
        # Escapes such as "\x80" or "\uD800" make what the file itself may not hold.
        bad = _NOT_TEXT.search(text)
        if bad:
            raise _Refused(f"chuỗi có ký tự U+{ord(bad[0]):04X}, không phải chữ in được", INVISIBLE_HINT,
                           node.start_mark)
        return unicodedata.normalize("NFC", text)

    def construct_unknown(self, node):
        # The value is opaque to hocvuso (MkDocs reads it): allowed tags only.
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        python_name = tag.startswith("!!python/name:") and tag.removeprefix("!!python/name:") in PYTHON_NAMES
        if self.mkdocs and (tag in MKDOCS_TAGS or python_name):
            return None
        if self.mkdocs:
            raise _Refused(f"thẻ YAML '{tag}' không được dùng: nó cho phép tệp cấu hình chạy mã Python",
                           "xóa thẻ này; mkdocs.yml chỉ được dùng !ENV, !relative và các "
                           "!!python/name: mà hướng dẫn của Material ghi (xem HUONG-DAN-SOAN-BAI.md)",
                           node.start_mark)
        raise _Refused(f"thẻ YAML '{tag}' không được dùng trong tệp này",
                       "xóa phần bắt đầu bằng '!' ; giá trị chỉ là chữ, số, danh sách hoặc nhóm trường "
                       "(chữ bắt đầu bằng '!' phải đặt trong ngoặc kép)", node.start_mark)


def _check_expansion(root: yaml.Node) -> None:
    """Refuse aliases that expand the tree past :data:`MAX_NODES` (a "billion laughs"
    file is 600 bytes), and aliases of a value inside itself."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[id(node)] > MAX_NODES:
                raise _Refused(f"các bí danh '*' làm dữ liệu phình ra quá {MAX_NODES} giá trị",
                               "viết thẳng giá trị thay vì dùng '&' và '*' lồng nhau", node.start_mark)
            continue
        if id(node) in open_nodes:
            raise _Refused("bí danh '*' trỏ vào chính giá trị chứa nó",
                           "viết thẳng giá trị thay vì dùng '&' và '*'", node.start_mark)
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _Loader(_Checks, yaml.SafeLoader):
    """PyYAML's own reader in Python: slow, but its messages and marks are the ones
    :func:`load_yaml` turns into an author's words."""

    def _open(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)


try:  # libyaml, when PyYAML was built with it (its wheels are)
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover
    _CParser = None


class _FastLoader(_Checks, yaml.composer.Composer, *((_CParser,) if _CParser else ()),  # type: ignore[misc]
                  yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """libyaml scans and parses (about 10 times faster: 1,000 quizzes are read in a few
    seconds, not 20); composing and constructing stay in Python, so the depth, alias and
    duplicate checks and the line marks are the same as :class:`_Loader`'s."""

    def _open(self, stream: str) -> None:
        _CParser.__init__(self, stream)  # type: ignore[misc]
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:float"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_constructor("tag:yaml.org,2002:map", _Checks.construct_yaml_map)
    _loader.add_constructor("tag:yaml.org,2002:seq", _Checks.construct_yaml_seq)
    _loader.add_constructor("tag:yaml.org,2002:str", _Checks.construct_yaml_str)
    _loader.add_constructor(None, _Checks.construct_unknown)


UNREADABLE = object()  # what read_yaml_file returns after reporting why


def read_yaml_file(path: Path, problems: Problems) -> Any:
    """The YAML data in ``path``, or :data:`UNREADABLE` after reporting, at its line, that
    the file is not sane UTF-8 text (:mod:`hocvuso.authorfile`) or not valid YAML."""
    text = read_author_text(path, problems)
    if text is None:
        return UNREADABLE
    try:
        return load_yaml(text)
    except YamlSyntaxError as error:
        problems.add(path, error.line, error.message, error.hint)
    return UNREADABLE


def load_yaml(text: str, *, first_line: int = 1, mkdocs: bool = False) -> Any:
    """Load one YAML document; ``first_line`` is the file line where ``text`` starts.

    ``mkdocs`` allows the tags MkDocs itself needs (for ``mkdocs.yml``).
    Raises :class:`YamlSyntaxError` with the file line of the problem.
    """
    text = unicodedata.normalize("NFC", text)
    if _CParser:
        fast = _FastLoader(text, first_line, mkdocs)
        try:
            return fast.get_single_data()
        except (yaml.YAMLError, RecursionError):
            pass  # read again below, for PyYAML's own words and marks
        finally:
            fast.dispose()
    loader = _Loader(text, first_line, mkdocs)
    try:
        return loader.get_single_data()
    except _Refused as error:
        raise YamlSyntaxError(error.problem_mark.line + first_line, error.problem, error.hint, False) from None
    except RecursionError:  # not reached within MAX_DEPTH; a last guard, not the rule
        raise YamlSyntaxError(first_line, "dữ liệu lồng nhau quá sâu", "kiểm tra dấu '[' và '{'", False) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        unclosed = any(word in (error.problem or "") for word in ("end of stream", "or ']'", "or '}'"))
        if unclosed and error.context_mark:
            mark = error.context_mark  # where the unclosed quote or bracket opened
        quoted = _runaway_quote(loader.buffer, error.problem_mark) if error.problem_mark else None
        if quoted:
            raise YamlSyntaxError(quoted.start_mark.line + first_line, _runaway_message(quoted, first_line),
                                  _QUOTE_HINT[quoted.style]) from None
        line = mark.line + first_line if mark else first_line
        raise YamlSyntaxError(line, _describe(error)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, str(error)) from None
    finally:
        loader.dispose()


# A line that YAML would read as a key ("feedback: ...") or a list item ("- text: ...").
_STRUCTURE_LINE = re.compile(r"\s*(- |-$|[^\s\"'#:][^:]*:(\s|$))")
_QUOTE_NAME = {'"': "dấu ngoặc kép (\")", "'": "dấu nháy đơn (')"}
_QUOTE_HINT = {
    '"': "thêm dấu \" ở cuối chuỗi trên dòng này; dấu \" nằm giữa chuỗi thì viết là \\\"",
    "'": "thêm dấu ' ở cuối chuỗi trên dòng này; dấu ' nằm giữa chuỗi thì viết hai lần: ''",
}


def _runaway_quote(buffer: str, problem: yaml.Mark) -> yaml.ScalarToken | None:
    """The quoted string that ran on from an unclosed quote into the lines below, if that is
    what the error is about: PyYAML then reports where the string happens to end (at the
    next quote, often many lines down), with a message about indentation.

    It is the token right before the problem, quoted, and its later lines read as keys or
    list items of their own.
    """
    before = None
    try:
        for token in yaml.scan(buffer.rstrip("\0"), Loader=yaml.SafeLoader):
            if token.start_mark.index >= problem.index:
                break
            before = token
    except yaml.YAMLError:
        pass
    if not (isinstance(before, yaml.ScalarToken) and before.style in _QUOTE_NAME
            and before.end_mark.line > before.start_mark.line):
        return None
    inside = buffer[before.start_mark.index:before.end_mark.index].split("\n")[1:]
    return before if any(_STRUCTURE_LINE.match(line) for line in inside) else None


def _runaway_message(token: yaml.ScalarToken, first_line: int) -> str:
    return (f"chuỗi mở bằng {_QUOTE_NAME[token.style]} ở dòng này chưa được đóng: YAML đọc tiếp các dòng "
            f"dưới vào chuỗi, tới dấu {token.style} ở dòng {token.end_mark.line + first_line}")


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
