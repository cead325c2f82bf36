"""Links and images in authors' text (lessons, quiz texts), checked against their own files.

MkDocs would also notice a broken link, but only after rendering and without a line
number; here each one is reported at its line in the source. Images must be local
files: a picture on another host never loads offline or from a USB stick. Pictures
written as raw HTML (``<img src>``, ``srcset``, ``<source>``) are held to the same rule,
and ``<audio>``/``<video>``, which the sanitiser removes, are errors.
"""

from __future__ import annotations

import bisect
import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import unquote

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`+[^`]*`+")
# Link text holds no unmatched "[" but may hold one level of brackets ("[a [b] c](x)",
# "[![alt](img.png)](page.md)"). Every part of the pattern stops at the next bracket, so a
# line of 200,000 "[" is read in one pass, not one pass per "[" (the text used to run on
# to the next "]", however far, from every "[").
_TEXT = r"[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*"
_INLINE = re.compile(rf"(!?)\[({_TEXT})\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(\s|$)")
# A picture whose address is a reference: ![alt][label], ![alt][] and ![label].
_IMAGE_REFERENCE = re.compile(rf"!\[({_TEXT})\](?!\()(?:\s?\[([^\[\]]*)\])?")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# A raw HTML tag that shows a file, and its attributes. A quoted value may hold ">" but no
# "<" (as in Python-Markdown's inline HTML), so every try stops at the next "<": linear.
_TAG = re.compile(r"<(img|audio|video|source)\b([^<>\"']*(?:(?:\"[^\"<]*\"|'[^'<]*')[^<>\"']*)*)>", re.I)
_ATTRIBUTE = re.compile(r"(?<![\w:.-])([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)")
_SRCSET_URL = re.compile(r"[\s,]*(\S*)")
AUDIO_SUFFIXES = (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".webm", ".wav")  # see model/recordings.py


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    is_image: bool
    text: str = ""  # the link text, or the image's alt text
    tag: str = ""  # for raw HTML, the tag (and attribute) it is written in: "img", "img srcset", "audio"


def find_links(body: str, first_line: int) -> Iterator[Link]:
    """Every inline link, image and reference definition outside code, and every picture
    that takes its address from a reference definition (at the picture's line)."""
    lines = _prose(body)
    references = {}  # label -> address; the last definition wins, as in Python-Markdown
    for text in lines:
        if found := _REFERENCE.match(text):
            references[_label(found[1])] = found[2]
    for offset, text in enumerate(lines):
        line = first_line + offset
        for bang, label, target in _INLINE.findall(text):
            # A picture inside a link's text is shown too: [![alt](img.png)](page.md)
            for inner_bang, alt, inner_target in _INLINE.findall(label):
                yield Link(inner_target, line, bool(inner_bang), alt.strip())
            yield Link(target, line, bool(bang), label.strip())
        for alt, label in _IMAGE_REFERENCE.findall(text):
            if _label(label or alt) in references:
                yield Link(references[_label(label or alt)], line, True, alt.strip())
        if found := _REFERENCE.match(text):
            yield Link(found[2], line, False)


def _label(text: str) -> str:
    return " ".join(text.split()).lower()


def find_html_files(body: str, first_line: int) -> Iterator[Link]:
    """Every file a raw HTML tag shows (``<img src srcset>``, ``<source src srcset>``) and
    every ``<audio>`` and ``<video>``, outside code and HTML comments; a tag may span lines."""
    text = _without_comments("\n".join(_prose(body)))
    newlines = [found.start() for found in re.finditer("\n", text)]

    def line(position: int) -> int:
        return first_line + bisect.bisect(newlines, position)

    for tag in _TAG.finditer(text):
        name, attributes = tag[1].lower(), {}
        for found in _ATTRIBUTE.finditer(tag[2]):
            value = found[2][1:-1] if found[2][0] in "\"'" else found[2]
            attributes.setdefault(found[1].lower(), (html.unescape(value).strip(), tag.start(2) + found.start()))
        if name in ("audio", "video"):  # removed from the page whatever they play
            yield Link(attributes.get("src", ("",))[0], line(tag.start()), True, tag=name)
            continue
        alt = attributes.get("alt", ("",))[0] if name == "img" else ""
        if "src" in attributes:
            src, position = attributes["src"]
            yield Link(src, line(position), True, alt, tag=name)
        if "srcset" in attributes:
            srcset, position = attributes["srcset"]
            for url in _srcset_urls(srcset):
                yield Link(url, line(position), True, alt, tag=f"{name} srcset")


def _srcset_urls(srcset: str) -> list[str]:
    """The addresses in ``srcset="a.png 1x, b.png 2x"``, split as browsers do: an address
    runs to the next space (a data: address holds commas), its descriptors to the next comma."""
    urls, position = [], 0
    while url := (found := _SRCSET_URL.match(srcset, position))[1]:
        position = found.end()
        if url.endswith(","):  # "a.png,b.png": no descriptors
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        comma = srcset.find(",", position)
        position = len(srcset) if comma == -1 else comma + 1
    return urls


def _prose(body: str) -> list[str]:
    """The body's lines with code left out (fenced blocks and code spans); each line stays
    in its place, so an index is an offset from the body's first line."""
    lines, in_fence = [], False
    for text in body.splitlines():
        if FENCE.match(text):
            in_fence = not in_fence
            lines.append("")
        else:
            lines.append("" if in_fence else CODE_SPAN.sub("", text))
    return lines


def _without_comments(text: str) -> str:
    """HTML comments are never shown; each one leaves only its line breaks behind. One that
    is never closed is kept as text: what follows it may well be shown."""
    parts, start = [], 0
    while (opening := text.find("<!--", start)) != -1 and (closing := text.find("-->", opening + 4)) != -1:
        parts += [text[start:opening], "\n" * text.count("\n", opening, closing)]
        start = closing + 3
    return "".join(parts) + text[start:]


def is_audio(target: str) -> bool:
    """An "image" that is a recording: ``![Nghe cô giáo giảng](am-thanh/bai-1.mp3)``."""
    return unquote(target.split("?", 1)[0].split("#", 1)[0]).lower().endswith(AUDIO_SUFFIXES)


@dataclass(frozen=True)
class _Embedded:
    """What an author is told about a file shown inside the page (``![words](file)``)."""

    kind: str
    unlabelled: str  # why the words in brackets matter
    label_hint: str  # {target} is the file as written
    offline: str  # what goes wrong when it lives on another host
    thing: str  # what the author puts next to the lesson
    example: str


_PICTURE = _Embedded(
    "ảnh", "thiếu lời mô tả (alt): người dùng trình đọc màn hình và người không tải được ảnh sẽ không biết "
    "ảnh nói gì", "viết mô tả ngắn trong ngoặc vuông, ví dụ ![Màn hình cài đặt Wi-Fi]({target})",
    "nó sẽ không hiện khi không có mạng", "ảnh", "![Mô tả](anh/ten-anh.jpg)")
_RECORDING = _Embedded(
    "tệp âm thanh", "thiếu lời giới thiệu: người học cần biết mình sắp nghe gì",
    "viết lời ngắn trong ngoặc vuông, ví dụ ![Nghe cô giáo đọc bài]({target})",
    "không nghe được khi không có mạng", "tệp", "![Nghe cô giáo đọc bài](am-thanh/bai-1.mp3)")
_REMOVED_TAGS = {  # (message, hint) for raw HTML the sanitiser takes out of the page
    "audio": ("thẻ <audio> không hiện trên trang: trang web bỏ thẻ này đi để giữ an toàn cho người học",
              "gắn tệp âm thanh như chèn ảnh, trang sẽ có nút nghe: ![Nghe cô giáo đọc bài](am-thanh/bai-1.mp3)"),
    "video": ("thẻ <video> không hiện trên trang: trang web bỏ thẻ này đi để giữ an toàn cho người học",
              "khóa học không phát video (nặng, tốn tiền mạng của người học): dùng ảnh chụp màn hình kèm lời "
              "giải thích, hoặc gắn một tệp âm thanh ![Nghe cô giáo đọc bài](am-thanh/bai-1.mp3)"),
}
_ON_THIS_COMPUTER = re.compile(r"^(file:|[a-zA-Z]:[\\/])", re.I)  # file:///C:/…, C:\Users\…


def broken_link(link: Link, source: Path, content_dir: Path) -> tuple[str, str] | None:
    """(message, hint) when the link cannot work from the built site, else None."""
    if link.tag in _REMOVED_TAGS:
        return _REMOVED_TAGS[link.tag]
    embedded = (_RECORDING if is_audio(link.target) else _PICTURE) if link.is_image else None
    written = _shorter(link.target)
    if embedded and not link.text and link.tag in ("", "img"):  # a <source> has no words of its own
        return (f"{embedded.kind} '{written}' {embedded.unlabelled}",
                f'thêm lời mô tả vào thẻ, ví dụ <img src="{written}" alt="Màn hình cài đặt Wi-Fi">'
                if link.tag else embedded.label_hint.format(target=written))
    if _SCHEME.match(link.target) or link.target.startswith("//"):
        return _not_a_file(embedded, link.target) if embedded else None
    target = _resolved(link.target, source, content_dir)
    if target is None or course_file(link.target, source, content_dir):
        return None  # an anchor on the same page, or a file of the course
    kind = embedded.kind if embedded else "liên kết"
    if not target.is_relative_to(content_dir):
        return (f"{kind} '{written}' trỏ ra ngoài thư mục {content_dir.name}/",
                f"chép tệp vào thư mục {content_dir.name}/, cạnh bài học, và dẫn tới bản chép đó: "
                "trang web chỉ có các tệp trong thư mục này")
    return (f"{kind} '{written}' trỏ tới tệp không có: {_shorter(target.relative_to(content_dir).as_posix())}",
            "đường dẫn tính từ thư mục của bài học này; kiểm tra tên tệp và thư mục")


def _not_a_file(embedded: _Embedded, target: str) -> tuple[str, str]:
    """A picture or recording must be a file of the course: the sanitiser drops any other
    address but http(s), and one on another host never loads offline or from a USB stick."""
    kind, written, example = embedded.kind, _shorter(target), embedded.example
    if _on_another_host(target):
        return (f"{kind} '{written}' nằm trên máy chủ khác: {embedded.offline}",
                f"tải {embedded.thing} về, đặt cạnh bài học và dẫn tới tệp đó, ví dụ {example}")
    if _ON_THIS_COMPUTER.match(target):
        return (f"{kind} '{written}' là đường dẫn trên máy của bạn: người học không mở được",
                f"chép {embedded.thing} vào cạnh bài học và dẫn tới tệp đó, ví dụ {example}")
    if target.lower().startswith("data:"):
        return (f"{kind} '{written}' được viết thẳng vào bài (data:): trang web sẽ bỏ nó đi",
                f"lưu thành một tệp đặt cạnh bài học và dẫn tới tệp đó, ví dụ {example}")
    return (f"{kind} '{written}' không phải là một tệp: trang web chỉ hiện {kind} là tệp đặt cạnh bài học",
            f"đặt {embedded.thing} cạnh bài học và dẫn tới tệp đó, ví dụ {example}")


def find_pictures(text: str, first_line: int) -> Iterator[Link]:
    """Every picture and recording in a text, as Markdown or raw HTML, and every <audio>/<video>."""
    if "![" not in text and "<" not in text:  # neither Markdown's picture nor a tag: most quiz texts
        return iter(())
    return (link for link in chain(find_links(text, first_line), find_html_files(text, first_line))
            if link.is_image)


def picture_in_quiz_text(link: Link, folder: str) -> tuple[str, str]:
    """(message, hint) for a picture written into a quiz's text: a quiz publishes only the
    picture of a question's 'image' field (copied from ``folder``), so any other is broken
    on the page, or comes from another host."""
    written = _shorter(link.target)
    if link.tag in _REMOVED_TAGS or is_audio(link.target):
        what = f"thẻ <{link.tag}>" if link.tag in _REMOVED_TAGS else f"tệp âm thanh '{written}'"
        return (f"{what} không phát được trong bài kiểm tra",
                "gắn tệp âm thanh vào bài học, ví dụ ngay trước bài kiểm tra: "
                "![Nghe cô giáo đọc bài](am-thanh/bai-1.mp3)")
    field = "ghi ở trường 'image' của câu hỏi, ví dụ image: {src: anh/ten-anh.png, alt: Mô tả ngắn}"
    if _on_another_host(link.target):
        return (f"ảnh '{written}' nằm trên máy chủ khác: {_PICTURE.offline}",
                f"tải ảnh về thư mục {folder}/ và {field}")
    return (f"ảnh '{written}' viết trong chữ của câu hỏi sẽ không hiện: bài kiểm tra chỉ đưa lên trang "
            "ảnh ở trường 'image'",
            f"lưu ảnh thành tệp trong thư mục {folder}/ và {field}")


def _on_another_host(target: str) -> bool:
    return target.lower().startswith(("http:", "https:", "//"))


def course_file(target: str, source: Path, content_dir: Path) -> Path | None:
    """The file of the course (inside ``content_dir``) that a local link or picture names,
    if it exists; ``source`` is the author's file the target is written in."""
    file = _resolved(target, source, content_dir)
    try:
        return file if file and file.is_relative_to(content_dir) and file.is_file() else None
    except (OSError, ValueError):  # a name too long for the file system, or one with a NUL in it
        return None


def local_file(link: Link, source: Path, content_dir: Path) -> Path | None:
    """The file a link points at (resolved; it may not exist), or None for a link with a
    scheme or to another host, or to a place on the same page."""
    if _SCHEME.match(link.target) or link.target.startswith("//"):
        return None
    return _resolved(link.target, source, content_dir)


def _resolved(target: str, source: Path, content_dir: Path) -> Path | None:
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None  # an anchor on the same page
    joined = (content_dir / path.lstrip("/")) if path.startswith("/") else (source.parent / path)
    try:
        return joined.resolve()
    except (OSError, ValueError):  # a NUL in the name ("%00"): no file has one
        return Path(os.path.normpath(joined))


def _shorter(text: str, most: int = 80) -> str:
    # A message names what the author wrote, but a line-long target would bury it.
    return text if len(text) <= most else text[:most - 1] + "…"


MAX_BRACKETS = 400  # per paragraph: real text has a few; Python-Markdown's link search is quadratic in them


def bracket_floods(text: str, first_line: int) -> Iterator[tuple[int, int]]:
    """(line, count) of each paragraph holding more than :data:`MAX_BRACKETS` "[": the
    renderer (Python-Markdown) takes minutes over a few thousand of them."""
    if text.count("[") <= MAX_BRACKETS:  # no paragraph can hold more than the whole text
        return
    line, count = first_line, 0
    for offset, row in enumerate(text.split("\n")):
        if not row.strip():
            if count > MAX_BRACKETS:
                yield line, count
            line, count = first_line + offset + 1, 0
            continue
        count += row.count("[")
    if count > MAX_BRACKETS:
        yield line, count


def bracket_flood_problem(count: int) -> tuple[str, str]:
    return (f"đoạn này có {count} dấu '[' (nhiều nhất {MAX_BRACKETS} mỗi đoạn): trang sẽ dựng rất lâu",
            "bỏ bớt dấu '[' hoặc chia thành nhiều đoạn cách nhau bằng một dòng trống")
