"""What render.py makes from data/: numbers in each language's format, tables and charts that are
well formed, a directory that lists every contact, short codes with the hints a reader needs, QR
codes that encode the page's address. Read from the fixture data, in-process."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
import segno
from conftest import LANGS
from test_data import change, data  # noqa: F401  (the fixture)

from nyf import formats, render

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def out(data):  # noqa: F811
    return render.render(data, LANGS, "https://example.org/nyf/")


def codes(out, code):
    return json.loads(out[f"codes/{code}.json"])


def test_numbers_and_dates_in_each_languages_format():
    assert [formats.number(1202, l) for l in ("ko", "en", "id")] == ["1,202", "1,202", "1.202"]
    assert [formats.percent(73.6, l) for l in ("ko", "en", "id")] == ["73.6%", "73.6%", "73,6%"]
    assert formats.percent(80, "ko", 0) == "80%"
    assert formats.source_date("2024-09-26", "ko") == "2024년 9월 26일"
    assert formats.source_date("2024-09-26", "id") == "26 September 2024"
    assert formats.source_date("2024-08", "en") == "August 2024"
    import datetime as dt
    assert formats.period(dt.date(2024, 1, 1), dt.date(2024, 7, 31), "en").replace("\u2009", " ") == "January – July 2024"
    assert formats.period(dt.date(2021, 1, 1), dt.date(2023, 12, 31), "ko").startswith("2021")


def test_figures_in_each_language(out):
    assert [codes(out, l)["stat:police-cases-2024"] for l in ("ko", "en", "id")] == ["1,202", "1,202", "1.202"]
    assert codes(out, "id")["stat:teen-share-2024"] == "59,8%"


def test_a_table_is_one_well_formed_html_block_with_chart_caption_and_sources(out):
    for lang in LANGS:
        text = out[f"snippets/stats/police-cases.{lang.code}.md"]
        assert "\n\n" not in text.strip(), "an empty line would end the HTML block early"
        root = ET.fromstring(text)
        figure = root.find("figure")
        svg = figure.find(f"{SVG}svg")
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        # The role sits on the SVG: a <figure> may not be an image (the HTML checker says so).
        assert svg.get("role") == "img" and svg.get("aria-labelledby") == title.get("id") and figure.get("role") is None
        assert svg.get("aria-describedby") == desc.get("id") and desc.text.count(":") >= 3
        assert re.search(r'viewBox="0 0 \d+ \d+" width="100%"', text) and "<script" not in text
        assert len(root.findall("table/tbody/tr")) == 3
        assert root.find("table/caption").text == title.text
        hrefs = sorted(a.get("href") for a in root.iter("a") if a.get("href", "").startswith("http"))
        assert hrefs == sorted(["https://m.tf.co.kr/amp/life/2136765.htm", "https://world.kbs.co.kr/news",
                                "https://imnews.imbc.com/news/2025/society/article/6686274_36719.html"])
        assert len(svg.findall(f"{SVG}circle")) == 3, "a line chart: one dot per year"
    assert ">1.202<" in out["snippets/stats/police-cases.id.md"] and "59,8%" in out["snippets/stats/police-cases.id.md"]


def test_figures_with_one_source_are_named_under_their_table(out):
    en = out["snippets/stats/police-cases.en.md"]
    assert re.search(r"Only one source is listed for: Share of teenagers \(January\W+July 2024\)\.</li>", en)
    assert "Only one source is listed for: In their 20s.</li>" in out["snippets/stats/suspects-2024.en.md"]
    assert "177" in out["snippets/stats/suspects-2024.en.md"]


def test_the_directory_lists_every_contact_with_its_details(out):
    for lang in LANGS:
        korea = out[f"snippets/hotlines/korea.{lang.code}.md"]
        for cid in ("kr-112", "kr-1366", "kr-d4u", "kr-117", "kr-kbri"):
            assert re.search(rf"^### .+ \{{#{cid}\}}$", korea, re.M), (lang.code, cid)
        assert "[02-735-8994](tel:+8227358994)" in korea and "[+82-2-735-8994](tel:+8227358994)" in korea
        assert lang.s("single_source") in korea, "kr-117 has one source"
        assert formats.date("2026-11-25", lang.locale) in korea
        assert 'rel="noreferrer"' in korea and f'<span class="nyf-sr"> ({lang.s("external")})</span>' in korea
    assert "Women's Emergency Line" in out["snippets/hotlines/korea.en.md"], "quotes stay quotes in Markdown"
    assert "국민일보" in out["snippets/hotlines/korea.ko.md"] and "Kukmin Ilbo" in out["snippets/hotlines/korea.en.md"]
    assert "\\[guide\\]" in out["snippets/hotlines/korea.en.md"], "a described (untitled) source is in brackets"


def test_every_tel_link_is_well_formed(out):
    for lang in LANGS:
        for key, value in codes(out, lang.code).items():
            for href in re.findall(r"\]\((tel:[^)]*)\)", value):
                assert re.fullmatch(r"tel:\+?[0-9]+", href), (lang.code, key, href)


def test_a_contact_says_where_it_works_and_in_which_language(out):
    ko, en, id_ = codes(out, "ko"), codes(out, "en"), codes(out, "id")
    assert ko["contact:kr-1366"] == "여성긴급전화 [1366](tel:1366)", "a Korean reader of a Korean line needs no hint"
    assert en["contact:kr-1366"] == "Women's Emergency Line [1366](tel:1366) (from a phone in Korea; in Korean)"
    # An Indonesian reader sees that the line speaks Korean, and the embassy's line beside it.
    assert id_["contact:kr-1366"].startswith("Saluran Darurat Perempuan Korea [1366](tel:1366) (dari telepon di Korea; layanan berbahasa Korea;")
    assert "KBRI Seoul [+82-10-5394-2546](tel:+821053942546))" in id_["contact:kr-1366"]
    assert id_["contact:kr-kbri"] == "KBRI Seoul [+82-10-5394-2546](tel:+821053942546)", "not beside itself"
    # The languages the line speaks, not the country's: the embassy in Seoul speaks Indonesian and Korean.
    assert en["contact:kr-kbri"].endswith("(in Indonesian and Korean)"), en["contact:kr-kbri"]
    assert "; layanan berbahasa Korea, Inggris, dan Mandarin;" in id_["contact:kr-112"], id_["contact:kr-112"]
    assert "(dari telepon di Indonesia)" in id_["contact:id-sapa-129"], "a reader of Indonesian may be in Korea"
    assert "WhatsApp [08111-129-129" in id_["contact:id-sapa-129"]
    assert ko["contact:id-uptd-ppa"] == "UPTD PPA(SAPA 129가 연결해 줘요)", "a service without a number says how to reach it"
    assert en["web:intl-stopncii"].startswith("[stopncii.org<span") and "contact:platform-x" in en
    assert "tel:intl-stopncii" not in en, "no number, no [[tel:]]"


def test_a_line_of_many_languages_is_described_by_their_number(data):  # noqa: F811
    change(data, "hotlines", "    languages: [id, ko]\n", "    languages: [ko, zh, vi, th, ru]\n")
    en = codes(render.render(data, LANGS, "https://example.org/"), "en")
    assert en["contact:kr-kbri"].endswith("(in 5 languages, not English)"), en["contact:kr-kbri"]


def test_an_entry_to_recheck_says_so(data):  # noqa: F811
    change(data, "hotlines", "    confidence: single-source\n", "    confidence: needs-recheck\n")
    out = render.render(data, LANGS, "https://example.org/")
    for lang in LANGS:
        assert lang.s("needs_recheck") in "".join(v for k, v in out.items() if k.startswith("snippets/hotlines/") and f".{lang.code}." in k)


def test_the_line_in_the_readers_language_is_named_once_a_page(out):
    from nyf.shortcodes import expand
    page = expand("- [[contact:kr-1366]]\n- [[contact:kr-112]]\n- [[contact:kr-1366]]\n", codes(out, "id"), "p.id.md")
    assert page.count("KBRI Seoul") == 1 and page.index("KBRI Seoul") < page.index("tel:112"), page
    assert page.count("layanan berbahasa Korea") == 3, "each line still says which language it speaks"
    assert expand("[[contact:kr-1366]] [[contact:kr-1366]]", codes(out, "ko"), "p.ko.md").count("여성긴급전화") == 2


def test_the_help_panel_calls_the_panels_contacts_in_their_language(out):
    assert re.findall(r'href="(tel:[^"]+)"', out["panels/id.html"]) == ["tel:+821053942546", "tel:129", "tel:112"]
    assert ">112</span> <span class=\"nyf-help-panel__label\">경찰<" in out["panels/ko.html"]


def test_a_qr_code_encodes_the_page_in_the_readers_language_and_prints_the_address(out):
    for lang in LANGS:
        url = f"https://example.org/nyf/{lang.root}help/"
        figure = codes(out, lang.code)["qr:help"]
        assert figure.startswith("\n<figure") and figure.rstrip().endswith("</figure>"), "a raw HTML block of its own"
        svg = re.search(r"<svg.*?</svg>", figure, re.S).group(0)
        assert svg_matrix(svg) == [[bool(v) for v in row] for row in segno.make(url, error="m", micro=False, boost_error=False).matrix]
        # It says where it leads: the page's title (the fixture has only an English one, "# Help").
        assert f'aria-label="{lang.s("qr_label", page="Help")}"' in svg
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure).group(1)
        assert caption.replace("<wbr>", "") == url and "<wbr>" in caption and "://<wbr>" not in caption


def svg_matrix(svg: str) -> list[list[bool]]:
    """The dark modules of segno's SVG (a stroked path of horizontal runs), quiet zone removed."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path[^>]*stroke="[^"]+"[^>]*\bd="([^"]+)"', svg).group(1)
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for cmd, args in re.findall(r"([MmHh])([^MmHh]*)", path):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if cmd in "Mm":
            x, y = (nums[0], nums[1]) if cmd == "M" else (x + nums[0], y + nums[1])
        else:
            end = nums[0] if cmd == "H" else x + nums[0]
            for col in range(int(x), int(end)):
                grid[int(y)][col] = True
            x = end
    dark = [(r, c) for r in range(size) for c in range(size) if grid[r][c]]
    top, left = min(r for r, _ in dark), min(c for _, c in dark)
    bottom, right = max(r for r, _ in dark), max(c for _, c in dark)
    return [row[left:right + 1] for row in grid[top:bottom + 1]]


def test_the_svg_reader_reads_what_segno_writes():
    # The reader above checks the site's QR codes; here it proves itself, so a bug in it cannot
    # hide a wrong code: a different address gives a different matrix.
    one = segno.make("https://example.org/help/", error="m")
    other = segno.make("https://example.org/id/help/", error="m")
    read = svg_matrix(one.svg_inline(scale=1, border=4, omitsize=True))
    assert read == [[bool(v) for v in row] for row in one.matrix] != [[bool(v) for v in row] for row in other.matrix]


def test_the_sites_assets_carry_a_fingerprint_and_one_minified_stylesheet(out):
    names = json.loads(out["assets.json"])
    assert re.fullmatch(r"assets/css/site\.[0-9a-f]{8}\.css", names["css"])
    assert re.fullmatch(r"assets/javascripts/workers/lazy-search\.[0-9a-f]{8}\.js", names["lazy_search"])
    css = out["site/" + names["css"]].decode()
    assert "/*" not in css and ":lang(ko){word-break:keep-all" in css.replace(" ", "")
