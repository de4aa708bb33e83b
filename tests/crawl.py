"""One visit of the pages of the built site in headless Chromium, recording what the browser
tests then assert on: each page is opened once, from a blank tab, and waits for `load` (never
for network idle), a few pages at a time.

For each page: every request it made, failed requests and console errors; Content-Security-Policy
violations (while the colour switch is used and Shift is pressed, as a reader would); the quick
exit and the help panel as laid out on a 375 px phone; what is still shown in print; cookies and
storage. The costly checks are made where they can find something (plan() says where):
- "axe": axe-core at 375 px in the light scheme, on every page in one of its languages, in turn;
- "dark": axe-core again at 1280 px in the dark scheme, on one page of each kind in every
  language (colours come from the stylesheets, which every page shares; each kind of page
  brings its own elements);
- "pdf": the page printed to PDF (paper size, blank pages), where "axe" is, unless the page has
  a PDF of its own (the build prints those; test_guides.py checks them).
The route pages of "Where do I start?" are one template filled from data/pathways.yml: the
browser visits the start and question pages, one route of each situation and the three longest
routes in each language (they print longest); every route is read from its HTML by the other
tests.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

from pypdf import PdfReader

from nyf import chromium

AXE = (Path(__file__).resolve().parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
PARALLEL = 3
EXTRA_ARGS: list[str] = []
PRINT_HIDDEN = (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".nyf-exit-bar", ".nyf-help-panel",
                ".md-top", ".md-skip", ".md-content__button", ".nyf-guide-tools")

WATCH_CSP = """window.__nyfViolations = [];
addEventListener('securitypolicyviolation', e => window.__nyfViolations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample}));"""

EXIT_FACTS = """() => {
  const bar = document.querySelector('.nyf-exit-bar');
  const a = bar && bar.querySelector('a.nyf-exit');
  if (!a) return null;
  const hint = document.getElementById(a.getAttribute('aria-describedby'));
  const box = a.getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  const header = document.querySelector('.md-header');
  const safety = bar.querySelector('.nyf-exit-bar__safety');
  return {
    count: document.querySelectorAll('a.nyf-exit').length,
    lang: document.documentElement.lang,
    text: a.textContent.trim(), hint: hint && hint.textContent.trim(),
    box: [box.top, box.bottom, box.left, box.right, box.height],
    onTop: a.contains(hit),
    beforeHeader: !!header && !!(bar.compareDocumentPosition(header) & Node.DOCUMENT_POSITION_FOLLOWING),
    safetyFits: !!safety && safety.scrollWidth <= safety.clientWidth,
  };
}"""

PANEL_FACTS = """() => {
  const panel = document.querySelector('.md-content .nyf-help-panel');
  if (!panel) return null;
  const box = panel.getBoundingClientRect();
  const targets = [...panel.querySelectorAll('a')].map(a => { const b = a.getBoundingClientRect(); return [b.width, b.height]; });
  const widest = Math.max(...[panel, ...panel.querySelectorAll('*')].map(e => e.getBoundingClientRect().right));
  return {top: box.top + scrollY, height: box.height, targets, widest};
}"""

TOO_WIDE = """() => [...document.querySelectorAll('article.md-content__inner *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
  .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40))"""

SHOWN_IN_PRINT = """selectors => selectors.filter(s => [...document.querySelectorAll(s)]
  .some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0))"""


async def _axe(page) -> list[dict]:
    if not await page.evaluate("typeof axe !== 'undefined'"):
        await page.evaluate(AXE)  # through DevTools: the page's own policy does not apply to it
    # Colours fade for a moment after the scheme switches: contrast is measured once they settle.
    await page.evaluate("async () => { await Promise.all(document.getAnimations().filter(a => a.effect && a.effect.getTiming().iterations !== Infinity).map(a => a.finished)); }")
    result = await page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


# One page of each kind, in every language: the pages whose elements nothing else has.
DARK_KINDS = ("", "help/", "help/start/", "help/if-it-happened-to-you/", "statistics/", "glossary/", "law/korea/",
              "schools/students/", "schools/kit/", "schools/kit/primary/slides/", "changes/", "404.html")
ROUTE_SAMPLE_LONGEST = 3


def plan(pages: list[str], html: dict[str, str], langs) -> dict[str, set[str]]:
    """{path: the costly checks it gets} for every page the browser visits.

    The language versions of a page share its structure (the translation check sees to it), so
    axe-core and printing take each page in one of its languages, in turn: every language gets
    its share, and every page is checked once. The kinds of page in DARK_KINDS get every check in
    every language."""
    routes: dict[str, list[str]] = {}
    versions: dict[str, list[str]] = {}
    out: dict[str, set[str]] = {}
    for path in pages:
        lang = langs.of_url(path)
        rel = path[len("/" + lang.root):] if path != "/404.html" else "404.html"
        if rel.startswith("help/start/") and rel != "help/start/" and 'class="nyf-answers' not in html[path]:
            routes.setdefault(lang.code, []).append(path)
        else:
            versions.setdefault(rel, []).append(path)
    for n, (rel, paths) in enumerate(sorted(versions.items())):
        for i, path in enumerate(sorted(paths, key=lambda p: langs.codes.index(langs.of_url(p).code))):
            checks = set()
            if rel in DARK_KINDS or i == n % len(paths):
                checks |= {"axe", "dark"} if rel in DARK_KINDS else {"axe"}
                if "download>" not in html[path] or "/downloads/" not in html[path]:
                    checks.add("pdf")  # a page with a PDF of its own is printed by the build
            out[path] = checks
    for code, paths in routes.items():
        by_situation: dict[str, str] = {}
        for path in sorted(paths):
            by_situation.setdefault(path.rstrip("/").rsplit("/", 1)[-1].split("-")[0], path)
        longest = sorted(paths, key=lambda p: -len(html[p]))[:ROUTE_SAMPLE_LONGEST]
        for i, path in enumerate(sorted(set(by_situation.values()) | set(longest))):
            out[path] = {"axe", "pdf"} | ({"dark"} if i == 0 else set())
    return out


CLEAR_STORAGE = "try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}"


class Tab:
    """One browser tab that visits page after page. A new tab costs a new renderer process
    (about a third of a visit); this one keeps its process and starts every visit from a blank
    page: storage cleared before the page's scripts run (the colour setting one page stored
    never reaches the next), phone size, light scheme, screen media, and a record of its own
    that the tab's listeners, attached once, write to."""

    def __init__(self, page, own: str):
        self.page, self.own, self.record = page, own, None
        page.on("request", lambda r: self._add("requests", r.url))
        page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != own
                and self._add("foreign", r.url))
        page.on("requestfailed", lambda r: self._add("failed", f"{r.failure} {r.url}"))
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith("404.html")
                and self._add("failed", f"{r.status} {r.url}"))
        page.on("console", lambda m: m.type == "error" and self._add("errors", m.text))
        page.on("pageerror", lambda e: self._add("errors", str(e)))

    def _add(self, key: str, value: str) -> None:
        if self.record is not None:
            self.record[key].append(value)

    @classmethod
    async def open(cls, context, own: str) -> "Tab":
        page = await context.new_page()
        await page.add_init_script(CLEAR_STORAGE + "\n" + WATCH_CSP)
        return cls(page, own)


