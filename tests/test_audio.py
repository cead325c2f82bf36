"""Recorded audio: a trainer's voice attached to a lesson or a section, checked and weighed."""

from __future__ import annotations

import json
import math
import re
import struct
import wave

import pytest

from conftest import REPO, served, tier_downloaded

LESSON = """\
![Nghe cô Lan đọc cả bài](am-thanh/ca-bai.wav)

Mở đầu bài.

## Dấu hiệu lừa đảo

![Nghe phần dấu hiệu](am-thanh/dau-hieu.wav)

Kẻ gian giục chuyển tiền.
"""


def _recording(path, seconds: float = 0.4) -> None:
    """A short real WAV file: a 440 Hz tone, 8 kHz mono."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        frames = int(8000 * seconds)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 8000)))
                                 for i in range(frames)))


@pytest.fixture
def recorded(course):
    folder = course.root / "content/co-ban/an-toan"
    _recording(folder / "am-thanh/ca-bai.wav")
    _recording(folder / "am-thanh/dau-hieu.wav", seconds=0.2)
    course.lesson("co-ban/an-toan/lua-dao.md", title="Lừa đảo qua điện thoại", body=LESSON)
    return course


def test_recordings_become_players_that_download_nothing_until_pressed(recorded, capsys):
    assert recorded.run("build") == 0
    page = recorded.page("co-ban/an-toan/lua-dao.html")
    players = re.findall(r"<audio [^>]*>", page)
    assert len(players) == 2 and all(" controls" in tag and ' preload="none"' in tag for tag in players)
    assert '<span class="hv-audio__label">Nghe cô Lan đọc cả bài <span class="hv-audio__size">(6 KB)</span>' in page
    assert page.index("ca-bai.wav") < page.index("Mở đầu bài") < page.index("dau-hieu.wav")  # in place
    assert "<img" not in page.split("hv-audio", 1)[1].split("</audio>")[0]
    out = capsys.readouterr().out
    assert "Âm thanh: 2 tệp, tổng 9 KB; lớn nhất co-ban/an-toan/am-thanh/ca-bai.wav 6 KB " \
           "(ngân sách 3000 KB mỗi tệp)" in out
    assert (recorded.root / "site/co-ban/an-toan/am-thanh/ca-bai.wav").is_file()
    # Not part of the page's weight: nothing is fetched before the learner presses play.
    assert "ca-bai" not in out.split("Âm thanh")[0]


def test_recordings_are_in_the_tier_download_and_the_usb_build(recorded, tmp_path):
    assert recorded.run("build") == 0
    listing = json.loads(recorded.page("assets/hocvuso/offline-co-ban.json"))
    assert {"co-ban/an-toan/am-thanh/ca-bai.wav", "co-ban/an-toan/am-thanh/dau-hieu.wav"} <= set(listing["urls"])
    assert recorded.run("usb", "--out", str(tmp_path / "usb")) == 0
    assert (tmp_path / "usb/lop-thu/co-ban/an-toan/am-thanh/dau-hieu.wav").is_file()


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("![Nghe](am-thanh/khong-co.mp3)\n",
                 "content/co-ban/a.md:9: tệp âm thanh 'am-thanh/khong-co.mp3' trỏ tới tệp không có", id="missing"),
    pytest.param("![](am-thanh/ca-bai.wav)\n",
                 "content/co-ban/a.md:9: tệp âm thanh 'am-thanh/ca-bai.wav' thiếu lời giới thiệu", id="no-label"),
    pytest.param("x\n\n![Nghe](https://example.org/a.mp3)\n",
                 "content/co-ban/a.md:11: tệp âm thanh 'https://example.org/a.mp3' nằm trên máy chủ khác",
                 id="remote"),
])
def test_recording_mistakes_are_reported_at_their_line(course, capsys, body, expected):
    _recording(course.root / "content/co-ban/am-thanh/ca-bai.wav")
    course.lesson("co-ban/a.md", body=body)
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(expected)


def test_a_recording_over_the_budget_is_an_error_with_how_to_make_it_smaller(recorded, capsys):
    text = (recorded.root / "mkdocs.yml").read_text(encoding="utf-8")
    recorded.write("mkdocs.yml", text.replace("hocvuso:\n", "hocvuso:\n  budgets:\n    audio: 5\n"))
    assert recorded.run("build") == 1
    err = capsys.readouterr().err
    assert err.startswith("content/co-ban/an-toan/lua-dao.md:9: tệp âm thanh 'co-ban/an-toan/am-thanh/ca-bai.wav' "
                          "nặng 6 KB, vượt ngân sách 5 KB mỗi tệp"), err
    assert "MP3 một kênh (mono) 32 kbps" in err and "lua-dao.md:15" not in err


def test_handouts_name_the_recording_instead_of_a_broken_picture(recorded):
    from pypdf import PdfReader

    assert recorded.run("handouts") == 0
    text = " ".join(p.extract_text() for p in PdfReader(recorded.root / "site/handouts/co-ban/lua-dao.pdf").pages)
    assert "Nghe cô Lan đọc cả bài" in " ".join(text.split())


@pytest.mark.browser
def test_the_player_plays_from_a_usb_stick_and_offline_after_the_tier_download(browser, context, recorded, tmp_path):
    assert recorded.run("usb", "--out", str(tmp_path / "usb")) == 0
    page = context.new_page()
    page.goto((tmp_path / "usb/lop-thu/co-ban/an-toan/lua-dao.html").as_uri())
    player = page.locator("audio").first
    assert player.is_visible() and player.get_attribute("aria-label") == "Nghe cô Lan đọc cả bài"
    duration = "a => new Promise(ok => { a.onloadedmetadata = () => ok(a.duration); a.load(); })"
    assert player.evaluate(duration) == pytest.approx(0.4, abs=0.05)

    assert recorded.run("build") == 0
    with served(recorded.root / "site") as base:
        learner, lesson = tier_downloaded(browser, base)
        learner.set_offline(True)
        lesson.goto(base + "co-ban/an-toan/lua-dao.html")
        assert lesson.locator("audio").nth(1).evaluate(duration) == pytest.approx(0.2, abs=0.05)
        learner.close()
