"""The built site in headless Chromium: what a reader's browser actually does."""
from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = {"mobile": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 900}}


def open_page(page, base_url, path):
    """Open a page and record every request and console error on the way."""
    seen = {"requests": [], "failed": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(base_url + path, wait_until="networkidle")
    return seen


def test_pages_load_nothing_from_other_hosts_and_log_no_errors(page, base_url, pages):
    own = urlsplit(base_url).netloc
    for path in pages:
        if path.endswith("404.html"):
            continue
        seen = open_page(page, base_url, path)
        foreign = [u for u in seen["requests"] if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own]
        assert not foreign, f"{path} asked other hosts: {foreign}"
        assert not seen["failed"], f"{path} had failed requests: {seen['failed']}"
        assert not seen["errors"], f"{path} logged errors: {seen['errors']}"


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violations(browser, base_url, pages, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    problems = []
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        page.add_script_tag(content=AXE)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for v in result["violations"]:
            targets = [n["target"] for n in v["nodes"]][:3]
            problems.append(f"{path} [{width}] {v['id']}: {v['help']} at {targets}")
    context.close()
    assert not problems, "\n".join(problems)


def test_the_404_page_is_served_for_missing_pages(page, base_url):
    response = page.goto(base_url + "/en/no-such-page/")
    assert response.status == 404
    assert page.locator("section[lang=en] a[href='/en/']").count() == 1


@pytest.mark.parametrize("start, target_lang, expected", [
    ("/about/", "en", "/en/about/"),
    ("/en/about/", "id", "/id/about/"),
    ("/id/about/", "ko", "/about/"),
])
def test_language_switcher_keeps_the_page(page, base_url, start, target_lang, expected):
    page.set_viewport_size(WIDTHS["desktop"])
    page.goto(base_url + start, wait_until="networkidle")
    page.locator(".md-header .md-select").hover()
    page.locator(f".md-select__link[hreflang={target_lang}]").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == expected


@pytest.mark.parametrize("path, query, lang_prefix", [("/en/", "privacy", "/en/"), ("/id/", "privasi", "/id/"), ("/", "개인정보", "/")])
def test_search_returns_pages_in_the_reading_language_only(page, base_url, path, query, lang_prefix):
    page.set_viewport_size(WIDTHS["desktop"])
    page.goto(base_url + path, wait_until="networkidle")
    box = page.locator(".md-search__input")
    box.click()
    # Material searches on key events, as a reader types: fill() alone (like an IME committing
    # Hangul) does not trigger it, the next key does.
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10000)
    hrefs = [urlsplit(h).path for h in results.evaluate_all("els => els.map(e => e.href)")]
    assert hrefs
    for href in hrefs:
        assert href.startswith(lang_prefix), hrefs
        if lang_prefix == "/":
            assert not href.startswith(("/en/", "/id/")), hrefs


def test_search_downloads_its_index_only_when_a_reader_searches(page, base_url):
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(base_url + "/en/about/", wait_until="networkidle")
    assert not [p for p in requested if p.endswith("search_index.full.json") or "/workers/search." in p], requested
    box = page.locator(".md-search__input")
    box.click()
    box.fill("privacy")
    box.press("End")
    page.locator(".md-search-result__link").first.wait_for(timeout=10000)
    assert "/en/search/search_index.full.json" in requested


def test_korean_text_keeps_words_whole(page, base_url):
    page.goto(base_url + "/about/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).wordBreak") == "keep-all"
    page.goto(base_url + "/en/about/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).wordBreak") != "keep-all"


def test_printing_any_page_gives_a4_without_chrome_or_blank_pages(page, base_url, pages):
    problems = []
    for path in pages:
        page.emulate_media(media="screen")
        page.goto(base_url + path, wait_until="networkidle")
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".nyf-exit-bar", ".nyf-help-panel"):
            visible = page.evaluate(f"""() => [...document.querySelectorAll('{selector}')]
                .some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)""")
            if visible:
                problems.append(f"{path}: {selector} is printed")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        for number, p in enumerate(pdf.pages, 1):
            width_mm, height_mm = float(p.mediabox.width) * 25.4 / 72, float(p.mediabox.height) * 25.4 / 72
            if abs(width_mm - 210) > 1 or abs(height_mm - 297) > 1:
                problems.append(f"{path}: page {number} is not A4")
            if not p.extract_text().strip():
                problems.append(f"{path}: page {number} of {len(pdf.pages)} is blank")
    assert not problems, "\n".join(problems)