async def visit(tab: Tab, base: str, path: str, checks: set[str] = frozenset({"axe", "dark", "pdf"})) -> dict:
    page = tab.page
    await page.goto("about:blank")
    await page.set_viewport_size(PHONE)
    await page.emulate_media(media="screen", color_scheme="light")
    record = {"path": path, "checks": sorted(checks), "requests": [], "foreign": [], "failed": [], "errors": []}
    tab.record = record
    context = page.context
    try:
        response = await page.goto(base + path, wait_until="load")
        record["status"] = response.status if response else None
        record["lang"] = await page.evaluate("document.documentElement.lang")
        record["exit"] = await page.evaluate(EXIT_FACTS)
        record["panel"] = await page.evaluate(PANEL_FACTS)
        record["too_wide"] = await page.evaluate(TOO_WIDE)
        if "axe" in checks:
            record["axe_phone_light"] = await _axe(page)
        # What a reader does on any page: switch the colour scheme, start the quick exit's count.
        toggle = page.locator("label.md-header__button[for^=__palette]:visible")
        if await toggle.count():
            await toggle.first.click()
        await page.keyboard.press("Shift")
        if "dark" in checks:
            await page.set_viewport_size(DESKTOP)
            await page.emulate_media(color_scheme="dark")
            record["axe_desktop_dark"] = await _axe(page)
        await page.emulate_media(media="print", color_scheme="light")
        record["printed_chrome"] = await page.evaluate(SHOWN_IN_PRINT, list(PRINT_HIDDEN))
        if "pdf" in checks:
            pdf = PdfReader(io.BytesIO(await page.pdf(prefer_css_page_size=True)))
            record["pdf_pages"] = [(round(float(p.mediabox.width) * 25.4 / 72), round(float(p.mediabox.height) * 25.4 / 72),
                                    bool(p.extract_text().strip())) for p in pdf.pages]
        record["csp"] = await page.evaluate("window.__nyfViolations")
        record["cookie"] = await page.evaluate("document.cookie")
        record["storage"] = await page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
        record["cookies"] = await context.cookies()
    except Exception as exc:  # a page that breaks the visit is a finding, not a crash of the suite
        record["errors"].append(f"the visit failed: {type(exc).__name__}: {exc}")
    finally:
        tab.record = None
    return record


async def _run(base: str, paths: dict[str, set[str]]) -> dict[str, dict]:
    from playwright.async_api import async_playwright

    own = urlsplit(base).netloc
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium.require(), args=chromium.LAUNCH_ARGS + EXTRA_ARGS)
        queue: asyncio.Queue = asyncio.Queue()
        for path in paths:
            queue.put_nowait(path)
        records: list[dict] = []

        async def worker():
            context = await browser.new_context(viewport=PHONE, color_scheme="light")
            # Nothing may leave the machine: a request to another host is recorded, then refused.
            await context.route(lambda url: urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own,
                                lambda route: route.abort())
            tab = await Tab.open(context, own)
            try:
                while not queue.empty():
                    path = queue.get_nowait()
                    records.append(await visit(tab, base, path, paths[path]))
            finally:
                await context.close()

        try:
            await asyncio.gather(*(worker() for _ in range(PARALLEL)))
        finally:
            await browser.close()
    return {r["path"]: r for r in records}


def run(base: str, paths: dict[str, set[str]] | list[str]) -> dict[str, dict]:
    """{path: record} for {path: checks} (or every check on a list of paths). Runs in a thread of
    its own, beside any sync Playwright of the tests."""
    if not isinstance(paths, dict):
        paths = {p: {"axe", "dark", "pdf"} for p in paths}
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(_run(base, paths))).result()


if __name__ == "__main__":  # python tests/crawl.py http://127.0.0.1:8000 /en/about/ (for a look)
    import sys

    print(json.dumps(run(sys.argv[1], sys.argv[2:]), indent=1, ensure_ascii=False))
