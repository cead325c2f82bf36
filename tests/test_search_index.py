"""The search index: Vietnamese words kept whole, folded for accent-free typing, split small."""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hocvuso.output.search_index import (_BLOCKS, _SKIPPED_CLASSES, _SKIPPED_TAGS, _VOID, Document, Section,
                                         _without_quizzes, adjacent_pairs, bucket, build_index, fold,
                                         indexed_words, lesson_sections, words)
from hocvuso.pipeline import build_site

REPO = Path(__file__).resolve().parent.parent


def _call(text: str) -> list:
    """The arguments of a ``hvSearch.x(...)`` script, read back as JSON."""
    return json.loads("[" + re.fullmatch(r"hvSearch\.\w\((.*)\)\n", text, re.S)[1] + "]")


def test_folding_removes_accents_and_case_and_reads_decomposed_text():
    assert fold("Lừa ĐẢO") == "lua dao"
    assert fold(unicodedata.normalize("NFD", "lừa đảo")) == "lua dao"
    assert fold("Người") == "nguoi" and fold("ĐƯỜNG") == "duong"


def test_words_keep_vietnamese_syllables_whole_and_unstemmed():
    assert words("Kẻ gian LỪA ĐẢO qua Zalo, đòi mã OTP!") == ["kẻ", "gian", "lừa", "đảo", "qua", "zalo", "đòi",
                                                             "mã", "otp"]
    assert words(unicodedata.normalize("NFD", "lừa đảo")) == ["lừa", "đảo"]
    assert words("https://x.vn/" + "a" * 40) == ["https", "x", "vn"]  # runs longer than a word are not indexed


def test_hyphenated_words_are_also_indexed_joined():
    assert indexed_words("Bật Wi-Fi và e-mail") == ["bật", "wi", "fi", "và", "e", "mail", "wifi", "email"]


PAGE = """<html><body><nav class="md-nav">Trang chủ Mật khẩu</nav>
<article class="md-content__inner md-typeset">
<p class="hv-where"><a href="#">Cơ bản</a> › 4. An toàn</p><h1>Nhận biết lừa đảo</h1>
<ul class="hv-facts"><li>Thời lượng: 15 phút</li></ul>
<p>Mở đầu bài.</p>
<h2 id="dau-hieu">Dấu hiệu <a class="headerlink" href="#dau-hieu">¶</a></h2>
<p>Kẻ gian giục <strong>chuyển tiền</strong>.</p><ul><li>Đòi mã OTP</li><li>Dọa nạt</li></ul>
<section class="hv-quiz"><h2 id="quiz">Bài kiểm tra</h2><p>Câu 1. Đáp án bí mật</p>
<template data-hv-x>Giải thích</template></section>
<nav class="hv-pager"><a href="#">Bài sau</a></nav>
</article><footer>Chân trang</footer></body></html>"""


def test_lesson_text_is_the_lesson_by_section_without_navigation_or_quiz():
    sections = lesson_sections(PAGE)
    assert sections == [Section("", "", "Mở đầu bài."),
                        Section("Dấu hiệu", "dau-hieu", "Kẻ gian giục chuyển tiền. Đòi mã OTP Dọa nạt")]


def _index():
    docs = [Document("Nhận biết lừa đảo", "co-ban/lua-dao.html", "Cơ bản",
                     [Section("", "", "Kẻ gian lừa đảo qua điện thoại. Lừa đảo rất tinh vi.")]),
            Document("Trồng lúa", "co-ban/lua.html", "Cơ bản", [Section("Dụng cụ", "dung-cu", "Con dao và lúa giống.")]),
            Document("Mật khẩu", "co-ban/mat-khau.html", "Cơ bản", [Section("", "", "Mã OTP\u2028không đưa ai.")])]
    return build_index(docs)


def _entry(index, word):
    folded = fold(word)
    _, group = _call(index.files[f"s/{bucket(folded, index.buckets)}.js"])
    return group[folded]


def test_a_folded_word_keeps_each_accented_spelling_with_its_lessons():
    index = _index()
    idf, spellings, _ = _entry(index, "lua")
    assert set(spellings) == {"lừa", "lúa"}
    lua_dao_docs = spellings["lừa"][0::2]  # [gap, weight, gap, weight…]
    assert lua_dao_docs == [0]
    assert spellings["lúa"][0::2] == [1]
    assert spellings["lúa"][1] > _entry(index, "giống")[1]["giống"][1]  # a title word weighs more
    _, dao, *_ = _entry(index, "dao")
    assert set(dao) == {"đảo", "dao"}
    assert idf > 0


