"""What a built page refers to: its stylesheets, scripts, images, recordings and links.

Weighing a page and listing a tier's offline download both need this for every page of
the site; Python's HTMLParser takes about 4 ms for a lesson page (and 40 s over a
1,000-lesson course, read three times). The pages are HTML hocvuso wrote itself (our
templates, Material's, and lesson text already sanitised), so one regular expression over
the tags that can refer to a file is exact: comments and the insides of ``<script>`` and
``<style>`` are stepped over as HTMLParser does, and attribute values are unescaped as it
does. Each page is scanned once per version of its file (size and modification time), so
the weights and the offline lists share one scan.

tests/test_pagescan.py checks the result against HTMLParser on every page of a built
course and on markup written to trip a regular expression.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_ATTRS = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""  # up to the tag's '>', quotes and all
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment, to the end of the page if it is not closed
    rf"|<(script)(?=[\s/>]){_ATTRS}>.*?(?:</script\s*>|\Z)"  # the tag's attributes; its body is not markup
    r"|<style(?=[\s/>])[^>]*>.*?(?:</style\s*>|\Z)"
    rf"|<(link|img|audio|a)(?=[\s/>]){_ATTRS}>",
    re.DOTALL | re.IGNORECASE)
_ATTR = re.compile(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


@dataclass(frozen=True)
class Refs:
    """URLs as written in the page, in document order."""

    loads: tuple[tuple[str, str], ...]  # (url, role): "style", "script" or "image" (not lazy)
    media: tuple[str, ...]  # <audio src>: fetched only when played
    links: tuple[str, ...]  # <a href>


def scan(page: Path) -> Refs:
    """The references of the built page at ``page`` (read once per version of the file)."""
    stat = page.stat()
    return _scan_file(page, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8192)
def _scan_file(page: Path, mtime_ns: int, size: int) -> Refs:
    return scan_text(page.read_text(encoding="utf-8"))


def scan_text(text: str) -> Refs:
    loads: list[tuple[str, str]] = []
    media: list[str] = []
    links: list[str] = []
    for found in _TAG.finditer(text):
        if found[1]:
            attrs = _attributes(found[2])
            if attrs.get("src"):
                loads.append((attrs["src"], "script"))
            continue
        tag = (found[3] or "").lower()
        if not tag:
            continue  # a comment or a style element
        attrs = _attributes(found[4])
        if tag == "link":
            rel = (attrs.get("rel") or "").split()
            if ("stylesheet" in rel or "icon" in rel) and attrs.get("href"):
                loads.append((attrs["href"], "style"))
        elif tag == "img":
            if attrs.get("src") and attrs.get("loading") != "lazy":
                loads.append((attrs["src"], "image"))
        elif tag == "audio":
            if attrs.get("src"):
                media.append(attrs["src"])
        elif attrs.get("href"):
            links.append(attrs["href"])
    return Refs(tuple(loads), tuple(media), tuple(links))


def _attributes(text: str) -> dict[str, str]:
    """Attributes as HTMLParser gives them: names lowercased, values unescaped, the first
    of a repeated name ignored in favour of the last (``dict(attrs)``)."""
    attrs = {}
    for name, double, single, bare in _ATTR.findall(text):
        value = double or single or bare
        attrs[name.lower()] = html.unescape(value) if "&" in value else value
    return attrs
