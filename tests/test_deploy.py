"""A hosted build: precompressed siblings and caching rules that match the files."""

from __future__ import annotations

import gzip
import re

import brotli

from hocvuso.output.hosting import HASHED


def test_text_files_get_identical_br_and_gz_siblings(course):
    course.lesson("co-ban/bai.md")
    assert course.run("build") == 0
    site = course.root / "site"
    texts = [p for p in site.rglob("*") if p.suffix in (".html", ".css", ".js")]
    assert texts
    for path in texts:
        data = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path


def test_every_css_and_js_the_pages_load_is_content_hashed_and_cached_immutably(course):
    course.write("quizzes/thu.yml", 'title: T\ncompetences: ["4.2"]\nlevel: 1\nquestions:\n'
                 "  - {type: true_false, prompt: A, answer: true}\n")
    course.lesson("co-ban/bai.md", extra="quiz: thu\n")
    assert course.run("build") == 0
    site = course.root / "site"
    page = (site / "co-ban" / "bai.html").read_text(encoding="utf-8")
    loaded = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', page)
    assert len(loaded) >= 4  # Material's two stylesheets, ours, the bundle and the engine
    assert all(re.search(HASHED, url) for url in loaded), loaded
    headers = (site / "_headers").read_text(encoding="utf-8")
    for url in loaded:
        folder = "/" + url.replace("../", "").rsplit("/", 1)[0] + "/*"
        block = headers.split(folder, 1)[1].split("\n/", 1)[0]
        assert "immutable" in block, url
    assert "/*.html\n  Cache-Control: no-cache" in headers
    assert 'Header set Cache-Control "no-cache"' in (site / ".htaccess").read_text(encoding="utf-8")
    assert "gzip_static on;" in (site / "nginx-hocvuso.conf").read_text(encoding="utf-8")
