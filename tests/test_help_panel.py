"""The help panel and the "Get help" directory, in headless Chromium on the real build."""
from __future__ import annotations

import re

import pytest
from conftest import LANG_PREFIX, LANGS, ROOT, site_config

import build_hotlines  # noqa: E402  (scripts/ is on sys.path, see conftest)
import datafile  # noqa: E402

pytestmark = pytest.mark.browser

AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
TEL = re.compile(r"^tel:\+?[0-9]+$")
PHONE = {"width": 375, "height": 740}


def lang_of(path: str) -> str:
    for lang in ("en", "id"):
        if path.startswith(f"/{lang}/"):
            return lang
    return "ko"


def panel_title(lang: str) -> str:
    config = site_config()
    if lang == "ko":
        return config["extra"]["strings"]["help_panel_title"]
    language = next(item for item in config["plugins"]["i18n"].config.languages if item.locale == lang)
    return language.extra["strings"]["help_panel_title"]


def content_pages(pages):
    return [p for p in pages if not p.endswith("404.html")]


def test_every_page_has_the_panel_in_its_language_above_the_content(page, base_url, pages):
    problems = []
    for path in content_pages(pages):
        lang = lang_of(path)
        page.goto(base_url + path, wait_until="domcontentloaded")
        panel = page.locator(".md-content .nyf-help-panel")
        if panel.count() != 1:
            problems.append(f"{path}: {panel.count()} help panels")
            continue
        title = panel.locator(".nyf-help-panel__title").inner_text().strip()
        if title != panel_title(lang):
            problems.append(f"{path}: panel title {title!r}, expected {panel_title(lang)!r}")
        expected = build_hotlines.panel_context(lang)["contacts"]
        shown = panel.locator("a.nyf-help-panel__call").evaluate_all(
            "els => els.map(e => [e.getAttribute('href'), e.querySelector('.nyf-help-panel__number').textContent])")
        if shown != [[c["tel"], c["number"]] for c in expected]:
            problems.append(f"{path}: panel shows {shown}, data says {[(c['tel'], c['number']) for c in expected]}")
        # It comes before the page's own heading (top of the content area).
        before_h1 = page.evaluate("""() => {
            const panel = document.querySelector('.md-content .nyf-help-panel');
            const h1 = document.querySelector('.md-content h1');
            return !!h1 && !!(panel.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        if not before_h1:
            problems.append(f"{path}: the panel is not above the page heading")
    assert not problems, "\n".join(problems)


def test_every_tel_link_on_every_page_is_well_formed(page, base_url, pages):
    bad, seen = [], 0
    for path in pages:
        page.goto(base_url + path, wait_until="domcontentloaded")
        hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        for href in hrefs:
            if href.strip().lower().startswith("tel"):
                seen += 1
                if not TEL.match(href):
                    bad.append(f"{path}: {href!r}")
    assert seen > 0
    assert not bad, "\n".join(bad)


def test_indonesian_panel_shows_the_embassy_hotline(page, base_url):
    page.goto(base_url + "/id/", wait_until="domcontentloaded")
    panel = page.locator(".nyf-help-panel")
    assert "+82-10-5394-2546" in panel.inner_text()
    assert panel.locator('a[href="tel:+821053942546"]').count() == 1
    assert "SAPA" in panel.inner_text() and panel.locator('a[href="tel:112"]').count() == 1


def test_korean_panel_shows_112_1366_and_the_support_center(page, base_url):
    page.goto(base_url + "/", wait_until="domcontentloaded")
    text = page.locator(".nyf-help-panel").inner_text()
    for number in ("112", "1366", "02-735-8994"):
        assert number in text, number
    assert page.locator('.nyf-help-panel a[href="tel:+8227358994"]').count() == 1


@pytest.mark.parametrize("lang", LANGS)
def test_panel_fits_a_phone_with_large_tap_targets(browser, base_url, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "/" + LANG_PREFIX[lang] + "about/", wait_until="networkidle")
    panel = page.locator(".nyf-help-panel").bounding_box()
    assert panel["height"] <= 240, f"the panel takes {panel['height']} px of a 740 px screen"
    assert panel["y"] + panel["height"] < PHONE["height"] / 2, "the panel pushes the page below the middle of the screen"
    targets = page.locator(".nyf-help-panel a")
    assert targets.count() == len(build_hotlines.panel_context(lang)["contacts"]) + 1  # the calls + "All contacts"
    for i in range(targets.count()):
        box = targets.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (targets.nth(i).inner_text(), box)
    # Nothing in the panel is wider than the screen. (The page itself may scroll a few pixels
    # sideways because of Material's hidden language menu; that is not the panel's doing.)
    widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll('.nyf-help-panel, .nyf-help-panel *')]
        .map(e => e.getBoundingClientRect().right))""")
    assert widest <= PHONE["width"], widest
    context.close()


