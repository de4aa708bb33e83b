"""What schools and reusers take away: the open data (exactly the figures and contacts of the YAML),
the "What changed" page and its Atom feeds, the classroom kit (every piece of every level in each
language's ZIP, each within its page budget), and slides that step with the keyboard."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import LANGS, PROJECT, parse_html

from nyf import changes, hotlines, kit, pdf, statistics

ATOM = "{http://www.w3.org/2005/Atom}"
LEVELS = ("primary", "lower-secondary", "upper-secondary")
PIECES = ("lesson", "slides", "worksheet", "scenarios", "exit-ticket", "parent-letter")
BUDGETS = {"lesson": 3, "slides": 6, "worksheet": 2, "scenarios": 2, "exit-ticket": 1, "parent-letter": 1}


def read_csv(raw: bytes) -> list[dict]:
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, so that Excel reads Hangul"
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))


# --- open data ----------------------------------------------------------------------------------------

def test_the_statistics_as_json_and_csv_hold_exactly_the_figures_of_the_yaml(site):
    stats = statistics.load(PROJECT, LANGS)
    points = [(t.id, p) for t in stats.tables for p in t.rows + t.figures]
    rows = read_csv((site / "data" / "statistics.csv").read_bytes())
    assert len(rows) == len(points)
    for row, (table, point) in zip(rows, points):
        assert row["table"] == table and row["figure"] == (point.id or "")
        assert float(row["value"]) == point.value and "," not in row["value"] and "%" not in row["value"]
        assert row["unit"] == point.unit and row["sources"].split() == point.sources
        assert all(stats.sources[k].url in row["source_urls"] for k in point.sources)
        if point.label:
            assert all(row[f"label_{lang.code}"] == lang.text(point.label) for lang in LANGS)
    document = json.loads((site / "data" / "statistics.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in document["licence"]
    assert sum(len(t["figures"]) for t in document["tables"]) == len(points)
    assert set(document["sources"]) == set(stats.sources)
    assert json.loads((site / "data" / "statistics.schema.json").read_text()) == json.loads((PROJECT.data / "statistics.schema.json").read_text())


def test_the_contacts_as_json_and_csv_hold_exactly_the_contacts_of_the_yaml(site):
    directory = hotlines.load(PROJECT, LANGS)
    rows = read_csv((site / "data" / "hotlines.csv").read_bytes())
    assert {r["id"] for r in rows} == set(directory.contacts)
    for cid, contact in directory.contacts.items():
        mine = [r for r in rows if r["id"] == cid]
        numbers = {r["value"] for r in mine if r["kind"] == "phone"}
        assert numbers == {p["number"] for p in contact.get("phones", [])}, cid
        assert all(r["verified"] == contact["verified"] and r[f"name_{lang.code}"] == lang.text(contact["name"])
                   for r in mine for lang in LANGS)
    document = json.loads((site / "data" / "hotlines.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in document["contacts"]] == list(directory.contacts)


def test_the_statistics_and_help_pages_link_the_open_data_and_its_licence(dom):
    for lang in LANGS:
        for page in ("statistics/", "help/"):
            links = [a.attrs["href"] for a in dom[f"/{lang.root}{page}"].find("article").find_all("a") if a.attrs.get("href")]
            assert any(link.endswith("open-data/") for link in links), (lang.code, page)
        data_page = dom[f"/{lang.root}open-data/"]
        hrefs = [a.attrs["href"] for a in data_page.find_all("a") if a.attrs.get("href")]
        assert any("creativecommons.org/licenses/by/4.0" in h for h in hrefs)
        assert {h.rsplit("/", 1)[1] for h in hrefs if "/data/" in h} >= {"statistics.csv", "statistics.json", "hotlines.csv", "hotlines.json"}


# --- what changed -------------------------------------------------------------------------------------

def test_what_changed_is_a_page_and_a_valid_atom_feed_in_each_language(site, dom):
    history = changes.load(PROJECT, LANGS)
    for lang in LANGS:
        page = dom[f"/{lang.root}changes/"]
        assert [h.attrs["id"] for h in page.find("article").find_all("h2")] == [f"change-{c.anchor}" for c in history]
        feed = ET.fromstring((site / lang.root / "changes" / "feed.xml").read_bytes())
        assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang.code
        for required in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{required}") is not None, required
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", feed.find(f"{ATOM}updated").text)
        self_link = [l for l in feed.findall(f"{ATOM}link") if l.get("rel") == "self"]
        assert self_link and self_link[0].get("href").endswith(f"/{lang.root}changes/feed.xml")
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == len(history) and len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)
        for entry, change in zip(entries, history):
            assert entry.find(f"{ATOM}title").text == lang.text(change.title)
            assert entry.find(f"{ATOM}updated").text == f"{change.date.isoformat()}T00:00:00Z"


# --- the classroom kit --------------------------------------------------------------------------------

KIT = [item for item in pdf.prints(PROJECT, LANGS) if item.kit]


def test_the_kit_has_every_piece_for_every_level_in_every_language():
    names = {item.name for item in KIT}
    for lang in LANGS:
        for level in LEVELS:
            for piece in PIECES:
                assert f"kit-{level}-{piece}-{lang.code}" in names, f"{lang.code}: {level} {piece} is missing"
        assert f"kit-briefing-korea-{lang.code}" in names and f"kit-briefing-indonesia-{lang.code}" in names
    for item in KIT:
        level, piece = next(((lv, item.name[len(f"kit-{lv}-"):-len(item.lang.code) - 1]) for lv in LEVELS
                             if item.name.startswith(f"kit-{lv}-")), (None, None))
        if piece in BUDGETS:
            assert item.budget == BUDGETS[piece], f"{item.name}: budget {item.budget}, the kit's rule is {BUDGETS[piece]}"


@pytest.mark.browser
def test_each_languages_zip_holds_its_whole_kit(built):
    for lang in LANGS:
        path = built.site / "downloads" / kit.name(lang.code)
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            assert "README.txt" in names
            for item in (i for i in KIT if i.lang.code == lang.code):
                inside = f"{item.kit}/{item.name}.pdf"
                assert inside in names, f"{path.name} lacks {inside}"
                assert archive.read(inside) == (built.site / "downloads" / f"{item.name}.pdf").read_bytes()
            assert archive.testzip() is None


def test_the_kit_page_links_every_piece_and_its_zip(dom):
    for lang in LANGS:
        page = dom[f"/{lang.root}schools/kit/"]
        hrefs = {a.attrs["href"] for a in page.find("article").find_all("a") if a.attrs.get("href")}
        assert any(h.endswith(kit.name(lang.code)) for h in hrefs)
        for level in LEVELS:
            for piece in PIECES:
                assert any(h.rstrip("/").endswith(f"{level}/{piece}") for h in hrefs), (lang.code, level, piece)


def test_every_printed_guide_and_kit_piece_carries_a_qr_code_to_what_changed(dom):
    """A teacher holding an old printout can tell: every PDF (guides, kit pieces, slides, where
    it comes after the deck) has a QR code to "What changed" in its language."""
    for item in pdf.prints(PROJECT, LANGS):
        captions = [f.find("figcaption").all_text() for f in dom["/" + item.path].find_all("figure", cls="nyf-qr")]
        assert any(c.endswith(f"/{item.lang.root}changes/") for c in captions), item.name
    for item in KIT:
        if "-slides-" in item.name:
            deck = dom["/" + item.path].find("div", cls="nyf-slides")
            assert not deck.find_all("figure", cls="nyf-qr"), f"{item.name}: the QR code is not on a slide"


def test_no_slide_shows_an_image(dom):
    for item in KIT:
        if "-slides-" in item.name:
            deck = dom["/" + item.path].find("div", cls="nyf-slides")
            slides = deck.find_all("section", cls="nyf-slide")
            assert 8 <= len(slides) <= 13, f"{item.name}: {len(slides)} slides"
            assert not deck.find_all("img") and not deck.find_all("video") and not deck.find_all("iframe"), item.name


@pytest.mark.browser
def test_slides_step_with_the_keyboard_and_print_as_handouts_without_chrome(page, base_url):
    deck = next(i for i in KIT if "-slides-" in i.name and i.lang.code == "en")
    page.goto(f"{base_url}/{deck.path}", wait_until="load")
    shown = "() => [...document.querySelectorAll('.nyf-slide')].map(s => !s.hidden)"
    total = page.locator(".nyf-slide").count()
    assert page.evaluate(shown) == [True] + [False] * (total - 1)
    page.keyboard.press("ArrowRight")
    assert page.evaluate(shown)[1] and page.url.endswith("#slide-2")
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(shown)[1]
    page.keyboard.press("End")
    assert page.evaluate(shown)[-1] and page.locator("[data-nyf-slides-next]").is_disabled()
    page.keyboard.press("Home")
    assert page.evaluate(shown)[0]
    assert "1" in page.locator(".nyf-slides__where").inner_text()
    page.reload(wait_until="load")
    page.goto(f"{base_url}/{deck.path}#slide-3", wait_until="load")
    assert page.evaluate(shown)[2], "the address keeps the slide"
    page.emulate_media(media="print")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    visible = page.evaluate("""() => [...document.querySelectorAll('.nyf-slide')].filter(s => getComputedStyle(s).display !== 'none').length""")
    assert visible == total, "on paper every slide"
    for selector in (".md-header", ".md-sidebar--primary", ".nyf-exit-bar", ".nyf-slides__controls", ".nyf-help-panel"):
        assert page.evaluate(f"[...document.querySelectorAll('{selector}')].every(e => getComputedStyle(e).display === 'none')"), selector
