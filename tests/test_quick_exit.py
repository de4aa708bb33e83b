"""Quick exit and the safety page, in a real browser (headless Chromium).

The exit URLs are real weather sites; every test answers them locally (page.route), and any
other request that would leave 127.0.0.1 is aborted, so nothing leaves the machine.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import LANG_PREFIX, site_config

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
WEATHER = "<html><head><title>Weather</title></head><body>weather</body></html>"
SAFETY_IDS = ("quick-exit", "private-browsing", "clear-history", "what-this-site-stores", "safe-device")


# What a page reports about the cover: shown, filling the viewport (corners and centre), its text.
COVERED = """() => {
  const o = document.querySelector('.nyf-exit-overlay');
  if (!o || !o.isConnected) return {shown: false};
  const style = getComputedStyle(o);
  const w = innerWidth, h = innerHeight;
  const points = [[1, 1], [w - 2, 1], [w / 2, h / 2], [1, h - 2], [w - 2, h - 2]];
  return {
    shown: style.display !== 'none' && style.visibility !== 'hidden',
    covers: points.every(([x, y]) => o.contains(document.elementFromPoint(x, y))),
    text: o.textContent,
    role: o.getAttribute('role'),
    title: document.title,
  };
}"""


def language_settings() -> dict[str, dict]:
    """{locale: {"exit_url": ..., "strings": {...}}} as the build sees them (mkdocs.yml)."""
    config = site_config()
    base = {"exit_url": config.extra["exit_url"], "strings": dict(config.extra["strings"])}
    out = {}
    for lang in config.plugins["i18n"].config.languages:
        extra = lang.extra or {}
        out[lang.locale] = {
            "exit_url": extra.get("exit_url", base["exit_url"]),
            "strings": dict(base["strings"], **extra.get("strings", {})),
        }
    return out


LANGS = language_settings()
EXIT_HOSTS = {urlsplit(s["exit_url"]).netloc for s in LANGS.values()}


def lang_of(path: str) -> str:
    for locale, prefix in LANG_PREFIX.items():
        if prefix and path.startswith("/" + prefix):
            return locale
    return "ko"


def is_exit(url: str) -> bool:
    return urlsplit(url).netloc in EXIT_HOSTS


def local_only(page, base_url):
    """Answer the exit sites with a stub page; abort anything else that would leave the machine."""
    own = urlsplit(base_url).netloc
    page.context.route(lambda url: urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own,
                       lambda route: route.abort())
    page.route(is_exit, lambda route: route.fulfill(status=200, body=WEATHER, content_type="text/html"))


def hold_exit(page) -> list:
    """Keep the exit request waiting, so the page that sent it stays on screen, until the test
    answers it. (While a cross-site navigation is pending, Chromium holds back DevTools commands
    such as page.evaluate, so the page reports on itself through the console: see watch_cover.)"""
    held = []
    page.route(is_exit, lambda route: held.append(route))
    return held


def wait_for_held(page, held):
    for _ in range(400):
        if held:
            return held[0]
        page.wait_for_timeout(25)  # lets Playwright deliver the route; not a timing assertion
    raise AssertionError("the exit request never reached the network")


def watch_cover(page) -> list:
    """What the page looked like when it started to leave: the browser fires "beforeunload"
    after the script asked to navigate and before it sends the request. Call before goto."""
    seen = []
    page.on("console", lambda m: m.text.startswith("nyf-probe ") and seen.append(json.loads(m.text[len("nyf-probe "):])))
    page.add_init_script(
        "addEventListener('beforeunload', () => console.log('nyf-probe ' + JSON.stringify((" + COVERED + ")())));"
    )
    return seen


def answer(route):
    route.fulfill(status=200, body=WEATHER, content_type="text/html")


def click(page, selector):
    """A real mouse click that, unlike Locator.click(), does not wait for the navigation it starts
    (the tests hold that navigation back on purpose)."""
    box = page.locator(selector).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def status(page):
    return page.locator(".nyf-exit-bar [aria-live=polite]")




# --- The button on every page -------------------------------------------------------------

def exit_button_is_on_top(page) -> bool:
    """Nothing covers the middle of the exit button: a tap there reaches it."""
    return page.evaluate("""() => { const a = document.querySelector('a.nyf-exit'), b = a.getBoundingClientRect();
        return a.contains(document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)); }""")


def test_every_page_has_the_exit_button_in_its_language_in_the_first_phone_screen(page, base_url, pages):
    local_only(page, base_url)
    page.set_viewport_size(PHONE)
    problems = []
    for path in pages:
        lang = lang_of(path)
        want = LANGS[lang]
        page.goto(base_url + path)
        found = page.evaluate("""() => {
          const bar = document.querySelector('.nyf-exit-bar');
          const a = bar && bar.querySelector('a.nyf-exit');
          if (!a) return null;
          const hint = document.getElementById(a.getAttribute('aria-describedby'));
          const live = bar.querySelector('[aria-live]');
          const box = a.getBoundingClientRect();
          const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
          const header = document.querySelector('.md-header');
          const safety = bar.querySelector('.nyf-exit-bar__safety');
          return {
            count: document.querySelectorAll('a.nyf-exit').length,
            lang: document.documentElement.lang,
            href: a.getAttribute('href'), rel: a.rel, text: a.textContent.trim(),
            hint: hint && hint.textContent.trim(), live: live && live.getAttribute('aria-live'),
            data: {...bar.dataset},
            box: [box.top, box.bottom, box.left, box.right, box.height],
            onTop: a.contains(hit),
            beforeHeader: !!header && !!(bar.compareDocumentPosition(header) & Node.DOCUMENT_POSITION_FOLLOWING),
            safety: safety && new URL(safety.getAttribute('href'), location.href).pathname,
            safetyFits: !!safety && safety.scrollWidth <= safety.clientWidth,
            referrer: (document.querySelector('meta[name=referrer]') || {}).content,
          };
        }""")
        if not found:
            problems.append(f"{path}: no exit button")
            continue
        top, bottom, left, right, height = found["box"]
        s = want["strings"]
        checks = {
            "one button": found["count"] == 1,
            "page language": found["lang"] == lang,
            "exit URL": found["href"] == want["exit_url"],
            "rel noreferrer": "noreferrer" in found["rel"].split(),
            "label": found["text"] == s["exit_label"],
            "hint as description": found["hint"] == s["exit_hint"],
            "polite live region": found["live"] == "polite",
            "script strings": found["data"].get("exitUrl") == want["exit_url"]
            and found["data"].get("leaving") == s["exit_leaving"]
            and found["data"].get("progress-1") == s["exit_progress_1"]
            and found["data"].get("progress-2") == s["exit_progress_2"]
            and found["data"].get("reset") == s["exit_reset"],
            "in the first screen": top >= 0 and bottom <= PHONE["height"] and left >= 0 and right <= PHONE["width"],
            "at least 44px tall": height >= 44,
            "not covered": found["onTop"],
            "before the header": found["beforeHeader"],
            "safety link": found["safety"] == f"/{LANG_PREFIX[lang]}help/stay-safe-online/",
            "safety link not cut off": found["safetyFits"],
            "no-referrer": found["referrer"] == "no-referrer",
        }
        failed = [name for name, ok in checks.items() if not ok]
        if failed:
            problems.append(f"{path}: {failed} ({found})")
    assert not problems, "\n".join(problems)


def test_the_button_stays_on_screen_after_scrolling(page, base_url):
    local_only(page, base_url)
    page.set_viewport_size(PHONE)
    page.goto(base_url + "/en/help/stay-safe-online/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("scrollY") > 200, "the page is too short to test scrolling"
    box = page.locator("a.nyf-exit").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert exit_button_is_on_top(page)


def test_the_header_controls_are_not_under_the_bar(page, base_url):
    local_only(page, base_url)
    page.set_viewport_size(PHONE)
    page.goto(base_url + "/about/")
    bar_bottom = page.locator(".nyf-exit-bar").bounding_box()
    bar_bottom = bar_bottom["y"] + bar_bottom["height"]
    for selector in (".md-header__button[for=__drawer]", ".md-header__button[for=__search]", ".md-header__title"):
        box = page.locator(selector).bounding_box()
        assert box["y"] >= bar_bottom - 0.5, f"{selector} starts under the quick-exit bar"
    # The drawer opens below the bar, and the exit button stays usable over it.
    page.locator(".md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer["y"] >= bar_bottom - 0.5
    assert exit_button_is_on_top(page)


def test_a_linked_heading_is_not_hidden_under_the_bar(page, base_url):
    local_only(page, base_url)
    page.set_viewport_size(PHONE)
    page.goto(base_url + "/en/help/stay-safe-online/#clear-history")
    header = page.locator(".md-header").bounding_box()
    heading = page.locator("#clear-history").bounding_box()
    assert page.evaluate("scrollY") > 0
    assert heading["y"] >= header["y"] + header["height"], (heading, header)


def test_the_button_is_not_printed(page, base_url):
    local_only(page, base_url)
    page.goto(base_url + "/en/about/")
    assert page.locator(".nyf-exit-bar").is_visible()
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.nyf-exit-bar')).display") == "none"
    assert not page.locator("a.nyf-exit").is_visible()


# --- Leaving by click ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_click_covers_the_page_then_replaces_it_with_the_exit_url(page, base_url, lang):
    local_only(page, base_url)
    prefix, want = LANG_PREFIX[lang], LANGS[lang]
    first, second = f"{base_url}/{prefix}", f"{base_url}/{prefix}about/"
    seen = watch_cover(page)
    page.goto(first)
    page.goto(second)
    history_before = page.evaluate("history.length")
    held = hold_exit(page)
    seen.clear()
    click(page, "a.nyf-exit")
    route = wait_for_held(page, held)

    # The page was covered before the browser sent the request for the exit page.
    assert len(seen) == 1, seen
    cover = seen[0]
    assert cover["shown"] and cover["covers"], cover
    assert cover["text"] == want["strings"]["exit_leaving"]
    assert cover["role"] == "alert"
    assert cover["title"] == want["strings"]["exit_leaving"]
    assert route.request.url == want["exit_url"]
    assert route.request.is_navigation_request()
    assert "referer" not in {k.lower() for k in route.request.headers}

    answer(route)
    page.wait_for_url(want["exit_url"])
    assert page.locator("body").inner_text() == "weather"
    # location.replace(): the page that was open is gone from the tab's history ...
    assert page.evaluate("history.length") == history_before
    # ... so Back goes to the page before it, uncovered.
    page.go_back()
    assert page.url == first
    assert page.evaluate(COVERED) == {"shown": False}
    expect(page.locator("a.nyf-exit")).to_be_visible()


def test_the_keyboard_can_press_the_button(page, base_url):
    local_only(page, base_url)
    page.goto(base_url + "/id/about/")
    page.locator("a.nyf-exit").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(LANGS["id"]["exit_url"])


def test_without_javascript_the_button_is_a_plain_link(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        local_only(page, base_url)
        page.goto(base_url + "/en/about/")
        with page.expect_request(lambda r: is_exit(r.url)) as request:
            page.locator("a.nyf-exit").click()
        page.wait_for_url(LANGS["en"]["exit_url"])
        assert "referer" not in {k.lower() for k in request.value.headers}
    finally:
        context.close()


# --- Leaving by Shift x3 ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_shift_three_times_exits_and_each_press_is_announced(page, base_url, lang):
    local_only(page, base_url)
    s = LANGS[lang]["strings"]
    seen = watch_cover(page)
    page.goto(f"{base_url}/{LANG_PREFIX[lang]}about/")
    assert page.evaluate("document.documentElement.lang") == lang
    held = hold_exit(page)
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    assert not held and not seen
    page.keyboard.press("Shift")
    route = wait_for_held(page, held)
    assert len(seen) == 1, seen
    assert seen[0]["shown"] and seen[0]["covers"] and seen[0]["text"] == s["exit_leaving"], seen
    answer(route)
    page.wait_for_url(LANGS[lang]["exit_url"])


def test_shift_with_another_key_does_not_count(page, base_url):
    local_only(page, base_url)
    s = LANGS["en"]["strings"]
    exits = []
    page.on("request", lambda r: is_exit(r.url) and exits.append(r.url))
    page.goto(base_url + "/en/about/")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    page.keyboard.press("Shift+KeyA")  # Shift down, A down and up, Shift up: typing a capital
    expect(status(page)).to_have_text(s["exit_reset"])
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    assert not exits and urlsplit(page.url).path == "/en/about/"
    # Any other key on its own also starts the count again.
    page.keyboard.press("KeyB")
    expect(status(page)).to_have_text(s["exit_reset"])
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    assert not exits


def test_holding_shift_down_counts_once(page, base_url):
    local_only(page, base_url)
    s = LANGS["en"]["strings"]
    page.goto(base_url + "/en/about/")
    for _ in range(6):
        page.keyboard.down("Shift")  # after the first, these are auto-repeats (event.repeat)
    page.keyboard.up("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])


def test_the_count_resets_after_five_seconds(page, base_url):
    local_only(page, base_url)
    s = LANGS["ko"]["strings"]
    page.clock.install()
    page.goto(base_url + "/about/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    page.clock.run_for(5100)
    expect(status(page)).to_have_text(s["exit_reset"])
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    assert urlsplit(page.url).path == "/about/"
    # Each press counts from the one before: three presses 4.5 s apart (9 s in all) still exit.
    page.clock.run_for(6000)
    expect(status(page)).to_have_text(s["exit_reset"])
    page.keyboard.press("Shift")
    page.clock.run_for(4500)
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    page.clock.run_for(4500)
    page.keyboard.press("Shift")
    page.wait_for_url(LANGS["ko"]["exit_url"])


# --- Coming back --------------------------------------------------------------------------

def test_a_page_shown_again_from_the_back_forward_cache_is_uncovered(page, base_url):
    local_only(page, base_url)
    s = LANGS["en"]["strings"]
    page.goto(base_url + "/en/about/")
    title = page.title()
    # 204 No Content: the browser stays on the page, as if the reader had come back to it.
    page.route(is_exit, lambda route: route.fulfill(status=204, body=""))
    click(page, "a.nyf-exit")
    page.wait_for_function("document.documentElement.classList.contains('nyf-exiting')")
    assert page.evaluate(COVERED)["shown"]
    page.wait_for_timeout(300)  # the cancelled navigation settles; the cover stays
    assert page.evaluate(COVERED)["covers"]
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate(COVERED) == {"shown": False}
    assert not page.evaluate("document.documentElement.classList.contains('nyf-exiting')")
    assert page.title() == title != s["exit_leaving"]
    # And it still works a second time.
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])


# --- On its own ---------------------------------------------------------------------------

def test_it_works_when_materials_bundle_is_blocked(page, base_url):
    local_only(page, base_url)
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(base_url + "/id/about/")
    assert page.evaluate("typeof window.document$") == "undefined", "Material's bundle still ran"
    s = LANGS["id"]["strings"]
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(LANGS["id"]["exit_url"])
    page.goto(base_url + "/id/about/")
    page.locator("a.nyf-exit").click()
    page.wait_for_url(LANGS["id"]["exit_url"])


# --- What the safety page promises -------------------------------------------------------

def test_the_site_sets_no_cookies_and_stores_only_the_colour_setting(page, base_url, pages):
    """docs/help/stay-safe-online*.md, #what-this-site-stores, says exactly this."""
    local_only(page, base_url)
    for path in pages:
        page.goto(base_url + path)
        assert page.evaluate("document.cookie") == "", path
    page.goto(base_url + "/help/stay-safe-online/", wait_until="networkidle")
    # Use what a reader can use: the colour toggle and search.
    page.locator("label.md-header__button[for^=__palette]").first.click()
    box = page.locator(".md-search__input")
    box.click()
    box.fill("딥페이크")
    box.press("End")
    page.wait_for_timeout(500)
    stored = page.evaluate("""() => ({
        local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie })""")
    assert stored["cookie"] == ""
    assert stored["session"] == []
    assert all(re.fullmatch(r".*\.__palette", key) for key in stored["local"]), stored
    assert page.context.cookies() == []


def test_the_safety_page_has_the_linked_sections_in_every_language(page, base_url):
    local_only(page, base_url)
    for lang, prefix in LANG_PREFIX.items():
        page.goto(f"{base_url}/{prefix}")
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.locator(".nyf-exit-bar__safety").click()
        assert urlsplit(page.url).path == f"/{prefix}help/stay-safe-online/"
        ids = page.evaluate("[...document.querySelectorAll('.md-content h2[id]')].map(h => h.id)")
        assert ids == list(SAFETY_IDS), (lang, ids)
