"""hocvuso's stylesheet and icon, published under content-hashed names so browsers cache them for good."""

from __future__ import annotations

from pathlib import Path

from ..quiz.render import content_hash

PACKAGE_CSS = Path(__file__).parent.parent / "browser" / "hocvuso.css"
ICON = Path(__file__).parent.parent / "browser" / "icon.svg"
EXTRA_CSS = Path("theme") / "assets" / "extra.css"  # a project's own additions, if any


def stylesheet(project_dir: Path) -> tuple[str, str]:
    """(site path, text): hocvuso's CSS, then the project's theme/assets/extra.css if present."""
    text = PACKAGE_CSS.read_text(encoding="utf-8")
    extra = project_dir / EXTRA_CSS
    if extra.is_file():
        text += "\n" + extra.read_text(encoding="utf-8")
    return f"assets/hocvuso/hocvuso.{content_hash(text)}.css", text


def favicon() -> tuple[str, str]:
    """(site path, text) of the site's icon: a file, fetched once and cached, costs less
    than the same 250 bytes inside every page."""
    text = ICON.read_text(encoding="utf-8")
    return f"assets/hocvuso/icon.{content_hash(text)}.svg", text
