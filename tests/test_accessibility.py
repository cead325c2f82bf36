"""Accessibility in Debian's chromium: axe-core finds nothing on any kind of page, in every
state a learner sees, and keyboard alone or a screen reader's landmarks and headings reach
everything. axe-core comes from npm (`bash scripts/setup.sh --test`)."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from conftest import FIXTURES, REPO, CourseDir, served
from test_audio import _recording
from test_listen import FAKE_SPEECH, VIETNAMESE
from test_quiz_engine import RIGHT, WRONG, _answer

pytestmark = pytest.mark.browser

AXE = REPO / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"

LESSON_BODY = """\
## Mã OTP là gì

![Nghe cô giáo đọc bài](am-thanh/bai.wav)

Mã OTP là **mật khẩu dùng một lần**, xem thêm [bài Wi-Fi](wifi.md). Đừng đọc [[OTP|mã OTP]] cho ai.

![Tin nhắn ngân hàng có mã OTP gồm sáu chữ số](anh/tin-nhan.png)

### Khi nào nhận được mã

| Việc | Có mã OTP? |
|---|---|
| Chuyển khoản | Có |
| Xem số dư | Không |

!!! warning "Cảnh giác"
    Không đọc mã OTP cho ai qua điện thoại.

<!-- quiz -->

## Ghi nhớ

Không đưa OTP cho ai.
"""

PAGES = {  # site path: what a learner opens
    "index.html": "home",
    "co-ban/index.html": "tier",
    "co-ban/otp.html": "lesson with a quiz",
    "co-ban/kiem-tra-cuoi-cap.html": "final test",
    "tim-kiem.html": "search",
    "tien-do.html": "progress",
    "chung-nhan.html?cap=co-ban": "certificate, final test not passed yet",
    "lop-hoc.html": "class",
    "404.html": "not found",
    "thuat-ngu.html": "glossary",
}
READING = {  # what the reader pressed in the header's "Cỡ chữ" panel (left open): nothing, or the strongest
    "default": (),
    "high-contrast-largest": ("Rất lớn", "Tương phản cao"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One small course with every kind of content: headings, link, image, recording, glossary
    term, table, warning box, quiz."""
    course = CourseDir(tmp_path_factory.mktemp("a11y") / "course")
    shutil.copy(FIXTURES / "every-type-quiz.yml", course.root / "quizzes" / "thu.yml")
    (course.root / "content" / "co-ban" / "anh").mkdir(parents=True)
    Image.new("RGB", (320, 200), (30, 120, 200)).save(course.root / "content" / "co-ban" / "anh" / "tin-nhan.png")
    _recording(course.root / "content" / "co-ban" / "am-thanh" / "bai.wav")
    course.write("content/glossary.yml", "OTP: Mã số dùng một lần để xác nhận giao dịch.\n")
    course.lesson("co-ban/otp.md", title="Mã OTP", extra="quiz: thu\n", body=LESSON_BODY)
    course.lesson("co-ban/wifi.md", title="Wi-Fi an toàn", competences='["5.1"]',
                  body="## Mạng công cộng\n\nKhông chuyển tiền khi dùng Wi-Fi quán cà phê.\n")
    assert course.run("build") == 0
    return course.root / "site"


@pytest.fixture(scope="module")
def url(site):
    with served(site) as url:
        yield url


def _open(context, address: str, reading: tuple[str, ...] = ()):
    page = context.new_page()
    page.goto(address)
    page.wait_for_load_state("load")
    page.add_style_tag(content="*, ::before { transition: none !important; }")  # the settled look, at once
    if reading:
        page.get_by_role("button", name="Cỡ chữ").click()
        for option in reading:
            page.get_by_role("button", name=option, exact=True).click()
    return page


def assert_no_axe_violations(page) -> None:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE.relative_to(REPO)}): run `bash scripts/setup.sh --test`")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(
            f"    {node['target']}: {node['failureSummary']}".replace("\n", " ") for node in v["nodes"])
        for v in violations)
    assert not violations, f"{page.url}\n{report}"


HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => h.checkVisibility({visibilityProperty: true}))
  .map(h => [+h.tagName[1], h.innerText.trim()])"""


def assert_landmarks_and_headings(page) -> None:
    """One banner, main and footer, named navigation; one h1 first, and no level skipped."""
    for role in ("banner", "main", "contentinfo"):
        assert page.get_by_role(role).count() == 1, role
    assert page.get_by_role("navigation", name="Đầu trang").count() == 1
    headings = page.evaluate(HEADINGS)
    assert [level for level, _ in headings].count(1) == 1 and headings[0][0] == 1, headings
    for (before, _), (level, text) in zip(headings, headings[1:]):
        assert level <= before + 1, f"h{before} then h{level} {text!r} in {headings}"


@pytest.mark.parametrize("reading", READING)
@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_page_has_no_axe_violations(context, url, path, reading):
    assert_no_axe_violations(_open(context, url + path, READING[reading]))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_landmarks_one_h1_and_no_skipped_heading_level(context, url, path):
    assert_landmarks_and_headings(_open(context, url + path))


@pytest.mark.parametrize("reading", READING)
def test_an_open_term_and_read_aloud_while_reading_pass_axe(context, url, reading):
    context.add_init_script(f"window.__voices = [{VIETNAMESE!r}]; window.__delay = -1;".replace("True", "true"))
    context.add_init_script(FAKE_SPEECH)
    page = _open(context, url + "co-ban/otp.html", READING[reading])
    page.locator("a.hv-term").first.click()
    assert page.locator(".hv-term__tip").is_visible()
    page.get_by_role("button", name="Nghe bài").click()
    page.get_by_role("button", name="Tạm dừng").wait_for()  # reading, a sentence highlighted
    assert page.get_by_role("button", name="Nghe câu hỏi").count() >= 1
    assert page.locator("audio[controls]").count() == 1
    assert_no_axe_violations(page)
    assert_landmarks_and_headings(page)


def test_text_size_panel_open_in_normal_colours_has_no_axe_violations(context, url):
    assert_no_axe_violations(_open(context, url + "co-ban/otp.html", ("Lớn",)))


@pytest.mark.parametrize("path,answers,reading", [  # each page, each kind of feedback, each colour scheme
    ("co-ban/otp.html", "wrong", "default"),
    ("co-ban/otp.html", "right", "high-contrast-largest"),
    ("co-ban/kiem-tra-cuoi-cap.html", "wrong", "high-contrast-largest"),
    ("co-ban/kiem-tra-cuoi-cap.html", "right", "default"),
])
def test_quiz_with_feedback_shown_passes_axe_and_keeps_heading_order(context, url, path, answers, reading):
    page = _open(context, url + path, READING[reading])
    for qid, how in (WRONG if answers == "wrong" else RIGHT).items():
        assert _answer(page, qid, how).inner_text()
    assert page.locator(".hv-quiz__score").inner_text()
    assert_no_axe_violations(page)
    assert_landmarks_and_headings(page)


@pytest.mark.parametrize("reading", ["default", "high-contrast-largest"])
def test_search_results_pass_axe_and_keep_heading_order(context, url, reading):
    page = _open(context, url + "tim-kiem.html", READING[reading])
    page.get_by_label("Nhập từ cần tìm", exact=False).fill("ma otp")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.locator(".hv-result").first.wait_for()
    assert_no_axe_violations(page)
    assert_landmarks_and_headings(page)


@pytest.mark.parametrize("reading", ["default", "high-contrast-largest"])
def test_records_of_a_learner_who_passed_pass_axe_and_keep_heading_order(context, url, reading):
    """Progress with results, the certificate drawn, the class page with the learner's code."""
    page = _open(context, url + "co-ban/kiem-tra-cuoi-cap.html", READING[reading])
    for qid, how in RIGHT.items():
        _answer(page, qid, how)
    page.goto(url + "tien-do.html")
    page.locator("#hv-record table").first.wait_for()
    assert_no_axe_violations(page)
    assert_landmarks_and_headings(page)

    page.goto(url + "chung-nhan.html?cap=co-ban")
    page.get_by_label("Họ và tên của bạn").fill("Nguyễn Thị Hoà")
    page.get_by_role("button", name="Tạo giấy chứng nhận").click()
    code = page.locator(".hv-cert__codetext").inner_text()
    assert_no_axe_violations(page)
    assert_landmarks_and_headings(page)

    page.goto(url + "lop-hoc.html")
    page.get_by_label("Mã hoàn thành").fill(code)
    page.get_by_role("button", name="Thêm vào lớp").click()
    page.locator(".hv-class__table").wait_for()
    assert_no_axe_violations(page)
    assert_landmarks_and_headings(page)


# ---- keyboard alone

