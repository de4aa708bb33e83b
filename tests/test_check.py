"""scripts/check.py (`make check`): runs every check, keeps going after a failure, says in plain
words what failed and what to do, and exits 1 if anything failed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import check  # noqa: E402

SCRIPT = ROOT / "scripts" / "check.py"


# --- the runner itself, with stand-in steps -------------------------------------------------

def fake(name: str, code: int, output: str = "", needs=None) -> check.Step:
    return check.Step(name, f"{name} is fine", f"{name} has a problem; fix it like this.",
                      [sys.executable, "-c", f"import sys; print({output!r}); sys.exit({code})"], needs_option=needs)


def test_reports_each_step_and_keeps_going(monkeypatch, capsys, tmp_path):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "old.py").write_text("print('no options here')\n", encoding="utf-8")
    monkeypatch.setattr(check, "steps", lambda root, site: [
        fake("first", 1, "docs/x.md:3:1: something is wrong"),
        fake("second", 0),
        fake("third", 1, "line one\nline two"),
        fake("fourth", 0, needs=("old.py", "--check")),
    ])
    code = check.run(tmp_path)
    out = capsys.readouterr().out
    assert code == 1
    assert "✗ first — first has a problem; fix it like this." in out
    assert "    docs/x.md:3:1: something is wrong" in out  # the failing output, indented
    assert re.search(r"^✓ second: second is fine \(\d+\.\d s\)$", out, re.M)
    assert "✗ third — third has a problem" in out and "    line one\n    line two" in out
    assert "– fourth: not checked: scripts/old.py has no --check option yet." in out
    assert re.search(r"^✗ 2 of 3 checks failed: first, third \(\d+\.\d s\)\. Fix what is listed above", out, re.M)


def test_all_passing(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(check, "steps", lambda root, site: [fake("one", 0), fake("two", 0)])
    assert check.run(tmp_path) == 0
    out = capsys.readouterr().out
    assert re.search(r"^✓ All 2 checks passed in \d+\.\d s\. Your change is ready to propose\.$", out, re.M)


def test_runs_the_five_checks_in_order(tmp_path):
    names = [s.name for s in check.steps(ROOT, tmp_path)]
    assert names == ["statistics", "hotlines", "translations", "Markdown", "site build"]
    commands = [" ".join(s.command) for s in check.steps(ROOT, tmp_path)]
    assert commands[0].endswith("build_stats.py --check") and commands[1].endswith("build_hotlines.py --check")
    assert "mkdocs build --strict" in commands[4] and str(tmp_path) in commands[4]


def test_build_output_keeps_what_matters():
    text = ("INFO    -  Cleaning site directory\nINFO    -  Building documentation\n"
            "WARNING -  Doc file 'help/index.md' contains a link 'nope.md', but the target is not found among documentation files.\n"
            "\nAborted with 1 warnings in strict mode!\n")
    shown = check.build_output(text)
    assert "INFO" not in shown
    assert "contains a link 'nope.md'" in shown and "Aborted" in shown


def test_makefile_runs_it():
    assert "scripts/check.py" in (ROOT / "Makefile").read_text(encoding="utf-8")


# --- the real checks on a small copy of the site --------------------------------------------

PAGE = {
    "": ("홈", "딥페이크 성범죄를 이해하고 도움을 받는 방법을 알려 드리는 작은 시험용 사이트예요.", "도움받기"),
    ".en": ("Home", "A small test site that explains sexual deepfakes and where to find help.", "Get help"),
    ".id": ("Beranda", "Situs uji kecil yang menjelaskan deepfake seksual dan tempat mencari bantuan.", "Cari bantuan"),
}


def write_page(docs: Path, stem: str, suffix: str, title: str, description: str, body: str) -> None:
    path = docs / f"{stem}{suffix}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\ndescription: {description}\nrevision: 1\nreviewed: 2026-11-25\n---\n\n"
                    f"# {title}\n\n{body}", encoding="utf-8")


@pytest.fixture
def small_site(tmp_path) -> Path:
    """The real mkdocs.yml, templates, scripts and data, with two pages of our own."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("overrides", "scripts", "data", "generated"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / ".pymarkdown.yml", repo / ".pymarkdown.yml")
    shutil.copytree(ROOT / "docs" / "assets", repo / "docs" / "assets")
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#-"):
        end += 1
    lines[start:end] = ["nav:", "  - index.md", "  - help/index.md", ""]
    (repo / "mkdocs.yml").write_text("\n".join(lines), encoding="utf-8")
    docs = repo / "docs"
    for suffix, (title, description, help_title) in PAGE.items():
        write_page(docs, "index", suffix, title, description, f"## {help_title}\n\n[{help_title}](help/index.md)\n")
        write_page(docs, "help/index", suffix, help_title, description, f"## {title}\n\n[{title}](../index.md)\n")
    return repo


def run_check(repo: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("BUILD_ONLY_LOCALE", None)
    return subprocess.run([sys.executable, str(repo / "scripts" / "check.py"), "--root", str(repo)],
                          capture_output=True, text=True, encoding="utf-8", env=env)


def test_a_clean_site_passes(small_site):
    result = run_check(small_site)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("translations", "Markdown", "site build"):
        assert re.search(rf"^✓ {name}: ", result.stdout, re.M), result.stdout
    assert "Your change is ready to propose." in result.stdout


def test_a_broken_site_shows_every_problem(small_site):
    docs = small_site / "docs"
    en = docs / "index.en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\n＃ Call us\n\nIn danger? Call 112.\n\n[Old page](old.md)\n", encoding="utf-8")
    result = run_check(small_site)
    out = result.stdout
    assert result.returncode == 1, out
    assert "✗ translations — the language versions of a page do not match." in out
    assert 'docs/index.en.md:16:12: "112" looks like a phone number typed into the page.' in out
    assert "docs/index.en.md: internal links differ from docs/index.md; not in docs/index.md: old.md." in out
    assert "✗ Markdown — some Markdown will not show as intended." in out
    assert 'docs/index.en.md:14:1: full-width "＃" at the start of a line' in out
    assert "✗ site build — the site does not build." in out
    build = out.split("✗ site build")[1]
    assert "contains a link 'old.md'" in build and "(python -m mkdocs build --strict)" in build
    assert build.index("contains a link") < build.index("Aborted")  # the cause first, then the verdict
    assert re.search(r"^✗ 3 of \d checks failed: translations, Markdown, site build \(\d+\.\d s\)\.", out, re.M), out


# --- the contributor's documents --------------------------------------------------------------

@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.ko.md", "CONTRIBUTING.id.md"])
def test_contributing_covers_the_workflow(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for needed in ("make serve", "BUILD_ONLY_LOCALE=", "make new-page NAME=", "make stats", "make check",
                   "data/statistics.yml", "data/hotlines.yml", "verified:", "revision", "reviewed",
                   "content_note: true", "[[tel:", "[[contact:", "[[web:", "[[stat:", "[^", "is behind"):
        assert needed in text, f"{name} does not mention {needed}"
    # every make target it names exists
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`(?:[A-Z_]+=\w+ )?make ([a-z-]+)", text)):
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"{name} mentions `make {target}`, which the Makefile lacks"


def test_fact_error_issue_form():
    import yaml

    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "fact-error.yml").read_text(encoding="utf-8"))
    assert form["name"] == "Report an error in the facts"
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    for field in ("page", "wrong", "source"):
        assert fields[field]["validations"]["required"] is True


def test_pull_request_template():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for needed in ("## What I changed", "## Sources", "## Languages", "make check", "revision:"):
        assert needed in text
