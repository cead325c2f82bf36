"""A search index for Vietnamese learners, split into small files loaded on demand.

Lessons are read from their own HTML as it is rendered (what learners see, without
quizzes, navigation or trainer notes; see search.py) and cut into syllables ("lừa", "đảo"): Vietnamese words are kept whole,
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

import html
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

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
    return _terms(text)[0]


def adjacent_pairs(text: str) -> set[tuple[str, str]]:
    """Folded words that follow one another in ``text``, within a stretch without punctuation."""
    return _terms(text)[1]


def _terms(text: str) -> tuple[list[str], set[tuple[str, str]]]:
    """``indexed_words`` and ``adjacent_pairs`` of ``text`` at once: one normalising and one
    scan for both, which the index does for every section of every lesson."""
    # A word longer than MAX_TOKEN is left out without breaking the pair around it;
    # punctuation breaks it.
    text = normalize(text)
    found: list[str] = []
    pairs = set()
    previous = ""
    for word, _punctuation in _WORD_OR_BREAK.findall(text):
        if not word:
            previous = ""
        elif len(word) <= MAX_TOKEN:
            found.append(word)
            folded = fold(word)
            if previous and previous != folded:
                pairs.add((previous, folded))
            previous = folded
    if "-" in text:
        found += [w for w in (h.replace("-", "") for h in _HYPHENATED.findall(text)) if len(w) <= MAX_TOKEN]
    return found, pairs


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


# A tag (its name, whether it closes, its attributes, where a quoted value may hold ">"),
# a comment, or a raw-text element
# whole: the lesson's HTML is sanitised and well-formed, and one pass of this pattern
# reads it more than twice as fast as HTMLParser (tests/test_search_index.py checks
# they agree on every page of the bundled course).
_TAG = re.compile(r"""<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>""",
                  re.S | re.I)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _attribute(pattern: re.Pattern, attributes: str) -> str:
    found = pattern.search(attributes)
    return html.unescape(next(v for v in found.groups() if v is not None)) if found else ""


def _sections(html_text: str) -> list[Section]:
    """The text of ``html_text`` by h2/h3 section, leaving out what is not the lesson."""
    sections = [Section("", "", "")]
    parts: list[str] = []
    stack: list[bool] = []  # per open element: does it skip?
    skip = 0
    heading: tuple[str, list[str]] | None = None  # (anchor, text so far) while in an h2/h3

    def close_section():
        last = sections[-1]
        text = " ".join((last.text + " " + "".join(parts)).split())
        sections[-1] = Section(last.heading, last.anchor, text)
        parts.clear()

    def data(text: str):
        if skip or not text:
            return
        text = html.unescape(text) if "&" in text else text
        (heading[1] if heading else parts).append(text)

    position = 0
    for tag in _TAG.finditer(html_text):
        data(html_text[position:tag.start()])
        position = tag.end()
        name = tag[3]
        if name is None:  # a comment, or a script or style, all of it skipped
            continue
        name = name.lower()
        if name in _VOID:
            continue
        if not tag[2]:  # a start tag
            attributes = tag[4]
            skips = (name in _SKIPPED_TAGS or name == "h1"
                     or bool(set(_attribute(_CLASS, attributes).split()) & _SKIPPED_CLASSES))
            closed = attributes.rstrip().endswith("/")  # <x/>: opened and closed at once
            stack.append(skips)
            skip += skips
            if not skip and name in ("h2", "h3"):
                close_section()
                heading = (_attribute(_ID, attributes), [])
            if name in _BLOCKS:
                parts.append(" ")
            if not closed:
                continue
        if not stack:  # the end of the article
            break
        skips = stack.pop()
        skip -= skips
        if heading and name in ("h2", "h3") and not skip:
            sections.append(Section(" ".join("".join(heading[1]).split()), heading[0], ""))
            heading = None
        elif name in _BLOCKS:
            parts.append(" ")
    else:
        data(html_text[position:])
    close_section()
    return sections


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


def lesson_sections(html_text: str) -> list[Section]:
    """A lesson's text by section, from its own HTML (what its Markdown became) or, for a
    whole built page, from the page's article (the navigation before it is most of a page
    of a big tier)."""
    start = html_text.find("<article")
    end = html_text.rfind("</article>")
    if 0 <= start < end:  # a built page: what is inside its article
        html_text = html_text[html_text.index(">", start) + 1:end]
    return [s for s in _sections(_without_quizzes(html_text)) if s.text or s.heading]


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
            found, adjacent = _terms(text)
            for word, times in Counter(found).items():
                weighted[word] += times * boost
            pairs |= adjacent
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