FOCUSED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {tag: e.tagName, text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim(),
          inMain: !!e.closest('.md-content'), inDrawer: !!e.closest('.md-sidebar--primary'), onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth
          && r.top < innerHeight && r.width > 0 && s.visibility === 'visible' && s.opacity !== '0',
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0};
}"""


def _tab(page) -> dict:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def _tab_until(page, reached) -> dict:
    for _ in range(40):
        focused = page.evaluate(FOCUSED)
        if reached(focused):
            return focused
        page.keyboard.press("Tab")
    raise AssertionError(f"40 presses of Tab did not get there; stopped at {focused}")


@pytest.mark.parametrize("path", PAGES)
def test_first_tab_is_a_skip_link_to_the_page_title(context, url, path):
    page = _open(context, url + path)
    skip = _tab(page)
    assert skip["text"] == "Đến nội dung chính" and skip["onScreen"], skip
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#" + page.locator(".md-content h1").get_attribute("id")
    after = _tab(page)
    assert after["inMain"], after  # past the header and the menu, into the content


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_every_tab_stop_is_on_screen_with_a_visible_focus_ring(browser, url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = _open(context, url + path)
    stops = []
    for _ in range(80):
        stop = _tab(page)
        if stop["tag"] == "BODY":  # Tab left the page
            break
        stops.append(stop)
    context.close()
    assert stops, "nothing to Tab to"
    hidden = [s for s in stops if not (s["onScreen"] and s["outline"])]
    assert not hidden, hidden


def test_menu_button_opens_and_closes_the_drawer_by_keyboard(context, url):
    page = _open(context, url + "co-ban/otp.html")
    _tab(page)  # the skip link
    menu = _tab(page)
    assert menu["text"] == "Danh mục bài học" and menu["onScreen"] and menu["outline"], menu
    button = page.get_by_role("button", name="Danh mục bài học")
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    drawer = page.get_by_role("navigation", name="Thanh điều hướng")
    assert drawer.get_by_role("link", name="Mã OTP").is_visible()
    assert page.evaluate(FOCUSED)["text"] == "Trang chủ"  # focus went into the drawer
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate(FOCUSED)["text"] == "Danh mục bài học"
    drawer.wait_for(state="hidden")
    page.keyboard.press(" ")
    assert page.evaluate(FOCUSED)["inDrawer"]
    left = _tab_until(page, lambda focused: not focused["inDrawer"])  # past the drawer's last link
    assert left["inMain"] and button.get_attribute("aria-expanded") == "false"  # it closed behind


def test_wide_screen_shows_the_navigation_and_no_menu_button(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = _open(context, url + "co-ban/otp.html")
    assert page.get_by_role("navigation", name="Thanh điều hướng").get_by_role("link", name="Mã OTP").is_visible()
    assert page.get_by_role("button", name="Danh mục bài học").is_hidden()
    context.close()


def test_quiz_is_answered_and_checked_by_keyboard_alone(context, url):
    page = _open(context, url + "co-ban/otp.html")
    keys = page.keyboard
    keys.press("Tab")
    keys.press("Enter")  # the skip link
    _tab_until(page, lambda focused: focused["tag"] == "INPUT")

    def pick_by_arrows(label):  # a radio group: arrows move between options, Space chooses
        for _ in range(6):
            if page.evaluate("document.activeElement.closest('label').innerText.trim()") == label:
                keys.press(" ")
                return
            keys.press("ArrowDown")
        raise AssertionError(f"no option {label!r}")

    def check():  # Tab to the question's "Kiểm tra" button, press it, go on to the next question
        _tab_until(page, lambda focused: focused["text"] == "Kiểm tra")
        keys.press("Enter")
        keys.press("Tab")

    pick_by_arrows("Mật khẩu dùng một lần")
    check()
    for _ in range(3):  # checkboxes: Space ticks the right ones
        if page.evaluate("document.activeElement.closest('label').innerText.trim()") in RIGHT["chon-nhieu"][1]:
            keys.press(" ")
        keys.press("Tab")
    check()
    pick_by_arrows("Sai")
    check()
    keys.type("otp")
    check()
    keys.type("10")
    check()
    for _ in range(4):  # order: type the position into each drop-down
        text = page.evaluate("document.activeElement.closest('label').innerText.split('\\n').pop().trim()")
        keys.type(str(RIGHT["sap-xep"][1].index(text) + 1))
        keys.press("Tab")
    check()
    for _ in range(3):  # matching: type the first letter of the meaning
        left = page.evaluate("document.activeElement.closest('label').querySelector('span').innerText.trim()")
        keys.type(RIGHT["noi-cap"][1][left][0])
        keys.press("Tab")
    check()
    assert page.locator(".hv-quiz__score").inner_text() == "Điểm: 7/7. Bạn đã đạt yêu cầu."
