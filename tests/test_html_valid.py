"""Every built page is valid HTML: the Nu Html Checker (vnu.jar from tests/tools, run with
Java) reports no error, and it does report the three that Material's templates write before
scripts/nyf/valid_html.py takes them out."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import TOOLS, need

from nyf import valid_html

VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"


def errors(*targets: Path) -> list[str]:
    need(bool(shutil.which("java")) and VNU.exists(), "Java with the Nu Html Checker (tests/tools)")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             *map(str, targets)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def test_every_page_is_valid_html(site):
    found = errors(site)
    assert not found, f"{len(found)} errors, the first ones:\n" + "\n".join(found[:20])


MATERIAL_WRITES = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<nav><input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2">
<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">Help</label></nav>
</body></html>"""


def test_the_checker_finds_what_material_writes_and_the_tidy_step_removes_it(tmp_path):
    raw, tidied = tmp_path / "raw.html", tmp_path / "tidied.html"
    raw.write_text(MATERIAL_WRITES, encoding="utf-8")
    tidied.write_text(valid_html.tidy(MATERIAL_WRITES), encoding="utf-8")
    found = errors(raw)
    assert any("tabindex" in e for e in found) and any("autocomplete" in e for e in found), found
    assert errors(tidied) == []
    assert 'id="__nav_2_label">Help' in valid_html.tidy(MATERIAL_WRITES)


def test_compacting_keeps_every_line_break_and_whatever_is_preformatted():
    from nyf.compact_html import compact
    page = "<div>\n    <p>one\n\n      two</p>\n<pre>  x\n\n  y</pre>\n  <script>\n  var a = `\n  x`;\n</script>  \n"
    assert compact(page) == "<div>\n<p>one\ntwo</p>\n<pre>  x\n\n  y</pre>\n<script>\n  var a = `\n  x`;\n</script>\n"
