"""`make bench`: how long builds take and what each page costs a reader on a phone.

Prints (no asserts; targets are in README "Performance"):
- full three-language build time and one-language build time (median of 3 runs each);
- for every page: requests, failed requests and bytes transferred, gzip-compressed as a static
  host would serve them (each response body compressed with gzip level 6);
- the statistics script's own timings (scripts/bench_stats.py), when present.
"""
from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

import chromium  # noqa: E402


def timed_build(dest: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=ROOT, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})),
    )
    return time.perf_counter() - start


def build_times(tmp: Path) -> tuple[float, float]:
    full = statistics.median(timed_build(tmp / f"full{i}") for i in range(3))
    one = statistics.median(timed_build(tmp / f"one{i}", {"BUILD_ONLY_LOCALE": "en"}) for i in range(3))
    return full, one


def page_weights(site: Path) -> list[tuple[str, int, int, int]]:
    from conftest import serve, site_pages
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium.find(), args=chromium.LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 375, "height": 740})
        for path in site_pages(site):
            if path.endswith("404.html"):
                continue
            page = context.new_page()
            responses, failed = [], []
            page.on("response", lambda r: responses.append(r))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(base + path, wait_until="networkidle")
            size = 0
            for r in responses:
                if r.status >= 400:
                    failed.append(r.url)
                    continue
                try:
                    size += len(gzip.compress(r.body(), compresslevel=6))
                except Exception:
                    pass
            rows.append((path, len(responses) + len(failed) - len([u for u in failed if u in {x.url for x in responses}]), len(failed), size))
            page.close()
        browser.close()
    server.shutdown()
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        full, one = build_times(tmp)
        print(f"Full build (ko, en, id): {full:.2f} s   (target: under 10 s on 2 cores)")
        print(f"One-language build (BUILD_ONLY_LOCALE=en): {one:.2f} s")
        rows = page_weights(tmp / "full0")
    print()
    print(f"{'page':<45} {'requests':>8} {'failed':>6} {'KB gzip':>8}")
    for path, count, failed, size in rows:
        print(f"{path:<45} {count:>8} {failed:>6} {size / 1024:>8.1f}")
    sizes = [r[3] for r in rows]
    counts = [r[1] for r in rows]
    print()
    print(f"Median page: {statistics.median(sizes) / 1024:.1f} KB gzip (target: at most 70 KB), "
          f"{statistics.median(counts):.0f} requests (target: at most 10); largest: {max(sizes) / 1024:.1f} KB; "
          f"failed requests on all pages: {sum(r[2] for r in rows)}")
    try:
        import bench_stats
    except ImportError:
        return 0
    print()
    for line in bench_stats.run():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
