"""Drop the rules of Material's stylesheets that no page of this site can match.

Material ships 140 KB of CSS for every feature it has (search, tabs, code annotations,
palette toggles…); a course uses a fraction. A rule is dropped only when every selector
in it names a class that appears in no built page and that no script of ours adds, so
what remains styles the site exactly as before. The result gets a new content-hashed
name (the old name would lie to caches) and pages are pointed at it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2

_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_INSIDE_PARENS = re.compile(r"\([^()]*\)")
_SCRIPT_CLASS = re.compile(r"\b(?:hv|md)-[\w-]+")
PURGED = ("main", "palette")  # Material's stylesheets under assets/stylesheets/


def used_classes(site: Path, scripts: list[Path]) -> set[str]:
    used: set[str] = set()
    for page in site.rglob("*.html"):
        for value in _CLASS_ATTR.findall(page.read_text(encoding="utf-8")):
            used.update(value.split())
    for script in scripts:  # classes our engine adds at run time (hv-js, hv-q--right…)
        used.update(_SCRIPT_CLASS.findall(script.read_text(encoding="utf-8")))
    return used


def purge(css: str, used: set[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_kept(rule, used) for rule in rules)


def _kept(rule, used: set[str]) -> str:
    if rule.type == "qualified-rule":
        selectors = _split_selectors(tinycss2.serialize(rule.prelude))
        alive = [s for s in selectors if _may_match(s, used)]
        if not alive:
            return ""
        return ",".join(alive) + "{" + tinycss2.serialize(rule.content) + "}"
    if rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container") \
            and rule.content is not None:
        inner = "".join(_kept(r, used) for r in
                        tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
        if not inner:
            return ""
        return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}"
    return tinycss2.serialize([rule])


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += char in "([" 
        depth -= char in ")]"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [p for p in parts if p]


def _may_match(selector: str, used: set[str]) -> bool:
    # Classes inside :is()/:not()/:where() are not required to exist: keep those rules.
    outside = selector
    while _INSIDE_PARENS.search(outside):
        outside = _INSIDE_PARENS.sub("", outside)
    return all(name in used for name in _CLASS_IN_SELECTOR.findall(outside))


def purge_site(site: Path, scripts: list[Path]) -> None:
    used = used_classes(site, scripts)
    folder = site / "assets" / "stylesheets"
    renamed = {}
    for stem in PURGED:
        for path in folder.glob(f"{stem}.*.min.css"):
            text = purge(path.read_text(encoding="utf-8"), used)
            digest = hashlib.sha256(text.encode()).hexdigest()[:8]
            target = path.with_name(f"{stem}.{digest}.min.css")
            path.unlink()
            target.write_text(text, encoding="utf-8")
            renamed[path.name] = target.name
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = html
        for old, fresh in renamed.items():
            new = new.replace(f"stylesheets/{old}", f"stylesheets/{fresh}")
        if new != html:
            page.write_text(new, encoding="utf-8")
