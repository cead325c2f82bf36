"""Building small real courses: pages, navigation limited to a tier, the grid, order."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from conftest import FIXTURES
from htmltext import read, section


def _two_tier_course(course):
    course.lesson("co-ban/an-toan/mat-khau.md", title="Mật khẩu", competences='["4.2", "2.6"]',
                  level=1)
    course.lesson("co-ban/an-toan/lua-dao.md", title="Lừa đảo qua điện thoại", competences='["4.2"]',
                  level=2, extra="order: 1\n")
    course.lesson("co-ban/thiet-bi/sac-pin.md", title="Sạc pin", competences='["4.1"]', level=1)
    course.lesson("co-ban/tim-kiem.md", title="Tìm kiếm trên mạng", competences='["1.1"]', level=2)
    course.lesson("trung-cap/chu-ky-so.md", title="Chữ ký số", competences='["2.3"]', level=3)
    assert course.run("build") == 0


def _nav(html: str) -> str:
    return section(html, 'class="md-sidebar md-sidebar--primary"', 'class="md-sidebar md-sidebar--secondary"')


def test_build_writes_home_tier_and_lesson_pages(course):
    _two_tier_course(course)
    site = course.root / "site"
    for page in ["index.html", "co-ban/index.html", "trung-cap/index.html",
                 "co-ban/an-toan/mat-khau.html", "co-ban/tim-kiem.html", "trung-cap/chu-ky-so.html"]:
        assert (site / page).is_file(), page
    home = read(course.page("index.html"))
    tier_links = [(href, text) for href, text, _ in home.links if "hv-tier" in _ or "index.html" in href]
    assert ("co-ban/index.html", "Cơ bản") in tier_links
    assert ("trung-cap/index.html", "Trung cấp") in tier_links
    assert "Nâng cao" in "".join(home.text) and "chưa có bài học" in "".join(home.text)


def test_tier_lists_lessons_by_domain_in_order_field_then_file_name(course):
    _two_tier_course(course)
    tier = course.page("co-ban/index.html")
    lessons = section(tier, 'id="bai-hoc"', 'id="bang-nang-luc"')
    headings = re.findall(r"<h3[^>]*>(.*?)</h3>", lessons)
    assert headings == ["1. Khai thác dữ liệu và thông tin", "4. An toàn"]
    titles = [text for _, text, _ in read(lessons).links]
    # 4.x domain: "order: 1" first, then by file name (mat-khau < sac-pin).
    assert titles == ["Tìm kiếm trên mạng", "Lừa đảo qua điện thoại", "Mật khẩu", "Sạc pin"]


def test_tier_grid_links_each_lesson_under_its_competences_and_level(course):
    _two_tier_course(course)
    grid = section(course.page("co-ban/index.html"), '<table class="hv-grid">', "</table>")
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", grid, flags=re.S):
        head = re.search(r'<th scope="row">(.*?)</th>', row, flags=re.S)
        if head:
            cells = re.findall(r"<td>(.*?)</td>", row, flags=re.S)
            rows[head[1].split()[0]] = [[t for _, t, _ in read(cell).links] for cell in cells]
    assert len(rows) == 24  # every competence of the framework has a row
    assert rows["4.2"] == [["Mật khẩu"], ["Lừa đảo qua điện thoại"]]
    assert rows["2.6"] == [["Mật khẩu"], []]
    assert rows["4.1"] == [["Sạc pin"], []]
    assert rows["1.1"] == [[], ["Tìm kiếm trên mạng"]]
    assert rows["2.3"] == [[], []]  # taught in Trung cấp, not here
    assert "Bậc 1" in grid and "Bậc 2" in grid and "Bậc 3" not in grid


def test_lesson_page_shows_objectives_duration_competences_and_neighbours(course):
    _two_tier_course(course)
    page = course.page("co-ban/an-toan/lua-dao.html")
    text = " ".join(" ".join(read(page).text).split())
    assert "Thời lượng: 15 phút" in text
    assert "Mức độ: Bậc 2" in text
    assert "Biết một điều mới" in text
    assert "4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư" in text
    pager = read(section(page, 'class="hv-pager"', "</nav>")).links
    assert [(href, text) for href, text, _ in pager] == [
        ("../tim-kiem.html", "‹ Bài trước Tìm kiếm trên mạng"),
        ("mat-khau.html", "Bài sau › Mật khẩu"),
        ("../index.html", "Danh sách bài Cơ bản"),
    ]


def test_last_lesson_of_a_tier_has_no_next_link_into_another_tier(course):
    _two_tier_course(course)
    pager = section(course.page("co-ban/thiet-bi/sac-pin.html"), 'class="hv-pager"', "</nav>")
    assert 'rel="next"' not in pager and "Chữ ký số" not in pager


def test_lesson_navigation_carries_only_its_own_tier_and_domain(course):
    _two_tier_course(course)
    nav = read(_nav(course.page("co-ban/an-toan/mat-khau.html")))
    links = {text: href for href, text, _ in nav.links}
    assert {"Mật khẩu", "Lừa đảo qua điện thoại", "Sạc pin"} <= set(links)  # its domain, 4. An toàn
    assert "Tìm kiếm trên mạng" not in links  # another domain of the tier: one link to its list
    assert links["1. Khai thác dữ liệu và thông tin"] == "../index.html#mien-1"
    assert "Chữ ký số" not in links
    assert links["Trung cấp"] == "../../trung-cap/index.html"  # the other tier is one link
    assert 'aria-current="page"' in _nav(course.page("co-ban/an-toan/mat-khau.html"))
    other = read(_nav(course.page("trung-cap/chu-ky-so.html")))
    assert "Mật khẩu" not in [text for _, text, _ in other.links]


def test_page_size_does_not_grow_with_the_rest_of_the_course(course):
    def lesson_page_size(other_lessons: int) -> int:
        for n in range(other_lessons):
            course.lesson(f"trung-cap/bai-{n:02}.md", title=f"Bài trung cấp số {n}", level=3)
        assert course.run("build") == 0
        return len(course.page("co-ban/bai.html").encode())

    course.lesson("co-ban/bai.md", title="Bài cơ bản")
    assert lesson_page_size(5) == lesson_page_size(60)


def test_nfd_text_is_published_as_nfc(course):
    nfd = unicodedata.normalize("NFD", "Lừa đảo")
    course.lesson("co-ban/nfd.md", title=nfd, body=f"{nfd} qua tin nhắn.\n")
    assert course.run("build") == 0
    page = course.page("co-ban/nfd.html")
    assert "<h1>Lừa đảo</h1>" in page
    assert "Lừa đảo qua tin nhắn" in page
    assert unicodedata.normalize("NFD", "ừ") not in page


def test_titles_and_front_matter_are_escaped_in_pages(course):
    course.lesson("co-ban/x.md", title='"<img src=x onerror=alert(1)>"')
    assert course.run("build") == 0
    page = course.page("co-ban/x.html")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_images_next_to_a_lesson_are_published(course):
    course.write("content/co-ban/anh/wifi.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    course.lesson("co-ban/wifi.md", body="![Biểu tượng Wi-Fi](anh/wifi.svg)\n")
    assert course.run("build") == 0
    assert (course.root / "site/co-ban/anh/wifi.svg").is_file()
    assert 'src="anh/wifi.svg"' in course.page("co-ban/wifi.html")


def test_built_pages_load_nothing_from_other_hosts(course):
    _two_tier_course(course)
    for page in (course.root / "site").rglob("*.html"):
        urls = read(page.read_text(encoding="utf-8")).loads
        external = [u for u in urls if re.match(r"(https?:)?//", u)]
        assert external == [], (page, external)
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")


def test_a_course_on_the_digcomp_framework_builds_in_english_terms(course):
    shutil.copy(FIXTURES / "digcomp-2.2.yml", course.root / "content" / "digcomp.yml")
    course.write("mkdocs.yml", "site_name: DigComp course\nhocvuso:\n  framework: content/digcomp.yml\n"
                 "theme:\n  name: material\n  custom_dir: theme\n  language: en\n  font: false\n")
    course.lesson("foundation/passwords.md", title="Strong passwords", competences='["4.2"]', level=2)
    course.lesson("intermediate/netiquette.md", title="Netiquette", competences='["2.5"]', level=4)
    assert course.run("build") == 0
    tier = course.page("foundation/index.html")
    assert "<h1>Foundation</h1>" in tier
    assert "Level 1" in tier and "Level 2" in tier
    grid = section(tier, '<table class="hv-grid">', "</table>")
    assert grid.count('<th scope="row">') == 21  # DigComp 2.2 has 21 competences
    assert "4.2 Protecting personal data and privacy" in " ".join(grid.split())
    assert "Strong passwords" in grid
    assert (course.root / "site/intermediate/netiquette.html").is_file()


def test_digcomp_levels_are_checked_against_its_own_tiers(course, capsys):
    shutil.copy(FIXTURES / "digcomp-2.2.yml", course.root / "content" / "digcomp.yml")
    course.write("mkdocs.yml", "site_name: DigComp\nhocvuso:\n  framework: content/digcomp.yml\n")
    course.lesson("foundation/ai.md", competences='["6.1"]', level=3)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert "content/foundation/ai.md:3: mã năng lực '6.1' không có trong khung năng lực" in err
    assert ("content/foundation/ai.md:4: level 3 không thuộc cấp Foundation của thư mục "
            "'foundation' (level 1–2)") in err


def test_links_between_lessons_point_at_the_built_pages(course):
    course.lesson("co-ban/an-toan/otp.md", title="Mã OTP")
    course.lesson("co-ban/thiet-bi/wifi.md", body="Xem [bài về mã OTP](../an-toan/otp.md#ghi-nho).\n")
    assert course.run("build") == 0
    assert 'href="../an-toan/otp.html#ghi-nho"' in course.page("co-ban/thiet-bi/wifi.html")


def test_home_and_tier_intros_written_by_authors_are_shown(course):
    course.write("content/index.md", "---\ntitle: Khóa học của xã\n---\nChào mừng bà con.\n")
    course.write("content/co-ban/index.md", "Cấp đầu tiên cho người mới.\n")
    course.lesson("co-ban/bai.md")
    assert course.run("build") == 0
    home = course.page("index.html")
    assert "<h1>Khóa học của xã</h1>" in home and "Chào mừng bà con." in home
    assert "Cấp đầu tiên cho người mới." in course.page("co-ban/index.html")


def test_navigation_shows_a_window_of_the_domain_so_big_domains_cost_no_more(course):
    def page_size(lessons: int) -> tuple[int, list[str]]:
        for n in range(lessons):
            course.lesson(f"co-ban/bai-{n:03}.md", title=f"Bài số {n:03}", extra=f"order: {n}\n")
        assert course.run("build") == 0
        html = course.page("co-ban/bai-015.html")
        nav = [text for _, text, _ in read(_nav(html)).links]
        return len(html.encode()), nav

    small, nav = page_size(30)
    assert [t for t in nav if t.startswith("Bài số")] == [f"Bài số {n:03}" for n in range(13, 18)]
    assert "… 13 bài trước" in nav and "… 12 bài sau" in nav
    large, _ = page_size(90)
    assert large - small < 20  # only the "… N bài sau" count grows by a digit


def test_pages_carry_no_bytes_for_what_nobody_uses(course):
    shutil.copy(FIXTURES / "every-type-quiz.yml", course.root / "quizzes" / "thu.yml")
    course.lesson("co-ban/bai.md", extra="quiz: thu\n")
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text + "extra:\n  generator: false\n")  # as the bundled course has it
    assert course.run("build") == 0
    html = course.page("co-ban/bai.html")
    head = html[:html.index("</head>")]
    assert 'name="generator"' not in head and 'rel="prev"' not in head and 'rel="next"' not in head
    assert "<svg" not in html  # logo and menu icons are drawn by hocvuso.css, once for the site
    assert "<footer" not in html  # no copyright, no generator line: no empty footer
    assert "__tabbed_" not in html  # Material's script for content tabs the course does not use
    assert not re.search(r'<li class="hv-q[^"]*" [^>]*id=', html)  # questions need no id
    icon = re.search(r'<link rel="icon" href="\.\./(assets/hocvuso/icon\.[0-9a-f]+\.svg)">', head)
    assert icon and (course.root / "site" / icon[1]).is_file()  # a file, cached, not in every page
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text.replace("markdown_extensions:\n", "copyright: Xã Hòa Bình\n"
                                            "markdown_extensions:\n  - pymdownx.tabbed\n"))
    assert course.run("build") == 0
    html = course.page("co-ban/bai.html")
    assert '<footer class="md-footer">' in html and "Xã Hòa Bình" in html
    assert "__tabbed_" in html
