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

_QUOTED = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""  # a tag's inside, quotes and all
# What is left as it is comes first: comments, elements whose whitespace shows or whose
# content is not markup (to their end tag), and tags; then the runs of whitespace that
# hold a line break, the only thing replaced. One pass of the regular expression engine.
_PIECE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(pre|code|kbd|script|style|textarea)(?=[\s/>]){_QUOTED}(?<!/)>.*?(?:</\1\s*>|\Z)"
    rf"|</?[a-zA-Z][a-zA-Z0-9-]*{_QUOTED}>"
    r"|([ \t\r\f]*\n[ \t\r\n\f]*)",
    re.DOTALL | re.IGNORECASE)


def _piece(found: re.Match) -> str:
    return "\n" if found[2] else found[0]


def compact_html(html: str) -> str:
    return _PIECE.sub(_piece, html).lstrip()


def compact_site(site: Path) -> None:
    """Compact every built page in place."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        compacted = compact_html(html)
        if compacted != html:
            page.write_text(compacted, encoding="utf-8")
