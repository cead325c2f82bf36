"""Reading comfort on every page: text size and high contrast (assets/reading.js).

One small script, named by its content, loaded deferred by theme/main.html; the saved
choice itself is applied by an inline line in <head> so pages never flash at the wrong
size. Read-aloud for elderly learners is meant to join it here.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

from .quiz_render import content_hash

SOURCE = Path(__file__).parent / "assets" / "reading.js"


def reading_asset() -> tuple[str, str]:
    """Site path and text of the minified script."""
    text = rjsmin.jsmin(SOURCE.read_text(encoding="utf-8"))
    return f"assets/hocvuso/reading.{content_hash(text)}.js", text
