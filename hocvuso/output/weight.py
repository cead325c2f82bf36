"""What a learner downloads: page weights measured on the built site, checked against budgets.

A first visit costs the page's HTML plus every stylesheet, script and eagerly loaded
image it names; the next lesson of the same tier costs its HTML plus its own images: the
tier's shared files (stylesheets, scripts, the tier's quiz bundle and engine) are cached
by then, whichever page of the tier the learner came from. A page that loads files on
demand, one set of several (a record page, the summary of the tier it shows), is charged
with the heaviest set on its first visit. Sizes are what a server sends compressed,
brotli and gzip, since that is what learners pay for.
"""

from __future__ import annotations

import gzip
import math
import os
import posixpath
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import brotli

from .pagescan import scan

KB = 1024
# What a web server typically sends when it compresses on the fly. Brotli 11 would be
# ~8 % smaller but 50 times slower: too slow to measure every page of a large course.
BROTLI_LEVEL = 5
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Budgets:
    first_visit_br: int = 40 * KB  # a lesson page with its quiz, nothing cached
    first_visit_gz: int = 50 * KB
    repeat_visit_br: int = 8 * KB  # the next lesson of the same tier
    page_html: int = 40 * KB  # raw HTML of a lesson page, and of the glossary
    image: int = 100 * KB  # one image as learners download it (WebP), after resizing
    audio: int = 3000 * KB  # one recording: about 12 minutes of speech at 32 kbps


@dataclass
class Weight:
    page: str  # site path
    kind: str  # "lesson", "tier", "home", "final", "search"
    html_raw: int
    first_br: int
    first_gz: int
    repeat_br: int | None  # lessons only: what the page adds once its tier's shared files are cached
    parts: dict[str, int] = field(default_factory=dict)  # resource -> brotli bytes, first visit
    cached: frozenset[str] = frozenset()  # the tier's shared files, cached when the page is the next lesson


def resources(site: Path, page: str, *, media: bool = False) -> list[str]:
    """Site paths of what the page loads by itself, in order, without repeats; with
    ``media``, also the recordings it plays on request (for offline downloads)."""
    refs = scan(site / page)
    return [path for path, _role in _on_site(site, page, [*refs.loads, *((url, "media") for url in
                                                                       (refs.media if media else ()))])]


def _files(site: Path, page: str) -> list[tuple[str, str]]:
    """What the page loads by itself, as (site path, role)."""
    return _on_site(site, page, list(scan(site / page).loads))


def _on_site(site: Path, page: str, urls: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for url, role in urls:
        if "://" in url or url.startswith("//") or url.startswith("data:"):
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), url.split("#")[0].split("?")[0]))
        if path not in found and (site / path).is_file():
            found[path] = role
    return list(found.items())


