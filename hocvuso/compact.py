"""Built pages without the blank lines and indentation of the templates that made them.

Material's and our Jinja templates indent for their readers: a lesson page carried about
3 KB of spaces and empty lines, paid for on every visit. In HTML a run of whitespace
between words or tags shows as one space at most, so every run that holds a line break
becomes that line break alone: the page looks and reads the same. Where whitespace is
shown as written (``pre``, ``textarea``, and ``code``/``kbd``, which Material sets to
``white-space: pre-wrap``) and inside ``script`` and ``style``, nothing is touched; nor
inside tags and comments.
"""

from __future__ import annotations

import re
from pathlib import Path

_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
_RAW_TEXT = ("script", "style", "textarea")  # their content is not markup: skip to their end tag
_AS_WRITTEN = ("pre", "code", "kbd")  # markup inside, whitespace shown as it is


def compact_html(html: str) -> str:
    out: list[str] = []
    lowered = html.lower()
    written = 0  # how many elements that show whitespace as written are open
    pos = 0
    while (match := _TAG.search(html, pos)) is not None:
        text = html[pos:match.start()]
        out.append(text if written else _RUN.sub("\n", text))
        out.append(match[0])
        pos = match.end()
        closing, name = match[1], (match[2] or "").lower()
        if name in _RAW_TEXT and not closing:
            end = lowered.find(f"</{name}", pos)
            end = len(html) if end < 0 else end
            out.append(html[pos:end])
            pos = end
        elif name in _AS_WRITTEN and not match[0].endswith("/>"):
            written = max(0, written - 1) if closing else written + 1
    tail = html[pos:]
    out.append(tail if written else _RUN.sub("\n", tail))
    return "".join(out).lstrip()


def compact_site(site: Path) -> None:
    """Compact every built page in place."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        compacted = compact_html(html)
        if compacted != html:
            page.write_text(compacted, encoding="utf-8")
