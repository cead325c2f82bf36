"""hocvuso's own browser scripts (hocvuso/browser/*.js), minified and named after their
content, so a browser caches them for good and a new build never mixes old and new."""

from __future__ import annotations

from pathlib import Path

import rjsmin

from ..quiz.render import content_hash

ASSETS = Path(__file__).parent.parent / "browser"
ASSET_DIR = "assets/hocvuso"
QUIZ_ENGINE = ASSETS / "quiz.js"
TALLY = ASSETS / "tally.js"  # saved answers and their count: the engine's and the record pages'
OFFLINE = ASSETS / "offline.js"  # registers the service worker
READING = ASSETS / "reading.js"  # text size and contrast, glossary taps, on every page
LISTEN = ASSETS / "listen.js"  # read-aloud, on lesson and final-test pages only
NAV = ASSETS / "nav.js"  # menu button and skip link for keyboards and screen readers, on every page
# Scripts served inside another's file: on every page that is one request and one tag fewer.
SERVED_WITH = {READING: (NAV,)}
SERVED_BEFORE = {QUIZ_ENGINE: (TALLY,)}
SEARCH = ASSETS / "search.js"
QR = ASSETS / "qr.js"
# The progress, certificate and class pages: one script each, made of the parts it uses,
# in one closure (record/head.js opens it, record/tail.js closes it). The progress page,
# the one learners open most, carries no code reader, certificate or class table.
_RECORD = ASSETS / "record"
RECORD_PAGES = {
    # The pages that read results end with tally.js: the engine's own count, without the
    # engine (the record script sets up window.hvQuiz before it runs).
    "progress": (_RECORD / "head.js", _RECORD / "progress.js", _RECORD / "tail.js", TALLY),
    "certificate": (_RECORD / "head.js", _RECORD / "codes.js", _RECORD / "certificate.js", _RECORD / "tail.js",
                    TALLY),
    "class": (_RECORD / "head.js", _RECORD / "codes.js", _RECORD / "certificate.js", _RECORD / "class.js",
              _RECORD / "tail.js"),
}
RECORD_PARTS = tuple(dict.fromkeys(part for parts in RECORD_PAGES.values() for part in parts))
PAGE_SCRIPTS = (QUIZ_ENGINE, TALLY, OFFLINE, READING, LISTEN, NAV, SEARCH, QR, *RECORD_PARTS)  # their classes keep their CSS


def script_asset(source: Path) -> tuple[str, str]:
    """Site path and minified text of one script, with those served before and after it."""
    return _served(source.stem, (*SERVED_BEFORE.get(source, ()), source, *SERVED_WITH.get(source, ())))


def record_script(kind: str) -> tuple[str, str]:
    """Site path and minified text of the record page ``kind``'s script (RECORD_PAGES)."""
    return _served(f"record.{kind}", RECORD_PAGES[kind])


def _served(name: str, parts: tuple[Path, ...]) -> tuple[str, str]:
    """Several sources minified into one file, named after its content."""
    text = "\n".join(rjsmin.jsmin(path.read_text(encoding="utf-8")) for path in parts)
    return f"{ASSET_DIR}/{name}.{content_hash(text)}.js", text