def test_help_page_content_fits_a_phone(browser, base_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for lang in LANGS:
        page.goto(base_url + "/" + LANG_PREFIX[lang] + "help/", wait_until="networkidle")
        too_wide = page.evaluate("""() => [...document.querySelectorAll('article.md-content__inner *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
            .map(e => e.tagName + ' ' + e.textContent.slice(0, 40))""")
        assert not too_wide, (lang, too_wide[:5])
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_panel_contrast_and_target_size_in_light_and_dark(browser, base_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for lang in LANGS:
        page.goto(base_url + "/" + LANG_PREFIX[lang], wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        page.add_script_tag(content=AXE)
        result = page.evaluate("""async () => await axe.run('.nyf-help-panel',
            {runOnly: {type: 'rule', values: ['color-contrast', 'target-size', 'link-name']}})""")
        problems += [f"{lang} [{scheme}] {v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["/", "/en/help/", "/id/law/korea/"])
def test_panel_is_hidden_in_print(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.nyf-help-panel')).display") == "none"


@pytest.mark.parametrize("start, expected", [("/about/", "/help/"), ("/en/law/korea/", "/en/help/"), ("/id/", "/id/help/")])
def test_all_contacts_opens_the_help_page_in_the_same_language(page, base_url, start, expected):
    page.goto(base_url + start, wait_until="networkidle")
    page.locator(".nyf-help-panel__more").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.url == base_url + expected


@pytest.mark.parametrize("lang", LANGS)
def test_help_page_lists_every_contact(page, base_url, lang):
    directory = build_hotlines.load()
    page.goto(base_url + "/" + LANG_PREFIX[lang] + "help/", wait_until="domcontentloaded")
    article = page.locator("article.md-content__inner")
    # The panel is there, without a link to the page it is on.
    assert page.locator(".nyf-help-panel").count() == 1 and page.locator(".nyf-help-panel__more").count() == 0
    for cid, contact in directory.contacts.items():
        heading = article.locator(f"h3#{cid}")
        assert heading.count() == 1, f"{cid} missing from {lang} help page"
        assert heading.inner_text().strip() == contact["name"][lang]
        entry = page.evaluate(f"""() => {{
            let out = '', el = document.getElementById('{cid}').nextElementSibling;
            while (el && el.tagName !== 'H3' && el.tagName !== 'H2') {{ out += el.innerText + '\\n'; el = el.nextElementSibling; }}
            return out;
        }}""")
        for phone in contact.get("phones", []):
            assert phone["number"] in entry, (cid, phone["number"])
            assert article.locator(f'a[href="{build_hotlines.tel_href(phone)}"]').count() >= 1
        assert datafile.date(contact["verified"], lang) in entry, (cid, lang)
        assert contact["hours"][lang] in entry and contact["who"][lang] in entry
        if contact["confidence"] == "single-source":
            assert build_hotlines.T["single"][lang] in entry, cid
    # Every link to another site is marked: rel=noreferrer, an icon, words for screen readers.
    external = article.locator("a[href^='http']:not(.md-content__button)")  # not Material's edit link
    assert external.count() >= 15
    for i in range(external.count()):
        link = external.nth(i)
        assert "noreferrer" in (link.get_attribute("rel") or ""), link.get_attribute("href")
        assert "nyf-ext" in (link.get_attribute("class") or "")
        assert link.locator(".nyf-sr").inner_text().strip() == f"({build_hotlines.T['external'][lang]})"
    # And the safety page is one tap away.
    assert article.locator("a[href$='stay-safe-online/']").count() >= 1