@lru_cache(maxsize=4096)
def _compressed(path: Path, mtime_ns: int, size: int) -> tuple[bytes, bytes]:
    data = path.read_bytes()
    return (brotli.compress(data, quality=BROTLI_LEVEL),
            gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def compressed(path: Path) -> tuple[bytes, bytes]:
    """The file as brotli and gzip at BROTLI_LEVEL / GZIP_LEVEL, compressed once per version
    of the file: the weights, the offline lists and the precompressed pages share it."""
    stat = path.stat()
    return _compressed(path, stat.st_mtime_ns, stat.st_size)


def threads() -> int:
    """Threads for work that lets go of Python's lock (compressing, encoding pictures):
    one per core, at most four, so a course of photos is not all in memory at once."""
    return max(1, min(4, os.cpu_count() or 1))


def compress_all(paths: Iterable[Path]) -> None:
    """Compress files on every core ahead of :func:`compressed` asking for them one by one
    (brotli and zlib let go of Python's lock while they work)."""
    todo = sorted(set(paths))
    if len(todo) > 1:
        with ThreadPoolExecutor(threads()) as pool:
            for _ in pool.map(compressed, todo):
                pass


def sizes(path: Path) -> tuple[int, int]:
    """(brotli, gzip) bytes of a file at BROTLI_LEVEL / GZIP_LEVEL."""
    br, gz = compressed(path)
    return len(br), len(gz)


def measure(site: Path, pages: dict[str, str], tiers: list[list[str]], *,
            on_demand: dict[str, list[list[str]]] | None = None) -> list[Weight]:
    """``pages`` maps site path -> kind; ``tiers`` lists each tier's pages (its list of
    lessons, the lessons, its final test). A lesson's next visit is priced with every
    stylesheet and script of its tier cached, whichever page of the tier came before: a
    lesson without a quiz does not make the next one pay for the quiz engine.
    ``on_demand`` maps a page to the sets of files it may load once open, one set at a time."""
    # Every page of the tiers, weighed or not: what a tier has cached depends on all of them.
    loaded = {page: _files(site, page) for page in dict.fromkeys([*pages, *(p for group in tiers for p in group)])
              if (site / page).is_file()}
    compress_all(site / path for path in {*loaded, *(p for files in loaded.values() for p, _role in files),
                                          *(p for groups in (on_demand or {}).values() for g in groups for p in g)})
    shared: dict[str, frozenset[str]] = {}  # page -> what its tier's pages have cached (images are content)
    for group in tiers:
        cached = frozenset(path for page in group for path, role in loaded.get(page, ()) if role != "image")
        shared.update({page: cached for page in group})
    weights = []
    for page, kind in pages.items():
        html_br, html_gz = sizes(site / page)
        parts = {page: html_br}
        first_br, first_gz = html_br, html_gz
        own = [path for path, _role in loaded[page]]
        later = [[r for r in group if r not in own] for group in (on_demand or {}).get(page, [])]
        heaviest = max(later, key=lambda group: sum(sizes(site / r)[0] for r in group), default=[])
        for resource in own + heaviest:
            br, gz = sizes(site / resource)
            parts[resource] = br
            first_br, first_gz = first_br + br, first_gz + gz
        repeat = None
        if kind == "lesson" and page in shared:
            repeat = html_br + sum(parts[r] for r, _role in loaded[page] if r not in shared[page])
        weights.append(Weight(page, kind, (site / page).stat().st_size, first_br, first_gz, repeat, parts,
                              shared.get(page, frozenset())))
    return weights


def over_budget(weights: list[Weight], budgets: Budgets, site: Path) -> list[tuple[Weight, str]]:
    """Each broken budget: the page and a sentence saying what makes it heavy (``site``
    is read again only for the pages that broke one)."""
    broken = []
    for w in weights:
        for budget in LIMITS:
            if w.kind not in budget.kinds or budget.value(w) is None or budget.value(w) <= budget.limit(budgets):
                continue
            anatomy = page_anatomy(site, w.page)
            if budget.name == "page_html":
                amount, limit = _amounts(w.html_raw, budgets.page_html)
                why = f"HTML nặng {amount} (chưa nén), vượt ngân sách {limit}: " + _listed(anatomy.raw)
            elif budget.name == "repeat_visit_br":
                amount, limit = _amounts(w.repeat_br, budgets.repeat_visit_br)
                own = {**_html_parts(anatomy, w), **{r: b for r, b in w.parts.items()
                                                     if r != w.page and r not in w.cached}}
                why = (f"khi học tiếp trong cấp (đã có sẵn tệp dùng chung của cấp) tải {amount} brotli, "
                       f"vượt ngân sách {limit}: " + _listed(own))
            elif budget.name == "first_visit_gz" and w.first_br > budgets.first_visit_br:
                continue  # said once, with both sizes, under first_visit_br
            else:
                br, br_limit = _amounts(w.first_br, budgets.first_visit_br)
                gz, gz_limit = _amounts(w.first_gz, budgets.first_visit_gz)
                everything = {**_html_parts(anatomy, w), **{r: b for r, b in w.parts.items() if r != w.page}}
                why = (f"lần mở đầu tải {br} brotli / {gz} gzip, vượt ngân sách {br_limit} / {gz_limit}: "
                       + _listed(everything))
            broken.append((w, why))
    return broken


@dataclass(frozen=True)
class Limit:
    name: str  # the field of Budgets
    label: str  # as the build summary says it
    kinds: tuple[str, ...]  # the kinds of page it applies to
    value: Callable[[Weight], int | None]

    def limit(self, budgets: Budgets) -> int:
        return getattr(budgets, self.name)


_VISITED = ("lesson", "final", "progress", "certificate", "class")
LIMITS = (  # which budget applies to which kind of page, and to which of its sizes
    Limit("first_visit_br", "lần đầu br", _VISITED, lambda w: w.first_br),
    Limit("first_visit_gz", "lần đầu gz", _VISITED, lambda w: w.first_gz),
    Limit("repeat_visit_br", "bài tiếp theo", ("lesson",), lambda w: w.repeat_br),
    Limit("page_html", "HTML", ("lesson", "glossary"), lambda w: w.html_raw),
)


def headroom(weights: list[Weight], budgets: Budgets) -> dict[str, dict[str, float]]:
    """kind -> budget name -> how far the heaviest page of that kind is under the
    budget, as a fraction of it (0.2: 20 % to spare; negative: over)."""
    room: dict[str, dict[str, float]] = {}
    for budget in LIMITS:
        for kind in budget.kinds:
            values = [v for v in map(budget.value, (w for w in weights if w.kind == kind)) if v is not None]
            if values:
                room.setdefault(kind, {})[budget.name] = 1 - max(values) / budget.limit(budgets)
    return room


def report(weights: list[Weight], budgets: Budgets | None = None) -> str:
    """One line per kind of page: the heaviest page of that kind; with ``budgets``, a
    second line with how far it is under each budget that applies to it."""
    names = {"home": "Trang chủ", "tier": "Trang cấp", "lesson": "Bài học", "final": "Kiểm tra cuối cấp",
             "search": "Tìm kiếm", "progress": "Tiến độ", "certificate": "Chứng nhận", "class": "Lớp học",
             "glossary": "Từ ngữ cần biết"}
    room = headroom(weights, budgets) if budgets else {}
    lines = ["Dung lượng tải về (nặng nhất mỗi loại trang; brotli / gzip; còn dư: so với ngân sách):"]
    for kind, name in names.items():
        of_kind = [w for w in weights if w.kind == kind]
        if not of_kind:
            continue
        heaviest = max(of_kind, key=lambda w: w.first_br)
        repeats = [w.repeat_br for w in of_kind if w.repeat_br is not None]
        line = (f"  {name:<18} lần đầu {_kb(heaviest.first_br):>8} / {_kb(heaviest.first_gz):>8}"
                f"  HTML {_kb(max(w.html_raw for w in of_kind)):>8} chưa nén")
        if repeats:
            line += f"  bài tiếp theo {_kb(max(repeats))}"
        lines.append(line + f"  ({len(of_kind)} trang; nặng nhất: {heaviest.page})")
        if kind in room:
            spare = {budget.name: budget.label for budget in LIMITS}
            lines.append(f"  {'':<18} còn dư: " + ", ".join(
                f"{spare[key]} {_percent(fraction)}" for key, fraction in room[kind].items()))
    return "\n".join(lines)


@dataclass(frozen=True)
class Anatomy:
    """A page's HTML by what it is for: the part each character belongs to."""
    html: str
    owner: tuple[str, ...]  # one label per character of ``html``

    @property
    def raw(self) -> dict[str, int]:
        """label -> raw bytes, heaviest first."""
        size: dict[str, int] = {}
        for char, label in zip(self.html, self.owner):
            size[label] = size.get(label, 0) + len(char.encode())
        return dict(sorted(size.items(), key=lambda item: -item[1]))

    def without(self, label: str) -> str:
        return "".join(char for char, owner in zip(self.html, self.owner) if owner != label)


# Elements that make up a page, found by their class (theme/ and hocvuso/render/templates/);
# what is in none of them (head, header, footer, script tags) is the page's frame.
_PART_OF = (
    ("nav", "hv-nav", "điều hướng"),
    ("div", "md-sidebar--secondary", "điều hướng"),  # the table of contents
    ("nav", "hv-pager", "điều hướng"),
    ("section", "hv-quiz", "bài kiểm tra"),
    ("article", "md-content__inner", "nội dung bài"),
)
FRAME = "khung trang"


class _Parts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[tuple[int, int], tuple[int, int], str]] = []  # start, end, label
        self._open: list[tuple[str, int, tuple[int, int], str]] = []  # tag, depth, start, label

    def handle_starttag(self, tag, attrs):
        for i, (open_tag, depth, start, label) in enumerate(self._open):
            if open_tag == tag:
                self._open[i] = (open_tag, depth + 1, start, label)
        classes = (dict(attrs).get("class") or "").split()
        for part_tag, class_name, label in _PART_OF:
            if tag == part_tag and class_name in classes:
                self._open.append((tag, 1, self.getpos(), label))

    def handle_endtag(self, tag):
        still = []
        for open_tag, depth, start, label in self._open:
            if open_tag == tag:
                depth -= 1
                if depth == 0:
                    self.found.append((start, self.getpos(), label))
                    continue
            still.append((open_tag, depth, start, label))
        self._open = still


