"""Shared fixtures: one real build of the site per test session, served on 127.0.0.1,
and a headless Chromium (the system's, see scripts/chromium.py) to open it."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import chromium  # noqa: E402

LANGS = ("ko", "en", "id")
LANG_PREFIX = {"ko": "", "en": "en/", "id": "id/"}


def build_site(dest: Path, *, env: dict | None = None, config: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real build command (`mkdocs build --strict`) into dest."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)]
    if config:
        cmd += ["-f", str(config)]
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=full_env)


@functools.lru_cache(maxsize=1)
def site_config():
    """mkdocs.yml as MkDocs reads it (with !ENV resolved)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return dest


def site_pages(site: Path) -> list[str]:
    """URL paths of every HTML page of the built site (404 included), e.g. '/en/about/'."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("assets/", "downloads/")):
            continue
        pages.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return pages


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    return site_pages(site)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static host behaviour: serve files, and the site's own 404.html for anything missing."""

    def log_message(self, *args):  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(directory: Path):
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def base_url(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium.find()
    if not path:
        pytest.fail("No Chromium found. Run `make test` (it installs or explains how to get one).")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=chromium.LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="ko-KR")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()
