"""Make sure the browser tests have a Chromium, before pytest starts.

Order: $CHROMIUM, a system Chromium or Chrome, a browser Playwright installed earlier, and
only then Playwright's own download (once). Browser tests are never skipped silently: if no
browser can be had, this says how to get one and exits non-zero.
"""
from __future__ import annotations

import subprocess
import sys

import chromium

HOW_TO = """No Chromium was found for the browser tests.
Install one of these, then run `make test` again:
  Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
  macOS:          install Google Chrome, or run: .venv/bin/python -m playwright install chromium
  Any system:     set CHROMIUM=/path/to/chrome-or-chromium
"""


def main() -> int:
    path = chromium.find()
    if path:
        print(f"Browser tests will use: {path}")
        return 0
    print("No Chromium found; trying Playwright's own download once...", file=sys.stderr)
    result = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"])
    path = chromium.find() if result.returncode == 0 else None
    if path:
        print(f"Browser tests will use: {path}")
        return 0
    print(HOW_TO, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
