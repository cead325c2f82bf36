"""Split a Markdown file into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_FENCE = "---"


@dataclass(frozen=True)
class SplitPage:
    meta_text: str | None  # None when the file has no front matter
    meta_line: int  # file line where meta_text starts
    body: str
    body_line: int  # file line where body starts


class UnclosedFrontMatter(Exception):
    pass


def split(text: str) -> SplitPage:
    """Separate ``---``-fenced front matter from the body; all text is NFC."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _FENCE:
        return SplitPage(None, 1, text, 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (_FENCE, "..."):
            return SplitPage(
                meta_text="".join(lines[1:index]),
                meta_line=2,
                body="".join(lines[index + 1:]),
                body_line=index + 2,
            )
    raise UnclosedFrontMatter
