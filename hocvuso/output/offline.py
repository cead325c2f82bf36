"""Offline use of the hosted site: a service worker and one download list per tier.

The service worker (hocvuso/browser/sw.js) keeps every page and asset a learner opens;
each tier page offers to store the whole tier at once ("Tải về để học không cần mạng")
from a list written here, with its download size (which the worker carries). The list holds every page a learner of
that tier can reach: the tier's own pages, and the course-wide ones (home, search with
the tier's share of the index, progress, certificate, class, glossary), each with what
its built HTML loads, and the PDF handouts those pages link to. Nothing else: a page of
another tier, opened offline, gets the worker's "not downloaded" page
(hocvuso/render/templates/not-saved.html), never another page under its address.

The worker's version is a hash of the site, so each deployment gets a fresh cache (see
sw.js for how it swaps caches).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path

import rjsmin
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model.course import Course, TierPlan
from ..model.lessons import output_path
from .pagescan import scan
from ..render.pages import SEARCH_PATH
from .search import index_path
from .search_index import Index
from .weight import compress_all, resources, sizes

ASSETS = Path(__file__).parent.parent / "browser"
LIST_DIR = "assets/hocvuso"
_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent.parent / "render" / "templates"),
                         autoescape=True, undefined=StrictUndefined)


def tier_list_path(tier_slug: str) -> str:
    return f"{LIST_DIR}/offline-{tier_slug}.json"


def write_offline_files(site: Path, course: Course, *, pages: list[str], search: Index | None,
                        site_name: str, on_demand: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Write each tier's list and the service worker; returns tier slug -> brotli bytes.

    ``pages``: site paths of every page the course built, tiers' and course-wide;
    ``on_demand``: tier slug -> files the record pages load by script for that tier.
    """
    totals = {}
    owned = {plan.tier.slug: set(tier_pages(plan)) for plan in course.tiers}
    lists: dict[str, list[str]] = {}  # tier slug -> its files
    for plan in course.tiers:
        others = set().union(*(p for slug, p in owned.items() if slug != plan.tier.slug))
        urls = tier_files(site, [p for p in tier_pages(plan) + pages if p not in others], search=search,
                          lessons={lesson.url for lesson in plan.lessons})
        lists[plan.tier.slug] = urls + [path for path in (on_demand or {}).get(plan.tier.slug, []) if path not in urls]
    compress_all(site / url for urls in lists.values() for url in urls)
    for plan in course.tiers:
        urls = lists[plan.tier.slug]
        total = sum(sizes(site / url)[0] for url in urls)
        (site / tier_list_path(plan.tier.slug)).write_text(
            json.dumps({"tier": plan.tier.name, "bytes": total, "urls": urls}, ensure_ascii=False),
            encoding="utf-8")
        totals[plan.tier.slug] = total
    not_saved = _TEMPLATES.get_template("not-saved.html").render(site_name=site_name)
    worker = (ASSETS / "sw.js").read_text(encoding="utf-8").replace("__VERSION__", _site_hash(site))
    worker = worker.replace("__NOT_SAVED__", json.dumps(not_saved, ensure_ascii=False))
    # Each tier's download size, known only now that every file is compressed: the worker
    # tells the tier page (browser/offline.js), so no page is written again to show it.
    worker = worker.replace("__SIZES__", json.dumps({tier_list_path(slug): total for slug, total in totals.items()}))
    (site / "sw.js").write_text(rjsmin.jsmin(worker), encoding="utf-8")
    return totals


def tier_pages(plan: TierPlan) -> list[str]:
    """Site paths of the pages that belong to one tier."""
    pages = [output_path(plan.index_path), *(lesson.url for lesson in plan.lessons)]
    if plan.quiz_ids:
        pages.append(output_path(plan.final_test_path))
    return pages


def tier_files(site: Path, pages: list[str], *, search: Index | None, lessons: set[str]) -> list[str]:
    """The pages, what each loads (read from its built HTML, recordings included), the PDFs
    they link to, and, with the search page, the index files a search of ``lessons`` needs."""
    urls: dict[str, None] = {}  # ordered set
    for page in pages:
        if not (site / page).is_file():
            continue
        urls.update(dict.fromkeys([page, *resources(site, page, media=True),
                                   *(pdf for pdf in _pdfs(page, scan(site / page).links) if (site / pdf).is_file())]))
    if search and output_path(SEARCH_PATH) in urls:
        urls.update(dict.fromkeys(f"{index_path(search)}/{path}" for path in search.files_for(lessons)))
    return list(urls)


def _pdfs(page: str, hrefs: tuple[str, ...]) -> list[str]:
    """Site paths of the PDFs among a page's links (handouts)."""
    found = []
    for href in hrefs:
        path = href.split("#")[0].split("?")[0]
        if path.endswith(".pdf") and "://" not in path and not path.startswith(("/", "data:")):
            found.append(posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
    return found


def _site_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != "sw.js":
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]
