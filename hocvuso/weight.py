"""What a learner downloads: page weights measured on the built site, checked against budgets.

A first visit costs the page's HTML plus every stylesheet, script and eagerly loaded
image it names; the next lesson of the same tier costs its HTML plus whatever the first
page did not already bring (the shared CSS, engine and tier bundle are cached). A page
that loads files on demand, one set of several (a record page, the summary of the tier
it shows), is charged with the heaviest set on its first visit. Sizes are
what a server sends compressed, brotli and gzip, since that is what learners pay for.
"""

from __future__ import annotations

import gzip
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import brotli

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
    repeat_br: int | None  # None when there is no previous lesson to come from
    parts: dict[str, int] = field(default_factory=dict)  # resource -> brotli bytes, first visit


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.media: list[str] = []  # recordings: fetched only when played

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and ("stylesheet" in rel or "icon" in rel) and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "img" and attrs.get("src") and attrs.get("loading") != "lazy":
            self.urls.append(attrs["src"])
        elif tag == "audio" and attrs.get("src"):
            self.media.append(attrs["src"])


def resources(site: Path, page: str, html: str, *, media: bool = False) -> list[str]:
    """Site paths of what the page loads by itself, in order, without repeats; with
    ``media``, also the recordings it plays on request (for offline downloads)."""
    parser = _Resources()
    parser.feed(html)
    found = []
    for url in parser.urls + (parser.media if media else []):
        if "://" in url or url.startswith("//") or url.startswith("data:"):
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), url.split("#")[0].split("?")[0]))
        if path not in found and (site / path).is_file():
            found.append(path)
    return found


@lru_cache(maxsize=4096)
def _compressed(path: Path, mtime: float) -> tuple[int, int]:
    data = path.read_bytes()
    return (len(brotli.compress(data, quality=BROTLI_LEVEL)),
            len(gzip.compress(data, compresslevel=GZIP_LEVEL)))


def sizes(path: Path) -> tuple[int, int]:
    """(brotli, gzip) bytes of a file at BROTLI_LEVEL / GZIP_LEVEL."""
    return _compressed(path, path.stat().st_mtime)


def measure(site: Path, pages: dict[str, str], sequences: list[list[str]], *,
            on_demand: dict[str, list[list[str]]] | None = None) -> list[Weight]:
    """``pages`` maps site path -> kind; ``sequences`` are lessons in reading order;
    ``on_demand`` maps a page to the sets of files it may load once open, one set at a time."""
    previous = {later: earlier for seq in sequences for earlier, later in zip(seq, seq[1:])}
    loaded: dict[str, list[str]] = {}
    weights = []
    for page, kind in pages.items():
        html = (site / page).read_text(encoding="utf-8")
        loaded[page] = resources(site, page, html)
    for page, kind in pages.items():
        html_br, html_gz = sizes(site / page)
        parts = {page: html_br}
        first_br, first_gz = html_br, html_gz
        later = [[r for r in group if r not in loaded[page]] for group in (on_demand or {}).get(page, [])]
        heaviest = max(later, key=lambda group: sum(sizes(site / r)[0] for r in group), default=[])
        for resource in loaded[page] + heaviest:
            br, gz = sizes(site / resource)
            parts[resource] = br
            first_br, first_gz = first_br + br, first_gz + gz
        repeat = None
        if page in previous:
            cached = set(loaded[previous[page]])
            repeat = html_br + sum(sizes(site / r)[0] for r in loaded[page] if r not in cached)
        weights.append(Weight(page, kind, (site / page).stat().st_size, first_br, first_gz, repeat, parts))
    return weights


def over_budget(weights: list[Weight], budgets: Budgets) -> list[tuple[Weight, str]]:
    """Each broken budget: the page and a sentence saying what it carries."""
    broken = []
    for w in weights:
        if w.kind in ("lesson", "glossary") and w.html_raw > budgets.page_html:
            broken.append((w, f"HTML nặng {_kb(w.html_raw)} (chưa nén), vượt ngân sách {_kb(budgets.page_html)}"))
        if w.kind in ("lesson", "final", "progress", "certificate", "class"):
            if w.first_br > budgets.first_visit_br or w.first_gz > budgets.first_visit_gz:
                broken.append((w, f"lần mở đầu tải {_kb(w.first_br)} brotli / {_kb(w.first_gz)} gzip, vượt "
                                  f"ngân sách {_kb(budgets.first_visit_br)} / {_kb(budgets.first_visit_gz)}: "
                                  + _carries(w)))
            if w.repeat_br is not None and w.repeat_br > budgets.repeat_visit_br:
                broken.append((w, f"khi học tiếp từ bài trước tải {_kb(w.repeat_br)} brotli, vượt ngân sách "
                                  f"{_kb(budgets.repeat_visit_br)}"))
    return broken


def report(weights: list[Weight]) -> str:
    """One line per kind of page: the heaviest page of that kind."""
    names = {"home": "Trang chủ", "tier": "Trang cấp", "lesson": "Bài học", "final": "Kiểm tra cuối cấp",
             "search": "Tìm kiếm", "progress": "Tiến độ", "certificate": "Chứng nhận", "class": "Lớp học",
             "glossary": "Từ ngữ cần biết"}
    lines = ["Dung lượng tải về (nặng nhất mỗi loại trang; brotli / gzip):"]
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
    return "\n".join(lines)


def _carries(w: Weight) -> str:
    top = sorted(w.parts.items(), key=lambda item: -item[1])[:4]
    return ", ".join(f"{posixpath.basename(path)} {_kb(size)}" for path, size in top)


def _kb(size: int) -> str:
    return f"{size / KB:.1f} KB"
