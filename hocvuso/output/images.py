"""Photos from authors' phones, made fit for learners' phones.

An author drops a 4 MB photo next to a lesson; learners get a resized, recompressed
copy (at most ``MAX_WIDTH`` pixels wide), as WebP with a JPEG or PNG fallback, under
content-hashed names, with width and height set (no layout jump while it loads) and
lazy loading. The author's file itself never reaches the site.

Images come from authors, so they are decoded only through :func:`unusable` and
:func:`process`, which turn an empty file, a file that is no image, a broken one or a
decompression bomb into a problem in the author's words instead of a traceback.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import warnings
import xml.etree.ElementTree as etree
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markdown.serializers import to_html_string
from markupsafe import Markup
from PIL import Image, ImageFile, ImageOps

from ..model.links import find_links, local_file
from ..problems import Problems
from .weight import threads

if TYPE_CHECKING:
    from ..model.lessons import Lesson

RASTER = (".jpg", ".jpeg", ".png", ".webp")
MAX_WIDTH = 800
# A 12-megapixel phone photo is well within; a "decompression bomb" (a small file that
# declares hundreds of megapixels) would take gigabytes of memory to decode.
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class Processed:
    webp: str  # site paths
    fallback: str
    width: int
    height: int
    webp_bytes: int
    fallback_bytes: int


def is_raster(path: str | Path) -> bool:
    return Path(path).suffix.lower() in RASTER


class _Unusable(Exception):
    """An author's image that is not decoded; ``args`` are (why, hint) in their words."""


_EMPTY = ("là tệp rỗng (0 byte), không có ảnh nào trong đó",
          "tệp đã hỏng khi chép hoặc tải về: chép lại ảnh từ máy gốc (điện thoại, máy ảnh)")
_BROKEN = ("không phải là ảnh, hoặc tệp ảnh đã bị hỏng",
           "mở thử tệp bằng trình xem ảnh; nếu không mở được, chép lại ảnh gốc, "
           "hoặc mở ảnh gốc rồi lưu lại dạng JPG hoặc PNG")
_TOO_LARGE_HINT = ("thu nhỏ ảnh trước khi đưa vào, ví dụ còn rộng 1600 điểm ảnh (px), bằng Paint "
                   "trên máy tính (Đổi kích thước) hoặc chức năng sửa ảnh của điện thoại; trên trang, "
                   f"ảnh chỉ hiện rộng tối đa {MAX_WIDTH} px")
# What Pillow raises on a file it cannot read (UnidentifiedImageError is an OSError; a
# cut-off file fails with OSError, a damaged PNG with SyntaxError).
_DECODE_ERRORS = (OSError, SyntaxError, ValueError)


def _too_large(size: tuple[int, int] | None) -> tuple[str, str]:
    limit = f"hơn {MAX_PIXELS // 1_000_000} megapixel (triệu điểm ảnh)"
    shown = f"{size[0]} × {size[1]} điểm ảnh, " if size else ""
    return f"quá lớn: {shown}{limit}", _TOO_LARGE_HINT


@contextmanager
def _decoding(path: Path) -> Iterator[Image.Image]:
    """The image at ``path``, opened to be decoded; any reason not to raises _Unusable."""
    # WeasyPrint, once imported (handouts), tells Pillow to accept cut-off files, for
    # the whole process; a cut-off photo must fail here all the same.
    truncated, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    with warnings.catch_warnings():
        # Pillow only warns between its two limits; a warning here is an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            if path.stat().st_size == 0:  # inside: a link to nowhere fails here, as OSError
                raise _Unusable(*_EMPTY)
            with Image.open(path) as picture:
                if picture.width * picture.height > MAX_PIXELS:
                    raise _Unusable(*_too_large(picture.size))
                yield picture
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _Unusable(*_too_large(None)) from None
        except _DECODE_ERRORS:
            raise _Unusable(*_BROKEN) from None
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = truncated


def unusable(path: Path) -> tuple[str, str] | None:
    """(why, hint) when the image file cannot be shown, in the author's words, else None.

    ``why`` follows the image's name: "ảnh 'anh/x.png' {why}". The whole image is
    decoded, as a cut-off file fails only there. A JPEG is decoded at an eighth of its
    size: that still reads all of its data, and keeps checking a course of photos fast.
    """
    try:
        with _decoding(path) as picture:
            picture.verify()  # checksums; afterwards the file must be opened again
        with _decoding(path) as picture:
            picture.draft(None, (1, 1))
            picture.load()
    except _Unusable as error:
        return error.args
    return None


def report_unusable(path: Path, problems: Problems, uses: Iterable[tuple[Path, int, str]] = ()) -> None:
    """Report a raster image that cannot be shown at each use, given as (the file that
    shows it, its line there, the image's path as written there); without any, at the image."""
    if not is_raster(path):
        return
    why = unusable(path)
    if why:
        _report(why, path, problems, uses)


def _report(why: tuple[str, str], path: Path, problems: Problems, uses: Iterable[tuple[Path, int, str]]) -> None:
    message, hint = why
    for source, line, written in list(uses) or [(path, 1, "")]:
        problems.add(source, line, f"ảnh '{written}' {message}" if written else f"tệp này {message}", hint)


