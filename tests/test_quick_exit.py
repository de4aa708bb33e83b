"""The quick exit (assets/js/quick-exit.js), after GOV.UK's "Exit this page": its behaviour on a
page of its own (the button as the site renders it, the script, nothing else), then on a few
real pages for what only a real page can show (Material's header and drawer, anchors, a blocked
bundle, no JavaScript). The exit sites are answered locally; nothing leaves the machine."""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from conftest import LANGS
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
WEATHER = "<html><head><title>Weather</title></head><body>weather</body></html>"
EXIT_HOSTS = {urlsplit(lang.exit_url).netloc for lang in LANGS}
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
    text: o.textContent, role: o.getAttribute('role'), title: document.title,
  };
}"""


def is_exit(url: str) -> bool:
    return urlsplit(url).netloc in EXIT_HOSTS


@pytest.fixture
def offline(page, base_url):
    """The exit sites answered with a stub page; anything else that would leave the machine refused."""
    own = urlsplit(base_url).netloc
    page.context.route(lambda url: urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own,
                       lambda route: route.abort())
    page.route(is_exit, lambda route: route.fulfill(status=200, body=WEATHER, content_type="text/html"))
    return page


@pytest.fixture(scope="module")
def fixture_pages(site):
    """{code: HTML}: the exit bar exactly as the built site renders it in that language, the
    site's stylesheet and the script, on an otherwise empty page."""
    css = next(site.glob("assets/css/site.*.css")).relative_to(site).as_posix()
    script = next(site.glob("assets/js/quick-exit.*.js")).relative_to(site).as_posix()
    pages = {}
    for lang in LANGS:
        built = (site / lang.root / "about" / "index.html").read_text(encoding="utf-8")
        bar = re.search(r'<div class="nyf-exit-bar.*?</div>', built, re.S).group(0).replace('href="../', 'href="/')
        pages[lang.code] = (f'<!doctype html><html lang="{lang.code}"><head><meta charset="utf-8"><title>Page {lang.code}</title>'
                            f'<link rel="stylesheet" href="/{css}"></head><body>{bar}<main style="padding-top:80px">'
                            '<h1>A page</h1><p>Some text.</p><label>Type here <input id="typing"></label>'
                            f'<p style="height:2000px">More.</p></main><script src="/{script}"></script></body></html>')
    return pages


def open_fixture(page, base_url, fixture_pages, code: str, name: str = "page"):
    url = f"{base_url}/__quick-exit__/{code}/{name}/"
    page.route(url, lambda route: route.fulfill(status=200, body=fixture_pages[code], content_type="text/html"))
    page.goto(url, wait_until="load")
    return url


def hold_exit(page) -> list:
    """Keep the exit request waiting, so that the page that sent it stays on screen. (While a
    navigation to another site is pending, Chromium holds back DevTools commands such as
    page.evaluate, so the page reports on itself through the console: see watch_cover.)"""
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
    """What the page looked like when it started to leave ("beforeunload" fires after the script
    asked to navigate, before the request goes out). Call before goto."""
    seen = []
    page.on("console", lambda m: m.text.startswith("nyf-probe ") and seen.append(json.loads(m.text[len("nyf-probe "):])))
    page.add_init_script("addEventListener('beforeunload', () => console.log('nyf-probe ' + JSON.stringify((" + COVERED + ")())));")
    return seen


def click(page, selector):
    """A real mouse click that, unlike Locator.click(), does not wait for the navigation it starts."""
    box = page.locator(selector).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def status(page):
    return page.locator(".nyf-exit-bar [aria-live=polite]")


def lights(page) -> str:
    return page.locator(".nyf-exit-bar__count").get_attribute("data-count")


