"""What schools print: every PDF `make build` makes (A4, within its page budget, no blank page, the
hotline numbers from data, no site chrome, fonts embedded, Hangul extractable, its version, the
preview mark while the site has no address), and the guide pages as a printer sees them."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import LANGS, PROJECT, parse_html
from pypdf import PdfReader

from nyf import build, hotlines, pdf
from nyf.material import TEMPLATES as MATERIAL_TEMPLATES

pytestmark = pytest.mark.browser

PRINTS = pdf.prints(PROJECT, LANGS)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# The three guides print these numbers (data/hotlines.yml), whatever their language; every other
# printout (the kit's pieces) at least one number from data: a sheet always says where to call.
GUIDES = ("students", "teachers", "parents")
EVERYWHERE = ("kr-112", "kr-1366")


def flat(text: str) -> str:
    """Text without whitespace: a line break in a PDF can fall inside an address."""
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=None)
def read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [page.extract_text() or "" for page in reader.pages]


@pytest.fixture(params=PRINTS, ids=[item.name for item in PRINTS])
def printed(request, built):
    item = request.param
    path = built.site / pdf.DOWNLOADS / f"{item.name}.pdf"
    assert path.is_file(), f"{path.name} was not made"
    return (item, *read(path))


def chrome_strings(lang) -> list[str]:
    """The site's screen furniture in this language: none of it may reach paper."""
    material = (MATERIAL_TEMPLATES / "partials" / "languages" / f"{lang.material_language}.html").read_text(encoding="utf-8")
    labels = [re.search(rf'"{re.escape(key)}": "([^"]+)"', material).group(1) for key in ("search.placeholder", "action.skip", "top", "action.edit")]
    return labels + [lang.s(k) for k in ("exit_label", "help_panel_title", "help_panel_more", "download_pdf", "safety_link")]


def test_a4_within_its_page_budget_and_no_blank_page(printed):
    item, reader, texts = printed
    assert item.budget, f"{item.name}: give the page a pdf_pages: budget in its front matter"
    assert 1 <= len(reader.pages) <= item.budget, f"{item.name}.pdf has {len(reader.pages)} pages (budget {item.budget})"
    for number, (page, text) in enumerate(zip(reader.pages, texts), 1):
        w, h = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
        assert abs(w - 210) < 1 and abs(h - 297) < 1, f"{item.name}.pdf page {number} is not A4"
        assert len(flat(text)) >= 120, f"{item.name}.pdf page {number} is (nearly) blank: {text!r}"


def test_it_prints_the_hotline_numbers_from_data(printed):
    item, _, texts = printed
    directory = hotlines.load(PROJECT, LANGS)
    text = re.sub(r"\s+", " ", " ".join(texts))

    def prints(cid: str) -> bool:
        phone = directory.contacts[cid]["phones"][0]
        forms = [phone[k] for k in ("number", "international") if phone.get(k)]
        return any(re.search(rf"(?<![\d+-]){re.escape(f)}(?![\d-])", text) for f in forms)

    if item.name.rsplit("-", 1)[0] in GUIDES:
        for cid in EVERYWHERE:
            assert prints(cid), f"{item.name}.pdf lacks {cid}"
    else:
        assert any(prints(cid) for cid, c in directory.contacts.items() if c.get("phones")), f"{item.name}.pdf prints no help number"


def test_no_site_chrome_on_paper(printed):
    item, _, texts = printed
    body = " ".join(texts)
    body = body[: body.rfind(item.lang.s("pdf_version", version=""))]  # the version line is ours
    for label in chrome_strings(item.lang):
        assert not re.search(rf"(?<!\w){re.escape(label)}(?!\w)", body), f"{item.name}.pdf prints {label!r}"


def test_fonts_travel_with_the_file_and_korean_is_extractable(printed):
    item, reader, texts = printed
    for number, page in enumerate(reader.pages, 1):
        for name, ref in (page["/Resources"].get("/Font") or {}).items():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type3":
                assert font.get("/CharProcs"), (item.name, number, name)
                continue
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor").get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (item.name, number, name)
    if item.lang.code == "ko":
        # The Hangul of the page comes out of the PDF as text (not as shapes): most of it, as the
        # download line and the help panel are not printed.
        rel = item.path[len(item.lang.root):].rstrip("/")
        source = next(p for p in (PROJECT.docs / f"{rel}.ko.md", PROJECT.docs / rel / "index.ko.md") if p.exists())
        written = len(HANGUL.findall(source.read_text(encoding="utf-8")))
        assert len(HANGUL.findall(" ".join(texts))) >= 0.6 * written and HANGUL.search(reader.metadata.title)


def test_title_language_version_and_the_preview_mark(printed, built):
    item, reader, texts = printed
    page = parse_html((built.site / item.path / "index.html").read_text(encoding="utf-8"))
    assert reader.metadata.title == page.find("h1").all_text().strip()
    assert str(reader.trailer["/Root"]["/Lang"]) == item.lang.code
    version = build.version(PROJECT)
    assert reader.metadata["/CreationDate"] == version.date.strftime("D:%Y%m%d%H%M%S+00'00'")
    for text in texts:  # on every page: its version, and that it is a preview
        assert flat(item.lang.s("pdf_version", version=version.text)) in flat(text)
        assert flat(item.lang.s("pdf_preview_mark")) in flat(text), "the site has no real address yet"


