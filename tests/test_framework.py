"""The competency framework as data: the bundled Circular 02/2025 file and others."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from hocvuso.model.framework import load_framework
from hocvuso.problems import Problems


def _load(path: Path):
    problems = Problems(path.parent)
    framework = load_framework(path, problems)
    assert not problems, [p.format() for p in problems.items]
    return framework


def test_bundled_framework_is_circular_02_2025_with_6_domains_24_competences():
    framework = _load(REPO / "content" / "framework.yml")
    assert "02/2025/TT-BGDĐT" in framework.source
    assert [d.code for d in framework.domains] == ["1", "2", "3", "4", "5", "6"]
    assert list(framework.competences) == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3", "3.4",
        "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "6.3",
    ]
    assert framework.competences["6.1"].name == "Hiểu biết về AI"
    assert all(c.gloss for c in framework.competences.values())


def test_bundled_framework_has_8_levels_in_4_tiers():
    framework = _load(REPO / "content" / "framework.yml")
    assert [(t.slug, t.name, t.levels) for t in framework.tiers] == [
        ("co-ban", "Cơ bản", (1, 2)),
        ("trung-cap", "Trung cấp", (3, 4)),
        ("nang-cao", "Nâng cao", (5, 6)),
        ("chuyen-sau", "Chuyên sâu", (7, 8)),
    ]
    assert framework.level_label(3) == "Bậc 3"
    assert framework.tier_of_level(6).name == "Nâng cao"


def test_bundled_framework_has_the_four_audiences_of_qd_757():
    framework = _load(REPO / "content" / "framework.yml")
    assert [a.slug for a in framework.audiences] == [
        "hoc-sinh-sinh-vien", "nguoi-dan", "can-bo-cong-chuc", "nguoi-lao-dong-doanh-nghiep",
    ]


def test_digcomp_fixture_loads_with_21_competences():
    framework = _load(FIXTURES / "digcomp-2.2.yml")
    assert len(framework.competences) == 21
    assert framework.level_name == "Level"
    assert [t.levels for t in framework.tiers] == [(1, 2), (3, 4), (5, 6), (7, 8)]


def test_nearest_codes_prefer_the_same_domain():
    framework = _load(REPO / "content" / "framework.yml")
    assert framework.nearest_codes("2.7") == ["2.6", "2.5", "2.4"]
    assert framework.nearest_codes("6.4") == ["6.3", "6.2", "6.1"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda t: t.replace("levels: [3, 4]", "levels: [2, 3]"),
     "framework.yml:14: bậc '2' bị khai báo hai lần"),
    (lambda t: t.replace("slug: trung-cap", "slug: Trung Cap"),
     "'tiers[2].slug' chỉ được dùng chữ thường không dấu"),
    (lambda t: t.replace('    competences:\n      - code: "6.1"', '    competencies:\n      - code: "6.1"'),
     "trường 'competencies' không được hỗ trợ trong 'domains[6]'"),
])
def test_a_broken_framework_file_is_reported_at_its_line(tmp_path, change, expected):
    path = tmp_path / "framework.yml"
    path.write_text(change((REPO / "content" / "framework.yml").read_text(encoding="utf-8")),
                    encoding="utf-8")
    problems = Problems(tmp_path)
    assert load_framework(path, problems) is None
    messages = [p.format() for p in problems.items]
    assert any(expected in m for m in messages), messages
    assert all(p.line > 1 for p in problems.items)
