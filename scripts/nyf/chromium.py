"""Find a Chromium for printing and for the browser tests: $CHROMIUM, then the system's (Debian
`chromium`), then one Playwright downloaded earlier."""
from __future__ import annotations

import asyncio
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

KNOWN_PATHS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)

# Flags for a closed network and for running as root in CI: without the background-networking
# ones, Chromium keeps trying to reach Google's services and fills the log with refusals.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def system_chromium() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in KNOWN_PATHS if Path(p).exists()), None)


def playwright_chromium() -> str | None:
    """The browser `playwright install chromium` put in its cache, if any."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    def ask() -> str:
        with sync_playwright() as p:
            return p.chromium.executable_path
    path = off_the_event_loop(ask)
    return path if path and Path(path).exists() else None


def find() -> str | None:
    return system_chromium() or playwright_chromium()


HOW_TO = """No Chromium was found. It prints the school guides to PDF and runs the browser tests.
Install one of these, then run the command again:
  Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
  macOS:          install Google Chrome, or run: .venv/bin/python -m playwright install chromium
  Any system:     set CHROMIUM=/path/to/chrome-or-chromium"""


class NoChromium(Exception):
    def __str__(self) -> str:
        return HOW_TO


def require() -> str:
    path = find()
    if not path:
        raise NoChromium()
    return path


def launch(playwright):
    """A headless Chromium that stays off the network except for what a page asks for."""
    return playwright.chromium.launch(executable_path=require(), args=LAUNCH_ARGS)


def off_the_event_loop(work: Callable[[], T]) -> T:
    """Run work that drives Playwright's sync API. That API refuses to run in a thread where an
    asyncio loop is running (a notebook; the browser tests, whose pages hold one), so there the
    work gets a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()
