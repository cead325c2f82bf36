"""Notes for trainers inside a lesson: printed in handouts, never shown to learners.

An author writes them as an admonition of type ``huong-dan``::

    !!! huong-dan "Ghi chú cho người hướng dẫn"
        Chuẩn bị sẵn hai điện thoại để học viên thực hành theo cặp.
"""

from __future__ import annotations

import re

# The opening line and every following line that is indented or blank.
NOTE = re.compile(r"^(?:!!!|\?\?\?\+?)\s+huong-dan\b[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)(?:\n|$))*", re.M)


def without_trainer_notes(body: str) -> str:
    """The body learners see; removed lines become blank so line numbers stay right."""
    return NOTE.sub(lambda m: "\n" * m[0].count("\n"), body)
