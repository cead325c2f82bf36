"""Authors' phone photos become small, sized, lazy WebP images with a fallback."""

from __future__ import annotations

import random

import pytest
from PIL import Image

from htmltext import read


def _photo(path, width=3000, height=2000):
    # Noise does not compress: a stand-in for a real multi-megabyte phone photo.
    rng = random.Random(7)
    image = Image.frombytes("RGB", (width, height), bytes(rng.getrandbits(8) for _ in range(width * height * 3)))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=95)


@pytest.fixture
def photo_course(course):
    _photo(course.root / "content" / "co-ban" / "anh" / "dien-thoai.jpg", 1600, 1200)
    course.lesson("co-ban/bai.md", body="![Điện thoại đang sạc](anh/dien-thoai.jpg)\n")
    return course


def test_photo_is_resized_to_800_px_as_webp_with_jpeg_fallback_and_lazy(photo_course):
    course = photo_course
    original = (course.root / "content/co-ban/anh/dien-thoai.jpg").stat().st_size
    _budget(course, 2000)  # noise is the worst case; a real photo at 800 px is far smaller
    assert course.run("build") == 0
    html = course.page("co-ban/bai.html")
    assert '<picture><source srcset="anh/dien-thoai.' in html and 'type="image/webp">' in html
    img = next(tag for tag in html.split("<img")[1:] if "Điện thoại đang sạc" in tag)
    assert 'width="800" height="600"' in img and 'loading="lazy"' in img
    site = course.root / "site" / "co-ban" / "anh"
    webp = next(site.glob("dien-thoai.*.webp"))
    with Image.open(webp) as image:
        assert image.size == (800, 600)
    assert next(site.glob("dien-thoai.*.jpg")).stat().st_size < original / 2
    assert all("://" not in url or url.startswith("data:") for url in read(html).loads)
    assert (course.root / "content/co-ban/anh/dien-thoai.jpg").stat().st_size == original  # author's file kept


def _budget(course, kb):
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text.replace("hocvuso:\n", f"hocvuso:\n  budgets:\n    image: {kb}\n"))


def test_image_still_over_budget_after_processing_is_reported(photo_course, capsys):
    _budget(photo_course, 10)
    assert photo_course.run("build") == 1
    err = capsys.readouterr().err
    assert err.startswith("content/co-ban/anh/dien-thoai.jpg:1: ảnh sau khi thu nhỏ vẫn nặng ")
    assert "vượt ngân sách 10 KB mỗi ảnh" in err


def test_image_without_alt_text_is_an_error(course, capsys):
    _photo(course.root / "content" / "co-ban" / "anh" / "a.jpg", 50, 40)
    course.lesson("co-ban/bai.md", body="Xem ảnh:\n\n![](anh/a.jpg)\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content/co-ban/bai.md:11: ảnh 'anh/a.jpg' thiếu lời mô tả (alt)")