def test_words_next_to_each_other_are_filed_under_the_first_with_their_lessons():
    index = _index()
    assert _entry(index, "lua")[2] == {"dao": [0], "giong": [1]}  # "lừa đảo" in lesson 0, "lúa giống" in 1
    assert _entry(index, "ma")[2] == {"otp": [2]}
    assert _entry(index, "otp")[2] == {"khong": [2]}  # U+2028 separates lines, not phrases
    assert len(_entry(index, "thoai")) == 2  # "điện thoại. Lừa đảo": nothing follows across a full stop
    assert adjacent_pairs("Kẻ gian, lừa đảo (qua) Zalo-Chat lừa lừa") == {
        ("ke", "gian"), ("lua", "dao"), ("zalo", "chat"), ("chat", "lua")}
    docs = [Document(f"Bài {n}", f"b{n}.html", "Cơ bản", [Section("", "", "Mã OTP" if n % 2 else "Mã độc")])
            for n in range(6)]
    assert _entry(build_index(docs), "ma")[2] == {"doc": [0, 2, 2], "otp": [1, 2, 2]}  # lessons as gaps


def test_every_word_is_in_the_file_its_bucket_names_and_lessons_have_their_own_files():
    index = _index()
    for path, text in index.files.items():
        if path.startswith("s/"):
            b, group = _call(text)
            assert path == f"s/{b}.js"
            assert all(bucket(w, index.buckets) == b for w in group)
    page = _call(index.files["d/2.js"])
    assert page == [2, {"t": "Mật khẩu", "u": "co-ban/mat-khau.html", "r": "Cơ bản",
                        "s": [["", "", "Mã OTP\u2028không đưa ai."]]}]
    assert "\u2028" not in index.files["d/2.js"]  # escaped: old JavaScript engines reject it raw


def test_index_folder_is_named_after_its_content():
    assert _index().folder == _index().folder
    other = build_index([Document("Khác", "x.html", "Cơ bản", [Section("", "", "Khác")])])
    assert other.folder != _index().folder and other.folder.startswith("search-")


def test_a_big_course_spreads_words_over_many_small_files():
    docs = [Document(f"Bài {n}", f"b{n}.html", "Cơ bản", [Section("", "", f"từ{n} chung{n % 7} lừa đảo " * 20)])
            for n in range(300)]
    index = build_index(docs)
    word_files = [text for path, text in index.files.items() if path.startswith("s/")]
    assert index.buckets == len(word_files) > 1
    assert max(len(t.encode()) for t in word_files) < 3 * 8000


class _Reference(HTMLParser):
    """The sections as Python's HTMLParser reads them, for the fast reader to agree with."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside the article
        self.skip = 0  # > 0 inside a skipped element
        self.stack: list[bool] = []  # per open element inside the article: does it skip?
        self.heading: tuple[str, str] | None = None  # (anchor, text so far) while in an h2/h3
        self.sections = [Section("", "", "")]
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.depth:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.depth = 1
            return
        if tag in _VOID:
            return
        classes = set((attrs.get("class") or "").split())
        skips = tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES) or tag == "h1"
        self.stack.append(skips)
        self.skip += skips
        if not self.skip and tag in ("h2", "h3"):
            self._close_section()
            self.heading = (attrs.get("id") or "", "")
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if not self.depth or tag in _VOID:
            return
        if not self.stack:  # </article>
            self.depth = 0
            self._close_section()
            return
        skips = self.stack.pop()
        self.skip -= skips
        if self.heading and tag in ("h2", "h3") and not self.skip:
            anchor, text = self.heading
            self.sections.append(Section(" ".join(text.split()), anchor, ""))
            self.heading = None
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.depth or self.skip:
            return
        if self.heading:
            self.heading = (self.heading[0], self.heading[1] + data)
        else:
            self.parts.append(data)

    def _close_section(self):
        last = self.sections[-1]
        text = " ".join((last.text + " " + "".join(self.parts)).split())
        self.sections[-1] = Section(last.heading, last.anchor, text)
        self.parts = []


def _read_with_htmlparser(html: str) -> list[Section]:
    start, end = html.find("<article"), html.rfind("</article>")
    parser = _Reference()
    if not 0 <= start < end:
        parser.depth = 1
    parser.feed(_without_quizzes(html[start:end + len("</article>")] if 0 <= start < end else html))
    parser.close()
    parser._close_section()
    return [s for s in parser.sections if s.text or s.heading]


@pytest.mark.parametrize("markup", [
    pytest.param(PAGE, id="a-page"),
    pytest.param("<p>Mở &amp; đóng &#8220;nút&#8221;</p><!-- <h2 id='x'>không</h2> --><h3 id=k>Kết</h3><p>Hết</p>", id="entities-and-comments"),
    pytest.param("<p>a<br/>b<img src=x alt='<h2>'></p><svg><path d='M0'/></svg><h2 class='x' id=\"h\">Ti&ecirc;u</h2>t", id="self-closing-and-svg"),
    pytest.param("<div class='hv-term__tip'>lời giải</div><script>if (a<b) x='</p>'</script><h2 id=s>S</h2><p>chữ</p>", id="skipped-and-script"),
])
def test_the_fast_reader_agrees_with_htmlparser_on_markup_made_to_trip_it(markup):
    assert lesson_sections(markup) == _read_with_htmlparser(markup)


@pytest.mark.slow
def test_the_fast_reader_agrees_with_htmlparser_on_every_page_of_the_bundled_course(tmp_path):
    site = build_site(REPO / "mkdocs.yml", site_dir=tmp_path / "site", for_server=False).site_dir
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert lesson_sections(html) == _read_with_htmlparser(html), page
