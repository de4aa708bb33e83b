"""`make bench`: how long builds take and what each page costs a reader on a phone.

Prints, never asserts (the targets are in README, "Performance"):
- the full build and a one-language build (BUILD_ONLY_LOCALE=en), median of 3 runs each;
- rendering data/ (the pre-build step) with the real data;
- per page, as a static host with the site's _headers serves it (gzip level 6, fingerprinted
  assets cached): a first visit with an empty cache, and a second page once the shared assets
  are cached; requests and failures.
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from nyf import build, languages, render
from nyf.project import Project


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def build_times(project: Project, tmp: Path) -> tuple[float, float]:
    full = statistics.median(timed(lambda i=i: build.mkdocs_build(project, tmp / f"full{i}")) for i in range(3))
    os.environ["BUILD_ONLY_LOCALE"] = "en"
    try:
        one = statistics.median(timed(lambda i=i: build.mkdocs_build(project, tmp / f"one{i}")) for i in range(3))
    finally:
        del os.environ["BUILD_ONLY_LOCALE"]
    return full, one


def render_time(project: Project) -> float:
    langs = languages.load(project)
    return statistics.median(timed(lambda: render.render(project, langs, "https://example.org/")) for _ in range(5))


def page_weights(site: Path) -> list[dict]:
    """Bytes the server sent for each page: a first visit with an empty cache, then a second page."""
    from playwright.sync_api import sync_playwright

    from nyf import chromium, static_server
    from nyf.mkdocs_plugin import FINGERPRINTED

    pages = sorted("/" + "/".join(p.relative_to(site).parts[:-1]) for p in site.rglob("index.html")
                   if p.relative_to(site).parts[0] not in ("assets", "search"))
    pages = [p if p.endswith("/") else p + "/" for p in pages]
    sent: list = []
    rows = []
    with static_server.serving(site, cache_fingerprinted=FINGERPRINTED, sent=sent) as base, sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            for i, path in enumerate(pages):
                context = browser.new_context(viewport={"width": 375, "height": 740})
                page = context.new_page()
                first = _visit(page, base + path, sent)
                # The second page a reader opens: the next one in the list (the home page after the last).
                second = _visit(page, base + pages[(i + 1) % len(pages)], sent)
                context.close()
                rows.append({"path": path, **first, "second_bytes": second["bytes"], "second_requests": second["requests"]})
        finally:
            browser.close()
    return rows


def _visit(page, url: str, sent: list) -> dict:
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    sent.clear()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(400)  # late requests (the search stub) are part of a visit
    return {"requests": len(sent), "failed": len(failed) + sum(1 for _, status, _ in sent if status >= 400),
            "bytes": sum(size for _, _, size in sent)}


def main(project: Project) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full, one = build_times(project, tmp)
        print(f"Full build (every language): {full:.2f} s   (target: under 10 s on 2 cores)")
        print(f"One-language build (BUILD_ONLY_LOCALE=en): {one:.2f} s")
        print(f"Rendering data/ (the pre-build step, real data): {render_time(project):.3f} s   (target: well under 1 s)")
        rows = page_weights(tmp / "full0")
    print(f"\n{'page':<45} {'requests':>8} {'failed':>6} {'KB first':>9} {'KB second':>10}")
    for r in rows:
        print(f"{r['path']:<45} {r['requests']:>8} {r['failed']:>6} {r['bytes'] / 1024:>9.1f} {r['second_bytes'] / 1024:>10.1f}")
    first = statistics.median(r["bytes"] for r in rows) / 1024
    second = statistics.median(r["second_bytes"] for r in rows) / 1024
    print(f"\nMedian page, first visit: {first:.1f} KB gzip (target: at most 70 KB); second page with shared assets "
          f"cached: {second:.1f} KB (target: at most 12 KB); requests: {statistics.median(r['requests'] for r in rows):.0f} "
          f"(target: at most 10); largest: {max(r['bytes'] for r in rows) / 1024:.1f} KB; failed requests on all pages: "
          f"{sum(r['failed'] for r in rows)}")
    return 0
