"""Material's CSS trimmed to what the pages can use, without changing how they look."""

from __future__ import annotations

from hocvuso.output.css_purge import purge, unused_properties

# What the built pages have: classes, elements as <name>, markup-only attributes as [name=value].
USED = {"md-nav", "md-nav__link", "md-typeset", "<body>", "<ul>", "<li>", "[dir=ltr]"}


def test_rules_for_unused_classes_go_and_everything_that_may_match_stays():
    css = (".md-search{color:red}.md-nav,.md-tabs{margin:0}"
           "@media screen{.md-tabs{x:1}.md-nav__link{y:2}}"
           "body{font-size:1rem}.md-nav:not(.md-search){z:3}[dir=ltr] .md-typeset ul li{m:1}"
           "@keyframes spin{to{transform:rotate(1turn)}}")
    kept = purge(css, USED)
    assert ".md-search{" not in kept and ".md-tabs{x:1}" not in kept
    assert ".md-nav{margin:0}" in kept  # the unused selector of the list is dropped
    assert "@media screen{.md-nav__link{y:2}}" in kept
    assert "body{font-size:1rem}" in kept
    assert ".md-nav:not(.md-search){z:3}" in kept  # classes inside :not() are not required
    assert "[dir=ltr] .md-typeset ul li{m:1}" in kept
    assert "@keyframes spin" in kept


def test_rules_for_absent_elements_and_unused_directions_and_palettes_go():
    css = (".md-typeset details,.md-typeset ul{a:1}.md-typeset summary:before{b:2}"
           "[dir=rtl] .md-typeset ul li{c:3}[data-md-color-primary=red]{d:4}"
           ".md-typeset li:is(details *){e:5}")
    kept = purge(css, USED | {"[data-md-color-primary=indigo]"})
    assert kept == ".md-typeset ul{a:1}.md-typeset li:is(details *){e:5}"  # what is inside :is() may match


def test_custom_properties_nothing_reads_go_with_those_only_they_read():
    css = (":root{--icon-tab:url(x.svg);--fg:#000;--link:var(--fg);--hue:1;--unused:var(--hue)}"
           "a{color:var(--link)}@media print{:root{--print:1}}.x{--only:1}")
    kept = unused_properties(css, referenced={"--print"})  # read by another stylesheet or a script
    assert kept == ":root{--fg:#000;--link:var(--fg)}a{color:var(--link)}@media print{:root{--print:1}}"


def test_built_pages_point_at_the_trimmed_renamed_stylesheet(course):
    course.lesson("co-ban/bai.md")
    assert course.run("build") == 0
    site = course.root / "site"
    main = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert main.stat().st_size < 80 * 1024  # Material's own is 137 KB
    assert f"stylesheets/{main.name}" in (site / "co-ban" / "bai.html").read_text(encoding="utf-8")
    assert ".md-search__input" not in main.read_text(encoding="utf-8")  # no search on our pages
    # The course's palette travels inside main.css: no second stylesheet of Material's.
    assert [p.name for p in (site / "assets" / "stylesheets").glob("*.css")] == [main.name]
    assert "--md-primary-fg-color:#4051b5" in main.read_text(encoding="utf-8")
    assert "palette." not in (site / "co-ban" / "bai.html").read_text(encoding="utf-8")
