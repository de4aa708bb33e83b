"""The built site, read as files: languages, metadata, sitemap, 404, search indexes, assets."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import LANG_PREFIX, LANGS, ROOT, build_site, site_config


def lang_of(path: str) -> str:
    for lang in ("en", "id"):
        if path.startswith(f"/{lang}/"):
            return lang
    return "ko"


def read(site: Path, url_path: str) -> str:
    rel = url_path.lstrip("/")
    file = site / rel / "index.html" if not rel.endswith(".html") else site / rel
    return file.read_text(encoding="utf-8")


def content_pages(pages):
    return [p for p in pages if not p.endswith("404.html")]


def test_every_page_exists_in_every_language(site, pages):
    paths = {lang: set() for lang in LANGS}
    for p in content_pages(pages):
        lang = lang_of(p)
        paths[lang].add(p[len(LANG_PREFIX[lang]) + 1:] if lang != "ko" else p[1:])
    assert paths["ko"], "no Korean pages built"
    assert paths["ko"] == paths["en"] == paths["id"], paths


def test_html_lang_matches_the_url(site, pages):
    for p in content_pages(pages):
        html = read(site, p)
        assert re.search(rf'<html lang="{lang_of(p)}"', html), p


@pytest.mark.parametrize("lang, placeholder", [("ko", "검색"), ("en", "Search"), ("id", "Cari")])
def test_material_ui_strings_are_in_the_page_language(site, lang, placeholder):
    html = read(site, "/" + LANG_PREFIX[lang])
    assert f'placeholder="{placeholder}' in html


def test_every_page_has_a_description_in_its_language(site, pages):
    for p in content_pages(pages):
        html = read(site, p)
        match = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert match and len(match.group(1)) > 20, f"{p}: no meta description"
        hangul = re.search(r"[\uac00-\ud7a3]", match.group(1))
        assert bool(hangul) == (lang_of(p) == "ko"), f"{p}: description not in the page's language"


def test_sitemap_has_absolute_hreflang_alternates_with_x_default(site, pages):
    site_url = site_config()["site_url"]
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    blocks = re.findall(r"<url>(.*?)</url>", xml, flags=re.S)
    assert len(blocks) == len(content_pages(pages))
    for block in blocks:
        alts = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block))
        assert set(alts) == {"ko", "en", "id", "x-default"}, block
        for href in alts.values():
            assert href.startswith(site_url), href
        assert alts["x-default"] == alts["ko"]


def test_head_has_no_alternate_links_that_make_material_fetch_missing_sitemaps(site, pages):
    # Material fetches "sitemap.xml" beside every <link rel="alternate">; those are in the sitemap.
    for p in content_pages(pages):
        assert 'rel="alternate"' not in read(site, p).split("</head>")[0], p


def test_one_404_page_speaks_three_languages(site):
    assert not (site / "en" / "404.html").exists() and not (site / "id" / "404.html").exists()
    html = (site / "404.html").read_text(encoding="utf-8")
    for lang, href in (("ko", "/"), ("en", "/en/"), ("id", "/id/")):
        assert re.search(rf'<section lang="{lang}"', html), lang
        assert f'href="{href}" hreflang="{lang}"' in html, href
    assert "페이지를 찾을 수 없어요" in html and "Page not found" in html and "Halaman tidak ditemukan" in html


def test_korean_headings_get_hangul_anchors(site):
    html = read(site, "/about/")
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids and all(re.search(r"[\uac00-\ud7a3]", i) for i in ids), ids


def test_search_index_per_language(site):
    for lang in LANGS:
        index = json.loads((site / LANG_PREFIX[lang] / "search" / "search_index.full.json").read_text())
        assert index["docs"], lang
        for doc in index["docs"]:
            assert not doc["location"].startswith(("en/", "id/")), (lang, doc["location"])
        # What every page view downloads is only the config; the docs come when a reader searches.
        stub = json.loads((site / LANG_PREFIX[lang] / "search" / "search_index.json").read_text())
        assert stub["docs"] == [] and stub["config"]["lang"], lang
    ko = json.loads((site / "search" / "search_index.full.json").read_text())
    assert any("당신" in d["title"] + d["text"] for d in ko["docs"])
    en = json.loads((site / "en" / "search" / "search_index.full.json").read_text())
    assert not any(re.search(r"[\uac00-\ud7a3]", d["title"]) for d in en["docs"])


def test_search_base_is_the_language_root(site):
    for lang, path, base in (("ko", "/about/", ".."), ("en", "/en/about/", "../../en/"), ("id", "/id/", "../id/")):
        assert f'"base": "{base}"' in read(site, path), lang


def test_no_asset_is_loaded_from_another_host(site, pages):
    for p in pages:
        html = read(site, p)
        for tag, attr, value in re.findall(r"<(script|img|link|iframe|source|video|audio)\b[^>]*?\b(src|href)=\"([^\"]*)\"", html):
            if tag == "link" and "canonical" in html[html.find(value) - 80: html.find(value)]:
                continue
            assert not re.match(r"^(https?:)?//", value), f"{p}: <{tag} {attr}={value}> loads from another host"


def test_generator_and_analytics_are_off(site):
    html = read(site, "/")
    assert 'name="generator"' not in html and "Made with" not in html
    assert "googletagmanager" not in html and "analytics" not in html.lower()


# --- strict build: contributors' mistakes stop the build -----------------------------------

@pytest.fixture
def project_copy(tmp_path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache"))
    return dest


@pytest.mark.parametrize(
    "name, change, expect",
    [
        ("broken link", lambda d: (d / "docs/about.md").open("a").write("\n[x](no-such-page.md)\n"), "no-such-page.md"),
        ("broken anchor", lambda d: (d / "docs/about.md").open("a").write("\n[x](index.md#no-such-heading)\n"), "no-such-heading"),
        (
            "page missing from the nav",
            lambda d: [(d / f"docs/orphan{s}.md").write_text("---\ndescription: x\n---\n# Orphan\n") for s in ("", ".en", ".id")],
            "orphan",
        ),
        (
            "data edited without `make stats`",
            lambda d: (d / "data/statistics.yml").write_text(
                (d / "data/statistics.yml").read_text(encoding="utf-8").replace("value: 1202", "value: 1203", 1), encoding="utf-8"),
            "police-cases.ko.md",
        ),
    ],
)
def test_strict_build_fails_on_contributor_mistakes(project_copy, tmp_path, name, change, expect):
    change(project_copy)
    result = build_site(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0, f"{name}: build passed"
    assert expect in result.stderr, result.stderr[-2000:]


def test_css_bundle_is_minified_without_changing_meaning(site):
    import site_postbuild

    css = 'a > b , c { content: " ( x , y ) " ; }\n/* note */\n.md-typeset :is(h1) { color: red ; }'
    assert site_postbuild.minify_css(css) == 'a>b,c{content: " ( x , y ) "}.md-typeset :is(h1){color: red}\n'
    bundle = (site / "assets" / "css" / "bundle.css").read_text(encoding="utf-8")
    assert "/*" not in bundle and ":lang(ko){word-break: keep-all;" in bundle
