"""The page scanner finds exactly what Python's HTMLParser finds, on real pages and on tricky markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from hocvuso.output.pagescan import Refs, scan, scan_text
from hocvuso.pipeline import build_site

REPO = Path(__file__).resolve().parent.parent


class _Reference(HTMLParser):
    """What weight.py and offline.py read from pages before the scanner, kept as the oracle."""

    def __init__(self):
        super().__init__()
        self.loads, self.media, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel) and attrs.get("href"):
            self.loads.append((attrs["href"], "style"))
        elif tag == "script" and attrs.get("src"):
            self.loads.append((attrs["src"], "script"))
        elif tag == "img" and attrs.get("src") and attrs.get("loading") != "lazy":
            self.loads.append((attrs["src"], "image"))
        elif tag == "audio" and attrs.get("src"):
            self.media.append(attrs["src"])
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    handle_startendtag = handle_starttag


def _reference(text: str) -> Refs:
    parser = _Reference()
    parser.feed(text)
    parser.close()
    return Refs(tuple(parser.loads), tuple(parser.media), tuple(parser.links))


TRICKY = [
    '<link rel="stylesheet" href="a.css"><link rel=icon href=i.svg><link rel="preload" href="no.css">',
    '<script src="x.js"></script><script>var s = "<img src=\'no.png\'>"; if (a<b) {}</script>',
    '<script>document.write("<a href=no.html>")</script><a href="yes.html">x</a>',
    '<!-- <img src="no.png"> --><img src="yes.png"><img src="lazy.png" loading="lazy">',
    '<style>a::after { content: "<img src=no.png>" }</style><audio controls src="r.mp3"></audio>',
    '<a title="1 > 0" href="gt.html">x</a><img alt=\'a > b\' src="q.png"/>',
    '<A HREF="UP.html">x</A><IMG SRC="Up.PNG"><SCRIPT SRC="U.JS"></SCRIPT>',
    '<a href="x.html?a=1&amp;b=2">x</a><img src="t&#233;.png"><a href=bare.pdf>y</a>',
    '<abbr title="x">OTP</abbr><a-b href="no.html"></a-b><audio-x src="no.mp3">',
    '<a name="top">anchor</a><a href="">empty</a><img src="">',
    '<img src="a.png" src="b.png"><a href="one.html" href="two.html">x</a>',
    '<a\nhref="newline.html"\n>x</a><img\tsrc="tab.png">',
    '<script type="application/json">{"u": "</scrip"}</script><a href="after.html">x</a>',
]


@pytest.mark.parametrize("markup", TRICKY)
def test_the_scanner_agrees_with_htmlparser_on_markup_made_to_trip_it(markup):
    assert scan_text(markup) == _reference(markup)


def test_the_scanner_agrees_with_htmlparser_on_every_page_of_the_bundled_course(tmp_path):
    build_site(REPO / "mkdocs.yml", site_dir=tmp_path / "site", for_server=False)
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) >= 40
    for page in pages:
        assert scan(page) == _reference(page.read_text(encoding="utf-8")), page


def test_a_page_is_scanned_again_once_it_changes(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<img src="one.png">', encoding="utf-8")
    assert scan(page).loads == (("one.png", "image"),)
    page.write_text('<img src="two.png"><img src="three.png">', encoding="utf-8")
    assert scan(page).loads == (("two.png", "image"), ("three.png", "image"))
