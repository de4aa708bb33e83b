"""data/*.yml and languages/*.yml: bad input stops with the file, the line and the field, and
writes nothing; the real files are valid. In-process, on small copies (tests/fixtures/data/)."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import FIXTURES, LANGS, PROJECT, ROOT, line_of

from nyf import hotlines, languages, lint, render, statistics
from nyf.project import Project
from nyf.yamlfile import DataError


@pytest.fixture
def data(tmp_path) -> Project:
    """A project whose data/ holds the small fixture files, with the real schemas beside them."""
    root = tmp_path / "p"
    (root / "data").mkdir(parents=True)
    for name in ("statistics", "hotlines"):
        shutil.copy(FIXTURES / "data" / f"{name}.yml", root / "data" / f"{name}.yml")
        shutil.copy(ROOT / "data" / f"{name}.schema.json", root / "data" / f"{name}.schema.json")
    shutil.copytree(ROOT / "languages", root / "languages")
    shutil.copytree(ROOT / "assets", root / "assets")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs" / "help").mkdir(parents=True)
    (root / "docs" / "help" / "index.en.md").write_text("# Help\n", encoding="utf-8")
    return Project.at(root)


def change(project: Project, name: str, old: str, new: str) -> str:
    path = project.data / f"{name}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer has {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def problem(fn, project: Project) -> str:
    with pytest.raises(DataError) as info:
        fn(project, languages.load(project))
    message = str(info.value)
    assert "Traceback" not in message
    return message


# --- statistics ---------------------------------------------------------------------------------

STATS_BAD = [
    # (name, old, new, (needle for the line, search after), words the message must contain)
    ("YAML syntax error", "    measure: cases-reported\n", "    measure: cases-reported: oops\n",
     ("    measure: cases-reported", ""), ["not valid YAML"]),
    ("top-level list", None, "- measures\n- sources\n", ("- measures", ""), ["mapping", "list"]),
    ("missing required key", "    measure: people-apprehended\n", "", ("  - id: suspects-2024", ""),
     ["tables[1]", "required field is missing", "measure"]),
    ("typo in a key", "        value: 156", "        valeu: 156", ("        valeu: 156", ""), ["valeu", "check the spelling"]),
    ("text where a number belongs", "        value: 156", '        value: "156 cases"', ('        value: "156 cases"', ""),
     ["tables[0].rows[0].value", "expected number", "156 cases"]),
    ("negative count", "        value: 160", "        value: -160", ("        value: -160", ""), ["at least 0", "-160"]),
    ("percentage over 100", "        value: 59.8", "        value: 159.8", ("        value: 159.8", ""),
     ["tables[0].figures[0].value", "more than 100"]),
    ("same year twice", "      - year: 2022", "      - year: 2021", ("      - year: 2021", "value: 156"),
     ["tables[0].rows[1].year", "appears twice", "first on line"]),
    ("unknown source", "        sources: [thefact-2024-09-26, kbsworld-2024-09]", "        sources: [thefact-2024-9-26, kbsworld-2024-09]",
     ("thefact-2024-9-26", ""), ["tables[0].rows[0].sources[0]", "unknown source", "thefact-2024-9-26"]),
    ("source without url", "    url: https://m.tf.co.kr/amp/life/2136765.htm\n", "", ("  thefact-2024-09-26:", ""),
     ["sources.thefact-2024-09-26", "required field is missing", "url"]),
    ("text missing a language", "title: {ko: 경찰이 집계한 사건, en: Cases reported to police in Korea, id: Kasus yang dilaporkan ke polisi Korea}",
     "title: {ko: 경찰이 집계한 사건, en: Cases reported to police in Korea}", ("    title: {ko: 경찰이", ""),
     ["tables[0].title", "required field is missing", "'id'", "Indonesian"]),
    ("text in a language the site does not have", "name: {ko: 사건, en: Cases reported, id: Kasus}",
     "name: {ko: 사건, en: Cases reported, id: Kasus, fr: Affaires}", ("name: {ko: 사건", ""), ["unknown language 'fr'", "ko, en, id"]),
    ("date not in ISO form", "    published: 2024-09-26", "    published: 26.09.2024", ("26.09.2024", ""), ["YYYY-MM-DD", "26.09.2024"]),
    ("date that does not exist", "    published: 2024-09-26", "    published: 2024-02-30", ("2024-02-30", ""), ["not a real date"]),
    ("period that ends before it starts", "period: {from: 2024-01-01, to: 2024-07-31}", "period: {from: 2024-08-01, to: 2024-07-31}",
     ("period: {from: 2024-08-01", ""), ["ends before it starts"]),
    ("two tables with one id", "  - id: suspects-2024\n", "  - id: police-cases\n", ("  - id: police-cases\n    measure: people", ""),
     ["tables[1].id", "two tables", "police-cases"]),
    ("one figure id twice", "        id: police-cases-2022", "        id: police-cases-2021", ("        id: police-cases-2021", "value: 160"),
     ["already used", "police-cases-2021"]),
    ("unknown measure", "    measure: cases-reported", "    measure: case-reported", ("    measure: case-reported", ""), ["unknown measure"]),
    ("count with decimals", "        value: 156", "        value: 156.5", ("        value: 156.5", ""), ["whole number"]),
    ("the same key twice", "        value: 156\n", "        value: 156\n        value: 157\n", ("        value: 157", ""), ["appears twice"]),
    ("line chart with a label row", "      - year: 2024\n        value: 1202", "      - label: {ko: 가, en: A, id: A}\n        value: 1202",
     ("      - label: {ko: 가", ""), ["line chart needs a year"]),
]


@pytest.mark.parametrize("name, old, new, where, words", STATS_BAD, ids=[c[0] for c in STATS_BAD])
def test_bad_statistics_name_file_line_and_field(data, name, old, new, where, words):
    if old is None:
        (data.data / "statistics.yml").write_text(new, encoding="utf-8")
        text = new
    else:
        text = change(data, "statistics", old, new)
    message = problem(statistics.load, data)
    assert f"data/statistics.yml:{line_of(text, *where)}:" in message, message
    for word in words:
        assert word in message, f"{word!r} not in: {message}"


def test_an_empty_file_and_a_missing_file(data):
    (data.data / "statistics.yml").write_text("\n", encoding="utf-8")
    assert "data/statistics.yml:1: the file is empty" in problem(statistics.load, data)
    (data.data / "statistics.yml").unlink()
    assert "data/statistics.yml: the file does not exist" in problem(statistics.load, data)


def test_every_schema_problem_is_reported_at_once_in_line_order(data):
    change(data, "statistics", "        value: 156", "        value: -156")
    text = change(data, "statistics", "        value: 548", '        value: "many"')
    message = problem(statistics.load, data)
    lines = [line for line in message.splitlines() if "data/statistics.yml:" in line]
    assert len(lines) == 2, message
    assert str(line_of(text, "value: -156")) in lines[0] and str(line_of(text, '"many"')) in lines[1]


def test_the_fixture_and_the_real_data_load():
    stats = statistics.load(PROJECT, LANGS)
    assert len(stats.tables) >= 10 and len(stats.figures) >= 30
    assert all(source.url.startswith("http") for source in stats.sources.values())
    directory = hotlines.load(PROJECT, LANGS)
    assert len(directory.contacts) >= 26
    for contact in directory.contacts.values():
        assert all(s.get("url") for s in contact["sources"]), contact["id"]


# --- hotlines -------------------------------------------------------------------------------------

HOTLINES_BAD = [
    ("YAML syntax error", "    region: korea\n", "    region: korea\n   misplaced: [1366\n", ("   misplaced", ""), ["not valid YAML"]),
    ("missing verified", '    verified: "2026-11-25"\n    sources:\n      - {publisher: Yonhap News, date: "2025-04-16"',
     '    sources:\n      - {publisher: Yonhap News, date: "2025-04-16"', ("  - id: kr-1366", ""), ["required", "verified"]),
    ("malformed number", '"02-735-8994"', '"02-735-89O4"', ('"02-735-89O4"', ""), ["phone number", "02-735-89O4"]),
    ("double hyphen", '- number: "1366"', '- number: "13--66"', ('"13--66"', ""), ["phone number"]),
    ("number without quotes", '- number: "1366"', "- number: 1366", ("- number: 1366", ""), ["quotes"]),
    ("international number that does not match", '"+82-2-735-8994"', '"+82-2-735-8894"', ('"+82-2-735-8894"', ""),
     ["does not match", "02-735-8994", "+8227358994"]),
    ("unknown key", "  - id: kr-1366\n", '  - id: kr-1366\n    fax: "02-000-0000"\n', ("    fax:", ""), ["unknown field", "fax"]),
    ("name missing a language", "name: {ko: 여성긴급전화, en: Women's Emergency Line, id: Saluran Darurat Perempuan Korea}",
     "name: {ko: 여성긴급전화, en: Women's Emergency Line}", ("name: {ko: 여성긴급전화", ""), ["required", "'id'", "Indonesian"]),
    ("date not in ISO form", 'verified: "2026-11-25"', 'verified: "25.11.2026"', ('"25.11.2026"', ""), ["YYYY-MM-DD"]),
    ("impossible date", 'verified: "2026-11-25"', 'verified: "2026-02-30"', ('"2026-02-30"', ""), ["date"]),
    ("one id twice", "  - id: kr-117\n", "  - id: kr-1366\n", ("  - id: kr-1366\n    region: korea\n    name: {ko: 학교", ""),
     ["kr-1366", "already used"]),
    ("id that does not match its region", "  - id: kr-117\n    region: korea", "  - id: kr-117\n    region: indonesia", ("  - id: kr-117", ""), ["id-"]),
    ("panel with an unknown id", "ko: [kr-112, kr-1366]", "ko: [kr-112, kr-13666]", ("ko: [kr-112", ""), ["kr-13666", "did you mean kr-1366"]),
    ("panel contact without a phone", "id: [kr-kbri, id-sapa-129, kr-112]", "id: [kr-kbri, intl-stopncii, kr-112]",
     ("id: [kr-kbri", ""), ["intl-stopncii", "no phones"]),
    ("panel for a language the site does not have", "  id: [kr-kbri, id-sapa-129, kr-112]\n",
     "  id: [kr-kbri, id-sapa-129, kr-112]\n  fr: [kr-112]\n", ("  fr: [kr-112]", ""), ["'fr' is not a language"]),
    ("confirmed with one source", "    confidence: single-source\n", "    confidence: confirmed\n", ("    sources:", "  - id: kr-117"),
     ["only one source"]),
    ("unknown region", "    region: platform\n", "    region: platforms\n", ("    region: platforms", ""), ["must be one of"]),
    ("unknown language code", "    languages: [ko, en, zh]\n", "    languages: [ko, en, xx]\n", ("    languages: [ko, en, xx]", ""),
     ["language code", "xx"]),
    ("source without url", '      - {publisher: Ministry of Education, url: "https://www.moe.go.kr/"}', "      - {publisher: Ministry of Education}",
     ("      - {publisher: Ministry of Education}", ""), ["required field is missing", "url"]),
    ("name with its own number in it", "en: Women's Emergency Line,", "en: Women's Emergency Line 1366,",
     ("name: {ko: 여성긴급전화", ""), ["number 1366", "Women's Emergency Line 1366 1366", "take the number out"]),
    ("contact with no way to reach it", "    other_channels: {ko: SAPA 129가 연결해 줘요., en: SAPA 129 connects you., id: Lewat SAPA 129.}\n", "",
     ("  - id: id-uptd-ppa", ""), ["no way to reach it"]),
]


@pytest.mark.parametrize("name, old, new, where, words", HOTLINES_BAD, ids=[c[0] for c in HOTLINES_BAD])
def test_bad_hotlines_name_file_line_and_field(data, name, old, new, where, words):
    text = change(data, "hotlines", old, new)
    message = problem(hotlines.load, data)
    assert f"data/hotlines.yml:{line_of(text, *where)}:" in message, message
    for word in words:
        assert word in message, f"{word!r} not in: {message}"


def test_a_language_companion_must_be_a_real_contact(data):
    path = data.languages / "id.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("korea: kr-kbri", "korea: kr-kbrii"), encoding="utf-8")
    message = problem(hotlines.load, data)
    assert "languages/id.yml" in message and "kr-kbrii" in message and "did you mean kr-kbri" in message


# --- the age of entries (fixed dates, never today's) ------------------------------------------------

@pytest.mark.parametrize("days, soon, overdue", [(180, 0, 0), (181, 9, 0), (366, 0, 9), (-1, 0, 9)])
def test_age_of_entries(data, days, soon, overdue):
    directory = hotlines.load(data, LANGS)
    today = dt.date(2026, 11, 25) + dt.timedelta(days=days)
    warned, failed = hotlines.ages(directory, today)
    assert (len(warned), len(failed)) == (soon, overdue)
    for found in warned + failed:
        assert found.file.as_posix() == "data/hotlines.yml" and found.line and "verified" in found.field


# --- languages and terms -------------------------------------------------------------------------

def test_languages_are_defined_once():
    assert LANGS.codes[0] == "ko" and LANGS.default.code == "ko" and LANGS.default.root == ""
    assert [lang.root for lang in LANGS] == ["", "en/", "id/"]
    for lang in LANGS:
        assert lang.strings.keys() == LANGS["en"].strings.keys(), lang.code
        assert LANGS.page_file("help/index", lang) == f"help/index.{lang.code}.md"
    assert LANGS.of_url("/en/about/").code == "en" and LANGS.of_url("/about/").code == "ko" and LANGS.of_url("/id").code == "id"


def test_a_strings_file_missing_a_string_is_refused(data):
    path = data.languages / "en.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  exit_label: Exit this page\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as info:
        languages.load(data)
    assert "languages/en.yml" in str(info.value) and "exit_label" in str(info.value)


def test_a_language_listed_without_its_strings_file(data):
    (data.languages / "id.yml").unlink()
    with pytest.raises(DataError) as info:
        languages.load(data)
    assert "languages/id.yml" in str(info.value) and "make new-language" in str(info.value)


def test_the_terms_file_is_valid_and_covers_every_language():
    terms = lint.terms_by_language(ROOT)
    assert set(terms) == set(LANGS.complete_codes)
    assert any("deepfake porn" in t.avoid for t in terms["en"]) and any("리벤지 포르노" in t.avoid for t in terms["ko"])
    assert any("bocor" in t.avoid for t in terms["id"])


# --- the one road from data to page -------------------------------------------------------------------

def test_render_is_deterministic_and_covers_every_language(data):
    first = render.render(data, LANGS, "https://example.org/")
    assert first == render.render(data, LANGS, "https://example.org/")
    for lang in LANGS:
        for part in ("codes/{}.json", "panels/{}.html", "snippets/stats/police-cases.{}.md", "snippets/hotlines/korea.{}.md"):
            assert part.format(lang.code) in first


def test_bad_data_renders_nothing_and_keeps_the_previous_output(data):
    rendered = render.refresh(data, LANGS, "https://example.org/")
    before = {p: p.read_bytes() for p in rendered.folder.rglob("*") if p.is_file()}
    change(data, "hotlines", '"02-735-8994"', '"02-735-89O4"')
    with pytest.raises(DataError):
        render.refresh(data, LANGS, "https://example.org/")
    after = {p: p.read_bytes() for p in rendered.folder.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in data.cache.iterdir() if p.name != "render"], "a half-written folder was left behind"


def test_one_staleness_rule_for_everything_made_from_data(data):
    first = render.refresh(data, LANGS, "https://example.org/")
    assert first.made
    assert not render.refresh(data, LANGS, "https://example.org/").made, "nothing changed, nothing is made"
    change(data, "statistics", "        value: 1202", "        value: 1203")
    again = render.refresh(data, LANGS, "https://example.org/")
    assert again.made and '"stat:police-cases-2024": "1,203"' in (again.folder / "codes" / "en.json").read_text(encoding="utf-8")
    (data.assets / "css" / "10-site.css").write_text("a{color:red}\n", encoding="utf-8")
    assert render.refresh(data, LANGS, "https://example.org/").made, "a stylesheet is an input too"
    assert render.refresh(data, LANGS, "https://example.org/other/").made, "so is the site's address (QR codes)"


# --- what changed, platform cards -----------------------------------------------------------------

@pytest.fixture
def site_data(tmp_path) -> Project:
    """The real changes.yml and platforms.yml with their schemas, beside the real pages."""
    root = tmp_path / "p"
    (root / "data").mkdir(parents=True)
    for name in ("changes", "platforms", "pathways"):
        shutil.copy(ROOT / "data" / f"{name}.yml", root / "data" / f"{name}.yml")
        shutil.copy(ROOT / "data" / f"{name}.schema.json", root / "data" / f"{name}.schema.json")
    (root / "docs").symlink_to(ROOT / "docs")
    return Project.at(root)


SITE_DATA_BAD = [
    # (file, name, old, new, (needle for the line, after), words). Dates the schema checks itself
    # (format: date); the order, the pages and the ids are checked in Python.
    ("changes", "date that does not exist", '- date: "2026-11-25"', '- date: "2026-11-31"', ('"2026-11-31"', ""),
     ["changes[", "valid date"]),
    ("changes", "oldest first", '- date: "2026-11-25"', '- date: "2026-12-24"', ('"2026-12-24"', ""), ["newest change first"]),
    ("changes", "a page that does not exist", "pages: [index.md]", "pages: [indx.md]", ("indx.md", ""), ["no page of docs/", "indx.md"]),
    ("platforms", "date that does not exist", 'checked: "2026-12-01"', 'checked: "2026-02-30"', ('"2026-02-30"', ""),
     ["platforms[0].checked", "valid date"]),
    ("platforms", "two cards with one id", "  - id: naver", "  - id: kakaotalk", ("  - id: kakaotalk", "Report & Leave"),
     ["platforms[1].id", "already used on line"]),
]


@pytest.mark.parametrize("file, name, old, new, where, words", SITE_DATA_BAD, ids=[f"{c[0]}: {c[1]}" for c in SITE_DATA_BAD])
def test_bad_changes_and_platform_cards_name_file_line_and_field(site_data, file, name, old, new, where, words):
    from nyf import changes, platforms

    path = site_data.data / f"{file}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the real {file}.yml no longer has {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        (changes if file == "changes" else platforms).load(site_data, LANGS)
    message = str(info.value)
    assert f"data/{file}.yml:{line_of(text, *where)}:" in message, message
    for word in words:
        assert word in message, message
