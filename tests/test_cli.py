"""Each command line once, as a contributor types it (`python -m nyf ...`, which the make targets
call), on the small copy of the site. What each command does is tested in-process elsewhere;
here: it runs, says what happened and exits with the right code.

Not here: `bench` (it builds six times: minutes, and it only prints), `build` with PDFs (the
`built` fixture is exactly that, in-process) and `lint` (tests/test_lint.py)."""
from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pytest

from nyf.project import Project


def nyf(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nyf", "--root", str(project.root), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


def test_build(small_project, tmp_path):
    result = nyf(small_project, "build", "--no-pdf", "--site", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Built" in result.stdout and (tmp_path / "out" / "en" / "index.html").exists()
    assert "placeholder" in result.stderr, "every build says that the address is still the placeholder"


def test_check(small_project):
    result = nyf(small_project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All 4 checks passed" in result.stdout


def test_render_then_nothing_to_do(small_project):
    first = nyf(small_project, "render")
    assert first.returncode == 0 and "rendered data/ into .cache/render" in first.stdout, first.stdout + first.stderr
    again = nyf(small_project, "render")
    assert again.returncode == 0 and "up to date" in again.stdout


def test_render_refuses_bad_data(small_project):
    path = small_project.data / "hotlines.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('- number: "1366"', "- number: 1366", 1), encoding="utf-8")
    result = nyf(small_project, "render")
    assert result.returncode == 1 and "data/hotlines.yml:" in result.stderr and "Nothing was written" in result.stderr


def test_translations(small_project):
    result = nyf(small_project, "translations")
    assert result.returncode == 0 and "in step" in result.stdout, result.stdout


def test_new_language(small_project):
    result = nyf(small_project, "new-language", "vi", "Tiếng Việt")
    assert result.returncode == 0 and "Added Tiếng Việt (vi)" in result.stdout, result.stdout
    assert (small_project.languages / "vi.yml").exists()
    again = nyf(small_project, "new-language", "vi", "Tiếng Việt")
    assert again.returncode == 1 and "No language was added" in again.stdout


@pytest.mark.parametrize("today, code, words", [("2026-12-01", 0, "were verified within 365 days"),
                                                ("2030-01-01", 1, "OVERDUE")])
def test_stale(small_project, today, code, words):
    result = nyf(small_project, "stale", "--today", today)
    assert result.returncode == code and words in result.stdout, result.stdout


class _Answers(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802 (the standard library's name)
        self.send_response(200 if self.path == "/here" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


def test_links(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.en.md").write_text(f"# Page\n\nA source: <{base}/here>.\n\nA gone one: <{base}/gone>\n",
                                                  encoding="utf-8")
    try:
        result = nyf(Project.at(tmp_path), "links")
    finally:
        server.shutdown()
    assert result.returncode == 1, result.stdout
    assert f"docs/page.en.md:5: {base}/gone: HTTP 404" in result.stdout and "/here" not in result.stdout


@pytest.mark.browser
def test_browser():
    result = subprocess.run([sys.executable, "-m", "nyf", "browser"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and result.stdout.startswith("Chromium: ")


def test_test_fast_starts_no_browser():
    """`make test-fast` (pytest -m "not browser") keeps no test that needs Chromium, even one that
    forgot its marker: conftest marks every user of a Chromium fixture."""
    from conftest import CHROMIUM_FIXTURES

    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not browser",
                             "--fixtures-per-test", "-p", "no:cacheprovider"],
                            capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert result.returncode == 0, result.stdout[-2000:]
    used = {line.split(" -- ")[0].strip() for line in result.stdout.splitlines() if " -- " in line}
    assert used and not used & CHROMIUM_FIXTURES, sorted(used & CHROMIUM_FIXTURES)
