"""`make check` (nyf.check): every check runs, each says ✓ or ✗ with what to do, and the
problems below it name file and line; and the documents that tell contributors how to work."""
from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

from nyf import check


def test_every_check_runs_and_one_run_shows_every_problem(small_project):
    page = small_project.docs / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n＃ Call us\n\nIn danger? Call 112.\n\n[Old page](old.md)\n\n"
                    "Her photos were leaked.\n", encoding="utf-8")
    said = []
    assert check.run(small_project, say=said.append) == 1
    out = "\n".join(said)
    assert "✓ data: data/ and languages/ are valid" in out
    assert "✗ translations — the language versions of a page do not match." in out
    assert re.search(r'docs/index\.en\.md:\d+:\d+: "112" looks like a phone number typed into the page', out)
    assert "docs/index.en.md: internal links differ from docs/index.ko.md" in out
    assert "✗ Markdown —" in out and 'full-width "＃" at the start of a line' in out and '"leaked": the site says' in out
    assert "✗ site build — the site does not build." in out and "old.md" in out.split("✗ site build")[1]
    assert re.search(r"^✗ 3 of 4 checks failed: translations, Markdown, site build \(\d+\.\d s\)\.", out, re.M), out


def test_a_clean_site_passes(small_project):
    said = []
    assert check.run(small_project, say=said.append) == 0, "\n".join(said)
    assert said[-1].startswith("✓ All 4 checks passed") and said[-1].endswith("Your change is ready to propose.")


def test_bad_data_is_reported_with_its_line(small_project):
    path = small_project.data / "statistics.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1202", "value: -1202", 1), encoding="utf-8")
    said = []
    assert check.run(small_project, check.STEPS[:1], say=said.append) == 1
    assert re.search(r"data/statistics\.yml:\d+: tables\[0\]\.rows\[\d+\]\.value: must be at least 0", "\n".join(said))


def test_a_check_that_crashes_is_a_failed_check_and_the_others_still_run(small_project):
    def crash(project):
        raise RuntimeError("boom")
    steps = [check.Step("first", "fine", "broken", crash), check.Step("second", "fine", "broken", lambda p: [])]
    said = []
    assert check.run(small_project, steps, say=said.append) == 1
    out = "\n".join(said)
    assert "the check itself failed (not your fault; tell the maintainers): RuntimeError: boom" in out and "✓ second" in out


# --- the contributor's documents ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.ko.md", "CONTRIBUTING.id.md"])
def test_contributing_covers_the_workflow(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for needed in ("make serve", "BUILD_ONLY_LOCALE=", "make new-page NAME=", "make new-language", "make check",
                   "data/statistics.yml", "data/hotlines.yml", "data/terms.yml", "languages/", "verified:", "revision",
                   "reviewed", "content_note: true", "[[tel:", "[[contact:", "[[web:", "[[stat:", "[^", "is behind",
                   ".ko.md", ".en.md", ".id.md"):
        assert needed in text, f"{name} does not mention {needed}"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`(?:[A-Z_]+=\S+ )?make ([a-z-]+)", text)):
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"{name} mentions `make {target}`, which the Makefile lacks"
    assert "make stats" not in text and "generated/" not in text, f"{name} still describes the old committed tables"


def test_the_readme_leads_with_the_two_commands_and_its_make_targets_exist():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = text.split("```")[1]
    assert "make serve" in first and "make test" in first
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`(?:[A-Z_]+=\S+ )?make ([a-z-]+)", text)):
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"README mentions `make {target}`, which the Makefile lacks"
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_fact_error_issue_form():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "fact-error.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    for field in ("page", "wrong", "source"):
        assert fields[field]["validations"]["required"] is True


def test_pull_request_template():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for needed in ("## What I changed", "## Sources", "## Languages", "make check", "revision:"):
        assert needed in text
