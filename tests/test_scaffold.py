"""make new-page and make new-language: the files a contributor fills in, one inserted block in
mkdocs.yml (its comments and layout kept), and a site that still builds; bad input is refused
with a clear message and changes nothing. On copies of the site, in-process."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from conftest import ROOT, parse_html

from nyf import build, languages, scaffold, translations
from nyf.project import Project

COPY = ("mkdocs.yml", "docs", "overrides", "data", "languages", "assets", ".pymarkdown.yml")


@pytest.fixture
def repo(tmp_path) -> Project:
    """A copy of everything the build reads, so the test can add pages and languages freely."""
    dest = tmp_path / "repo"
    dest.mkdir()
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    return Project.at(dest)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def nav_lines(project: Project) -> list[str]:
    text = project.config_file.read_text(encoding="utf-8")
    return text[text.index("\nnav:\n"):].splitlines()


# --- a new page ----------------------------------------------------------------------------------

def test_a_new_page_in_every_language_with_one_nav_line(repo):
    before = repo.config_file.read_text(encoding="utf-8")
    written, where = scaffold.new_page(repo, "help/talk-to-someone")
    expected = {"ko": ("새 페이지", "CONTRIBUTING.ko.md"), "en": ("New page", "CONTRIBUTING.md"), "id": ("Halaman baru", "CONTRIBUTING.id.md")}
    for code, (title, guide) in expected.items():
        path = repo.docs / "help" / f"talk-to-someone.{code}.md"
        meta = front_matter(path)
        assert meta["title"] == title and meta["revision"] == 1 and meta["description"].startswith("TODO")
        text = path.read_text(encoding="utf-8")
        assert f"\n# {title}\n" in text and guide in text, "the note points to the guide in the page's language"
    old, new = before.splitlines(), repo.config_file.read_text(encoding="utf-8").splitlines()
    added = [line for line in new if line not in old]
    assert [line.strip() for line in added] == ["- help/talk-to-someone.md"] and where.startswith("after help/")
    i = new.index(added[0])
    assert new[i - 1].strip().startswith("- help/") and new[:i] + new[i + 1:] == old


def test_a_page_without_folder_goes_at_the_end_of_the_nav(repo):
    scaffold.new_page(repo, "talk")
    assert [line for line in nav_lines(repo) if line.strip()][-1] == "  - talk.md"


def test_the_site_still_builds_and_the_new_page_is_flagged_as_unfinished(small_project, tmp_path):
    repo = small_project  # the small copy: a new page builds the same among 6 pages as among 100
    scaffold.new_page(repo, "help/new-guide")
    built = build.build(repo, tmp_path / "site", with_pdfs=False, log=lambda _: None)
    for root, title in (("", "새 페이지"), ("en/", "New page"), ("id/", "Halaman baru")):
        page = (built.site / root / "help" / "new-guide" / "index.html").read_text(encoding="utf-8")
        assert f">{title}</h1>" in page
    mine = [p for p in translations.check(repo, languages.load(repo))[0] if "new-guide" in p]
    assert 'docs/help/new-guide.ko.md: the title is still the placeholder "새 페이지". Write the real page title in "title:" and in the "# " heading.' in mine
    assert any("new-guide.en.md" in p and "to-do note" in p for p in mine)
    assert not [p for p in mine if "differ" in p or "sections" in p], "the versions are in step with each other"


@pytest.mark.parametrize("name, words", [
    ("", "Give the new page a name, for example:"),
    ("Help/Talk", "cannot be a page name. Use lowercase English letters (a-z), digits and hyphens"),
    ("help/talk to someone", "cannot be a page name"),
    ("help/상담", "cannot be a page name"),
    ("help/talk/deeper", "cannot be a page name"),
    ("help/talk.md", 'leave out ".md"'),
    ("nowhere/talk", "docs/nowhere/ does not exist. Use one of the existing folders (help, law, schools, understand)"),
    ("../talk", "cannot be a page name"),
    ("about", "This page already exists: docs/about.ko.md, docs/about.en.md, docs/about.id.md."),
])
def test_bad_names_are_refused_and_change_nothing(repo, name, words):
    before = repo.config_file.read_text(encoding="utf-8")
    files = sorted(p.relative_to(repo.root).as_posix() for p in repo.docs.rglob("*"))
    with pytest.raises(scaffold.ScaffoldError) as info:
        scaffold.new_page(repo, name)
    assert words in str(info.value)
    assert repo.config_file.read_text(encoding="utf-8") == before
    assert sorted(p.relative_to(repo.root).as_posix() for p in repo.docs.rglob("*")) == files


def test_one_version_made_by_hand_is_not_overwritten(repo):
    mine = repo.docs / "help" / "talk.en.md"
    mine.write_text("---\ntitle: Mine\n---\n\n# Mine\n", encoding="utf-8")
    with pytest.raises(scaffold.ScaffoldError, match="This page already exists: docs/help/talk.en.md. Nothing was changed."):
        scaffold.new_page(repo, "help/talk")
    assert mine.read_text(encoding="utf-8") == "---\ntitle: Mine\n---\n\n# Mine\n" and not (repo.docs / "help" / "talk.ko.md").exists()


def test_the_command_line(repo):
    result = subprocess.run([sys.executable, "-m", "nyf", "--root", str(repo.root), "new-page", "help/talk"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "docs/help/talk.ko.md" in result.stdout and "make check" in result.stdout
    again = subprocess.run([sys.executable, "-m", "nyf", "--root", str(repo.root), "new-page", "help/talk"],
                           capture_output=True, text=True)
    assert again.returncode == 1 and again.stdout.startswith("No page was created.")


# --- a new language ------------------------------------------------------------------------------

def fingerprints(project: Project) -> dict[str, str]:
    return {p.relative_to(project.root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in project.root.rglob("*") if p.is_file() and ".cache" not in p.parts}


@pytest.fixture(scope="module")
def vietnamese(tmp_path_factory):
    dest = tmp_path_factory.mktemp("vi") / "repo"
    dest.mkdir()
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    repo = Project.at(dest)
    before = fingerprints(repo)
    scaffold.new_language(repo, "vi", "Tiếng Việt")
    built = build.build(repo, dest.parent / "site", with_pdfs=False, log=lambda _: None)
    return repo, before, built


def test_a_new_language_touches_only_its_strings_its_pages_and_its_config_entry(vietnamese):
    repo, before, _ = vietnamese
    after = fingerprints(repo)
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert "mkdocs.yml" in changed and "languages/vi.yml" in changed
    others = [p for p in changed if p not in ("mkdocs.yml", "languages/vi.yml") and not re.fullmatch(r"docs/.+\.vi\.md", p)]
    assert others == [], "adding a language must not touch code, templates, scripts or styles"
    english = sorted(p for p in before if p.endswith(".en.md"))
    assert sorted(p for p in changed if p.endswith(".vi.md")) == [p.replace(".en.md", ".vi.md") for p in english]
    entry = repo.config_file.read_text(encoding="utf-8")
    assert "        - locale: vi\n          name: Tiếng Việt\n" in entry


def test_the_new_language_is_served_with_its_own_pages_search_and_404(vietnamese):
    repo, _, built = vietnamese
    site = built.site
    page = (site / "vi" / "about" / "index.html").read_text(encoding="utf-8")
    dom = parse_html(page)
    assert dom.find("html").attrs["lang"] == "vi"
    english = json.loads((site / "en" / "search" / "search_index.full.json").read_text())
    vi = json.loads((site / "vi" / "search" / "search_index.full.json").read_text())
    assert vi["docs"] and len(vi["docs"]) == len(english["docs"])
    assert not any(d["location"].startswith(("en/", "id/", "vi/")) for d in vi["docs"])
    assert '"base": "../../vi/"' in page, "search is scoped to the language's own index"
    # The language switcher: every language, and this page in each of them.
    links = {a.attrs.get("hreflang"): urljoin("/vi/about/", a.attrs["href"]) for a in dom.find_all("a", cls="md-select__link")}
    assert links == {"ko": "/about/", "en": "/en/about/", "id": "/id/about/", "vi": "/vi/about/"}
    other = parse_html((site / "en" / "about" / "index.html").read_text(encoding="utf-8"))
    assert {a.attrs.get("hreflang") for a in other.find_all("a", cls="md-select__link")} == {"ko", "en", "id", "vi"}
    # Copied from English, with a notice a reader sees.
    notice = dom.find("aside", cls="nyf-untranslated")
    assert notice is not None and "has not been translated" in notice.all_text()
    assert dom.find("h1").all_text().strip() == parse_html((site / "en" / "about" / "index.html").read_text(encoding="utf-8")).find("h1").all_text().strip()
    # The one 404 page speaks it too, and the sitemap lists it.
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert '<section lang="vi" class="nyf-404">' in not_found and 'href="/vi/" hreflang="vi"' in not_found
    assert 'hreflang="vi" href="https://notyourfault.example/vi/about/"' in (site / "sitemap.xml").read_text(encoding="utf-8")
    # Its help panel and directory fall back to English texts where data/ has none in Vietnamese.
    assert "nyf-help-panel__call" in page


@pytest.mark.browser
def test_make_build_prints_the_new_languages_guides_too(vietnamese, tmp_path):
    """Every PDF has a Vietnamese version to print, and one is printed (all of them would take a
    minute; printing is the same for every page). The build without PDFs breaks no link but
    the downloads."""
    from nyf import chromium, linkcheck, pdf

    repo, _, built = vietnamese
    langs = languages.load(repo)
    prints = pdf.prints(repo, langs)
    names = {code: {i.name.rsplit("-", 1)[0] for i in prints if i.lang.code == code} for code in ("en", "vi")}
    assert names["vi"] == names["en"] and {"students", "teachers", "parents"} <= names["vi"]
    item = next(i for i in prints if i.name == "students-vi")

    def one() -> bytes:
        with pdf.Printer(built.site, tmp_path / "cache", preview=True, version=build.version(repo),
                         site_url=built.site_url, log=lambda _: None) as printer:
            return printer.render(item)
    printed = chromium.off_the_event_loop(one)
    from pypdf import PdfReader
    import io
    reader = PdfReader(io.BytesIO(printed))
    assert 1 <= len(reader.pages) <= item.budget
    assert [p for p in linkcheck.check(built.site) if "/downloads/" not in p] == []


def test_the_new_language_passes_the_checks(vietnamese):
    repo, _, _ = vietnamese
    langs = languages.load(repo)
    assert langs.codes == ["ko", "en", "id", "vi"] and langs["vi"].fallback == "en"
    assert translations.check(repo, langs)[0] == []


@pytest.mark.parametrize("code, name, words", [
    ("ko", "한국어", "already a language of this site"),
    ("Vietnamese", "Tiếng Việt", "is not a language code"),
    ("vi", "", "Give the language its name"),
    ("xq", "Xq", "Material for MkDocs has no interface strings"),
])
def test_a_bad_language_is_refused_and_changes_nothing(repo, code, name, words):
    before = fingerprints(repo)
    with pytest.raises(scaffold.ScaffoldError) as info:
        scaffold.new_language(repo, code, name)
    assert words in str(info.value)
    assert fingerprints(repo) == before
