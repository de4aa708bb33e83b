"""Where do I start? (data/pathways.yml -> help/start/): every broken variant of the data is
refused with its file, line and field and nothing is written; on the built site every route is
reached in at most three clicks on links in the page content, the same routes in every language,
each with a phone number from data; and it works with JavaScript off."""
from __future__ import annotations

import re
import shutil
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import FIXTURES, LANGS, PROJECT, ROOT, line_of, parse_html

from nyf import languages, pathways, render
from nyf.project import Project
from nyf.yamlfile import DataError


@pytest.fixture
def project(tmp_path) -> Project:
    root = tmp_path / "p"
    for part in ("languages", "data", "assets", "docs"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("start"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(FIXTURES / "data" / "pathways.yml", root / "data" / "pathways.yml")
    return Project.at(root)


BAD = [
    # (name, old, new, needle for the line, words)
    ("a route for no situation", "    situation: me\n    when: {age: [adult]}", "    situation: mee\n    when: {age: [adult]}",
     "    situation: mee", ["routes[1].situation", "no such situation"]),
    ("two routes for one combination", "    when: {age: [adult]}", "    when: {age: [under-18]}", None,
     ["two routes for the situation me with age under-18: me-minor, me-adult"]),
    ("a combination no route covers", "    when: {age: [under-18]}", "    when: {age: [adult]}", None,
     ["no route for the situation me with age under-18", "dead end"]),
    ("an answer nobody can reach", "      - id: adult\n        text: {ko: 성인, en: Adult, id: Dewasa}\n",
     "      - id: adult\n        text: {ko: 성인, en: Adult, id: Dewasa}\n      - id: unsure\n        text: {ko: 몰라요, en: Not sure, id: Tidak tahu}\n",
     None, ["no route for the situation me with age unsure", "dead end"]),
    ("a situation with no route at all", "      - id: fan\n", "      - id: friend\n        text: {ko: 친구, en: Friend, id: Teman}\n      - id: fan\n",
     "      - id: friend", ["no route is for the situation friend", "dead end"]),
    ("an unknown step", "    steps: [d4u, police]\n", "    steps: [d4u, polise]\n", "    steps: [d4u, polise]", ["no step has this id", "polise"]),
    ("a step no route uses", "steps:\n", "steps:\n  spare:\n    title: {ko: 가, en: A, id: A}\n    text: {ko: 가, en: A, id: A}\n",
     "  spare:", ["steps.spare", "no route uses this step"]),
    ("a question that does not exist", "        then: [age]", "        then: [agee]", "        then: [agee]", ["no such question"]),
    ("a when for a question the situation does not ask", "    situation: fan\n", "    situation: fan\n    when: {age: [adult]}\n",
     "    when: {age: [adult]}\n    title: {ko: 팬", ["does not ask this question"]),
    ("a route that forgets a question", "    when: {age: [adult]}\n", "", "  - id: me-adult", ["say which answers to age"]),
    ("an answer that does not exist", "    when: {age: [adult]}", "    when: {age: [grown-up]}", "    when: {age: [grown-up]}",
     ["age has no such answer", "grown-up"]),
    ("two routes with one id", "  - id: me-adult\n", "  - id: me-minor\n", "  - id: me-minor\n    situation: me\n    when: {age: [adult]}",
     ["two routes have the id me-minor"]),
    ("a route named like a situation", "  - id: fan-all\n", "  - id: fan\n", "  - id: fan\n    situation", ["must differ from every situation"]),
    ("a page that does not exist", "    more: help/if-it-happened-to-you.md", "    more: help/no-such-page.md", "    more: help/no-such-page.md",
     ["steps.d4u.more", "no page of docs/"]),
    ("a text missing a language", "    title: {ko: 경찰, en: Police, id: Polisi}", "    title: {ko: 경찰, en: Police}", "    title: {ko: 경찰, en: Police}",
     ["'id'", "Indonesian"]),
    ("a short code that does not exist", 'text: {ko: "[[tel:kr-112]]"', 'text: {ko: "[[tel:kr-1122]]"', 'text: {ko: "[[tel:kr-1122]]"',
     ["[[tel:kr-1122]] does not exist"]),
    ("a one-step route", "    steps: [police, d4u]\n  - id: fan-all", "    steps: [police]\n  - id: fan-all", "    steps: [police]",
     ["routes[1].steps", "at least 2"]),
    ("YAML syntax error", "routes:\n", "routes:\n  - id: [broken\n", None, ["not valid YAML"]),
]


@pytest.mark.parametrize("name, old, new, needle, words", BAD, ids=[b[0] for b in BAD])
def test_broken_pathways_are_refused_with_file_line_and_field_and_write_nothing(project, name, old, new, needle, words):
    path = project.data / "pathways.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer has {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    langs = languages.load(project)
    with pytest.raises(DataError) as info:
        render.refresh(project, langs, "https://example.org/")
    message = str(info.value)
    assert "data/pathways.yml:" in message, message
    if needle:
        assert f"data/pathways.yml:{line_of(text, needle)}:" in message, message
    for word in words:
        assert word in message, f"{word!r} not in {message}"
    assert not (project.docs / "help" / "start").exists(), "pages were written from broken data"


def test_good_pathways_make_a_start_page_question_pages_and_route_pages(project):
    render.refresh(project, languages.load(project), "https://example.org/")
    made = sorted(p.relative_to(project.docs).as_posix() for p in (project.docs / "help" / "start").rglob("*.md"))
    for lang in LANGS:
        for page in ("index", "me/index", "me-minor", "me-adult", "fan-all"):
            assert f"help/start/{page}.{lang.code}.md" in made
    start = (project.docs / "help" / "start" / "index.en.md").read_text(encoding="utf-8")
    assert "[An image of me](me/index.md)" in start and "[Fan](fan-all.md)" in start
    assert pathways.MARK in start


def test_pages_no_longer_made_are_removed(project):
    render.refresh(project, languages.load(project), "https://example.org/")
    path = project.data / "pathways.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: fan-all\n", "  - id: fan-route\n"), encoding="utf-8")
    render.refresh(project, languages.load(project), "https://example.org/")
    assert not list((project.docs / "help" / "start").glob("fan-all.*.md"))
    assert len(list((project.docs / "help" / "start").glob("fan-route.*.md"))) == len(LANGS)