def page_anatomy(site: Path, page: str) -> Anatomy:
    """Split a built page into its navigation, its quiz, its own text and the frame
    around them, so that an over-budget message can say what makes the page heavy."""
    html = (site / page).read_text(encoding="utf-8")
    parser = _Parts()
    parser.feed(html)
    starts = [0]  # where each line begins, counted as HTMLParser counts them
    for line in html.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def offset(pos: tuple[int, int]) -> int:
        return starts[pos[0] - 1] + pos[1]

    spans = []
    for start, end, label in parser.found:
        close = html.find(">", offset(end))
        spans.append((offset(start), close + 1 if close >= 0 else len(html), label))
    owner = [FRAME] * len(html)  # each character belongs to the innermost part around it
    for begin, end, label in sorted(spans, key=lambda span: span[0]):
        owner[begin:end] = [label] * (end - begin)
    return Anatomy(html, tuple(owner))


def _html_parts(anatomy: Anatomy, w: Weight) -> dict[str, int]:
    """The page's brotli bytes shared out among its parts. Brotli does not add up part
    by part, so each part's share follows what the page saves without it."""
    whole = len(brotli.compress(anatomy.html.encode(), quality=BROTLI_LEVEL))
    saved = {label: max(1, whole - len(brotli.compress(anatomy.without(label).encode(), quality=BROTLI_LEVEL)))
             for label in anatomy.raw}
    total = sum(saved.values())
    return {label: round(w.parts[w.page] * size / total) for label, size in saved.items()}


def _listed(parts: dict[str, int], top: int = 6) -> str:
    heaviest = sorted(parts.items(), key=lambda item: -item[1])[:top]
    return ", ".join(f"{_name(part)} {_kb(size)}" for part, size in heaviest)


def _name(part: str) -> str:
    return posixpath.basename(part) if "/" in part or "." in part else part


def _amounts(size: int, budget: int) -> tuple[str, str]:
    """A size and its budget, in bytes when they are close enough that KB with one
    decimal would read the same ("8.0 KB, vượt ngân sách 8.0 KB"); in KB otherwise."""
    if abs(size - budget) <= NEAR * budget:
        return _bytes(size), _bytes(budget)
    return _kb(size), _kb(budget)


NEAR = 0.05  # within 5 % of its budget, a size is printed in bytes


def _bytes(size: int) -> str:
    return f"{size:,} B".replace(",", " ")


def _percent(fraction: float) -> str:
    """Rounded down: 14.7 % to spare is not shown as 15 %."""
    return f"{math.floor(fraction * 100)}%"


def _kb(size: int) -> str:
    return f"{size / KB:.1f} KB"
