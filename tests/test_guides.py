"""School guides (docs/schools/): the QR code generator, the printed pages and their PDFs.

The PDFs are made once per session by the real command (scripts/export_pdf.py, as `make pdf`
runs it) from the session's built site, then read back with pypdf. The QR codes are read back
from the built HTML with the small decoder below, which reads the symbol itself, not the
generator's input.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import segno
import yaml
from pypdf import PdfReader

from conftest import LANG_PREFIX, LANGS, ROOT, site_config

sys.path.insert(0, str(ROOT / "scripts"))

import export_pdf  # noqa: E402
import qr  # noqa: E402

GUIDES = ("students", "teachers", "parents")
# Pages at most: the student handout is two sides of one sheet; the others stay short enough
# to photocopy for a staff meeting or a fridge.
PAGE_LIMIT = {"students": 2, "teachers": 6, "parents": 4}
# Every guide, in every language, prints these three numbers (data/hotlines.yml).
HOTLINES = ("kr-112", "kr-1366", "kr-d4u")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"


# --- a small QR decoder: enough to read back what the site prints ------------------------------
# Model 2 symbols, versions 1-10, byte/alphanumeric/numeric segments, no damage (the matrix comes
# straight from the SVG). Layout rules and tables as in ISO/IEC 18004.

_ECL_BITS = {"L": 1, "M": 0, "Q": 3, "H": 2}
_ECC_PER_BLOCK = {
    "L": (7, 10, 15, 20, 26, 18, 20, 24, 30, 18), "M": (10, 16, 26, 18, 24, 16, 18, 22, 22, 26),
    "Q": (13, 22, 18, 26, 18, 24, 18, 22, 20, 24), "H": (17, 28, 22, 16, 22, 28, 26, 26, 24, 28),
}
_BLOCKS = {
    "L": (1, 1, 1, 1, 1, 2, 2, 2, 2, 4), "M": (1, 1, 1, 2, 2, 4, 4, 4, 5, 5),
    "Q": (1, 1, 2, 2, 4, 4, 6, 6, 8, 8), "H": (1, 1, 2, 4, 4, 4, 5, 6, 8, 8),
}
_MASKS = (
    lambda x, y: (x + y) % 2 == 0, lambda x, y: y % 2 == 0, lambda x, y: x % 3 == 0,
    lambda x, y: (x + y) % 3 == 0, lambda x, y: (x // 3 + y // 2) % 2 == 0,
    lambda x, y: x * y % 2 + x * y % 3 == 0, lambda x, y: (x * y % 2 + x * y % 3) % 2 == 0,
    lambda x, y: ((x + y) % 2 + x * y % 3) % 2 == 0,
)
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def svg_matrix(svg: str) -> list[list[bool]]:
    """Dark modules of a segno SVG (a stroked path of horizontal runs), quiet zone removed."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path[^>]*stroke="[^"]+"[^>]*\bd="([^"]+)"', svg).group(1)
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for cmd, args in re.findall(r"([MmHh])([^MmHh]*)", path):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if cmd == "M":
            x, y = nums
        elif cmd == "m":
            x, y = x + nums[0], y + nums[1]
        else:
            end = nums[0] if cmd == "H" else x + nums[0]
            for col in range(int(x), int(end)):
                grid[int(y)][col] = True
            x = end
    dark = [(r, c) for r in range(size) for c in range(size) if grid[r][c]]
    top, left = min(r for r, _ in dark), min(c for _, c in dark)
    bottom, right = max(r for r, _ in dark), max(c for _, c in dark)
    return [row[left:right + 1] for row in grid[top:bottom + 1]] if bottom - top == right - left else []


def _format_bits(ecl: str, mask: int) -> int:
    data = _ECL_BITS[ecl] << 3 | mask
    rem = data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    return (data << 10 | rem) ^ 0x5412


