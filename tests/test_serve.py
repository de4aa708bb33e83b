"""`make serve` is how contributors preview: the dev server serves every language with live
reload (the pinned click keeps it on), and an edit to the data shows without a restart."""
from __future__ import annotations

import os
import shutil
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


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def test_the_dev_server_serves_every_language_with_live_reload_and_shows_a_data_edit(small_project):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=small_project.root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, pages = time.time() + 120, {}
        while time.time() < deadline and len(pages) < 3:
            for path in ("/", "/en/", "/id/"):
                if path not in pages and (text := fetch(f"http://127.0.0.1:{port}{path}")):
                    pages[path] = text
            assert proc.poll() is None, proc.stdout.read()[-3000:]
            time.sleep(0.3)
        assert set(pages) == {"/", "/en/", "/id/"}, "the dev server did not serve every language"
        assert '<html lang="ko"' in pages["/"] and '<html lang="en"' in pages["/en/"] and '<html lang="id"' in pages["/id/"]
        assert "livereload" in pages["/en/"], "live reload is off"
        # An edit to the data reaches the page without a restart (the one pre-build step runs again).
        data = small_project.data / "hotlines.yml"
        data.write_text(data.read_text(encoding="utf-8").replace("ko: 여성긴급전화\n", "ko: 여성긴급전화(바뀜)\n", 1), encoding="utf-8")
        deadline = time.time() + 60
        while time.time() < deadline and "여성긴급전화(바뀜)" not in (fetch(f"http://127.0.0.1:{port}/") or ""):
            time.sleep(0.5)
        assert "여성긴급전화(바뀜)" in (fetch(f"http://127.0.0.1:{port}/") or "")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
