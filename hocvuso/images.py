"""Photos from authors' phones, made fit for learners' phones.

An author drops a 4 MB photo next to a lesson; learners get a resized, recompressed
copy (at most ``MAX_WIDTH`` pixels wide), as WebP with a JPEG or PNG fallback, under
content-hashed names, with width and height set (no layout jump while it loads) and
lazy loading. The author's file itself never reaches the site.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

RASTER = (".jpg", ".jpeg", ".png", ".webp")
MAX_WIDTH = 800


@dataclass(frozen=True)
class Processed:
    webp: str  # site paths
    fallback: str
    width: int
    height: int
    webp_bytes: int
    fallback_bytes: int


def process(docs_dir: Path, assets: tuple[str, ...], max_width: int = MAX_WIDTH) -> dict[str, Processed]:
    """Replace each raster image in the staged docs by its processed versions."""
    done = {}
    for asset in assets:
        if Path(asset).suffix.lower() not in RASTER:
            continue
        staged = docs_dir / asset
        with Image.open(staged) as original:
            picture = ImageOps.exif_transpose(original)  # phone photos are often stored rotated
            if picture.width > max_width:
                height = round(picture.height * max_width / picture.width)
                picture = picture.resize((max_width, height), Image.LANCZOS)
            transparent = picture.mode in ("RGBA", "LA", "P") and _has_alpha(picture)
            picture = picture.convert("RGBA" if transparent else "RGB")
            webp = _encode(picture, "WEBP", quality=75, method=6)
            fallback = (_encode(picture, "PNG", optimize=True) if transparent
                        else _encode(picture, "JPEG", quality=80, optimize=True, progressive=True))
        stem = posixpath.splitext(asset)[0]
        ext = ".png" if transparent else ".jpg"
        webp_path = f"{stem}.{_hash(webp)}.webp"
        fallback_path = f"{stem}.{_hash(fallback)}{ext}"
        (docs_dir / webp_path).write_bytes(webp)
        (docs_dir / fallback_path).write_bytes(fallback)
        staged.write_bytes(fallback)  # the name the Markdown uses, so links still resolve
        done[asset] = Processed(webp_path, fallback_path, picture.width, picture.height,
                                len(webp), len(fallback))
    return done


def _has_alpha(picture: Image.Image) -> bool:
    if picture.mode == "P":
        return "transparency" in picture.info
    return picture.getchannel("A").getextrema()[0] < 255


def _encode(picture: Image.Image, kind: str, **options) -> bytes:
    out = io.BytesIO()
    picture.save(out, kind, **options)
    return out.getvalue()


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


_IMG = re.compile(r"<img\b([^>]*?)\s*/?>")
_SRC = re.compile(r'\ssrc="([^"]+)"')


def rewrite_pages(site: Path, images: dict[str, Processed]) -> None:
    """Point every <img> of a processed image at its WebP and sized fallback."""
    if not images:
        return
    for page in site.rglob("*.html"):
        rel_page = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        new = _IMG.sub(lambda m: _picture(m, rel_page, images), html)
        if new != html:
            page.write_text(new, encoding="utf-8")


def _picture(match: re.Match, page: str, images: dict[str, Processed]) -> str:
    attrs = match[1]
    src = _SRC.search(attrs)
    if not src or "://" in src[1] or src[1].startswith("data:"):
        return match[0]
    here = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(here, src[1]))
    image = images.get(target)
    if image is None:
        return match[0]

    def rel(path: str) -> str:
        return posixpath.relpath(path, here or ".")

    rest = _SRC.sub("", attrs)
    rest = re.sub(r'\s(width|height|loading|decoding)="[^"]*"', "", rest)
    return (f'<picture><source srcset="{rel(image.webp)}" type="image/webp">'
            f'<img src="{rel(image.fallback)}"{rest} width="{image.width}" height="{image.height}" '
            'loading="lazy" decoding="async"></picture>')
