"""The built site, read as files (no browser): what `make build` makes is complete, in every
language, locked down and reproducible; contributors' mistakes stop the build with the file and
line. Builds run in-process (nyf.build), on the real site or on a small copy."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import LANGS, PROJECT, ROOT, lang_of, page_file, parse_html

from nyf import build, csp, hotlines, languages, linkcheck, material, pdf, render
from nyf.markdown_text import split_front_matter

SITE_URL = "https://notyourfault.example/"


def meta_of(source: Path) -> dict:
    return yaml.safe_load(split_front_matter(source.read_text(encoding="utf-8"))[0]) or {}


def source_of(url_path: str) -> Path:
    """The docs/ file a built page comes from."""
    lang = lang_of(url_path)
    rest = url_path.lstrip("/")[len(lang.root):].rstrip("/")
    candidates = [PROJECT.docs / f"{rest}/index.{lang.code}.md", PROJECT.docs / f"{rest}.{lang.code}.md"] if rest else \
        [PROJECT.docs / f"index.{lang.code}.md"]
    return next(p for p in candidates if p.exists())


# --- complete -----------------------------------------------------------------------------------

def test_every_page_exists_in_every_language(content_pages):
    by_lang = {lang.code: set() for lang in LANGS}
    for p in content_pages:
        lang = lang_of(p)
        by_lang[lang.code].add(p.lstrip("/")[len(lang.root):])
    assert by_lang["ko"] and all(paths == by_lang["ko"] for paths in by_lang.values()), by_lang
    assert len(content_pages) == len(LANGS) * len(list(PROJECT.docs.rglob("*.ko.md")))


@pytest.mark.browser
def test_the_output_of_make_build_has_no_broken_internal_link_or_asset(built):
    assert linkcheck.check(built.site) == []
    assert built.pdfs and all(p.is_file() and p.stat().st_size > 10_000 for p in built.pdfs)


@pytest.mark.browser
def test_every_page_with_a_pdf_has_it_in_the_downloads(built):
    expected = {f"{item.name}.pdf" for item in pdf.prints(PROJECT, LANGS)}
    assert len(expected) >= 9
    made = {p.name for p in (built.site / "downloads").iterdir()}
    assert {n for n in made if n.endswith(".pdf")} == expected
    assert {n for n in made if not n.endswith(".pdf")} == {f"kit-{code}.zip" for code in LANGS.codes}


def test_the_link_check_finds_what_is_broken(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"><a href="../b/">b</a> <a href="#here">ok</a> <a href="#gone">x</a> <a href="../downloads/x.pdf">pdf</a>'
        '<img src="../missing.png"> <a href="https://elsewhere.example/">elsewhere</a></p>', encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<a href="../a/#here">a</a> <a href="../a/#nope">a</a>', encoding="utf-8")
    assert linkcheck.check(tmp_path) == [
        "/a/: #gone is not on the page",
        "/a/: <a> ../downloads/x.pdf does not exist",
        "/a/: <img> ../missing.png does not exist",
        "/b/: ../a/#nope: the anchor #nope is not on that page",
    ]


# --- languages ------------------------------------------------------------------------------------

def test_html_lang_meta_description_and_materials_strings_are_the_pages_language(content_pages, dom, html):
    placeholders = {"ko": "검색", "en": "Search", "id": "Cari"}
    for p in content_pages:
        lang = lang_of(p)
        assert dom[p].find("html").attrs["lang"] == lang.code, p
        description = dom[p].find("meta", name="description").attrs["content"]
        assert len(description) > 20 and bool(re.search(r"[\uac00-\ud7a3]", description)) == (lang.code == "ko"), p
        assert f'placeholder="{placeholders[lang.code]}' in html[p], p
        assert f'title="{lang.s("palette_to_dark")}"' in html[p] and f'aria-label="{lang.s("palette_to_light")}"' in html[p], p


def test_the_sitemap_has_every_page_with_absolute_hreflang_x_default_and_its_reviewed_date(site, content_pages):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    blocks = re.findall(r"<url>(.*?)</url>", xml, flags=re.S)
    assert len(blocks) == len(content_pages)
    for block in blocks:
        alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block))
        assert set(alternates) == {*LANGS.codes, "x-default"}, block
        assert all(href.startswith(SITE_URL) for href in alternates.values())
        assert alternates["x-default"] == alternates["ko"]
        loc = re.search(r"<loc>([^<]+)</loc>", block).group(1)
        lastmod = re.search(r"<lastmod>([^<]+)</lastmod>", block).group(1)
        assert str(meta_of(source_of("/" + loc[len(SITE_URL):]))["reviewed"]) == lastmod, loc


def test_no_alternate_links_in_the_head_that_make_material_fetch_missing_sitemaps(content_pages, html):
    for p in content_pages:
        assert 'rel="alternate"' not in html[p].split("</head>")[0], p


def test_one_404_page_speaks_every_language(site, html):
    assert not any((site / lang.root / "404.html").exists() for lang in LANGS if lang.root)
    page = html["/404.html"]
    for lang in LANGS:
        assert f'<section lang="{lang.code}" class="nyf-404">' in page
        assert f'href="/{lang.root}" hreflang="{lang.code}"' in page
        assert lang.s("not_found_title") in page
    assert '<meta name="robots" content="noindex">' in page


def test_korean_headings_get_hangul_anchors(dom):
    ids = [h.attrs.get("id") for h in dom["/about/"].find_all("h2")]
    assert ids and all(re.search(r"[\uac00-\ud7a3]", i or "") for i in ids), ids


def test_search_has_one_index_per_language_and_pages_download_only_its_settings(site, html):
    for lang in LANGS:
        full = json.loads((site / lang.root / "search" / "search_index.full.json").read_text(encoding="utf-8"))
        assert full["docs"], lang.code
        assert not any(d["location"].startswith(tuple(l.root for l in LANGS if l.root)) for d in full["docs"]), lang.code
        stub = json.loads((site / lang.root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert stub["docs"] == [] and stub["config"]["lang"], lang.code
    english = json.loads((site / "en" / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    assert not any(re.search(r"[\uac00-\ud7a3]", d["title"]) for d in english["docs"])
    for path, base in (("/about/", ".."), ("/en/about/", "../../en/"), ("/id/", "../id/")):
        assert f'"base": "{base}"' in html[path]


def test_the_lazy_search_loads_materials_worker_by_its_real_name(html, site):
    worker = material.search_worker()
    assert (site / worker).is_file()
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html["/en/about/"], re.S).group(1))
    assert config["search"].endswith(f"?worker={worker.rsplit('/', 1)[1]}&index=en/search/search_index.full.json")
    assert (site / "en" / "about" / config["search"].split("?")[0]).resolve().is_file()


def test_nothing_is_loaded_from_another_host(pages, dom):
    for p in pages:
        for tag, attr in (("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src"), ("source", "src"),
                          ("video", "src"), ("audio", "src"), ("object", "data"), ("embed", "src")):
            for element in dom[p].find_all(tag):
                value = element.attrs.get(attr) or ""
                if tag == "link" and element.attrs.get("rel") == "canonical":
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{p}: <{tag} {attr}={value}> loads from another host"


def test_no_generator_no_analytics_no_repository_widget(html):
    page = html["/"]
    assert 'name="generator"' not in page and "Made with" not in page
    assert "googletagmanager" not in page and "analytics" not in page.lower() and "md-source__repository" not in page


def test_every_page_edits_its_own_source(content_pages, dom):
    base = "https://github.com/notyourfault-site/notyourfault/edit/main/docs/"
    for p in content_pages:
        link = next(a.attrs["href"] for a in dom[p].find_all("a", cls="md-content__button"))
        assert link == base + source_of(p).relative_to(PROJECT.docs).as_posix(), p


# --- what every page carries ---------------------------------------------------------------------

def test_the_help_panel_is_on_every_page_in_its_language_above_the_content(content_pages, dom):
    directory = hotlines.load(PROJECT, LANGS)
    for p in content_pages:
        lang = lang_of(p)
        content = dom[p].find("div", cls="md-content")
        panels = content.find_all("section", cls="nyf-help-panel")
        assert len(panels) == 1, p
        panel = panels[0]
        assert panel.find("p", cls="nyf-help-panel__title").all_text() == lang.s("help_panel_title")
        calls = [(a.attrs["href"], a.find("span", cls="nyf-help-panel__number").all_text()) for a in panel.find_all("a", cls="nyf-help-panel__call")]
        wanted = [(hotlines.tel_href(directory.contacts[c]["phones"][0]),
                   hotlines.display_number(directory.contacts[c], directory.contacts[c]["phones"][0], lang))
                  for c in directory.panel(lang.code, lang.fallback)]
        assert calls == wanted, p
        elements = list(content.iter())
        assert elements.index(panel) < elements.index(content.find("h1")), f"{p}: the panel is not above the heading"
        more = [a for a in panel.find_all("a", cls="nyf-help-panel__more") if "nyf-help-panel__start" not in a.classes()]
        on_help_page = p == f"/{lang.root}help/"
        assert (not more) == on_help_page, p
        if more:
            assert urlsplit(urljoin(p, more[0].attrs["href"])).path == f"/{lang.root}help/"


def test_the_quick_exit_is_on_every_page_as_a_plain_link_in_its_language(pages, dom):
    for p in pages:
        lang = LANGS.default if p == "/404.html" else lang_of(p)
        bars = dom[p].find_all("div", cls="nyf-exit-bar")
        assert len(bars) == 1, p
        bar = bars[0]
        link = bar.find("a", cls="nyf-exit")
        assert link.attrs["href"] == lang.exit_url and "noreferrer" in link.attrs["rel"].split(), p
        assert link.all_text().strip() == lang.s("exit_label")
        hint = dom[p].find(id=link.attrs["aria-describedby"])
        assert hint.all_text().strip() == lang.s("exit_hint")
        for key in ("leaving", "progress-1", "progress-2", "reset"):
            assert bar.attrs[f"data-{key}"] == lang.s("exit_" + key.replace("-", "_")), (p, key)
        assert bar.attrs["data-exit-url"] == lang.exit_url
        safety = bar.find("a", cls="nyf-exit-bar__safety")
        assert urlsplit(urljoin(p, safety.attrs["href"])).path == f"/{lang.root}help/stay-safe-online/"
        assert dom[p].find("meta", name="referrer").attrs["content"] == "no-referrer"
        assert bar.find(cls="nyf-exit-bar__status").attrs["aria-live"] == "polite"


def test_every_tel_link_is_well_formed_and_comes_from_data(pages, dom):
    directory = hotlines.load(PROJECT, LANGS)
    known = {hotlines.tel_href(phone) for c in directory.contacts.values() for phone in c.get("phones", [])}
    seen = 0
    for p in pages:
        for a in dom[p].find_all("a"):
            href = a.attrs.get("href") or ""
            if href.lower().startswith("tel"):
                seen += 1
                assert re.fullmatch(r"tel:\+?[0-9]+", href), (p, href)
                assert href in known, f"{p}: {href} is not a number from data/hotlines.yml"
    assert seen > 200


def test_the_help_pages_list_every_contact(dom):
    directory = hotlines.load(PROJECT, LANGS)
    for lang in LANGS:
        article = dom[f"/{lang.root}help/"].find("article")
        for cid, contact in directory.contacts.items():
            heading = article.find("h3", id=cid)
            assert heading is not None and heading.all_text().strip() == lang.text(contact["name"]), (lang.code, cid)
        external = [a for a in article.find_all("a") if (a.attrs.get("href") or "").startswith("http")
                    and "md-content__button" not in a.classes()]
        assert len(external) >= 30
        for a in external:
            assert "noreferrer" in a.attrs.get("rel", "") and "nyf-ext" in a.classes(), a.attrs
            assert a.find("span", cls="nyf-sr").all_text() == f" ({lang.s('external')})"


def test_pages_that_discuss_abuse_open_with_a_content_note(content_pages, dom):
    for p in content_pages:
        meta = meta_of(source_of(p))
        note = dom[p].find("aside", cls="nyf-content-note")
        assert (note is not None) == bool(meta.get("content_note")), p
        shown = dom[p].find("p", cls="nyf-reviewed")
        assert shown is not None and str(meta["reviewed"]) in shown.all_text(), p


# --- locked down ----------------------------------------------------------------------------------

def inline_scripts(page: str) -> list[str]:
    return [m.group(2) for m in re.finditer(r"<script(\s[^>]*)?>(.*?)</script>", page, re.S)
            if not re.search(r"\bsrc=", m.group(1) or "") and "application/json" not in (m.group(1) or "")]


def test_every_page_carries_a_content_security_policy_before_any_script(pages, html):
    for p in pages:
        page = html[p]
        head = page[page.index("<head>"): page.index("</head>")]
        match = re.match(r'<head>\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert match, f"{p}: the policy is not the first thing in <head>"
        policy = dict(part.strip().split(" ", 1) for part in match.group(1).split(";"))
        hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline_scripts(page)}
        assert set(policy["script-src"].split()) == {"'self'"} | hashes, p
        assert "unsafe-inline" not in match.group(1) and "unsafe-eval" not in match.group(1)
        for directive, value in (("default-src", "'self'"), ("style-src", "'self'"), ("img-src", "'self' data:"),
                                 ("font-src", "'self'"), ("connect-src", "'self'"), ("worker-src", "'self'"),
                                 ("object-src", "'none'"), ("base-uri", "'none'"), ("form-action", "'none'")):
            assert policy[directive] == value, (p, directive)


def test_the_headers_file_for_static_hosts(site, html):
    text = (site / "_headers").read_text(encoding="utf-8")
    header = re.search(r"^  Content-Security-Policy: (.+)$", text, re.M).group(1)
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html["/en/about/"]).group(1)
    assert header == meta + "; frame-ancestors 'none'"
    for needed in ("Referrer-Policy: no-referrer", "X-Content-Type-Options: nosniff", "camera=()", "microphone=()", "geolocation=()"):
        assert needed in text
    fingerprinted = sorted("/" + p.relative_to(site).as_posix() for p in site.glob("assets/**/*")
                           if re.search(r"\.[0-9a-f]{8}(\.min)?\.(js|css)$", p.name))
    assert len(fingerprinted) >= 6
    for path in fingerprinted:
        assert f"{path}\n  Cache-Control: public, max-age=31536000, immutable" in text
    assert "\n/*\n  Cache-Control" not in text, "HTML keeps the host's revalidating default"


def test_the_policy_hashes_what_would_run_and_nothing_else():
    page = '<head><meta charset="utf-8"></head><script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
    digest = base64.b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert csp.inline_script_hashes(page) == [f"'sha256-{digest}'"]
    assert csp.add_meta(page).startswith(f'<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' \'sha256-{digest}\';')


# --- contributors' mistakes stop the build, with the file and the line -------------------------------

def break_and_build(project, tmp_path, change) -> str:
    change(project.root)
    with pytest.raises(build.BuildError) as info:
        build.build(project, tmp_path / "out", with_pdfs=False, log=lambda _: None)
    return str(info.value)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_small_site_builds(small_project, tmp_path):
    built = build.build(small_project, tmp_path / "site", with_pdfs=False, log=lambda _: None)
    assert (built.site / "id" / "help" / "index.html").is_file()


@pytest.mark.parametrize("name, change, words", [
    ("broken link", lambda r: append(r / "docs/about.ko.md", "\n[x](no-such-page.md)\n"), ["about.ko.md", "no-such-page.md"]),
    ("broken anchor", lambda r: append(r / "docs/about.en.md", "\n[x](index.md#no-such-heading)\n"), ["about.en.md", "no-such-heading"]),
    ("page missing from the nav",
     lambda r: [(r / f"docs/orphan.{c}.md").write_text("---\ndescription: x\n---\n# Orphan\n", encoding="utf-8") for c in ("ko", "en", "id")],
     ["orphan"]),
    ("unknown short code", lambda r: append(r / "docs/about.id.md", "\n[[tel:kr-13666]]\n"),
     ["docs/about.id.md:", "[[tel:kr-13666]] does not exist", "did you mean [[tel:kr-1366]]"]),
    ("short code of an unknown kind", lambda r: append(r / "docs/about.en.md", "\n[[phone:kr-1366]]\n"), ["docs/about.en.md:", "use one of: [[contact:...]]"]),
    ("bad data", lambda r: (r / "data/hotlines.yml").write_text(
        (r / "data/hotlines.yml").read_text(encoding="utf-8").replace('number: "1366"', 'number: "13 66 x"', 1), encoding="utf-8"),
     ["data/hotlines.yml:", "phone number", "nothing was rendered"]),
    ("a snippet that does not exist", lambda r: append(r / "docs/help/index.ko.md", '\n--8<-- "stats/no-such-table.ko.md"\n'), ["no-such-table"]),
])
def test_strict_build_fails_on_contributor_mistakes(small_project, tmp_path, name, change, words):
    message = break_and_build(small_project, tmp_path, change)
    for word in words:
        assert word in message, f"{name}: {word!r} not in\n{message}"


def test_the_build_stops_and_says_why_when_materials_layout_changes(small_project, tmp_path, monkeypatch):
    fake = tmp_path / "material-templates"
    shutil.copytree(material.TEMPLATES / "partials" / "languages", fake / "partials" / "languages")
    shutil.copy(material.TEMPLATES / "base.html", fake / "base.html")
    (fake / "assets" / "javascripts" / "workers").mkdir(parents=True)
    (fake / "assets" / "javascripts" / "workers" / "search.1234abcd.min.js").write_text("")
    (fake / "assets" / "javascripts" / "workers" / "search.5678ef00.min.js").write_text("")
    monkeypatch.setattr(material, "TEMPLATES", fake)
    message = break_and_build(small_project, tmp_path, lambda r: None)
    assert "expected exactly one search worker" in message and "found 2" in message and "lazy-search.js" in message


# --- one language at a time, and the preview server's rebuilds -------------------------------------

def test_build_only_locale_builds_one_language_at_the_root(small_project, tmp_path, monkeypatch):
    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    site = build.build(small_project, tmp_path / "site", with_pdfs=False, log=lambda _: None).site
    assert not (site / "en").exists() and not (site / "id").exists() and not (site / "ko").exists()
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in about and ">About</h1>" in about, "the English page, not the Korean file"
    assert "docs/about.en.md" in about
    assert '<section lang="en" class="nyf-404">' in (site / "404.html").read_text(encoding="utf-8")


def test_the_preview_server_shows_an_edited_404_page_in_a_one_language_preview(small_project, tmp_path, monkeypatch):
    """The preview server rebuilds with the same configuration and plugins: nothing of one build
    may leak into the next."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("BUILD_ONLY_LOCALE", "en")
    config = load_config(str(small_project.config_file), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert "Page not found" in (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    template = small_project.overrides / "404.html"
    template.write_text(template.read_text(encoding="utf-8").replace("<h1>404</h1>", "<h1>404 edited</h1>"), encoding="utf-8")
    config.theme.dirs  # the theme's folders are read again on every build
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    assert "404 edited" in (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    config.plugins.on_shutdown()


# --- reproducible -------------------------------------------------------------------------------------

@pytest.mark.browser
def test_two_builds_of_the_same_commit_are_byte_identical(built, tmp_path):
    again = build.build(PROJECT, tmp_path / "again", log=lambda _: None)
    first = {p.relative_to(built.site).as_posix(): p.read_bytes() for p in built.site.rglob("*") if p.is_file()}
    second = {p.relative_to(again.site).as_posix(): p.read_bytes() for p in again.site.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.browser
def test_printing_the_same_page_twice_gives_the_same_bytes_dated_by_the_commit(built, tmp_path):
    item = next(i for i in pdf.prints(PROJECT, LANGS) if i.name == "parents-en")
    version = build.version(PROJECT)
    def twice() -> list[bytes]:
        out = []
        for n in range(2):
            with pdf.Printer(built.site, tmp_path / f"cache{n}", preview=True, version=version, site_url=SITE_URL,
                             log=lambda _: None) as printer:
                out.append(printer.render(item))
        return out
    from nyf import chromium
    outputs = chromium.off_the_event_loop(twice)
    assert outputs[0] == outputs[1]
    from pypdf import PdfReader
    import io
    info = PdfReader(io.BytesIO(outputs[0])).metadata
    assert info["/CreationDate"] == info["/ModDate"] == version.date.strftime("D:%Y%m%d%H%M%S+00'00'")


@pytest.mark.browser
def test_a_pdf_is_printed_again_only_when_its_page_changed(built, tmp_path):
    cache = PROJECT.cache / "pdf"
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    build.build(PROJECT, tmp_path / "again", log=lambda _: None)
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")} == before, "nothing changed, nothing was printed"


# --- the exit route ----------------------------------------------------------------------------------

def test_the_site_builds_unchanged_with_properdocs(small_project, tmp_path):
    mkdocs_site = build.build(small_project, tmp_path / "mkdocs", with_pdfs=False, log=lambda _: None).site
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(small_project.config_file),
                             "-d", str(tmp_path / "properdocs")], capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr[-3000:]
    files = lambda site: sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files(tmp_path / "properdocs") == files(mkdocs_site)
    for page in ("index.html", "en/help/index.html", "id/about/index.html"):
        assert (tmp_path / "properdocs" / page).read_text(encoding="utf-8") == (mkdocs_site / page).read_text(encoding="utf-8"), page