# --- leaving by click ---------------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS.codes)
def test_a_click_covers_the_page_then_replaces_it_with_the_exit_page(offline, base_url, fixture_pages, code):
    page, lang = offline, LANGS[code]
    seen = watch_cover(page)
    first = open_fixture(page, base_url, fixture_pages, code, "first")
    open_fixture(page, base_url, fixture_pages, code, "second")
    history = page.evaluate("history.length")
    held = hold_exit(page)
    seen.clear()
    click(page, "a.nyf-exit")
    route = wait_for_held(page, held)
    # The page was covered before the browser sent the request for the exit page.
    assert len(seen) == 1 and seen[0]["shown"] and seen[0]["covers"], seen
    assert seen[0]["text"] == seen[0]["title"] == lang.s("exit_leaving") and seen[0]["role"] == "alert"
    assert route.request.url == lang.exit_url and route.request.is_navigation_request()
    assert "referer" not in {k.lower() for k in route.request.headers}
    route.fulfill(status=200, body=WEATHER, content_type="text/html")
    page.wait_for_url(lang.exit_url)
    # location.replace(): the page that was open is gone from the tab's history, so Back goes to
    # the page before it, uncovered.
    assert page.evaluate("history.length") == history
    page.go_back()
    assert page.url == first and page.evaluate(COVERED) == {"shown": False}


def test_the_keyboard_can_press_the_button(offline, base_url, fixture_pages):
    open_fixture(offline, base_url, fixture_pages, "id")
    offline.locator("a.nyf-exit").focus()
    offline.keyboard.press("Enter")
    offline.wait_for_url(LANGS["id"].exit_url)


# --- leaving by Shift x3 --------------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS.codes)
def test_shift_three_times_exits_and_each_press_is_shown_and_announced(offline, base_url, fixture_pages, code):
    page, s = offline, LANGS[code].strings
    seen = watch_cover(page)
    open_fixture(page, base_url, fixture_pages, code)
    held = hold_exit(page)
    assert lights(page) == "0" and not page.locator(".nyf-exit-bar__count").is_visible()
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    assert lights(page) == "1" and page.locator(".nyf-exit-bar__count").is_visible()
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    assert lights(page) == "2" and not held and not seen
    page.keyboard.press("Shift")
    route = wait_for_held(page, held)
    assert len(seen) == 1 and seen[0]["shown"] and seen[0]["covers"] and seen[0]["text"] == s["exit_leaving"], seen
    route.fulfill(status=200, body=WEATHER, content_type="text/html")
    page.wait_for_url(LANGS[code].exit_url)


def test_left_and_right_shift_count_the_same(offline, base_url, fixture_pages):
    open_fixture(offline, base_url, fixture_pages, "en")
    offline.keyboard.press("ShiftLeft")
    offline.keyboard.press("ShiftRight")
    expect(status(offline)).to_have_text(LANGS["en"].s("exit_progress_2"))
    offline.keyboard.press("ShiftLeft")
    offline.wait_for_url(LANGS["en"].exit_url)


def test_shift_with_another_key_or_another_key_alone_starts_the_count_again(offline, base_url, fixture_pages):
    page, s = offline, LANGS["en"].strings
    exits = []
    page.on("request", lambda r: is_exit(r.url) and exits.append(r.url))
    open_fixture(page, base_url, fixture_pages, "en")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])
    page.keyboard.press("Shift+KeyA")  # typing a capital letter
    expect(status(page)).to_have_text(s["exit_reset"])
    assert lights(page) == "0"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    page.keyboard.press("KeyB")
    expect(status(page)).to_have_text(s["exit_reset"])
    assert not exits


def test_typing_capitals_in_a_field_never_leaves(offline, base_url, fixture_pages):
    exits = []
    offline.on("request", lambda r: is_exit(r.url) and exits.append(r.url))
    open_fixture(offline, base_url, fixture_pages, "ko")
    offline.locator("#typing").type("HELLO World ABC")
    assert offline.locator("#typing").input_value() == "HELLO World ABC" and not exits


def test_holding_shift_down_counts_once(offline, base_url, fixture_pages):
    open_fixture(offline, base_url, fixture_pages, "en")
    for _ in range(6):
        offline.keyboard.down("Shift")  # after the first, these are auto-repeats (event.repeat)
    offline.keyboard.up("Shift")
    expect(status(offline)).to_have_text(LANGS["en"].s("exit_progress_1"))


def test_the_count_resets_after_five_seconds_between_presses(offline, base_url, fixture_pages):
    page, s = offline, LANGS["ko"].strings
    page.clock.install()
    open_fixture(page, base_url, fixture_pages, "ko")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    page.clock.run_for(5100)
    expect(status(page)).to_have_text(s["exit_reset"])
    assert lights(page) == "0"
    # Each press counts from the one before: three presses 4.5 s apart (9 s in all) still exit.
    page.clock.run_for(6000)
    page.keyboard.press("Shift")
    page.clock.run_for(4500)
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_2"])
    page.clock.run_for(4500)
    page.keyboard.press("Shift")
    page.wait_for_url(LANGS["ko"].exit_url)


