"""Shared fixtures: one real build of the site per test session, exactly as `make build` makes it
(PDFs included), its pages read once, the site served on 127.0.0.1, and one visit of every page
in headless Chromium (crawl.py) whose record the browser tests assert on."""
from __future__ import annotations

from html.parser import HTMLParser
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from nyf import build, languages, static_server
from nyf.project import Project

PROJECT = Project.at()
ROOT = PROJECT.root
LANGS = languages.load(PROJECT)
CODES = LANGS.codes
FIXTURES = Path(__file__).resolve().parent / "fixtures"


TOOLS = ROOT / "tests" / "tools" / "node_modules"


def need(available: bool, what: str) -> None:
    """Skip a test whose tool is missing on a contributor's machine; in CI (.ci/run sets
    NYF_REQUIRE_TOOLS=1) a missing tool fails the test instead of hiding it."""
    if available:
        return
    if os.environ.get("NYF_REQUIRE_TOOLS"):
        pytest.fail(f"{what} is missing, and NYF_REQUIRE_TOOLS is set")
    pytest.skip(f"{what} is missing (`make tools` installs it; CI has it)")


def lang_of(path: str) -> languages.Language:
    return LANGS.of_url(path)



def line_of(text: str, needle: str, after: str = "") -> int:
    """The line (from 1) where needle first stands in text, after the first `after` if given."""
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1

@pytest.fixture(scope="session")
def built(tmp_path_factory) -> build.Built:
    """Exactly what `make build` makes, PDFs included (printing needs Chromium: browser tests only)."""
    return build.build(PROJECT, tmp_path_factory.mktemp("built") / "site", log=lambda _: None)


# Fixtures that start Chromium. A test that uses one is a browser test whether or not it says so,
# so `make test-fast` never waits for a crawl or a print run.
CHROMIUM_FIXTURES = {"browser", "crawl", "built"}


def pytest_itemcollected(item):
    if CHROMIUM_FIXTURES & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)  # after -m has left out what it leaves out
def pytest_collection_modifyitems(session, config, items):
    config.nyf_browser_tests = any(item.get_closest_marker("browser") for item in items)


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> Path:
    """The built site for the tests that read its files. When the browser tests run too, that is
    the `built` site (one build less); otherwise the site as `make check` builds it, everything
    but the PDFs (no browser needed)."""
    if getattr(request.config, "nyf_browser_tests", False):
        return request.getfixturevalue("built").site
    return build.build(PROJECT, tmp_path_factory.mktemp("site") / "site", with_pdfs=False, log=lambda _: None).site


def site_pages(site: Path) -> list[str]:
    """URL paths of every HTML page of the built site (404 included), e.g. '/en/about/'."""
    out = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "downloads/")):
            continue
        out.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return out


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    return site_pages(site)


@pytest.fixture(scope="session")
def content_pages(pages) -> list[str]:
    return [p for p in pages if not p.endswith("404.html")]


def page_file(site: Path, url_path: str) -> Path:
    rel = url_path.lstrip("/")
    return site / rel if rel.endswith(".html") else site / rel / "index.html"


@pytest.fixture(scope="session")
def html(site, pages) -> dict[str, str]:
    """{url path: the page's HTML}, read once."""
    return {p: page_file(site, p).read_text(encoding="utf-8") for p in pages}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], ""

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())
                and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() + c.tail for c in self.children)

    tail = ""


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        if self.current.children:
            self.current.children[-1].tail += data
        else:
            self.current.text += data


def parse_html(text: str) -> Element:
    """A small DOM of a built page: server-rendered facts are read from it without a browser."""
    tree = _Tree()
    tree.feed(text)
    return tree.root


@pytest.fixture(scope="session")
def dom(html) -> dict[str, Element]:
    return {p: parse_html(text) for p, text in html.items()}


@pytest.fixture(scope="session")
def base_url(site):
    server = static_server.start(site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def crawl(site, base_url, pages, html):
    """The pages visited once in Chromium; see crawl.py for what is recorded, and where."""
    import crawl as crawler

    return crawler.run(base_url, crawler.plan(pages, html, LANGS))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from nyf import chromium

    with sync_playwright() as p:
        browser = chromium.launch(p)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="ko-KR")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


SMALL_PROJECT_PARTS = ("languages", "data", "overrides", "assets")


@pytest.fixture
def small_project(tmp_path) -> Project:
    """A copy of the site with a few pages (tests/fixtures/docs) and the real everything else:
    for builds that a test breaks on purpose."""
    root = tmp_path / "project"
    for part in SMALL_PROJECT_PARTS:
        shutil.copytree(ROOT / part, root / part)
    shutil.copytree(FIXTURES / "docs", root / "docs")
    # The real data, less what names pages the small copy lacks.
    (root / "data" / "pathways.yml").unlink(missing_ok=True)
    shutil.copy(FIXTURES / "data" / "changes.yml", root / "data" / "changes.yml")
    shutil.copy(ROOT / ".pymarkdown.yml", root / ".pymarkdown.yml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = (FIXTURES / "nav.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config[: config.index("\nnav:")] + "\n" + nav, encoding="utf-8")
    return Project.at(root)
