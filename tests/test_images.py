"""Authors' phone photos become small, sized, lazy WebP images with a fallback; an image
that cannot be decoded (lesson or quiz) stops check and build at the line that shows it."""

from __future__ import annotations

import hashlib
import random
import struct
import zlib

import pytest
from PIL import Image

from hocvuso.output import images
from hocvuso.problems import Problems
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


QUIZ = """\
title: Bài kiểm tra
competences: ["4.2"]
level: 1
questions:
  - type: true_false
    prompt: Đây là tin nhắn lừa đảo.
    answer: true
    image:
      src: anh/x.png
      alt: Tin nhắn báo trúng thưởng
"""


@pytest.fixture
def quiz_photo_course(course):
    _photo(course.root / "quizzes/anh/x.jpg", 1600, 1200)
    course.lesson("co-ban/bai.md", extra="quiz: thu\n")
    # "./" as some authors write it: the pages must still find the resized image
    course.write("quizzes/thu.yml", QUIZ.replace("anh/x.png", "./anh/x.jpg"))
    return course


def test_photo_is_resized_to_800_px_as_webp_with_jpeg_fallback_and_lazy(photo_course):
    course = photo_course
    original = (course.root / "content/co-ban/anh/dien-thoai.jpg").stat().st_size
    _budget(course, 2000)  # noise is the worst case; a real photo at 800 px is far smaller
    assert course.run("build") == 0
    html = course.page("co-ban/bai.html")
    assert '<picture><source srcset="anh/dien-thoai.' in html and 'type="image/webp">' in html
    img = next(tag for tag in html.split("<img")[1:] if "Điện thoại đang sạc" in tag)
    assert 'width="800"' in img and 'height="600"' in img and 'loading="lazy"' in img
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


@pytest.mark.parametrize("fixture, image", [("photo_course", "content/co-ban/anh/dien-thoai.jpg"),
                                            ("quiz_photo_course", "quizzes/anh/x.jpg")])
def test_image_still_over_budget_after_processing_is_reported(request, capsys, fixture, image):
    course = request.getfixturevalue(fixture)
    _budget(course, 10)
    assert course.run("build") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{image}:1: ảnh sau khi thu nhỏ vẫn nặng ")
    assert "vượt ngân sách 10 KB mỗi ảnh" in err


def test_image_without_alt_text_is_an_error(course, capsys):
    _photo(course.root / "content" / "co-ban" / "anh" / "a.jpg", 50, 40)
    course.lesson("co-ban/bai.md", body="Xem ảnh:\n\n![](anh/a.jpg)\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content/co-ban/bai.md:11: ảnh 'anh/a.jpg' thiếu lời mô tả (alt)")


