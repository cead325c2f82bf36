"""What a web host needs beyond the pages: precompressed files and caching rules.

Every CSS/JS asset has a content hash in its name, so it can be cached for a year and
never revalidated; HTML pages must be revalidated so a new deployment is seen at once.
The rules are written for the three usual kinds of host (nginx, Apache, static hosts
that read a ``_headers`` file), and text files get ``.br`` and ``.gz`` siblings so the
server sends them compressed without compressing on every request.
"""

from __future__ import annotations

import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from .weight import compressed, threads

TEXT_SUFFIXES = (".html", ".css", ".js", ".svg", ".xml", ".json", ".txt")
HASHED = r"\.[0-9a-f]{8,10}(\.min)?\.(css|js)$"  # main.57a0d79d.min.css, quiz.e1c2ae2641.js
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SERVER_FILES = ("_headers", ".htaccess", "nginx-hocvuso.conf")

HEADERS = f"""\
# Caching rules for static hosts that read _headers (Netlify, Cloudflare Pages…).
# Written by hocvuso: assets with a content hash never change, pages must be revalidated.
/assets/hocvuso/*
  Cache-Control: {IMMUTABLE}
/assets/stylesheets/*
  Cache-Control: {IMMUTABLE}
/*.html
  Cache-Control: {REVALIDATE}
/
  Cache-Control: {REVALIDATE}
"""

HTACCESS = f"""\
# Apache: caching rules and precompressed files. Written by hocvuso.
# Needs mod_headers and mod_rewrite (both usual on shared hosting).
<IfModule mod_headers.c>
  <FilesMatch "{HASHED}">
    Header set Cache-Control "{IMMUTABLE}"
  </FilesMatch>
  <FilesMatch "\\.html$">
    Header set Cache-Control "{REVALIDATE}"
  </FilesMatch>
</IfModule>
<IfModule mod_rewrite.c>
  RewriteEngine On
  RewriteCond %{{HTTP:Accept-Encoding}} br
  RewriteCond %{{REQUEST_FILENAME}}.br -f
  RewriteRule ^(.+)\\.(html|css|js|svg|xml|json|txt)$ $1.$2.br [L]
  RewriteCond %{{HTTP:Accept-Encoding}} gzip
  RewriteCond %{{REQUEST_FILENAME}}.gz -f
  RewriteRule ^(.+)\\.(html|css|js|svg|xml|json|txt)$ $1.$2.gz [L]
  RewriteRule \\.(br|gz)$ - [E=no-gzip:1,E=no-brotli:1]
</IfModule>
<IfModule mod_headers.c>
  <FilesMatch "\\.(html|css|js|svg|xml|json|txt)\\.br$">
    Header set Content-Encoding br
    Header append Vary Accept-Encoding
  </FilesMatch>
  <FilesMatch "\\.(html|css|js|svg|xml|json|txt)\\.gz$">
    Header set Content-Encoding gzip
    Header append Vary Accept-Encoding
  </FilesMatch>
</IfModule>
AddType "text/html; charset=utf-8" .html.br .html.gz
AddType "text/css; charset=utf-8" .css.br .css.gz
AddType "text/javascript; charset=utf-8" .js.br .js.gz
AddType "image/svg+xml" .svg.br .svg.gz
"""

NGINX = f"""\
# nginx: include this inside the server {{ }} block that serves the site's folder.
# Written by hocvuso. brotli_static needs the ngx_brotli module: delete that line if
# your nginx does not have it (gzip_static is built in).
gzip_static on;
brotli_static on;

location ~* "{HASHED}" {{
    add_header Cache-Control "{IMMUTABLE}";
}}
location ~* \\.html$ {{
    add_header Cache-Control "{REVALIDATE}";
}}
location = / {{
    add_header Cache-Control "{REVALIDATE}";
}}
"""


def write_server_files(site: Path) -> None:
    (site / "_headers").write_text(HEADERS, encoding="utf-8")
    (site / ".htaccess").write_text(HTACCESS, encoding="utf-8")
    (site / "nginx-hocvuso.conf").write_text(NGINX, encoding="utf-8")


def _compressed_for_hosting(path: Path) -> tuple[bytes, bytes]:
    if path.suffix == ".html" or "/search-" in path.as_posix():
        return compressed(path)
    data = path.read_bytes()
    return brotli.compress(data, quality=11), gzip.compress(data, compresslevel=9, mtime=0)


def precompress(site: Path) -> int:
    """Write ``.br`` and ``.gz`` beside every text file; returns how many files.

    Shared, long-cached assets get the best levels. Pages and the search index, which
    are many and change with every build, get the levels the page weights are measured
    at (within a few % of the best): the bytes compressed for weighing are written as
    they are, so what a learner downloads is what the budgets were checked against.
    """
    paths = [path for path in sorted(site.rglob("*")) if path.is_file() and path.suffix in TEXT_SUFFIXES]
    with ThreadPoolExecutor(threads()) as pool:  # brotli and zlib let go of the GIL
        for path, (br, gz) in zip(paths, pool.map(_compressed_for_hosting, paths)):
            path.with_name(path.name + ".br").write_bytes(br)
            path.with_name(path.name + ".gz").write_bytes(gz)
    return len(paths)
