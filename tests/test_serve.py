"""`make serve` is how contributors preview: the dev server starts and serves all three languages."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dev_server_serves_every_language_with_live_reload():
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.time() + 120
        pages = {}
        while time.time() < deadline and len(pages) < 3:
            for path in ("/", "/en/", "/id/"):
                if path in pages:
                    continue
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                        pages[path] = r.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
            assert proc.poll() is None, proc.stdout.read()[-3000:]
        assert set(pages) == {"/", "/en/", "/id/"}, "dev server did not serve every language"
        assert '<html lang="ko"' in pages["/"] and '<html lang="en"' in pages["/en/"] and '<html lang="id"' in pages["/id/"]
        # Live reload is on: the server injects its reload script into every page.
        assert "livereload" in pages["/en/"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
