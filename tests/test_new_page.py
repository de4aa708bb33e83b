"""scripts/new_page.py (`make new-page NAME=...`): three files with front matter, one nav line in
mkdocs.yml (comments and layout kept), a site that still builds; bad names and existing pages
are refused with a clear message and change nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "new_page.py"
COPY = ("mkdocs.yml", "docs", "overrides", "scripts", "data", "generated", ".pymarkdown.yml")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of what the build needs, so the test can add pages freely."""
    dest = tmp_path / "repo"
    dest.mkdir()
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def new_page(repo: Path, name: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--root", str(repo), name], capture_output=True, text=True)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def nav_lines(repo: Path) -> list[str]:
    text = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    return text[text.index("\nnav:\n"):].splitlines()


def test_creates_three_files_with_front_matter(repo):
    result = new_page(repo, "help/talk-to-someone")
    assert result.returncode == 0, result.stdout
    expected = {"": ("새 페이지", "CONTRIBUTING.ko.md"), ".en": ("New page", "CONTRIBUTING.md"), ".id": ("Halaman baru", "CONTRIBUTING.id.md")}
    for suffix, (title, guide) in expected.items():
        path = repo / "docs" / "help" / f"talk-to-someone{suffix}.md"
        assert path.exists(), f"{path.name} was not created"
        meta = front_matter(path)
        assert meta["title"] == title
        assert meta["revision"] == 1
        assert str(meta["reviewed"]).count("-") == 2
        assert meta["description"].startswith("TODO")
        text = path.read_text(encoding="utf-8")
        assert f"\n# {title}\n" in text
        assert guide in text  # the to-do note points to the guide in the page's language
    assert "docs/help/talk-to-someone.md" in result.stdout and "make check" in result.stdout


def test_adds_one_nav_line_in_the_right_section(repo):
    before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert new_page(repo, "help/talk-to-someone").returncode == 0
    after = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    old, new = before.splitlines(), after.splitlines()
    assert len(new) == len(old) + 1
    added = [line for line in new if line not in old]
    assert [line.strip() for line in added] == ["- help/talk-to-someone.md"]
    i = new.index(added[0])
    assert new[i - 1].strip().startswith("- help/"), "the page should follow the other pages of docs/help/"
    assert len(new[i - 1]) - len(new[i - 1].lstrip()) == len(added[0]) - len(added[0].lstrip())
    # every other line (comments included) is unchanged and in order
    assert new[:i] + new[i + 1:] == old


def test_page_without_folder_goes_at_the_end_of_the_nav(repo):
    assert new_page(repo, "talk").returncode == 0
    nav = [line for line in nav_lines(repo) if line.strip()]
    assert nav[-1] == "  - talk.md"


def test_the_site_still_builds_strictly(repo, tmp_path):
    assert new_page(repo, "law/new-law").returncode == 0
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=repo, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    for prefix, title in (("", "새 페이지"), ("en/", "New page"), ("id/", "Halaman baru")):
        html = (tmp_path / "site" / prefix / "law" / "new-law" / "index.html").read_text(encoding="utf-8")
        assert f">{title}</h1>" in html or f">{title}<" in html


def test_the_new_page_passes_lint_and_is_flagged_as_unfinished(repo):
    assert new_page(repo, "help/talk-to-someone").returncode == 0
    files = [str(repo / "docs" / "help" / f"talk-to-someone{s}.md") for s in ("", ".en", ".id")]
    lint = subprocess.run([sys.executable, str(repo / "scripts" / "lint_markdown.py"), "--root", str(repo), *files],
                          capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    check = subprocess.run([sys.executable, str(repo / "scripts" / "check_translations.py"), "--docs", str(repo / "docs")],
                           capture_output=True, text=True)
    mine = [line for line in check.stdout.splitlines() if "talk-to-someone" in line]
    assert 'docs/help/talk-to-someone.md: the title is still the placeholder "새 페이지". Write the real page title in "title:" and in the "# " heading.' in mine
    assert any("talk-to-someone.en.md" in line and "to-do note" in line for line in mine)
    # the three versions themselves are in step: no section, link or footnote differences
    assert not [line for line in mine if "differ" in line or "sections" in line]


@pytest.mark.parametrize("name, words", [
    ("", "Give the new page a name, for example:"),
    ("Help/Talk", "cannot be a page name. Use lowercase English letters (a-z), digits and hyphens"),
    ("help/talk to someone", "cannot be a page name"),
    ("help/상담", "cannot be a page name"),
    ("help/talk/deeper", "cannot be a page name"),
    ("help/-talk", "cannot be a page name"),
    ("help/talk.md", 'leave out ".md"'),
    ("nowhere/talk", "docs/nowhere/ does not exist. Use one of the existing folders (help, law, schools, understand)"),
    ("assets/talk", "docs/assets/ holds styles, scripts and images, not pages"),
    ("../talk", "cannot be a page name"),
])
def test_bad_names_are_refused(repo, name, words):
    before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    files_before = sorted(p.relative_to(repo).as_posix() for p in (repo / "docs").rglob("*"))
    result = new_page(repo, name)
    assert result.returncode == 1
    assert result.stdout.startswith("No page was created.")
    assert words in result.stdout
    assert (repo / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / "docs").rglob("*")) == files_before


def test_an_existing_page_is_not_overwritten(repo):
    # one of the three versions exists already (someone started a translation by hand)
    existing = repo / "docs" / "help" / "talk.en.md"
    existing.write_text("---\ntitle: Mine\n---\n\n# Mine\n", encoding="utf-8")
    before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    result = new_page(repo, "help/talk")
    assert result.returncode == 1
    assert "This page already exists: docs/help/talk.en.md. Nothing was changed." in result.stdout
    assert existing.read_text(encoding="utf-8") == "---\ntitle: Mine\n---\n\n# Mine\n"
    assert not (repo / "docs" / "help" / "talk.md").exists()
    assert (repo / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_a_real_page_name_is_refused(repo):
    result = new_page(repo, "about")
    assert result.returncode == 1
    assert "This page already exists: docs/about.md, docs/about.en.md, docs/about.id.md." in result.stdout


def test_makefile_target_passes_the_name():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert 'scripts/new_page.py "$(NAME)"' in makefile