@pytest.mark.browser
def test_the_version_prints_letter_by_letter(built, tmp_path):
    """A short commit can hold "ff", "fi" or "fl"; printed as a ligature it no longer reads or
    copies as the commit."""
    import dataclasses
    import io

    from nyf import chromium

    item = next(i for i in pdf.prints(PROJECT, LANGS) if i.name == "students-en")
    version = dataclasses.replace(build.version(PROJECT), commit="ff1fiafl")

    def one() -> bytes:
        with pdf.Printer(built.site, tmp_path, preview=True, version=version, site_url=built.site_url,
                         log=lambda _: None) as printer:
            return printer.render(item)
    text = PdfReader(io.BytesIO(chromium.off_the_event_loop(one))).pages[0].extract_text()
    assert "ff1fiafl" in text, text[-80:]


def test_links_in_a_pdf_lead_to_the_sites_own_address(printed):
    item, reader, _ = printed
    uris = [a.get_object()["/A"].get("/URI") for p in reader.pages for a in (p.get("/Annots") or [])
            if a.get_object().get("/A") and a.get_object()["/A"].get("/URI")]
    assert uris and not [u for u in uris if u.startswith("http://127.")], "printed links must not point at the print server"


def test_a_guide_page_links_to_its_pdf_and_prints_a_qr_code_for_help(built):
    for item in PRINTS:
        page_path = "/" + item.path
        dom = parse_html((built.site / item.path / "index.html").read_text(encoding="utf-8"))
        links = [a.attrs["href"] for a in dom.find_all("a") if (a.attrs.get("href") or "").endswith(f"{item.name}.pdf")]
        assert links and urlsplit(urljoin(page_path, links[0])).path == f"/downloads/{item.name}.pdf", item.name
        figure = dom.find("figure", cls="nyf-qr")
        if item.name.split("-")[0] in ("students", "teachers", "parents"):
            assert figure is not None, f"{item.name}: a printed guide carries a QR code to the help page"
            caption = figure.find("figcaption").all_text()
            assert caption == f"https://notyourfault.example/{item.lang.root}help/"


def test_the_schools_page_links_every_guide_in_every_language(built):
    for lang in LANGS:
        page = f"/{lang.root}schools/"
        dom = parse_html((built.site / lang.root / "schools" / "index.html").read_text(encoding="utf-8"))
        targets = {urlsplit(urljoin(page, a.attrs["href"])).path for a in dom.find_all("a") if a.attrs.get("href")}
        for guide in ("students", "teachers", "parents"):
            assert f"/{lang.root}schools/{guide}/" in targets
            for other in LANGS:
                assert f"/downloads/{guide}-{other.code}.pdf" in targets, (lang.code, guide, other.code)


# --- printing from a browser ------------------------------------------------------------------------

HIDDEN_IN_PRINT = (".nyf-exit", ".nyf-exit-bar", ".nyf-help-panel", ".nyf-guide-tools", ".md-header",
                   ".md-sidebar", ".md-footer", ".md-search", ".md-top", ".md-skip", ".md-content__button")
SHOWN = """s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)"""


@pytest.mark.parametrize("lang", LANGS.codes)
def test_printing_a_guide_hides_the_quick_exit_and_the_panel_but_not_the_qr_code(page, base_url, lang):
    page.goto(f"{base_url}/{LANGS[lang].root}schools/students/", wait_until="load")
    for selector in (".nyf-exit", ".nyf-help-panel", ".nyf-guide-tools"):
        assert page.evaluate(SHOWN, selector), f"{selector} should be on screen (or this test proves nothing)"
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not page.evaluate(SHOWN, selector), f"{selector} is printed"
    assert page.evaluate(SHOWN, ".nyf-qr")


def test_print_is_black_on_white_in_dark_mode(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(base_url + "/en/schools/parents/", wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.emulate_media(media="print", color_scheme="dark")
        colours = page.evaluate("""() => {
            const c = s => getComputedStyle(document.querySelector(s));
            return {text: c('.md-typeset p').color, link: c('.md-typeset a:not([href^="tel:"])').color,
                    body: c('body').backgroundColor};
        }""")
    finally:
        context.close()
    for part in ("text", "link"):
        r, g, b = (int(v) for v in re.findall(r"\d+", colours[part])[:3])
        assert max(r, g, b) < 90, f"{part} prints in a pale (dark-mode) colour: {colours[part]}"
    assert colours["body"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")


def test_korean_prints_with_whole_words_and_tables_and_callouts_stay_whole(page, base_url):
    page.goto(base_url + "/schools/teachers/", wait_until="load")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).wordBreak") == "keep-all"
    page.goto(base_url + "/en/schools/teachers/", wait_until="load")
    page.emulate_media(media="print")
    values = page.evaluate("""() => ['table', '.admonition', '.nyf-qr'].map(s =>
        getComputedStyle(document.querySelector('.md-typeset ' + s)).breakInside)""")
    assert values == ["avoid"] * 3, values