def decode(matrix: list[list[bool]]) -> str:
    size = len(matrix)
    version = (size - 17) // 4
    assert size == version * 4 + 17 and 1 <= version <= 10, f"not a QR symbol of version 1-10 ({size} modules)"
    at = lambda x, y: matrix[y][x]  # noqa: E731  (x = column, y = row)
    # Format information, first copy (around the top-left finder).
    spots = [(8, i) for i in range(6)] + [(8, 7), (8, 8), (7, 8)] + [(14 - i, 8) for i in range(9, 15)]
    read = sum(at(x, y) << i for i, (x, y) in enumerate(spots))
    found = [(e, m) for e in _ECL_BITS for m in range(8) if _format_bits(e, m) == read]
    assert found, "format information does not read as any error level and mask"
    ecl, mask = found[0]
    # Function modules: finders with separators and format areas, timing, alignment, version.
    func = [[False] * size for _ in range(size)]

    def mark(x0, y0, w, h):
        for y in range(max(y0, 0), min(y0 + h, size)):
            for x in range(max(x0, 0), min(x0 + w, size)):
                func[y][x] = True

    mark(0, 0, 9, 9)
    mark(size - 8, 0, 8, 9)
    mark(0, size - 8, 9, 8)
    mark(6, 0, 1, size)
    mark(0, 6, size, 1)
    if version >= 2:
        count = version // 7 + 2
        step = (version * 8 + count * 3 + 5) // (count * 4 - 4) * 2
        centres = [6] + sorted(size - 7 - i * step for i in range(count - 1))
        for cx in centres:
            for cy in centres:
                if (cx, cy) not in ((6, 6), (6, size - 7), (size - 7, 6)):
                    mark(cx - 2, cy - 2, 5, 5)
    if version >= 7:
        mark(size - 11, 0, 3, 6)
        mark(0, size - 11, 6, 3)
    # Codeword bits in zigzag order, unmasked.
    bits = []
    right = size - 1
    while right >= 1:
        if right == 6:
            right = 5
        for vert in range(size):
            for j in range(2):
                x = right - j
                y = size - 1 - vert if ((right + 1) & 2) == 0 else vert
                if not func[y][x]:
                    bits.append(at(x, y) ^ _MASKS[mask](x, y))
        right -= 2
    raw = [sum(b << (7 - i) for i, b in enumerate(bits[k:k + 8])) for k in range(0, len(bits) - 7, 8)]
    # De-interleave the blocks and keep their data codewords.
    modules = (16 * version + 128) * version + 64
    if version >= 2:
        count = version // 7 + 2
        modules -= (25 * count - 10) * count - 55
        if version >= 7:
            modules -= 36
    total = modules // 8
    nblocks, ecc = _BLOCKS[ecl][version - 1], _ECC_PER_BLOCK[ecl][version - 1]
    short = nblocks - total % nblocks
    short_len = total // nblocks
    blocks = [[None] * (short_len + 1) for _ in range(nblocks)]
    k = 0
    for i in range(short_len + 1):
        for j in range(nblocks):
            if i != short_len - ecc or j >= short:
                blocks[j][i] = raw[k]
                k += 1
    data = []
    for j, block in enumerate(blocks):
        data += block[: short_len - ecc + (0 if j < short else 1)]
    # Segments.
    stream = "".join(f"{b:08b}" for b in data)
    pos, out = 0, ""

    def take(n):
        nonlocal pos
        pos += n
        return int(stream[pos - n:pos], 2) if n else 0

    while pos + 4 <= len(stream):
        mode = take(4)
        if mode == 0:
            break
        if mode == 0b0100:
            n = take(8 if version < 10 else 16)
            out += bytes(take(8) for _ in range(n)).decode("utf-8")
        elif mode == 0b0010:
            n = take(9 if version < 10 else 11)
            for _ in range(n // 2):
                v = take(11)
                out += _ALNUM[v // 45] + _ALNUM[v % 45]
            if n % 2:
                out += _ALNUM[take(6)]
        elif mode == 0b0001:
            n = take(10 if version < 10 else 12)
            for _ in range(n // 3):
                out += f"{take(10):03d}"
            if n % 3:
                out += f"{take(4 if n % 3 == 1 else 7):0{n % 3}d}"
        elif mode == 0b0111:
            take(8)  # ECI designator (one byte form)
        else:
            raise AssertionError(f"unsupported segment mode {mode:04b}")
    return out


def decode_svg(svg: str) -> str:
    matrix = svg_matrix(svg)
    assert matrix, "the SVG does not hold a square QR symbol"
    return decode(matrix)


# --- helpers ------------------------------------------------------------------------------------

def help_url(lang: str) -> str:
    url = site_config().site_url
    return (url if url.endswith("/") else url + "/") + LANG_PREFIX[lang] + "help/"


def flat(text: str) -> str:
    """Text with all whitespace removed: a PDF line break can fall inside an address."""
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=1)
def hotline_numbers() -> dict[str, list[str]]:
    """contact id -> the forms its first phone number may print in (local, international)."""
    path = ROOT / "data" / "hotlines.yml"
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: the guides print their numbers from it")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    contacts = {c.get("id"): c for c in data.get("contacts", []) if isinstance(c, dict)}
    numbers = {}
    for cid in HOTLINES:
        phones = (contacts.get(cid) or {}).get("phones") or []
        if not phones:
            pytest.fail(f"data/hotlines.yml has no phone number for {cid}")
        numbers[cid] = [phones[0][k] for k in ("number", "international") if phones[0].get(k)]
    return numbers


@lru_cache(maxsize=None)
def chrome_strings(lang: str) -> list[str]:
    """Labels of the site's screen furniture in this language: none of them may reach paper."""
    material = (MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
    labels = [re.search(rf'"{re.escape(key)}": "([^"]+)"', material).group(1)
              for key in ("search.placeholder", "action.skip", "top", "action.edit")]
    config = site_config()
    strings = dict(config.extra.get("strings", {}))
    for language in config.plugins["i18n"].config.languages:
        if language.locale == lang and lang != "ko":
            strings = dict((language.extra or {}).get("strings", {}))
    labels += [strings[k] for k in ("exit_label", "help_panel_title", "help_panel_more", "download_pdf")]
    return labels


def page_html(site: Path, guide: str, lang: str) -> str:
    return (site / export_pdf.guide_path(guide, lang) / "index.html").read_text(encoding="utf-8")


# --- the PDFs, once per session ----------------------------------------------------------------

@pytest.fixture(scope="session")
def pdf_dir(site) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "export_pdf.py"), "--site", str(site)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"export_pdf.py failed:\n{result.stdout}\n{result.stderr[-4000:]}"
    return site / "downloads"


@lru_cache(maxsize=None)
def _read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [p.extract_text() or "" for p in reader.pages]


@pytest.fixture(params=[(g, lang) for g in GUIDES for lang in LANGS], ids=lambda p: f"{p[0]}-{p[1]}")
def guide_pdf(request, pdf_dir):
    guide, lang = request.param
    path = pdf_dir / export_pdf.pdf_name(guide, lang)
    assert path.is_file(), f"{path.name} was not written"
    reader, texts = _read(path)
    return guide, lang, reader, texts


def test_pdf_pages_fit_and_none_is_blank(guide_pdf):
    guide, lang, reader, texts = guide_pdf
    assert 1 <= len(reader.pages) <= PAGE_LIMIT[guide], f"{guide}-{lang}.pdf has {len(reader.pages)} pages (limit {PAGE_LIMIT[guide]})"
    for number, (page, text) in enumerate(zip(reader.pages, texts), 1):
        w, h = (float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height))
        assert abs(w - 210) < 1 and abs(h - 297) < 1, f"{guide}-{lang}.pdf page {number} is not A4 ({w:.0f} x {h:.0f} mm)"
        # A page holding only a stray line (the review date, say) is as good as blank.
        assert len(flat(text)) >= 80, f"{guide}-{lang}.pdf page {number} of {len(texts)} is (nearly) blank: {text!r}"


def test_pdf_prints_the_hotline_numbers(guide_pdf):
    guide, lang, _, texts = guide_pdf
    text = squeeze(" ".join(texts))
    for cid, forms in hotline_numbers().items():
        found = [f for f in forms if re.search(rf"(?<![\d+-]){re.escape(f)}(?![\d-])", text)]
        assert found, f"{guide}-{lang}.pdf does not print {cid} ({' or '.join(forms)} from data/hotlines.yml)"


def test_pdf_has_no_site_chrome(guide_pdf):
    guide, lang, _, texts = guide_pdf
    text = squeeze(" ".join(texts))
    for label in chrome_strings(lang):
        assert not re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text), f"{guide}-{lang}.pdf prints site chrome: {label!r}"


