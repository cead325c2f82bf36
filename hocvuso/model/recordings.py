"""Recorded audio: a trainer's own voice, attached to a lesson or to one of its sections.

An author attaches a recording the way they insert a picture, with words saying what it
is: ``![Nghe cô Lan đọc bài](am-thanh/bai-1.mp3)``. At the top of the lesson it is for the
whole lesson, under a heading for that section. links.py has already checked the file
exists; here its size is checked against the budget (learners pay for data). On the
page (render/markdown_extension.py) the picture becomes a plain player that downloads
nothing until pressed (``preload="none"``), showing the size so a learner on paid data
can decide; on paper, a line naming it. Recordings
are ordinary files of the site, so they travel in the USB build and in the tier download.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from .lessons import Lesson
from .links import course_file, find_links, is_audio
from ..problems import Problems


@dataclass(frozen=True)
class Recording:
    source: Path  # the lesson that plays it
    page: str  # that lesson's page on the site
    line: int
    path: str  # inside content/, with "/": the same path on the site
    label: str
    size: int  # bytes


def find_recordings(lesson: Lesson, content_dir: Path) -> list[Recording]:
    """Every recording the lesson attaches (the files exist: links.py checks first)."""
    found = []
    for link in find_links(lesson.body, lesson.body_line):
        if not (link.is_image and is_audio(link.target)) or "://" in link.target:
            continue
        file = course_file(link.target, lesson.source, content_dir)
        if file:
            found.append(Recording(lesson.source, lesson.url, link.line, file.relative_to(content_dir).as_posix(),
                                   link.text, file.stat().st_size))
    return found


def check_sizes(recordings: list[Recording], budget: int, problems: Problems) -> None:
    for recording in recordings:
        if recording.size > budget:
            problems.add(recording.source, recording.line,
                         f"tệp âm thanh '{recording.path}' nặng {_size(recording.size)}, vượt ngân sách "
                         f"{budget // 1024} KB mỗi tệp: người học trả tiền cho từng MB tải về",
                         "lưu lại dạng MP3 một kênh (mono) 32 kbps, ví dụ trong Audacity: Tệp › Xuất › MP3, "
                         "hoặc chia thành từng mục ngắn; ngân sách đặt ở 'hocvuso: budgets: audio' (KB)")


def report(recordings: list[Recording], budget: int) -> str:
    """One line for the build's summary; empty when the course has no recordings."""
    files = {r.path: r.size for r in recordings}
    if not files:
        return ""
    biggest = max(files, key=files.get)
    return (f"Âm thanh: {len(files)} tệp, tổng {_size(sum(files.values()))}; lớn nhất {biggest} "
            f"{_size(files[biggest])} (ngân sách {budget // 1024} KB mỗi tệp). Chỉ tải khi người học bấm nghe.")


def player(label: str, src: str, size: int) -> etree.Element:
    """The player of a recording at ``src`` (relative to its page), in place of its picture."""
    # Phrasing content only: the picture sat inside a paragraph.
    made = etree.Element("span", {"class": "hv-audio"})
    shown = etree.SubElement(made, "span", {"class": "hv-audio__label"})
    shown.text = f"{label} "
    etree.SubElement(shown, "span", {"class": "hv-audio__size"}).text = f"({_size(size)})"
    audio = etree.SubElement(made, "audio", {"controls": "", "preload": "none", "src": src, "aria-label": label})
    etree.SubElement(audio, "a", {"href": src}).text = "Tải tệp âm thanh"
    return made


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",") if size >= 1024 * 1024 else f"{round(size / 1024)} KB"
