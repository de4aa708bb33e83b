"""The built site in headless Chromium: what a reader's browser actually does. Most tests assert
on the one visit of every page that crawl.py records (conftest: crawl); the rest click, type and
search as a reader would."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from conftest import LANGS, lang_of

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WATCH = "window.__nyfViolations = []; addEventListener('securitypolicyviolation', e => window.__nyfViolations.push(e.violatedDirective));"


def every(crawl, check) -> list[str]:
    return [f"{path}: {problem}" for path, record in sorted(crawl.items()) for problem in check(path, record)]


# --- what every visit recorded -------------------------------------------------------------------

def test_nothing_is_requested_from_another_host_and_nothing_fails(crawl):
    problems = every(crawl, lambda p, r: [f"asked another host: {u}" for u in r["foreign"]]
                     + [f"failed: {u}" for u in r["failed"]] + [f"error: {e}" for e in r["errors"]])
    assert not problems, "\n".join(problems)


def test_no_content_security_policy_violation_while_a_reader_uses_the_page(crawl):
    problems = every(crawl, lambda p, r: [str(v) for v in r.get("csp") or []])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("run", ["axe_phone_light", "axe_desktop_dark"])
def test_axe_finds_no_violations(crawl, run):
    problems = every(crawl, lambda p, r: [f"{v['id']}: {v['help']} at {v['targets']}" for v in r.get(run, [])])
    assert not problems, "\n".join(problems)


def test_printing_any_page_gives_a4_without_chrome_or_a_blank_page(crawl):
    def check(path, record):
        out = [f"{selector} is printed" for selector in record.get("printed_chrome", [])]
        pages = record.get("pdf_pages") or []
        out += [f"page {i} is {w}x{h} mm, not A4" for i, (w, h, _) in enumerate(pages, 1) if (w, h) != (210, 297)]
        out += [f"page {i} of {len(pages)} is blank" for i, (_, _, text) in enumerate(pages, 1) if not text]
        return out + ([] if pages or "pdf" not in record["checks"] else ["did not print"])
    problems = every(crawl, check)
    assert not problems, "\n".join(problems)


def test_the_costly_checks_reach_every_kind_of_page_in_every_language(crawl):
    import crawl as crawler
    for lang in LANGS:
        dark = {p for p, r in crawl.items() if "axe_desktop_dark" in r and LANGS.of_url(p) == lang}
        kinds = {f"/{lang.root}{k}" for k in crawler.DARK_KINDS if k != "404.html"}
        assert kinds <= dark, f"{lang.code}: no dark-scheme check on {sorted(kinds - dark)}"
        route = [p for p in dark if "/help/start/" in p and p not in kinds]
        assert route, f"{lang.code}: no route page in the dark-scheme check"
    # Every page is checked by axe-core in one of its languages, and each language has its turn.
    by_page: dict[str, list[dict]] = {}
    for path, record in crawl.items():
        lang = LANGS.of_url(path)
        by_page.setdefault(path[len("/" + lang.root):] if path != "/404.html" else path, []).append(record)
    unchecked = [rel for rel, records in by_page.items() if not any("axe_phone_light" in r for r in records)]
    assert not unchecked, f"axe-core never saw {unchecked}"
    for lang in LANGS:
        assert sum("axe_phone_light" in r for p, r in crawl.items() if LANGS.of_url(p) == lang) >= len(by_page) // 4, lang.code
    unprinted = [rel for rel, records in by_page.items()
                 if any("pdf" in r["checks"] for r in records) and not any(r.get("pdf_pages") for r in records)]
    assert not unprinted, f"never printed: {unprinted}"


def test_the_quick_exit_is_in_the_first_phone_screen_and_nothing_covers_it(crawl):
    def check(path, record):
        found = record.get("exit")
        if not found:
            return ["no exit button"]
        top, bottom, left, right, height = found["box"]
        checks = {
            "one button": found["count"] == 1,
            "in the first screen": top >= 0 and bottom <= PHONE["height"] and left >= 0 and right <= PHONE["width"],
            "at least 44 px tall": height >= 44,
            "not covered": found["onTop"],
            "before the header": found["beforeHeader"],
            "the safety link not cut off": found["safetyFits"],
        }
        return [name for name, ok in checks.items() if not ok]
    problems = every(crawl, check)
    assert not problems, "\n".join(problems)


def test_the_help_panel_fits_a_phone_with_large_tap_targets(crawl):
    def check(path, record):
        panel = record.get("panel")
        if path.endswith("404.html"):
            return []
        if not panel:
            return ["no help panel"]
        out = []
        if panel["height"] > 240:
            out.append(f"the panel takes {panel['height']} px of a 740 px screen")
        if panel["top"] + panel["height"] > PHONE["height"] * 0.6:
            out.append("the panel pushes the page far down the first screen")
        out += [f"a tap target of {w:.0f}x{h:.0f} px" for w, h in panel["targets"] if w < 44 or h < 44]
        if panel["widest"] > PHONE["width"]:
            out.append(f"something in the panel is wider than the screen ({panel['widest']} px)")
        return out
    problems = every(crawl, check)
    assert not problems, "\n".join(problems)


def test_no_content_is_wider_than_a_phone(crawl):
    problems = every(crawl, lambda p, r: [f"too wide: {e}" for e in r.get("too_wide", [])[:3]])
    assert not problems, "\n".join(problems)


def test_the_site_sets_no_cookie_and_stores_only_the_colour_setting(crawl):
    """docs/help/stay-safe-online.*.md, #what-this-site-stores, promises exactly this."""
    def check(path, record):
        local, session = record.get("storage") or ([], [])
        out = [f"cookie {record['cookie']!r}"] if record.get("cookie") else []
        out += [f"cookie {c['name']}" for c in record.get("cookies", [])]
        out += [f"stores {k}" for k in local if not re.fullmatch(r".*\.__palette", k)] + [f"session {k}" for k in session]
        return out
    problems = every(crawl, check)
    assert not problems, "\n".join(problems)
    assert any(record.get("storage", [[]])[0] for record in crawl.values()), "the colour switch was used on every page"