def test_pdf_prints_the_help_address_and_its_title(guide_pdf, site):
    guide, lang, reader, texts = guide_pdf
    assert help_url(lang) in flat(" ".join(texts)), f"{guide}-{lang}.pdf does not print {help_url(lang)} under its QR code"
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page_html(site, guide, lang), re.S)
    assert reader.metadata.title == html.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()


def _embedded(font) -> bool:
    """A font travels with the file: a font program (FontFile*), or glyph outlines (Type 3)."""
    if font.get("/Subtype") == "/Type3":
        return bool(font.get("/CharProcs"))
    descendants = font.get("/DescendantFonts")
    descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_pdf_embeds_its_fonts_and_korean_is_extractable(guide_pdf):
    guide, lang, reader, texts = guide_pdf
    fonts = {}
    for number, page in enumerate(reader.pages, 1):
        for name, ref in (page["/Resources"].get("/Font") or {}).items():
            font = ref.get_object()
            fonts[f"page {number} {name} {font.get('/BaseFont') or font.get('/Subtype')}"] = _embedded(font)
    assert fonts, f"{guide}-{lang}.pdf uses no fonts at all"
    assert all(fonts.values()), f"{guide}-{lang}.pdf does not embed: {[f for f, ok in fonts.items() if not ok]}"
    hangul = len(HANGUL.findall(" ".join(texts)))
    if lang == "ko":
        assert hangul > 300, f"{guide}-ko.pdf: Hangul is not extractable ({hangul} syllables found)"
        title = reader.metadata.title
        assert HANGUL.search(title) and title in squeeze(" ".join(texts)), "the Korean title is not in the text"


