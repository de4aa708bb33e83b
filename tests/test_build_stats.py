"""scripts/build_stats.py: data/statistics.yml -> generated/stats/*.md.

Bad data stops the script with the file, line and field and changes no file; the output is
formatted per language, deterministic, and up to date in the repository; every figure the pages
may quote resolves; the built statistics page carries the tables and charts in its language.

Tests that write run on copies in tmp_path (--data/--out); the real generated/ is only read.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, LANG_PREFIX, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import build_stats  # noqa: E402
import datafile  # noqa: E402

SCRIPT = ROOT / "scripts" / "build_stats.py"
DATA = ROOT / "data" / "statistics.yml"
SCHEMA = ROOT / "data" / "statistics.schema.json"
GENERATED = ROOT / "generated" / "stats"

# The figure ids the pages may use ([[stat:ID]]), as listed in the brief for page writers.
FIGURE_IDS = """
police-cases-2021 police-cases-2022 police-cases-2023 police-cases-2024-jan-jul police-cases-2024
police-suspects-2024 police-suspects-2024-teens police-suspects-2024-teen-share
victims-teen-share-2021-2023 crackdown-apprehended crackdown-detained crackdown-teens-20s-share
kcsc-2020 kcsc-2021 kcsc-2022 kcsc-2023 kcsc-2024 d4u-synthesis-2023 d4u-synthesis-2024
d4u-victims-2024-08-2025-08 d4u-minors-share-2024-jan-aug moe-reports-2024 moe-victims-2024
moe-student-victims-2024 securityhero-videos-2023 securityhero-korean-share
securityhero-women-share komnas-kbgo-2020 komnas-kbgo-2021 komnas-kbgo-2022
""".split()
PERCENT_IDS = {
    "police-suspects-2024-teen-share", "victims-teen-share-2021-2023", "crackdown-teens-20s-share",
    "d4u-minors-share-2024-jan-aug", "securityhero-korean-share", "securityhero-women-share",
}


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=ROOT, capture_output=True, text=True)


class Work:
    """A copy of the data and its schema in tmp_path, with its tables generated in out/."""

    def __init__(self, root: Path):
        (root / "data").mkdir()
        self.data = root / "data" / "statistics.yml"
        shutil.copy(DATA, self.data)
        shutil.copy(SCHEMA, root / "data" / "statistics.schema.json")
        self.out = root / "out"
        self.text = self.data.read_text(encoding="utf-8")

    def build(self, *extra: str) -> subprocess.CompletedProcess:
        return run("--data", self.data, "--out", self.out, *extra)

    def write(self, text: str) -> None:
        self.data.write_text(text, encoding="utf-8")

    def snapshot(self) -> dict[str, tuple[bytes, int]]:
        return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(self.out.iterdir())}


@pytest.fixture
def work(tmp_path) -> Work:
    w = Work(tmp_path)
    result = w.build()
    assert result.returncode == 0, result.stderr
    return w


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.index(snippet, index + 1)
    return text.count("\n", 0, index) + 1


def replace_nth(text: str, old: str, new: str, occurrence: int = 1) -> str:
    index = -1
    for _ in range(occurrence):
        index = text.index(old, index + 1)
    return text[:index] + new + text[index + len(old):]


# ── Bad input: each case gives (new text, line the message must name, words it must contain) ────

def _yaml_syntax(t):
    return replace_nth(t, "    measure: cases-reported", "    measure: cases-reported: oops"), line_of(t, "    measure: cases-reported"), ["not valid YAML"]


def _empty(t):
    return "", 1, ["empty"]


def _top_level_list(t):
    return "- measures\n- sources\n- tables\n", 1, ["mapping", "list"]


def _missing_key(t):
    return (replace_nth(t, "    measure: people-apprehended\n", ""), line_of(t, "  - id: police-suspects-2024"),
            ["tables[1]", "required field is missing", "measure"])


def _typo_key(t):
    return replace_nth(t, "        value: 156", "        valeu: 156"), line_of(t, "        value: 156"), ["valeu", "check the spelling"]


def _string_for_number(t):
    return (replace_nth(t, "        value: 156", '        value: "156 cases"'), line_of(t, "        value: 156"),
            ["tables[0].rows[0].value", "expected number", "156 cases"])


def _negative_count(t):
    return (replace_nth(t, "        value: 160", "        value: -160"), line_of(t, "        value: 160"),
            ["tables[0].rows[1].value", "at least 0", "-160"])


def _percent_over_100(t):
    return (replace_nth(t, "        value: 59.8", "        value: 159.8"), line_of(t, "        value: 59.8"),
            ["tables[0].figures[0].value", "more than 100", "159.8"])


def _same_year_twice(t):
    return (replace_nth(t, "      - year: 2022", "      - year: 2021"), line_of(t, "      - year: 2022"),
            ["tables[0].rows[1].year", "2021", "appears twice", f"line {line_of(t, '      - year: 2021')}"])


def _unknown_source(t):
    old = "        sources: [thefact-2024-09-26, kbsworld-2024-09]"
    return (replace_nth(t, old, "        sources: [thefact-2024-9-26, kbsworld-2024-09]"), line_of(t, old),
            ["tables[0].rows[0].sources[0]", "unknown source", "thefact-2024-9-26"])


def _source_without_url(t):
    return (replace_nth(t, "    url: https://m.tf.co.kr/amp/life/2136765.htm\n", ""), line_of(t, "  thefact-2024-09-26:"),
            ["sources.thefact-2024-09-26", "required field is missing", "url"])


def _label_missing_language(t):
    return (replace_nth(t, "      id: Kasus kejahatan deepfake seksual yang dilaporkan ke polisi Korea\n", ""),
            line_of(t, "    title:\n      ko: 경찰이 집계한 딥페이크 성범죄 사건\n"), ["tables[0].title", "required field is missing", "'id'", "Indonesian"])


def _non_iso_date(t):
    return (replace_nth(t, "    published: 2024-09-26", "    published: 26.09.2024"), line_of(t, "    published: 2024-09-26"),
            ["sources.thefact-2024-09-26.published", "YYYY-MM-DD", "26.09.2024"])


def _impossible_date(t):
    return (replace_nth(t, "    published: 2024-09-26", "    published: 2024-02-30"), line_of(t, "    published: 2024-09-26"),
            ["published", "not a real date", "2024-02-30"])


def _duplicate_table_id(t):
    return (replace_nth(t, "  - id: crackdown\n", "  - id: police-cases\n"), line_of(t, "  - id: crackdown\n"),
            ["tables[2].id", "two tables", "police-cases", f"line {line_of(t, '  - id: police-cases')}"])


def _duplicate_figure_id(t):
    return (replace_nth(t, "        id: police-cases-2022", "        id: police-cases-2021"), line_of(t, "        id: police-cases-2022"),
            ["tables[0].rows[1].id", "already used", "police-cases-2021"])


def _unknown_measure(t):
    return (replace_nth(t, "    measure: cases-reported", "    measure: case-reported"), line_of(t, "    measure: cases-reported"),
            ["tables[0].measure", "unknown measure", "case-reported"])


def _count_with_decimals(t):
    return (replace_nth(t, "        value: 156", "        value: 156.5"), line_of(t, "        value: 156"),
            ["tables[0].rows[0].value", "whole number", "156.5"])


def _duplicate_key(t):
    return (replace_nth(t, "        value: 156\n", "        value: 156\n        value: 157\n"), line_of(t, "        value: 156") + 1,
            ["appears twice"])


BAD_INPUTS = {
    "YAML syntax error": _yaml_syntax,
    "empty file": _empty,
    "top-level list": _top_level_list,
    "missing required key": _missing_key,
    "typo'd key": _typo_key,
    "string where a number belongs": _string_for_number,
    "negative count": _negative_count,
    "percentage over 100": _percent_over_100,
    "same year twice in one series": _same_year_twice,
    "unknown source id": _unknown_source,
    "source without URL": _source_without_url,
    "label missing one language": _label_missing_language,
    "non-ISO date": _non_iso_date,
    "date that does not exist": _impossible_date,
    "duplicate table ids": _duplicate_table_id,
    "duplicate figure ids": _duplicate_figure_id,
    "unknown measure": _unknown_measure,
    "count with decimals": _count_with_decimals,
    "the same key twice": _duplicate_key,
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_names_line_and_field_and_changes_nothing(work, case):
    text, line, words = BAD_INPUTS[case](work.text)
    work.write(text)
    before = work.snapshot()
    for extra in ((), ("--check",)):
        result = work.build(*extra)
        assert result.returncode == 2, f"{case}: exit {result.returncode}\n{result.stdout}{result.stderr}"
        message = result.stderr
        assert f"statistics.yml:{line}:" in message, f"{case}: the message should name line {line}:\n{message}"
        for word in words:
            assert word in message, f"{case}: the message should say {word!r}:\n{message}"
        assert "Traceback" not in message
        assert "Nothing was written" in message
    assert work.snapshot() == before, f"{case}: an output file changed"
    assert not [p for p in work.out.iterdir() if p.name.endswith(".tmp")], "temporary files were left behind"


def test_bad_input_in_process_raises_data_error_and_writes_nothing(work):
    text, line, _ = _percent_over_100(work.text)
    work.write(text)
    before = work.snapshot()
    with pytest.raises(datafile.DataError) as info:
        build_stats.generate(work.data, work.out)
    assert info.value.line == line and info.value.field == "tables[0].figures[0].value"
    assert work.snapshot() == before


# ── Output ───────────────────────────────────────────────────────────────────────────────────

def test_locale_formats_numbers_percentages_and_dates():
    assert build_stats._value_text("count", 1202, 0, "id") == "1.202"
    assert build_stats._value_text("count", 1202, 0, "ko") == "1,202"
    assert build_stats._value_text("count", 1202, 0, "en") == "1,202"
    assert build_stats._value_text("percent", 73.6, 1, "id") == "73,6%"
    assert build_stats._value_text("percent", 73.6, 1, "en") == "73.6%"
    assert build_stats._value_text("percent", 80, 0, "ko") == "80%"
    assert build_stats.source_date("2024-09-26", "ko") == "2024년 9월 26일"
    assert build_stats.source_date("2024-09-26", "id") == "26 September 2024"
    assert build_stats.source_date("2024-08", "en") == "August 2024"


def test_generated_files_are_formatted_per_language():
    police = {lang: (GENERATED / f"police-cases.{lang}.md").read_text(encoding="utf-8") for lang in LANGS}
    assert ">1.202<" in police["id"] and ">1,202<" in police["en"] and ">1,202<" in police["ko"]
    assert "59,8%" in police["id"] and "59.8%" in police["en"] and "59.8%" in police["ko"]
    assert "26 September 2024" in police["id"] and "September 26, 2024" in police["en"] and "2024년 9월 26일" in police["ko"]
    assert "2024년 1월" in police["ko"] and "Januari" in police["id"] and "January" in police["en"]


def test_each_file_has_chart_table_sources_and_caveats_in_its_language():
    stats = build_stats.load()
    for table in stats.tables:
        for lang in LANGS:
            path = GENERATED / f"{table.id}.{lang}.md"
            text = path.read_text(encoding="utf-8")
            block = text[text.index("<div"):]
            root = ET.fromstring(block)  # well-formed: Markdown passes it through as one HTML block
            assert "\n\n" not in block.strip(), f"{path.name}: a blank line would end the HTML block early"
            figure = root.find("figure")
            assert figure.get("role") == "img"
            svg = figure.find("{http://www.w3.org/2000/svg}svg")
            title = svg.find("{http://www.w3.org/2000/svg}title")
            desc = svg.find("{http://www.w3.org/2000/svg}desc")
            assert title.text.startswith(table.title[lang]) and figure.get("aria-labelledby") == title.get("id")
            assert figure.get("aria-describedby") == desc.get("id") and desc.text
            assert re.search(r'viewBox="0 0 \d+ \d+" width="100%"', text), "the chart must scale to the screen"
            assert "<script" not in text
            caption = root.find("table/caption")
            assert caption.text.startswith(table.title[lang])
            assert len(root.findall("table/tbody/tr")) == len(table.rows)
            for note in table.notes:
                assert note[lang].replace("&", "&amp;").replace("<", "&lt;") in text
            links = [a.get("href") for a in root.iter("a") if a.get("href", "").startswith("http")]
            cited = {k for p in table.rows + table.figures for k in p.sources}
            assert sorted(links) == sorted(stats.sources[k].url for k in cited), f"{path.name}: every source, linked once"


def test_figures_with_a_single_source_are_named_under_their_table():
    text = (GENERATED / "police-suspects-2024.en.md").read_text(encoding="utf-8")
    assert "Only one source is listed for: In their 20s; In their 30s.</li>" in text
    assert "one source" not in (GENERATED / "police-cases.en.md").read_text(encoding="utf-8")
    assert "모두 출처가 하나뿐이에요" in (GENERATED / "moe-victims-2024.ko.md").read_text(encoding="utf-8")


def test_charts_use_css_classes_not_fixed_colours():
    css = (ROOT / "docs" / "assets" / "css" / "stats.css").read_text(encoding="utf-8")
    text = (GENERATED / "kcsc-corrections.en.md").read_text(encoding="utf-8")
    assert 'class="nyf-chart__line"' in text and 'class="nyf-chart__dot"' in text
    assert not re.search(r'fill="#|stroke="#', text), "colours belong in stats.css, so dark mode and print can change them"
    for needed in ('[data-md-color-scheme="slate"]', "@media print", "forced-colors", "currentColor"):
        assert needed in css


def test_output_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build_stats.clear_caches()
    build_stats.generate(DATA, first)
    build_stats.clear_caches()
    build_stats.generate(DATA, second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()) and len(names) == 3 * len(build_stats.load().tables)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_second_run_touches_nothing(work):
    before = work.snapshot()
    result = work.build()
    assert result.returncode == 0 and "already up to date" in result.stdout
    assert work.snapshot() == before


def test_committed_files_are_up_to_date():
    result = run("--check")
    assert result.returncode == 0, result.stderr


def test_check_names_stale_files_after_a_data_edit(work):
    assert work.build("--check").returncode == 0
    work.write(replace_nth(work.text, "        value: 156", "        value: 157"))
    result = work.build("--check")
    assert result.returncode == 1
    for lang in LANGS:
        assert f"police-cases.{lang}.md is out of date" in result.stderr
    assert "komnas-kbgo" not in result.stderr, "only the files that changed are named"
    assert "make stats" in result.stderr
    assert work.build().returncode == 0
    assert work.build("--check").returncode == 0


def test_check_and_build_handle_a_removed_table(work):
    (work.out / "old-table.ko.md").write_text("stale\n", encoding="utf-8")
    result = work.build("--check")
    assert result.returncode == 1 and "old-table.ko.md should no longer exist" in result.stderr
    assert work.build().returncode == 0
    assert not (work.out / "old-table.ko.md").exists()


# ── Figures for [[stat:ID]] ──────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_every_listed_figure_id_resolves(figure_id):
    for lang in LANGS:
        text = build_stats.figure(figure_id, lang)
        assert re.fullmatch(r"[\d.,]+%?", text), text
        assert text.endswith("%") == (figure_id in PERCENT_IDS), f"{figure_id}: {text}"


def test_figure_values_per_language():
    assert build_stats.figure("police-cases-2024", "id") == "1.202"
    assert build_stats.figure("police-cases-2024", "en") == "1,202"
    assert build_stats.figure("victims-teen-share-2021-2023", "id") == "59,8%"
    assert build_stats.figure("securityhero-korean-share", "ko") == "53%"
    assert build_stats.figure("kcsc-2024", "ko") == "23,107"


def test_unknown_figure_id_raises_key_error_with_suggestions():
    with pytest.raises(KeyError) as info:
        build_stats.figure("police-case-2024", "ko")
    message = info.value.args[0]
    assert "police-case-2024" in message and "police-cases-2024" in message


def test_every_stat_short_code_in_the_pages_resolves():
    used = set()
    for page in (ROOT / "docs").rglob("*.md"):
        used |= set(re.findall(r"\[\[stat:([A-Za-z0-9_./-]+)\]\]", page.read_text(encoding="utf-8")))
    for figure_id in used:
        for lang in LANGS:
            build_stats.figure(figure_id, lang)


# ── The build calls the same code ────────────────────────────────────────────────────────────

def test_build_hook_regenerates_after_a_yaml_edit_and_stops_on_bad_data(work, monkeypatch):
    import hooks
    from mkdocs.exceptions import PluginError

    monkeypatch.setattr(build_stats, "DATA", work.data)
    monkeypatch.setattr(build_stats, "OUT", work.out)
    monkeypatch.setattr(hooks.build_hotlines, "generate", lambda: None)
    work.write(replace_nth(work.text, "        value: 1202", "        value: 1203"))
    hooks.on_pre_build(None)
    assert ">1,203<" in (work.out / "police-cases.en.md").read_text(encoding="utf-8")
    assert build_stats.figure("police-cases-2024", "id") == "1.203"
    text, line, _ = _negative_count(work.text)
    work.write(text)
    with pytest.raises(PluginError, match=rf"statistics\.yml:{line}:"):
        hooks.on_pre_build(None)


def test_yaml_names_its_schema_for_editors():
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./statistics.schema.json"
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert data["tables"], "the data has tables"


# ── The built site ───────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("lang", LANGS)
def test_statistics_page_has_tables_and_charts_in_its_language(site, lang):
    html = (site / LANG_PREFIX[lang] / "statistics" / "index.html").read_text(encoding="utf-8")
    stats = build_stats.load()
    assert html.count("<table>") == len(stats.tables)
    for table in stats.tables:
        title = re.search(rf'<title id="stat-{table.id}-title">([^<]+)</title>', html)
        assert title, f"{lang}: no chart with a title for {table.id}"
        assert unescape(title.group(1)).startswith(table.title[lang])
    assert 'role="img"' in html
    assert build_stats.figure("police-cases-2024", lang) in html
    assert "[[stat:" not in html, "a short code was left unexpanded"
    assert "nyf-content-note" in html, "the page discusses abuse: it opens with the content note"
