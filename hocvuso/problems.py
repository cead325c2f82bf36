"""Problems found in an author's files, reported as ``path:line: message``.

Every stage collects problems instead of stopping at the first one, so an author
can fix all of them in one pass (the Pelican habit). A stage that cannot go on
raises :class:`CourseError` carrying everything collected so far.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place of one file."""

    path: str  # as the author sees it: relative to the project folder, with "/"
    line: int  # 1-based line in the author's file; 0 for a command-line option
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"
        if self.hint:
            text += f"\n    gợi ý: {self.hint}"
        return text


class CourseError(Exception):
    """The course cannot be built; ``problems`` says why, each with file and line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line))
        super().__init__("\n".join(p.format() for p in self.problems))


class Problems:
    """Collects problems across a stage; ``raise_if_any`` ends the stage."""

    def __init__(self, root: Path):
        self.root = root
        self.items: list[Problem] = []

    def add(self, path: Path | str, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.display(path), max(line, 1), message, hint))

    def add_option(self, option: str, message: str, hint: str = "") -> None:
        """A problem with what was typed on the command line, e.g. ``--site-dir .``."""
        self.items.append(Problem(option, 0, message, hint))

    def display(self, path: Path | str) -> str:
        path = Path(path)
        # A symbolic link is shown as itself, not as the file it points to.
        for candidate, root in ((Path(os.path.abspath(path)), Path(os.path.abspath(self.root))),
                                (path.resolve(), self.root.resolve())):
            try:
                return candidate.relative_to(root).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise CourseError(self.items)


def nearest(word: str, choices: Iterable[str], *, n: int = 3) -> list[str]:
    """The choices closest to a mistyped word, best first."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.5)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest valid choices, or listing them all when none is close."""
    choices = list(choices)
    close = nearest(word, choices)
    if close:
        return "có phải ý bạn là " + " hoặc ".join(f"'{c}'" for c in close) + "?"
    return "các giá trị hợp lệ: " + ", ".join(choices)
