"""Drop the rules of Material's stylesheets that no page of this site can match.

Material ships 140 KB of CSS for every feature it has (search, tabs, code annotations,
palette toggles…); a course uses a fraction. A rule is dropped only when every selector
in it needs something that no page of the site can have:

- a class that appears in no built page and that no script of ours adds;
- an element that appears in no built page and that no script of ours names (the
  rules for ``details``, ``kbd``, ``figure``… of a course that uses none);
- a value of an attribute that only markup sets (the text direction, the colour
  scheme) that no built page has: right-to-left rules, the 19 unused palettes.

So what remains styles the site exactly as before. Then the custom properties (``--name``)
that nothing reads any more go too, and what is left of the palette is appended to the
main stylesheet. The result gets a new content-hashed name (the old name would lie to
caches), and the pages, held in memory since MkDocs made them, are written pointing at it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tinycss2

_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_INSIDE_PARENS = re.compile(r"\([^()]*\)")
_SCRIPT_CLASS = re.compile(r"\b(?:hv|md)-[\w-]+")
# Attributes that no script of ours sets or changes: their values in the built pages are
# all the values they will ever have.
_STATIC = r"dir|data-md-color-scheme|data-md-color-primary|data-md-color-accent"
_STATIC_ATTR = re.compile(rf'\s({_STATIC})="([^"]*)"')
_STATIC_IN_SELECTOR = re.compile(rf"""\[\s*({_STATIC})\s*=\s*["']?([\w-]+)["']?\s*\]""")
_TAG_IN_PAGE = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_WORD_IN_SCRIPT = re.compile(r"""["'<]([a-zA-Z][a-zA-Z0-9-]*)""")  # any quoted word may be a tag name
_TYPE_IN_SELECTOR = re.compile(r"(?:^|[\s>+~])([a-zA-Z][a-zA-Z0-9-]*)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_ALWAYS = {"html", "head", "body", "tbody"}  # the browser adds them when the markup leaves them out
PURGED = ("main", "palette")  # Material's stylesheets under assets/stylesheets/


def used_classes(pages: Iterable[str], scripts: list[Path]) -> set[str]:
    """Every class a page (its HTML) can have; every element, as ``<name>``; and every
    value of the attributes that only markup sets, as ``[name=value]``."""
    used: set[str] = {f"<{tag}>" for tag in _ALWAYS}
    for html in pages:
        used |= page_classes(html)
    for script in scripts:  # classes and elements our scripts add at run time (hv-js, hv-q--right…)
        text = script.read_text(encoding="utf-8")
        used.update(_SCRIPT_CLASS.findall(text))
        used.update(f"<{word.lower()}>" for word in _WORD_IN_SCRIPT.findall(text))
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
    if rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None:
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
    return (all(name in used for name in _CLASS_IN_SELECTOR.findall(outside))
            and all(f"[{name}={value}]" in used for name, value in _STATIC_IN_SELECTOR.findall(outside))
            and all(f"<{tag.lower()}>" in used for tag in _TYPE_IN_SELECTOR.findall(_ATTRIBUTE.sub("", outside))))


def unused_properties(css: str, referenced: set[str]) -> str:
    """``css`` without the custom properties (``--name: …``) that nothing reads: Material
    declares 136, for icons of features a course does not use among others. ``referenced``
    holds the names read outside ``css`` (other stylesheets, pages, scripts)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    declared: dict[str, set[str]] = {}  # custom property -> the properties its value reads
    read = set(referenced)
    for declaration in _declarations(rules):
        reads = set(_VAR.findall(tinycss2.serialize(declaration.value)))
        if declaration.name.startswith("--"):
            declared.setdefault(declaration.name, set()).update(reads)
        else:
            read |= reads
    pending = list(read)
    while pending:  # what a read property reads is read too
        for name in declared.get(pending.pop(), ()):
            if name not in read:
                read.add(name)
                pending.append(name)
    return "".join(_without(rule, read) for rule in rules)


_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def _declarations(rules):
    for rule in rules:
        if rule.type == "qualified-rule":
            yield from (d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True,
                                                                   skip_whitespace=True) if d.type == "declaration")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPING:
            yield from _declarations(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


def _without(rule, read: set[str]) -> str:
    if rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPING:
        inner = "".join(_without(r, read) for r in
                        tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
        return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}" if inner else ""
    if rule.type != "qualified-rule":
        return tinycss2.serialize([rule])
    items = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
    unread = [d for d in items if d.type == "declaration" and d.name.startswith("--") and d.name not in read]
    if not unread:
        return tinycss2.serialize([rule])
    if any(d.type != "declaration" for d in items):  # something this module does not rewrite
        return tinycss2.serialize([rule])
    kept = [d for d in items if d not in unread]
    if not kept:
        return ""
    body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                    for d in kept)
    return tinycss2.serialize(rule.prelude).strip() + "{" + body + "}"


_GROUPING = ("media", "supports", "layer", "container")


@dataclass(frozen=True)
class Purged:
    """What trimming the stylesheets kept, and how pages now name them."""

    used: frozenset[str]  # what the pages and scripts use (see used_classes)
    renamed: dict[str, str]  # old file name -> trimmed file's name
    merged: tuple[re.Pattern, ...]  # links to stylesheets folded into main.css

    def links(self, html: str) -> str:
        """A page's stylesheet links, pointing at the trimmed files."""
        for link in self.merged:
            html = link.sub("", html)
        for old, fresh in self.renamed.items():
            html = html.replace(f"stylesheets/{old}", f"stylesheets/{fresh}")
        return html

    def covers(self, html: str) -> bool:
        """Whether the trimmed stylesheets kept every class and element the page uses."""
        return page_classes(html) <= self.used


def page_classes(html: str) -> set[str]:
    used = set()
    for value in _CLASS_ATTR.findall(html):
        used.update(value.split())
    used.update(f"<{tag.lower()}>" for tag in _TAG_IN_PAGE.findall(html))
    used.update(f"[{name}={value}]" for name, value in _STATIC_ATTR.findall(html))
    return used


def purge_site(site: Path, scripts: list[Path], pages: dict[str, str]) -> Purged:
    """Trim the stylesheets to what ``pages`` (site path -> HTML, built but not yet
    written) and ``scripts`` use, then write each page once, pointing at the trimmed files."""
    used = used_classes(pages.values(), scripts)
    folder = site / "assets" / "stylesheets"
    purged = {path: purge(path.read_text(encoding="utf-8"), used)
              for stem in PURGED for path in folder.glob(f"{stem}.*.min.css")}
    # Custom properties read by anything but the stylesheets being trimmed.
    elsewhere = [p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p not in purged]
    outside = set().union(*(_VAR.findall(text) for text in [*elsewhere, *pages.values()]),
                          *(_VAR.findall(p.read_text(encoding="utf-8")) for p in scripts),
                          *(re.findall(r"--[\w-]+", p.read_text(encoding="utf-8")) for p in scripts))
    for path, text in purged.items():
        others = outside.union(*(_VAR.findall(t) for p, t in purged.items() if p != path))
        purged[path] = unused_properties(text, others)
    # What is left of the palette (a few lines for the course's colours) travels inside
    # main.css, which pages load just before it: one request and one tag fewer a page.
    mains = [path for path in purged if path.name.startswith("main.")]
    palettes = [path for path in purged if path.name.startswith("palette.")]
    if len(mains) == 1:
        for palette in palettes:
            purged[mains[0]] += purged.pop(palette)
            palette.unlink()
    renamed = {}
    for path, text in purged.items():
        stem = path.name.split(".")[0]
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        target = path.with_name(f"{stem}.{digest}.min.css")
        path.unlink()
        target.write_text(text, encoding="utf-8")
        renamed[path.name] = target.name
    merged = [re.compile(rf'<link rel="stylesheet" href="[^"]*stylesheets/{re.escape(p.name)}">\n?')
              for p in palettes if len(mains) == 1]
    done = Purged(frozenset(used), renamed, tuple(merged))
    for path, html in pages.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(done.links(html), encoding="utf-8")
    return done
