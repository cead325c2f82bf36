"""The competency framework as data: domains, competences, levels in tiers, audiences.

Vietnam's Circular 02/2025/TT-BGDĐT ships in ``content/framework.yml``; another
framework (DigComp 2.2, a province's own) is another file of the same shape, chosen in
``mkdocs.yml``. Nothing else in hocvuso knows how many domains or levels there are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..source import schema
from ..problems import Problems, nearest
from ..source.yamlfile import UNREADABLE, Mapping, read_yaml_file


@dataclass(frozen=True)
class Competence:
    code: str  # "4.2"
    name: str  # in the framework's own language
    gloss: str  # English gloss, for developers and exports
    domain_code: str


@dataclass(frozen=True)
class Domain:
    code: str
    name: str
    gloss: str
    competences: tuple[Competence, ...]


@dataclass(frozen=True)
class Tier:
    slug: str  # also the folder under content/ that holds the tier's lessons
    name: str
    gloss: str
    levels: tuple[int, ...]

    @property
    def level_range(self) -> str:
        return f"{self.levels[0]}–{self.levels[-1]}" if len(self.levels) > 1 else str(self.levels[0])


@dataclass(frozen=True)
class Audience:
    slug: str
    name: str
    gloss: str


@dataclass(frozen=True)
class Framework:
    name: str
    gloss: str
    source: str
    level_name: str  # "Bậc" / "Level", written before a level number
    tiers: tuple[Tier, ...]
    domains: tuple[Domain, ...]
    audiences: tuple[Audience, ...]

    @property
    def competences(self) -> dict[str, Competence]:
        return {c.code: c for d in self.domains for c in d.competences}

    def domain(self, code: str) -> Domain:
        return next(d for d in self.domains if d.code == code)

    def tier(self, slug: str) -> Tier | None:
        return next((t for t in self.tiers if t.slug == slug), None)

    def tier_of_level(self, level: int) -> Tier | None:
        return next((t for t in self.tiers if level in t.levels), None)

    def level_label(self, level: int) -> str:
        return f"{self.level_name} {level}"

    def nearest_codes(self, code: str, n: int = 3) -> list[str]:
        """Valid codes closest to a wrong one: same domain first, then nearby numbers."""
        match = re.fullmatch(r"(\d+)\.(\d+)", code)
        if not match:
            return nearest(code, self.competences, n=n)
        domain, index = int(match[1]), int(match[2])

        def distance(valid: str) -> tuple[int, int]:
            d, i = (int(x) for x in valid.split("."))
            return abs(d - domain), abs(i - index)

        return sorted(self.competences, key=distance)[:n]


SLUG = schema.SLUG  # defined in schema.py, which words its errors; the rest imports it from here
_TEXT = {"type": "string", "minLength": 1}
_NAMED = {"name": _TEXT, "gloss": _TEXT}

FRAMEWORK_SCHEMA = {
    "type": "object",
    "required": ["name", "level_name", "tiers", "domains", "audiences"],
    "properties": {
        "name": _TEXT,
        "gloss": _TEXT,
        "source": _TEXT,
        "level_name": _TEXT,
        "tiers": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["slug", "name", "levels"],
                "properties": {
                    "slug": {"type": "string", "pattern": SLUG},
                    **_NAMED,
                    "levels": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "integer", "minimum": 1},
                    },
                },
            },
        },
        "domains": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["code", "name", "competences"],
                "properties": {
                    "code": {"type": "string", "pattern": r"^\d+$"},
                    **_NAMED,
                    "competences": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["code", "name"],
                            "properties": {
                                "code": {"type": "string", "pattern": r"^\d+\.\d+$"},
                                **_NAMED,
                            },
                        },
                    },
                },
            },
        },
        "audiences": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["slug", "name"],
                "properties": {"slug": {"type": "string", "pattern": SLUG}, **_NAMED},
            },
        },
    },
}

_EXAMPLE = {
    "name": "name: Khung năng lực số cho người học",
    "gloss": "gloss: Digital competency framework   # tên tiếng Anh",
    "source": "source: Thông tư 02/2025/TT-BGDĐT",
    "level_name": "level_name: Bậc",
    "tiers": "tiers:   # danh sách các cấp, mỗi cấp có slug, name, levels",
    "domains": "domains:   # danh sách các miền năng lực",
    "audiences": "audiences:   # danh sách các nhóm đối tượng",
    "slug": "slug: co-ban",
    "code": "code: \"1.1\"",
    "levels": "levels: [1, 2]",
    "competences": "competences:   # danh sách năng lực của miền",
    # The same key in another list means another thing:
    "tiers.name": "name: Cơ bản",
    "tiers.gloss": "gloss: Foundation",
    "domains.code": "code: \"1\"",
    "domains.name": "name: Khai thác dữ liệu và thông tin",
    "domains.gloss": "gloss: Information and data literacy",
    "domains.competences.name": "name: Duyệt, tìm kiếm và lọc dữ liệu",
    "domains.competences.gloss": "gloss: Browsing, searching and filtering data",
    "audiences.slug": "slug: nguoi-dan",
    "audiences.name": "name: Người dân",
    "audiences.gloss": "gloss: Citizens",
}


def load_framework(path: Path, problems: Problems) -> Framework | None:
    """Read and check a framework file; on any problem, report it and return None."""
    data = read_yaml_file(path, problems)
    if data is UNREADABLE:
        return None
    if not schema.check(data, FRAMEWORK_SCHEMA, problems=problems, path=path,
                        what="tệp khung năng lực", example=_EXAMPLE):
        return None
    if not _check_consistency(data, problems, path):
        return None
    return _build(data)


def _check_consistency(data: Mapping, problems: Problems, path: Path) -> bool:
    ok = True

    def once(items, key: str, what: str) -> None:
        nonlocal ok
        seen: set = set()
        for item in items:
            value = item[key]
            values = value if isinstance(value, list) else [value]
            for index, v in enumerate(values):
                if v in seen:
                    line = value.line_of(index) if isinstance(value, list) else item.line_of(key)
                    problems.add(path, line, f"{what} '{v}' bị khai báo hai lần", "mỗi giá trị chỉ khai báo một lần")
                    ok = False
                seen.add(v)

    once(data["tiers"], "slug", "cấp")
    once(data["tiers"], "levels", "bậc")
    once(data["domains"], "code", "miền")
    once([c for d in data["domains"] for c in d["competences"]], "code", "mã năng lực")
    once(data["audiences"], "slug", "đối tượng")
    for domain in data["domains"]:
        for competence in domain["competences"]:
            if competence["code"].split(".")[0] != domain["code"]:
                problems.add(path, competence.line_of("code"),
                             f"mã năng lực '{competence['code']}' không thuộc miền '{domain['code']}'",
                             f"mã năng lực của miền {domain['code']} bắt đầu bằng '{domain['code']}.'")
                ok = False
    return ok


def _build(data: Mapping) -> Framework:
    domains = tuple(
        Domain(
            code=d["code"],
            name=d["name"],
            gloss=d.get("gloss", d["name"]),
            competences=tuple(
                Competence(c["code"], c["name"], c.get("gloss", c["name"]), d["code"])
                for c in d["competences"]
            ),
        )
        for d in data["domains"]
    )
    return Framework(
        name=data["name"],
        gloss=data.get("gloss", data["name"]),
        source=data.get("source", ""),
        level_name=data["level_name"],
        tiers=tuple(
            Tier(t["slug"], t["name"], t.get("gloss", t["name"]), tuple(sorted(t["levels"])))
            for t in data["tiers"]
        ),
        domains=domains,
        audiences=tuple(
            Audience(a["slug"], a["name"], a.get("gloss", a["name"])) for a in data["audiences"]
        ),
    )
