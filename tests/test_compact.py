"""Built pages without the templates' indentation, reading and looking the same."""

from __future__ import annotations

from hocvuso.render.compact import compact_html


def test_whitespace_runs_with_a_line_break_become_the_line_break():
    html = "\n  <div>\n    <p>Một\n       hai</p>\n\n    <a href=x>ba</a> <b>bốn</b>\n  </div>\n"
    assert compact_html(html) == "<div>\n<p>Một\nhai</p>\n<a href=x>ba</a> <b>bốn</b>\n</div>\n"


def test_what_shows_whitespace_as_written_and_what_is_not_markup_stay_as_they_are():
    kept = ("<pre>  một\n      hai</pre>", "<code>a\n   b</code>", "<kbd>Ctrl\n  C</kbd>",
            "<textarea>\n   dòng</textarea>", "<script>if (a<b) {\n    x()\n  }</script>",
            "<style>\n  p { color: red }\n</style>", "<!-- ghi\n     chú -->", '<p title="một\n   hai">')
    for part in kept:
        assert compact_html(f"<div>\n  {part}\n  </div>") == f"<div>\n{part}\n</div>", part


def test_markup_inside_code_is_kept_and_the_text_after_it_compacted():
    html = "<pre><code><span>x</span>\n    y</code></pre>\n\n   <p>sau</p>"
    assert compact_html(html) == "<pre><code><span>x</span>\n    y</code></pre>\n<p>sau</p>"
