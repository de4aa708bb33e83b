"""Material's stylesheets, trimmed to what the site uses (scripts/nyf/trim_css.py): what a page
or a script uses stays, the rest goes, and the pages point at the trimmed files."""
from __future__ import annotations

import re

from nyf import trim_css
from nyf.trim_css import Used

CSS = (":root{--used:red;--unused:blue;--chain:var(--unused-too);--unused-too:1px}"
       ".a{color:var(--used)}.gone{color:green}.a .gone,.a .b{margin:0}"
       ".x:not(.nowhere){top:0}"
       "@media screen{.gone{left:0}.b{right:0}}"
       "[data-md-color-primary=indigo]{--md-primary-fg-color:#3f51b5}"
       "[data-md-color-primary=custom] .a{bottom:0}"
       "@keyframes spin{to{transform:rotate(1turn)}}")


def test_what_nothing_uses_goes_and_what_something_uses_stays():
    used = Used(classes={"a", "b", "x"}, colours={"data-md-color-primary": {"custom"}}, variables=set())
    [out] = trim_css.trim_texts([CSS], used)
    assert ".gone" not in out and "indigo" not in out
    assert ".a{color:var(--used)}" in out and ".a .b{margin:0}" in out
    assert ".x:not(.nowhere){top:0}" in out, "a class inside :not() never counts against a selector"
    assert "@media screen{.b{right:0}}" in out
    assert "[data-md-color-primary=custom] .a{bottom:0}" in out and "@keyframes spin" in out
    assert "--used:red" in out and "--unused" not in out and "--chain" not in out


def test_a_property_read_elsewhere_stays():
    used = Used(classes={"a"}, colours={}, variables={"--unused"})
    [out] = trim_css.trim_texts([CSS], used)
    assert "--unused:blue" in out


def test_classes_come_from_pages_and_from_what_scripts_add(tmp_path):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "page.html").write_text('<p class="a  b" data-md-color-scheme="slate">', encoding="utf-8")
    (tmp_path / "assets" / "javascripts" / "bundle.js").write_text(
        'e.classList.add("js","focus-visible");h("li",{class:"tabbed-button"});x="md-search-result__item";y="plain-word"',
        encoding="utf-8")
    used = trim_css.used_in(tmp_path, [])
    assert {"a", "b", "js", "focus-visible", "tabbed-button", "md-search-result__item"} <= used.classes
    assert "plain-word" not in used.classes
    assert used.colours == {"data-md-color-scheme": {"slate"}}


def test_the_built_site_uses_trimmed_stylesheets_only(site):
    sheets = sorted(p.name for p in (site / "assets" / "stylesheets").iterdir())
    assert [re.sub(r"\.[0-9a-f]{8}\.", ".*.", n) for n in sheets] == ["main.*.min.css", "palette.*.min.css"], sheets
    main = next((site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert ".md-search-result__link" in main, "search results are drawn by the script: their rules stay"
    assert ".md-typeset .admonition" in main, "pages use admonitions"
    assert ".tabbed-set" not in main and ".highlight" not in main, "no page has content tabs or code"
    assert ".md-typeset .grid.cards" in main, "the home pages have cards"
    palette = next((site / "assets" / "stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in palette and "indigo" not in palette
    assert len(main.encode()) < 100_000
    home = (site / "index.html").read_text(encoding="utf-8")
    for name in sheets:
        assert f"assets/stylesheets/{name}" in home