def test_export_fails_loudly_on_a_missing_guide(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (tmp_path / "schools" / "students").mkdir(parents=True)
    (tmp_path / "schools" / "students" / "index.html").write_text("<!doctype html>", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "export_pdf.py"), "--site", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "teachers (ko)" in result.stderr and "students (en)" in result.stderr, result.stderr
    assert not (tmp_path / "downloads").exists(), "a failed export left files behind"


def test_export_refuses_a_folder_without_a_site(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "export_pdf.py"), "--site", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "no built site" in result.stderr


# --- the built pages --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("guide", GUIDES)
def test_guide_page_has_a_qr_code_for_the_help_page(site, guide, lang):
    page = page_html(site, guide, lang)
    figures = re.findall(r'<figure class="nyf-qr">(.*?)</figure>', page, re.S)
    assert len(figures) == 1, f"{guide} ({lang}) should have one QR code, has {len(figures)}"
    svg = re.search(r"<svg.*?</svg>", figures[0], re.S).group(0)
    assert decode_svg(svg) == help_url(lang)
    caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figures[0], re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", caption)) == help_url(lang)
    assert "<img" not in figures[0] and "src=" not in figures[0], "the QR code must be inline, not a file or a request"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("guide", GUIDES)
def test_guide_page_links_to_its_pdf(site, pdf_dir, guide, lang):
    path = export_pdf.guide_path(guide, lang)
    hrefs = re.findall(r'<p class="nyf-guide-tools nyf-no-print"><a href="([^"]+\.pdf)"', page_html(site, guide, lang))
    assert len(hrefs) == 1, f"{guide} ({lang}) has no PDF link at the top"
    target = urlsplit(urljoin(f"http://x/{path}", hrefs[0])).path
    assert target == f"/downloads/{guide}-{lang}.pdf"
    assert (site / target.lstrip("/")).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_schools_page_links_to_every_guide_and_pdf(site, pdf_dir, lang):
    path = f"{LANG_PREFIX[lang]}schools/"
    page = (site / path / "index.html").read_text(encoding="utf-8")
    targets = {urlsplit(urljoin(f"http://x/{path}", h)).path for h in re.findall(r'href="([^"#]+)"', page)}
    for guide in GUIDES:
        assert f"/{path}{guide}/" in targets, f"/{path} does not link to the {guide} page"
        for pdf_lang in LANGS:
            pdf = f"/downloads/{guide}-{pdf_lang}.pdf"
            assert pdf in targets, f"/{path} does not link to {pdf}"
            assert (site / pdf.lstrip("/")).is_file()


# --- printing from the browser -----------------------------------------------------------------

HIDDEN_IN_PRINT = (".nyf-exit", ".nyf-exit-bar", ".nyf-help-panel", ".nyf-guide-tools", ".md-header",
                   ".md-sidebar", ".md-footer", ".md-search", ".md-top", ".md-skip", ".md-content__button")
_shown = """s => [...document.querySelectorAll(s)]
    .some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)"""


@pytest.mark.parametrize("lang", LANGS)
def test_printing_a_guide_hides_quick_exit_and_help_panel(page, base_url, lang):
    page.goto(base_url + "/" + export_pdf.guide_path("students", lang), wait_until="networkidle")
    for selector in (".nyf-exit", ".nyf-help-panel", ".nyf-guide-tools"):
        assert page.evaluate(_shown, selector), f"{selector} should be on screen (else this test proves nothing)"
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not page.evaluate(_shown, selector), f"{selector} is printed"
    assert page.evaluate(_shown, ".nyf-qr") and page.evaluate(_shown, ".nyf-sign-off")


def test_print_is_black_on_white_in_dark_mode(browser, base_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(base_url + "/en/schools/parents/", wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.emulate_media(media="print", color_scheme="dark")
        colours = page.evaluate("""() => {
            const c = s => getComputedStyle(document.querySelector(s));
            return {text: c('.md-typeset p').color, link: c('.md-typeset a:not([href^="tel:"])').color,
                    body: c('body').backgroundColor, table: c('.md-typeset table').borderTopColor};
        }""")
    finally:
        context.close()
    for part in ("text", "link", "table"):
        r, g, b = (int(v) for v in re.findall(r"\d+", colours[part])[:3])
        assert max(r, g, b) < 90, f"{part} prints in a pale (dark-mode) colour: {colours[part]}"
    assert colours["body"] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), colours["body"]


def test_korean_guide_prints_with_keep_all(page, base_url):
    page.goto(base_url + "/schools/teachers/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).wordBreak") == "keep-all"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset td')).wordBreak") == "keep-all"


def test_print_keeps_tables_callouts_and_the_qr_code_whole(page, base_url):
    page.goto(base_url + "/en/schools/teachers/", wait_until="networkidle")
    page.emulate_media(media="print")
    values = page.evaluate("""() => ['table', '.admonition', '.nyf-qr', '.footnote'].map(s =>
        getComputedStyle(document.querySelector('.md-typeset ' + s)).breakInside)""")
    assert values == ["avoid"] * 4, values


# --- scripts/qr.py ------------------------------------------------------------------------------

@pytest.fixture
def site_url():
    qr.set_site_url("https://example.org/nyf")
    yield
    qr.set_site_url(site_config().site_url)


def test_qr_target_urls(site_url):
    assert qr.target_url("help", "ko") == "https://example.org/nyf/help/"
    assert qr.target_url("help", "en") == "https://example.org/nyf/en/help/"
    assert qr.target_url("help", "id") == "https://example.org/nyf/id/help/"
    with pytest.raises(KeyError, match="unknown QR target 'nope'.*help"):
        qr.target_url("nope", "ko")
    with pytest.raises(KeyError):
        qr.target_url("help", "fr")


def test_qr_shortcode_encodes_the_address_and_prints_it(site_url):
    for lang in LANGS:
        out = qr.qr_shortcode("help", lang)
        url = qr.target_url("help", lang)
        assert out.startswith("\n<figure") and out.endswith("</figure>\n"), "must be a raw HTML block of its own"
        svg = re.search(r"<svg.*?</svg>", out, re.S).group(0)
        assert decode_svg(svg) == url
        assert 'role="img"' in svg and f'aria-label="{qr.LABELS[lang]}"' in svg
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", out).group(1)
        assert caption.replace("<wbr>", "") == url and "<wbr>" in caption
        assert "://<wbr>" not in caption and not caption.endswith("<wbr>")
        assert out == qr.qr_shortcode("help", lang), "same input, same output"


def test_qr_needs_the_site_url():
    qr.set_site_url(None)
    try:
        with pytest.raises(RuntimeError, match="site_url"):
            qr.qr_shortcode("help", "en")
    finally:
        qr.set_site_url(site_config().site_url)


@pytest.mark.parametrize("text,error", [
    ("https://notyourfault.example/help/", "m"), ("https://notyourfault.example/id/help/", "l"),
    ("HELLO WORLD 123", "q"), ("0123456789012345", "h"), ("https://example.org/" + "a" * 150, "m"),
    ("한국어 주소", "m"),
])
def test_decoder_reads_what_segno_writes(text, error):
    # The decoder above checks the site's QR codes; here it proves itself on symbols of several
    # versions, levels and modes, so a decoder bug cannot hide a bad QR code.
    symbol = segno.make(text, error=error, micro=False, boost_error=False)
    svg = symbol.svg_inline(scale=1, border=4, omitsize=True)
    matrix = svg_matrix(svg)
    assert matrix == [[bool(v) for v in row] for row in symbol.matrix]
    assert decode(matrix) == text


def test_decoder_rejects_a_different_address(site_url):
    svg = re.search(r"<svg.*?</svg>", qr.qr_shortcode("help", "en"), re.S).group(0)
    assert decode_svg(svg) != qr.target_url("help", "id")
