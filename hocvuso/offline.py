"""Offline use of the hosted site: a service worker and one download list per tier.

The service worker (hocvuso/assets/sw.js) keeps every page and asset a learner opens;
each tier page offers to store the whole tier at once ("Tải về để học không cần mạng")
from a list written here, with its download size. The worker's version is a hash of
the site, so each deployment gets a fresh cache (see sw.js for how it swaps caches).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import rjsmin

from .course import Course
from .glossary import PAGE_PATH as GLOSSARY_PATH
from .lessons import output_path
from .weight import resources, sizes

ASSETS = Path(__file__).parent / "assets"
LIST_DIR = "assets/hocvuso"


def tier_list_path(tier_slug: str) -> str:
    return f"{LIST_DIR}/offline-{tier_slug}.json"


def write_offline_files(site: Path, course: Course) -> dict[str, int]:
    """Write each tier's list and the service worker; returns tier slug -> brotli bytes."""
    totals = {}
    for plan in course.tiers:
        pages = ["index.html", output_path(plan.index_path), *(x.url for x in plan.lessons)]
        if plan.quiz_ids:
            pages.append(output_path(plan.final_test_path))
        if course.glossary.terms:
            pages.append(output_path(GLOSSARY_PATH))
        urls: list[str] = []
        for page in pages:
            for path in [page, *resources(site, page, (site / page).read_text(encoding="utf-8"),
                                                  media=True)]:
                if path not in urls:
                    urls.append(path)
        total = sum(sizes(site / url)[0] for url in urls)
        (site / tier_list_path(plan.tier.slug)).write_text(
            json.dumps({"tier": plan.tier.name, "bytes": total, "urls": urls}, ensure_ascii=False),
            encoding="utf-8")
        totals[plan.tier.slug] = total
        _show_size(site / output_path(plan.index_path), plan.tier.slug, total)
    version = _site_hash(site)
    worker = (ASSETS / "sw.js").read_text(encoding="utf-8").replace("__VERSION__", version)
    (site / "sw.js").write_text(rjsmin.jsmin(worker), encoding="utf-8")
    return totals


def _show_size(tier_page: Path, slug: str, total: int) -> None:
    html = tier_page.read_text(encoding="utf-8")
    size = f"{total / 1024 / 1024:.1f} MB" if total >= 1024 * 1024 else f"{round(total / 1024)} KB"
    tier_page.write_text(html.replace(f'data-hv-size="{slug}"></span>',
                                      f'data-hv-size="{slug}">(khoảng {size})</span>'), encoding="utf-8")


def _site_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != "sw.js":
            digest.update(path.relative_to(site).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:12]
