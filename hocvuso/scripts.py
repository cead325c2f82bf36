"""hocvuso's own browser scripts (hocvuso/assets/*.js), minified and named after their
content, so a browser caches them for good and a new build never mixes old and new."""

from __future__ import annotations

from pathlib import Path

import rjsmin

from .quiz_render import content_hash

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/hocvuso"
QUIZ_ENGINE = ASSETS / "quiz.js"
OFFLINE = ASSETS / "offline.js"  # registers the service worker
READING = ASSETS / "reading.js"  # text size and contrast, glossary taps, on every page
LISTEN = ASSETS / "listen.js"  # read-aloud, on lesson and final-test pages only
NAV = ASSETS / "nav.js"  # menu button and skip link for keyboards and screen readers, on every page
# Scripts served inside another's file: on every page that is one request and one tag fewer.
SERVED_WITH = {READING: (NAV,)}
SEARCH = ASSETS / "search.js"
RECORD = ASSETS / "record.js"  # progress, certificate and class pages
QR = ASSETS / "qr.js"
PAGE_SCRIPTS = (QUIZ_ENGINE, OFFLINE, READING, LISTEN, NAV, SEARCH, RECORD, QR)  # their classes keep their CSS


def script_asset(source: Path) -> tuple[str, str]:
    """Site path and minified text of one script, followed by those served with it."""
    text = "\n".join(rjsmin.jsmin(path.read_text(encoding="utf-8")) for path in (source, *SERVED_WITH.get(source, ())))
    return f"{ASSET_DIR}/{source.stem}.{content_hash(text)}.js", text