def test_a_page_shown_again_from_the_back_forward_cache_is_uncovered_and_counts_from_zero(offline, base_url, fixture_pages):
    page, s = offline, LANGS["en"].strings
    open_fixture(page, base_url, fixture_pages, "en")
    title = page.title()
    page.route(is_exit, lambda route: route.fulfill(status=204, body=""))  # the browser stays, as after Back
    click(page, "a.nyf-exit")
    page.wait_for_function("document.documentElement.classList.contains('nyf-exiting')")
    page.wait_for_timeout(300)  # the cancelled navigation settles; the cover stays
    assert page.evaluate(COVERED)["covers"]
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate(COVERED) == {"shown": False} and page.title() == title and lights(page) == "0"
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text(s["exit_progress_1"])


# --- on real pages --------------------------------------------------------------------------------------

def exit_button_is_on_top(page) -> bool:
    return page.evaluate("""() => { const a = document.querySelector('a.nyf-exit'), b = a.getBoundingClientRect();
        return a.contains(document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)); }""")


def test_without_javascript_the_button_is_a_plain_link(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.route(is_exit, lambda route: route.fulfill(status=200, body=WEATHER, content_type="text/html"))
        page.goto(base_url + "/en/about/")
        with page.expect_request(lambda r: is_exit(r.url)) as request:
            page.locator("a.nyf-exit").click()
        page.wait_for_url(LANGS["en"].exit_url)
        assert "referer" not in {k.lower() for k in request.value.headers}
    finally:
        context.close()


def test_it_works_when_materials_bundle_is_blocked(offline, base_url):
    offline.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    offline.goto(base_url + "/id/about/", wait_until="load")
    assert offline.evaluate("typeof window.document$") == "undefined", "Material's bundle still ran"
    offline.keyboard.press("Shift")
    expect(status(offline)).to_have_text(LANGS["id"].s("exit_progress_1"))
    offline.keyboard.press("Shift")
    offline.keyboard.press("Shift")
    offline.wait_for_url(LANGS["id"].exit_url)


def test_the_header_and_the_drawer_stay_clear_of_the_bar_on_a_phone(offline, base_url):
    offline.set_viewport_size(PHONE)
    offline.goto(base_url + "/about/", wait_until="load")
    bar = offline.locator(".nyf-exit-bar").bounding_box()
    bottom = bar["y"] + bar["height"]
    for selector in (".md-header__button[for=__drawer]", ".md-header__button[for=__search]", ".md-header__title"):
        assert offline.locator(selector).bounding_box()["y"] >= bottom - 0.5, f"{selector} starts under the bar"
    offline.locator(".md-header__button[for=__drawer]").click()
    assert offline.locator(".md-sidebar--primary").bounding_box()["y"] >= bottom - 0.5
    assert exit_button_is_on_top(offline)


def test_a_linked_heading_is_not_hidden_under_the_bar_and_the_bar_stays_on_screen(offline, base_url):
    offline.set_viewport_size(PHONE)
    offline.goto(base_url + "/en/help/stay-safe-online/#clear-history", wait_until="load")
    header = offline.locator(".md-header").bounding_box()
    assert offline.evaluate("scrollY") > 0
    assert offline.locator("#clear-history").bounding_box()["y"] >= header["y"] + header["height"]
    offline.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = offline.locator("a.nyf-exit").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"] and exit_button_is_on_top(offline)


def test_the_safety_page_is_one_tap_away_with_its_sections_in_every_language(offline, base_url):
    for lang in LANGS:
        offline.goto(f"{base_url}/{lang.root}", wait_until="load")
        with offline.expect_navigation(wait_until="load"):
            offline.locator(".nyf-exit-bar__safety").click()
        assert urlsplit(offline.url).path == f"/{lang.root}help/stay-safe-online/"
        ids = offline.evaluate("[...document.querySelectorAll('.md-content h2[id]')].map(h => h.id)")
        assert ids == list(SAFETY_IDS), (lang.code, ids)
