"""Write the course as a plain MkDocs docs folder: one Markdown file per page.

Generated pages and lessons alike get front matter naming their template and title (as
JSON, which YAML reads as it is); the data their templates show reaches MkDocs through
the adapter (mkdocs_adapter.render).
"""

from __future__ import annotations

import html
import json
import posixpath
import shutil
from pathlib import Path

from .pages import Page
from ..quiz.render import QUIZ_IMAGES


def write_page(page: Page, docs_dir: Path) -> None:
    target = docs_dir / page.path
    target.parent.mkdir(parents=True, exist_ok=True)
    # Material prints page titles unescaped in several places, so the title is
    # escaped once here; templates print it as it is and escape everything else.
    # The page's data (page.meta.hv) is handed to MkDocs by the adapter, not written here.
    meta = {"template": page.template, "title": html.escape(page.title)}
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    target.write_text(f"---\n{front}---\n\n{page.body}", encoding="utf-8")


def write_docs(pages: list[Page], assets: tuple[str, ...], *, content_dir: Path, docs_dir: Path,
               generated: dict[str, str], quiz_images: list[str], quizzes_dir: Path) -> dict[str, Path]:
    """Returns the files copied from the author's folders: path in the docs -> the author's file."""
    copied = {asset: content_dir / asset for asset in assets}
    # Normalised as a page's link to it is, for images.rewrite_pages to find it.
    copied.update({posixpath.normpath(f"{QUIZ_IMAGES}/{src}"): quizzes_dir / src for src in quiz_images})
    for page in pages:
        write_page(page, docs_dir)
    for path, source in copied.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for path, text in generated.items():  # the quiz engine and bundles
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return copied