def _blank_png(path, width, height):
    """A valid black-and-white PNG of any size, a few KB even at 400 megapixels: the shape
    of a decompression bomb, written row by row so that the test itself stays small."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)  # filter byte, then 1 bit per pixel
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def _cut_off(path):
    _photo(path, 64, 48)
    path.write_bytes(path.read_bytes()[:-200])  # a download that stopped before the end


BAD_IMAGES = [  # how the author's image is spoiled; what follows "ảnh 'anh/x.png' "; how the hint starts
    pytest.param(lambda path: path.write_text("hi\n"), "không phải là ảnh, hoặc tệp ảnh đã bị hỏng",
                 "mở thử tệp bằng trình xem ảnh", id="text-file-named-png"),
    pytest.param(lambda path: path.write_bytes(b""), "là tệp rỗng (0 byte), không có ảnh nào trong đó",
                 "tệp đã hỏng khi chép hoặc tải về", id="empty-file"),
    pytest.param(_cut_off, "không phải là ảnh, hoặc tệp ảnh đã bị hỏng", "mở thử tệp bằng trình xem ảnh",
                 id="cut-off-photo"),
    pytest.param(lambda path: _blank_png(path, 20000, 20000), "quá lớn: hơn 40 megapixel (triệu điểm ảnh)",
                 "thu nhỏ ảnh trước khi đưa vào, ví dụ còn rộng 1600 điểm ảnh (px)", id="decompression-bomb"),
    pytest.param(lambda path: _blank_png(path, 8000, 6000),
                 "quá lớn: 8000 × 6000 điểm ảnh, hơn 40 megapixel (triệu điểm ảnh)",
                 "thu nhỏ ảnh trước khi đưa vào, ví dụ còn rộng 1600 điểm ảnh (px)", id="48-megapixels"),
]


def _site(course):
    site = course.root / "site"
    return {p.relative_to(site): hashlib.sha256(p.read_bytes()).digest() for p in site.rglob("*") if p.is_file()}


def _spoiled_image_stops_check_and_build(course, capsys, image, where, spoil, why, hint):
    assert course.run("build") == 0
    before = _site(course)
    spoil(image)
    capsys.readouterr()
    for command in ("check", "build"):
        assert course.run(command) == 1, command
        err = capsys.readouterr().err
        assert err.startswith(f"{where}: ảnh 'anh/x.png' {why}\n    gợi ý: {hint}"), err
        assert "\n\n1 lỗi." in err and "Traceback" not in err and "hocvuso-" not in err  # no scratch folder
    assert _site(course) == before


@pytest.mark.parametrize("spoil, why, hint", BAD_IMAGES)
def test_lesson_image_that_does_not_decode_stops_check_and_build_at_the_lesson_line(course, capsys, spoil, why,
                                                                                    hint):
    image = course.root / "content/co-ban/anh/x.png"
    _photo(image, 40, 30)
    course.lesson("co-ban/bai.md", body="Xem ảnh:\n\n![Màn hình khóa](anh/x.png)\n")
    _spoiled_image_stops_check_and_build(course, capsys, image, "content/co-ban/bai.md:11", spoil, why, hint)


@pytest.mark.parametrize("spoil, why, hint", BAD_IMAGES)
def test_quiz_image_that_does_not_decode_stops_check_and_build_at_its_src_line(course, capsys, spoil, why, hint):
    image = course.root / "quizzes/anh/x.png"
    _photo(image, 40, 30)
    course.lesson("co-ban/bai.md", extra="quiz: thu\n")
    course.write("quizzes/thu.yml", QUIZ)
    _spoiled_image_stops_check_and_build(course, capsys, image, "quizzes/thu.yml:9", spoil, why, hint)


def test_broken_image_no_lesson_shows_is_reported_at_the_image_itself(course, capsys):
    course.lesson("co-ban/bai.md")
    course.write("content/co-ban/anh/cu.jpg", "không phải ảnh\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content/co-ban/anh/cu.jpg:1: tệp này không phải là ảnh, hoặc tệp ảnh đã bị hỏng\n")


def test_link_to_nowhere_named_like_an_image_is_a_problem_not_a_crash(course, capsys):
    course.lesson("co-ban/bai.md")
    (course.root / "content/co-ban/anh").mkdir()
    (course.root / "content/co-ban/anh/lien-ket-hong.png").symlink_to(course.root / "khong-co.png")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith("content/co-ban/anh/lien-ket-hong.png:1: tệp này là liên kết tắt (symlink) tới một tệp không có")
    assert err.endswith("\n1 lỗi.\n")


def test_processing_reports_an_image_that_broke_after_check_instead_of_crashing(tmp_path):
    staged = tmp_path / "docs/anh/x.png"
    staged.parent.mkdir(parents=True)
    staged.write_text("hi\n")
    problems = Problems(tmp_path)
    done = images.process(tmp_path / "docs", {"anh/x.png": tmp_path / "content/anh/x.png"},
                          budget=100 * 1024, problems=problems)
    assert done == {}
    assert [p.format().splitlines()[0] for p in problems.items] == [
        "content/anh/x.png:1: tệp này không phải là ảnh, hoặc tệp ảnh đã bị hỏng"]


def test_quiz_photo_is_resized_to_800_px_as_webp_with_fallback_on_every_page_showing_it(quiz_photo_course):
    course = quiz_photo_course
    _budget(course, 2000)
    assert course.run("build") == 0
    site = course.root / "site"
    shown = [tag for page in site.rglob("*.html") for tag in page.read_text(encoding="utf-8").split("<img")[1:]
             if "hv-q__image" in tag]
    assert len(shown) >= 2  # the lesson's quiz and the tier's final test
    assert all('width="800"' in tag and 'height="600"' in tag and 'loading="lazy"' in tag for tag in shown)
    assert '<picture><source srcset="../assets/quizzes/anh/x.' in course.page("co-ban/bai.html")
    with Image.open(next((site / "assets/quizzes/anh").glob("x.*.webp"))) as image:
        assert image.size == (800, 600)
    fallback = next((site / "assets/quizzes/anh").glob("x.*.jpg"))
    assert fallback.stat().st_size < (course.root / "quizzes/anh/x.jpg").stat().st_size / 2


def test_a_cut_off_photo_is_caught_even_after_weasyprint_was_loaded(course, capsys):
    import weasyprint  # noqa: F401  (it tells Pillow to accept cut-off files, process-wide)

    course.lesson("co-ban/bai.md", body="![Ảnh](anh/x.jpg)\n")
    _cut_off(course.root / "content/co-ban/anh/x.jpg")
    assert course.run("check") == 1
    assert "không phải là ảnh, hoặc tệp ảnh đã bị hỏng" in capsys.readouterr().err
