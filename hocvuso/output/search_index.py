"""A search index for Vietnamese learners, split into small files loaded on demand.

Lessons are read from the built pages (what learners see, without quizzes, navigation or
trainer notes) and cut into syllables ("lừa", "đảo"): Vietnamese words are kept whole,
never stemmed. Each syllable is filed under its *folded* form (lowercase, no accents,
"đ" as "d"), so "lua dao", "LỪA ĐẢO" and "lừa đảo" find the same lessons; the file keeps
every accented spelling apart so that exact spellings can rank first.

Everything is a script (``hvSearch.p(...)``, ``hvSearch.d(...)``) rather than JSON,
because browsers refuse ``fetch`` from ``file://`` but run scripts, so search works
from a USB stick too. Files:

- ``s/<bucket>.js``: ``hvSearch.s(bucket, {folded: [idf, {spelling: [doc, weight, doc, weight…]},
  {next: [doc, doc…]}]})``, doc numbers delta-encoded; words are spread over buckets of
  about 8 KB by a hash of their folded form, so a query loads one small file per word, and
  a big course is a few hundred files rather than one per word (slow to copy onto USB
  sticks). The third part (left out when empty) lists, by folded form, the words that come
  straight after this one and in which lessons, so that "ma otp" ranks lessons saying
  "mã OTP" above those with "ma túy" and "OTP" apart, at no extra request: the word's
  file is loaded anyway;
- ``d/<n>.js``: ``hvSearch.d(n, {t: title, u: url, r: tier, s: [[heading, anchor, text]…]})``,
  loaded only for results on screen, to show their snippets.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from ..quiz.render import content_hash
from ..text import fold as text_fold

MAX_TOKEN = 30  # longer runs (links, codes) are not words anyone types
BUCKET_BYTES = 8000  # postings per file, before compression
TITLE_BOOST, HEADING_BOOST = 8, 3
_WORD = re.compile(r"[^\W_]+")
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_WORD_OR_BREAK = re.compile(r"([^\W_]+)|([^\w\s-]+)")  # a word, or punctuation between words
# Parts of a lesson page that are not the lesson's own text.
_SKIPPED_CLASSES = {"hv-quiz", "hv-where", "hv-facts", "hv-pager", "hv-print", "headerlink", "hv-author",
                    "hv-sources", "hv-terms", "hv-term__tip"}
_SKIPPED_TAGS = {"script", "style", "template", "noscript", "svg", "button", "select", "nav"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "div", "section", "tr", "pre",
           "blockquote", "figcaption"}


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


# The spelling without accents (text.fold), filed under it: "Đảo" -> "dao". Cached: a
# course has tens of thousands of words, each seen many times.
fold = lru_cache(maxsize=1 << 16)(text_fold)


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalize(text)) if len(w) <= MAX_TOKEN]


def indexed_words(text: str) -> list[str]:
    """The words, plus hyphenated ones joined: "Wi-Fi" is also found as "wifi"."""
    joined = [w.replace("-", "") for w in _HYPHENATED.findall(normalize(text))]
    return words(text) + [w for w in joined if len(w) <= MAX_TOKEN]


def adjacent_pairs(text: str) -> set[tuple[str, str]]:
    """Folded words that follow one another in ``text``, within a stretch without punctuation."""
    pairs = set()
    previous = ""
    for word, _punctuation in _WORD_OR_BREAK.findall(normalize(text)):
        if not word:
            previous = ""  # punctuation: the words on either side are not next to each other
        elif len(word) <= MAX_TOKEN:
            folded = fold(word)
            if previous and previous != folded:
                pairs.add((previous, folded))
            previous = folded
    return pairs


def bucket(folded: str, buckets: int) -> int:
    """FNV-1a over code points. Must match ``bucket`` in search.js."""
    h = 0x811C9DC5
    for c in folded:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


@dataclass(frozen=True)
class Section:
    heading: str  # "" before the lesson's first heading
    anchor: str  # id of the heading, "" for the top of the page
    text: str


@dataclass(frozen=True)
class Document:
    title: str
    url: str  # site path of the page
    tier: str
    sections: list[Section]


class _LessonText(HTMLParser):
    """Text of the page's article by section, leaving out what is not the lesson."""

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


_QUIZ = re.compile(r'<section class="hv-quiz"')
_SECTION_TAG = re.compile(r"<(/?)section\b")


