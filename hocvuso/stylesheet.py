"""hocvuso's stylesheet, published under a content-hashed name so browsers cache it for good."""

from __future__ import annotations

from pathlib import Path

from .quiz_render import content_hash

PACKAGE_CSS = Path(__file__).parent / "assets" / "hocvuso.css"
EXTRA_CSS = Path("theme") / "assets" / "extra.css"  # a project's own additions, if any


def stylesheet(project_dir: Path) -> tuple[str, str]:
    """(site path, text): hocvuso's CSS, then the project's theme/assets/extra.css if present."""
    text = PACKAGE_CSS.read_text(encoding="utf-8")
    extra = project_dir / EXTRA_CSS
    if extra.is_file():
        text += "\n" + extra.read_text(encoding="utf-8")
    return f"assets/hocvuso/hocvuso.{content_hash(text)}.css", text