def check_content_images(content_dir: Path, assets: Iterable[str], lessons: Iterable[Lesson],
                         problems: Problems) -> None:
    """Every raster image in content/, reported at the lesson lines that show it (if any)."""
    uses: dict[Path, list[tuple[Path, int, str]]] = {}
    for lesson in lessons:
        for link in find_links(lesson.body, lesson.body_line):
            target = local_file(link, lesson.source, content_dir)
            if target:
                uses.setdefault(target, []).append((lesson.source, link.line, link.target))
    for asset in assets:
        path = content_dir / asset
        report_unusable(path, problems, uses.get(path.resolve(), ()))


def _encoded(picture: Image.Image, transparent: bool) -> tuple[bytes, bytes]:
    """The picture as WebP, and as the PNG or JPEG fallback for browsers without WebP."""
    webp = _encode(picture, "WEBP", quality=75, method=6)
    fallback = (_encode(picture, "PNG", optimize=True) if transparent
                else _encode(picture, "JPEG", quality=80, optimize=True, progressive=True))
    return webp, fallback


def _write(docs_dir: Path, asset: str, source: Path, picture: Image.Image, transparent: bool, encoding: Future, *,
           budget: int, problems: Problems, done: dict[str, Processed]) -> None:
    webp, fallback = encoding.result()
    if len(webp) > budget:
        problems.add(source, 1, f"ảnh sau khi thu nhỏ vẫn nặng {len(webp) / 1024:.0f} KB, vượt ngân sách "
                     f"{budget // 1024} KB mỗi ảnh",
                     "cắt bớt phần thừa của ảnh, hoặc dùng ảnh ít chi tiết hơn")
    stem = posixpath.splitext(asset)[0]
    ext = ".png" if transparent else ".jpg"
    webp_path = f"{stem}.{_hash(webp)}.webp"
    fallback_path = f"{stem}.{_hash(fallback)}{ext}"
    (docs_dir / webp_path).write_bytes(webp)
    (docs_dir / fallback_path).write_bytes(fallback)
    (docs_dir / asset).write_bytes(fallback)  # the name the Markdown uses, so links still resolve
    done[asset] = Processed(webp_path, fallback_path, picture.width, picture.height, len(webp), len(fallback))


def process(docs_dir: Path, sources: dict[str, Path], *, budget: int, problems: Problems,
            max_width: int = MAX_WIDTH) -> dict[str, Processed]:
    """Replace each raster image in the staged docs by its processed versions.

    ``sources`` maps each staged file (its path in the docs) to the author's file, where
    an image that cannot be decoded or is still over ``budget`` bytes as WebP is reported.
    """
    done: dict[str, Processed] = {}
    # Decoding touches Pillow's process-wide settings, so it stays in this thread; the
    # encoding (WebP at its slowest, best setting) releases the GIL and runs on every core,
    # a few pictures at a time so that a course of photos is not all in memory at once.
    workers = threads()
    pending: deque[tuple[str, Path, Image.Image, bool, Future]] = deque()
    with ThreadPoolExecutor(workers) as pool:
        for asset, source in sources.items():
            if not is_raster(asset):
                continue
            try:
                with _decoding(docs_dir / asset) as original:
                    picture = ImageOps.exif_transpose(original)  # phone photos are often stored rotated
                    if picture.width > max_width:
                        height = round(picture.height * max_width / picture.width)
                        picture = picture.resize((max_width, height), Image.LANCZOS)
                    transparent = picture.mode in ("RGBA", "LA", "P") and _has_alpha(picture)
                    picture = picture.convert("RGBA" if transparent else "RGB")
            except _Unusable as error:  # it decoded at check time, so it changed since
                _report(error.args, source, problems, ())
                continue
            pending.append((asset, source, picture, transparent, pool.submit(_encoded, picture, transparent)))
            while len(pending) > 2 * workers:
                _write(docs_dir, *pending.popleft(), budget=budget, problems=problems, done=done)
        while pending:
            _write(docs_dir, *pending.popleft(), budget=budget, problems=problems, done=done)
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


def picture_element(image: Processed, here: str, attrs: Mapping[str, str]) -> etree.Element:
    """A ``<picture>`` of a processed image for a page in the site folder ``here``: its
    WebP, then its sized fallback, with the ``<img>``'s other attributes (alt, title,
    class) and a size, so nothing jumps while it loads."""
    def rel(path: str) -> str:
        return posixpath.relpath(path, here or ".")

    img = {**attrs, "src": rel(image.fallback), "width": str(image.width), "height": str(image.height),
           "loading": "lazy", "decoding": "async"}
    made = etree.Element("picture")
    etree.SubElement(made, "source", {"srcset": rel(image.webp), "type": "image/webp"})
    etree.SubElement(made, "img", dict(sorted(img.items())))  # in nh3's order, as in a lesson
    return made


def picture_html(image: Processed, here: str, attrs: Mapping[str, str]) -> Markup:
    """:func:`picture_element` as HTML, for a template (a quiz question's picture)."""
    return Markup(to_html_string(picture_element(image, here, attrs)))