def _without_quizzes(html: str) -> str:
    """The page without its quiz sections (skipped anyway, and half of a lesson page's
    article): cut out as text, so the parser below never reads them."""
    parts, pos = [], 0
    while found := _QUIZ.search(html, pos):
        depth, end = 0, len(html)
        for tag in _SECTION_TAG.finditer(html, found.start()):
            depth += -1 if tag[1] else 1
            if not depth:
                end = html.find(">", tag.end()) + 1 or len(html)
                break
        parts.append(html[pos:found.start()])
        pos = end
    return "".join(parts) + html[pos:] if parts else html


def lesson_sections(html: str) -> list[Section]:
    """A lesson's text by section, from its own HTML (what its Markdown became) or, for a
    whole built page, from the page's article (the navigation before it is most of a page
    of a big tier)."""
    start = html.find("<article")
    end = html.rfind("</article>")
    parser = _LessonText()
    if not 0 <= start < end:
        parser.depth = 1  # the lesson's own HTML: all of it is the lesson
    parser.feed(_without_quizzes(html[start:end + len("</article>")] if 0 <= start < end else html))
    parser.close()
    parser._close_section()
    return [s for s in parser.sections if s.text or s.heading]


@dataclass(frozen=True)
class Index:
    files: dict[str, str]  # path inside the index folder -> script text
    folder: str  # "search-<hash>", named after its content
    buckets: int
    pages: tuple[str, ...]  # site path of each document, by number

    @property
    def bytes(self) -> int:
        return sum(len(text.encode()) for text in self.files.values())

    def files_for(self, pages: set[str]) -> list[str]:
        """What a search limited to ``pages`` needs (offline, after a tier download): every
        word file, since any word can file under any of them, and those lessons' own files."""
        return [path for path in self.files if path.startswith("s/")] + \
            [f"d/{n}.js" for n, page in enumerate(self.pages) if page in pages]


def build_index(documents: list[Document]) -> Index:
    # folded -> spelling -> doc -> weighted count
    counts: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    # folded -> folded word right after it -> docs
    following: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for n, doc in enumerate(documents):
        weighted: Counter[str] = Counter()  # spelling -> weighted count in this document
        pairs: set[tuple[str, str]] = set()
        for text, boost in [(doc.title, TITLE_BOOST)] + [
                (part, weight) for section in doc.sections
                for part, weight in ((section.heading, HEADING_BOOST), (section.text, 1))]:
            for word, times in Counter(indexed_words(text)).items():
                weighted[word] += times * boost
            pairs |= adjacent_pairs(text)
        # Once per distinct word of the document, not per occurrence: a 1,000-lesson course
        # has two million occurrences and a few hundred thousand of these.
        for word, count in weighted.items():
            counts[fold(word)][word][n] += count
        for first, second in pairs:
            following[first][second].add(n)
    total = len(documents)
    entries = {}
    for folded, spellings in counts.items():
        found_in = {n for docs in spellings.values() for n in docs}
        idf = round(math.log(1 + total / len(found_in)), 3)
        entries[folded] = [idf, {spelling: _postings(docs) for spelling, docs in sorted(spellings.items())}]
        if following.get(folded):
            entries[folded].append({second: _gaps(docs) for second, docs in sorted(following[folded].items())})
    size = sum(len(json.dumps(entry, ensure_ascii=False)) for entry in entries.values())
    buckets = max(1, math.ceil(size / BUCKET_BYTES))
    grouped: list[dict] = [{} for _ in range(buckets)]
    for folded in sorted(entries):
        grouped[bucket(folded, buckets)][folded] = entries[folded]
    files = {f"s/{b}.js": _call("s", b, group) for b, group in enumerate(grouped)}
    for n, doc in enumerate(documents):
        files[f"d/{n}.js"] = _call("d", n, {"t": doc.title, "u": doc.url, "r": doc.tier,
                                            "s": [[s.heading, s.anchor, s.text] for s in doc.sections]})
    digest = content_hash("".join(f"{path}\0{text}" for path, text in sorted(files.items())))
    return Index(files, f"search-{digest}", buckets, tuple(doc.url for doc in documents))


def _postings(docs: dict[int, float]) -> list[int]:
    """[doc, weight, doc, weight…], doc numbers as gaps from the previous one."""
    flat = []
    for gap, n in zip(_gaps(docs), sorted(docs)):
        flat += [gap, max(1, round(10 * (1 + math.log(docs[n]))))]
    return flat


def _gaps(docs) -> list[int]:
    """Doc numbers in order, each as its gap from the previous one."""
    ordered = sorted(docs)
    return [n - previous for previous, n in zip([0] + ordered, ordered)]


def _call(name: str, *args) -> str:
    text = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    # JSON allows U+2028/2029 in strings; older JavaScript engines do not.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"hvSearch.{name}({text})\n"