# --- the real pages ---------------------------------------------------------------------------------

REAL = pathways.load(PROJECT, LANGS)


def content_links(dom, path: str) -> list[str]:
    article = dom.find("article")
    return [urlsplit(urljoin(path, a.attrs["href"])).path for a in article.find_all("a")
            if a.attrs.get("href") and not a.attrs["href"].startswith(("http", "tel:", "mailto:", "#"))]


def test_every_route_is_reached_in_at_most_three_clicks_in_every_language(dom):
    reached_by_lang = {}
    for lang in LANGS:
        start = f"/{lang.root}help/start/"
        seen, frontier, reached = {start}, [start], {}
        for click in range(1, 4):
            nxt = []
            for path in frontier:
                for link in content_links(dom[path], path):
                    if link.startswith(start) and link not in seen and link in dom:
                        seen.add(link)
                        nxt.append(link)
                        reached.setdefault(link, click)
            frontier = nxt
        routes = {f"{start}{route.id}/" for route in REAL.routes}
        missing = routes - set(reached)
        assert not missing, f"{lang.code}: not reached in three clicks: {sorted(missing)}"
        reached_by_lang[lang.code] = {p[len(start):] for p in routes}
    assert len({frozenset(v) for v in reached_by_lang.values()}) == 1, "the same routes in every language"


def test_every_route_has_a_phone_number_from_data_and_the_start_page_explains_the_quick_exit(dom):
    for lang in LANGS:
        start = dom[f"/{lang.root}help/start/"]
        assert start.find("p", cls="nyf-start-exit") is not None
        for route in REAL.routes:
            page = dom[f"/{lang.root}help/start/{route.id}/"]
            tels = [a for a in page.find("article").find_all("a") if (a.attrs.get("href") or "").startswith("tel:")]
            assert tels, f"{lang.code} {route.id}: no phone number"


def test_the_start_page_is_linked_from_the_help_panel_and_the_home_page(content_pages, dom):
    for lang in LANGS:
        home = dom[f"/{lang.root}"]
        assert f"/{lang.root}help/start/" in content_links(home, f"/{lang.root}"), f"{lang.code}: the home page does not link it"
    for path in content_pages:
        if "/help/start/" in path:
            continue
        panel = dom[path].find("section", cls="nyf-help-panel")
        lang = LANGS.of_url(path)
        start = panel.find("a", cls="nyf-help-panel__start")
        assert start is not None and urlsplit(urljoin(path, start.attrs["href"])).path == f"/{lang.root}help/start/", path


def test_routes_print_on_at_most_two_a4_pages(crawl):
    for path, record in crawl.items():
        if "/help/start/" in path and record.get("pdf_pages") is not None:
            assert len(record["pdf_pages"]) <= 2, f"{path} prints on {len(record['pdf_pages'])} pages"


@pytest.mark.browser
def test_the_start_page_and_a_route_work_with_javascript_off(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for lang in LANGS:
            page.goto(f"{base_url}/{lang.root}help/start/", wait_until="load")
            clicks = 0
            while urlsplit(page.url).path.rstrip("/").split("/")[-1] in ("start", *REAL.data["questions"]) or \
                    page.locator(".nyf-answers a").count():
                with page.expect_navigation(wait_until="load"):
                    page.locator(".nyf-answers a").first.click()
                clicks += 1
                assert clicks <= 3
            assert page.locator("article h2").count() >= 2 and page.locator("article a[href^='tel:']").count() >= 1
            page.go_back()
            assert "/help/start/" in page.url, "Back returns to the question"
    finally:
        context.close()
