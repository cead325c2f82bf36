"""What content/ may publish: pictures, recordings and documents, never a page or a
script that would run in the course's origin (where learners' progress is kept)."""

from __future__ import annotations

import os

import pytest

SAFE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
 viewBox="0 0 10 10"><title>Ổ khóa</title><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>
<inkscape:layer/><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>
"""
SCRIPTED_SVGS = {
    "script": '<svg xmlns="http://www.w3.org/2000/svg"><script>localStorage.clear()</script></svg>',
    "onload": '<svg xmlns="http://www.w3.org/2000/svg" onload="localStorage.clear()"/>',
    "foreign": ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml">'
                '<script>1</script></body></foreignObject></svg>'),
    "link": '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
    "animate": ('<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" '
                'to="javascript:alert(1)"/></a></svg>'),
    "remote": '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://example.com/x.css)</style></svg>',
    "xslt": '<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "html ns": '<svg xmlns="http://www.w3.org/2000/svg"><script xmlns="http://www.w3.org/1999/xhtml">1</script></svg>',
}


@pytest.mark.parametrize("name", ["xem-them.html", "trang.htm", "ma.js", "kieu.css", "du-lieu.json", "a.xhtml"])
def test_pages_scripts_and_other_files_in_content_are_refused(course, capsys, name):
    course.lesson("co-ban/bai.md")
    course.write(f"content/co-ban/{name}", "<script>localStorage.clear()</script>\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert f"content/co-ban/{name}:1: tệp '{name}' không được đăng lên trang" in err and "gợi ý:" in err


def test_a_page_next_to_its_lesson_is_reported_at_the_page_not_mkdocs_yml(course, capsys):
    course.lesson("co-ban/bai.md")
    course.write("content/co-ban/bai.html", "<p>x</p>\n")
    assert course.run("build") == 1
    err = capsys.readouterr().err
    assert "content/co-ban/bai.html:1:" in err and "mkdocs.yml" not in err and "Excluding" not in err


@pytest.mark.parametrize("kind", sorted(SCRIPTED_SVGS))
def test_an_svg_that_could_run_script_is_refused(course, capsys, kind):
    course.lesson("co-ban/bai.md", body="![Ổ khóa](anh/o-khoa.svg)\n")
    course.write("content/co-ban/anh/o-khoa.svg", SCRIPTED_SVGS[kind])
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert "content/co-ban/anh/o-khoa.svg:1: ảnh SVG" in err and "gợi ý:" in err


def test_a_drawing_only_svg_is_published_and_shown_as_an_image(course):
    course.lesson("co-ban/bai.md", body="![Ổ khóa](anh/o-khoa.svg)\n\n[Tài liệu](tai-lieu.pdf)\n")
    course.write("content/co-ban/anh/o-khoa.svg", SAFE_SVG)
    (course.root / "content/co-ban/tai-lieu.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert course.run("build") == 0
    assert (course.root / "site/co-ban/anh/o-khoa.svg").read_text(encoding="utf-8") == SAFE_SVG
    assert '<img alt="Ổ khóa" src="anh/o-khoa.svg"' in course.page("co-ban/bai.html")
    assert (course.root / "site/co-ban/tai-lieu.pdf").is_file()


def test_a_link_that_opens_an_svg_as_a_page_is_refused(course, capsys):
    course.lesson("co-ban/bai.md", body="Mở [hình](anh/o-khoa.svg) ra xem.\n")
    course.write("content/co-ban/anh/o-khoa.svg", SAFE_SVG)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert "content/co-ban/bai.md:9: liên kết mở ảnh SVG" in err and "![mô tả](anh/o-khoa.svg)" in err


def test_a_symlink_to_a_file_outside_content_is_refused(course, capsys):
    course.lesson("co-ban/bai.md")
    (course.root / "content/co-ban/ghi-chu.txt").symlink_to("/etc/passwd")
    assert course.run("build") == 1
    err = capsys.readouterr().err
    assert "content/co-ban/ghi-chu.txt:1: tệp này là liên kết tắt (symlink) trỏ ra ngoài" in err
    assert not (course.root / "site").exists()


def test_a_symlink_inside_content_is_published_as_a_copy(course):
    course.lesson("co-ban/bai.md", body="[Ghi chú](ban-sao.txt)\n")
    course.write("content/co-ban/ghi-chu.txt", "Ghi chú.\n")
    os.symlink("ghi-chu.txt", course.root / "content/co-ban/ban-sao.txt")
    assert course.run("build") == 0
    assert (course.root / "site/co-ban/ban-sao.txt").read_text(encoding="utf-8") == "Ghi chú.\n"


def test_a_symlinked_folder_of_lessons_is_reported_not_silently_left_out(course, capsys, tmp_path):
    course.lesson("co-ban/bai.md")
    outside = tmp_path / "bai-khac"
    outside.mkdir()
    (outside / "bai-hai.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (course.root / "content/co-ban/them").symlink_to(outside)
    assert course.run("check") == 1
    assert "content/co-ban/them:1: thư mục này là liên kết tắt" in capsys.readouterr().err


@pytest.mark.browser
def test_an_svg_the_course_publishes_runs_nothing_even_opened_on_its_own(browser, course):
    course.lesson("co-ban/bai.md", body="![Ổ khóa](anh/o-khoa.svg)\n")
    course.write("content/co-ban/anh/o-khoa.svg", SAFE_SVG)
    assert course.run("build") == 0
    page = browser.new_page()
    page.goto((course.root / "site/co-ban/bai.html").as_uri())
    page.evaluate("localStorage.setItem('hocvuso:lop-thu:thu', '{\"v\":1}')")
    assert page.locator("article img[alt='Ổ khóa']").evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto((course.root / "site/co-ban/anh/o-khoa.svg").as_uri())
    page.goto((course.root / "site/co-ban/bai.html").as_uri())
    assert page.evaluate("localStorage.getItem('hocvuso:lop-thu:thu')") == '{"v":1}'
    page.close()
    for kind, svg in SCRIPTED_SVGS.items():  # each would have cleared it, had it been published
        course.write("content/co-ban/anh/o-khoa.svg", svg)
        assert course.run("build") == 1, kind
    assert (course.root / "site/co-ban/anh/o-khoa.svg").read_text(encoding="utf-8") == SAFE_SVG