# --- a reader clicks, types and searches --------------------------------------------------------

@pytest.mark.parametrize("start, target, expected", [("/about/", "en", "/en/about/"), ("/en/about/", "id", "/id/about/"),
                                                     ("/id/about/", "ko", "/about/")])
def test_the_language_switcher_keeps_the_page(page, base_url, start, target, expected):
    page.add_init_script(WATCH)
    page.set_viewport_size(DESKTOP)
    page.goto(base_url + start, wait_until="load")
    page.locator(".md-header .md-select").hover()
    with page.expect_navigation(wait_until="load"):
        page.locator(f".md-select__link[hreflang={target}]").click()
    assert urlsplit(page.url).path == expected
    assert page.evaluate("document.documentElement.lang") == target
    assert page.evaluate("window.__nyfViolations") == []


@pytest.mark.parametrize("path, query", [("/en/", "privacy"), ("/id/", "privasi"), ("/", "개인정보")])
def test_search_gives_results_in_the_reading_language_only_and_breaks_no_policy(page, base_url, path, query):
    page.add_init_script(WATCH)
    page.set_viewport_size(DESKTOP)
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(base_url + path, wait_until="load")
    assert not [p for p in requested if p.endswith("search_index.full.json") or "/workers/search." in p], \
        "the full index and Material's worker load only when a reader searches"
    box = page.locator(".md-search__input")
    box.click()
    # Material searches on key events, as a reader types: fill() alone (like an IME committing
    # Hangul) does not trigger it, the next key does.
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=15000)
    hrefs = [urlsplit(h).path for h in results.evaluate_all("els => els.map(e => e.href)")]
    lang = lang_of(path)
    assert hrefs and all(lang_of(h).code == lang.code for h in hrefs), hrefs
    assert f"/{lang.root}search/search_index.full.json" in requested
    assert page.evaluate("window.__nyfViolations") == []


def test_korean_text_keeps_words_whole(page, base_url):
    page.goto(base_url + "/about/", wait_until="load")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).wordBreak") == "keep-all"
    page.goto(base_url + "/en/about/", wait_until="load")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).wordBreak") != "keep-all"


def test_a_phone_number_never_breaks_across_two_lines(page, base_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base_url + "/id/help/", wait_until="load")
    broken = page.evaluate("""() => [...document.querySelectorAll('a[href^="tel:"]')]
        .filter(a => a.getClientRects().length > 1).map(a => a.textContent)""")
    assert broken == []


def test_the_404_page_is_served_for_a_missing_page(page, base_url):
    response = page.goto(base_url + "/en/no-such-page/", wait_until="load")
    assert response.status == 404
    assert page.locator("section[lang=en] a[href='/en/']").count() == 1


@pytest.mark.parametrize("kind, markup", [
    ("image", "img = document.createElement('img'); img.src = 'https://tracker.example/pixel.gif'; document.body.append(img);"),
    ("script", "s = document.createElement('script'); s.src = 'https://cdn.example/x.js'; document.head.append(s);"),
    ("frame", "f = document.createElement('iframe'); f.src = 'https://embed.example/'; document.body.append(f);"),
    ("inline script", "s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.head.append(s);"),
])
def test_something_from_another_host_added_at_run_time_is_refused(page, base_url, kind, markup):
    """The promise of zero third-party requests holds even if a contributor pastes an embed."""
    requested = []
    page.context.route(lambda url: urlsplit(url).netloc.endswith(".example"), lambda route: (requested.append(route.request.url), route.abort()))
    page.add_init_script(WATCH)
    page.goto(base_url + "/en/about/", wait_until="load")
    page.evaluate(f"() => {{ let img, s, f; {markup} }}")
    page.wait_for_function("window.__nyfViolations.length > 0", timeout=5000)
    assert requested == [], f"the {kind} reached the network"
    assert page.evaluate("window.__ran === undefined")
