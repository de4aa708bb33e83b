"""scripts/build_hotlines.py: data/hotlines.yml -> the help directory, the help panel and the
[[tel:]] / [[contact:]] / [[web:]] short codes; bad input; the age of entries."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import build_hotlines  # noqa: E402  (scripts/ is on sys.path, see conftest)
import datafile  # noqa: E402
import shortcodes  # noqa: E402

SCRIPT = ROOT / "scripts" / "build_hotlines.py"
DATA = ROOT / "data" / "hotlines.yml"
TEL = re.compile(r"^tel:\+?[0-9]+$")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def work(tmp_path):
    """A copy of the data (with its schema beside it) and of the generated files, to break."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(DATA, data_dir / "hotlines.yml")
    shutil.copy(ROOT / "data" / "hotlines.schema.json", data_dir / "hotlines.schema.json")
    out = tmp_path / "out"
    result = run("--data", str(data_dir / "hotlines.yml"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return data_dir / "hotlines.yml", out


def snapshot(folder: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def line_of(text: str, needle: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


# --- bad input: a clear message with file and line, and nothing written ----------------------

def _replace(old: str, new: str, count: int = 1):
    def change(text: str) -> str:
        assert old in text, f"test data out of step with data/hotlines.yml: {old!r}"
        return text.replace(old, new, count)
    return change


BAD = [
    # (name, change, (needle to find the expected line, search after), words the message must contain)
    ("YAML syntax error", _replace("    region: korea\n", "    region: korea\n   misplaced: [1366\n"),
     ("   misplaced", ""), ["not valid YAML"]),
    ("missing verified", _replace('    verified: "2026-11-25"\n    sources:\n      - {publisher: Yonhap News, date: "2025-04-16"}',
                                  '    sources:\n      - {publisher: Yonhap News, date: "2025-04-16"}'),
     ("  - id: kr-1366", ""), ["required", "verified"]),
    ("malformed phone number", _replace('"02-735-8994"', '"02-735-89O4"'),
     ('"02-735-89O4"', ""), ["phone number", "02-735-89O4"]),
    ("phone number with a double hyphen", _replace('- number: "1577-1366"', '- number: "1577--1366"'),
     ('"1577--1366"', ""), ["phone number"]),
    ("phone number without quotes", _replace('- number: "1366"', "- number: 1366"),
     ("- number: 1366", ""), ["quotes"]),
    ("international number that does not match", _replace('"+82-2-735-8994"', '"+82-2-735-8894"'),
     ('"+82-2-735-8894"', ""), ["does not match", "02-735-8994", "+8227358994"]),
    ("unknown key", _replace("  - id: kr-1366\n", '  - id: kr-1366\n    fax: "02-000-0000"\n'),
     ("    fax:", ""), ["unknown field", "fax"]),
    ("missing language in name", _replace("      id: Saluran Darurat Perempuan Korea\n", ""),
     ("    name:", "  - id: kr-1366"), ["required", "'id'", "name"]),
    ("date not in ISO form", _replace('verified: "2026-11-25"', 'verified: "25.11.2026"'),
     ('"25.11.2026"', ""), ["YYYY-MM-DD"]),
    ("impossible date", _replace('verified: "2026-11-25"', 'verified: "2026-02-30"'),
     ('"2026-02-30"', ""), ["date"]),
    ("duplicate id", _replace("  - id: kr-117\n", "  - id: kr-1388\n"),
     ("  - id: kr-1388", "      ko: 청소년상담전화"), ["kr-1388", "already used"]),
    ("id that does not match its region", _replace("  - id: kr-117\n    region: korea", "  - id: kr-117\n    region: indonesia"),
     ("  - id: kr-117", ""), ["id-"]),
    ("panel with an unknown id", _replace("ko: [kr-112, kr-1366, kr-d4u]", "ko: [kr-112, kr-1366, kr-d4uu]"),
     ("ko: [kr-112", ""), ["kr-d4uu", "did you mean kr-d4u"]),
    ("panel contact without a phone", _replace("id: [kr-kbri, id-sapa-129, kr-112]", "id: [kr-kbri, intl-stopncii, kr-112]"),
     ("id: [kr-kbri", ""), ["intl-stopncii", "no phones"]),
    ("confirmed with one source", _replace("    confidence: single-source\n", "    confidence: confirmed\n"),
     ("    sources:", "  - id: kr-117"), ["only one source"]),
    ("unknown region", _replace("    region: platform\n", "    region: platforms\n"),
     ("    region: platforms", ""), ["must be one of"]),
    ("unknown language code", _replace("    languages: [ko, en, zh]\n", "    languages: [ko, en, xx]\n"),
     ("    languages: [ko, en, xx]", ""), ["language code", "xx"]),
]


@pytest.mark.parametrize("name, change, where, words", BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_file_and_line_and_writes_nothing(work, name, change, where, words):
    data, out = work
    text = change(data.read_text(encoding="utf-8"))
    data.write_text(text, encoding="utf-8")
    expected_line = line_of(text, *where)
    before = snapshot(out)
    result = run("--data", str(data), "--out", str(out))
    assert result.returncode == 1, result.stdout + result.stderr
    message = result.stderr
    assert f"hotlines.yml:{expected_line}:" in message, f"expected line {expected_line} in: {message}"
    for word in words:
        assert word in message, f"{word!r} missing from: {message}"
    assert "Nothing was written" in message
    assert snapshot(out) == before, "an output file changed although the data was bad"
    assert not list(out.glob(".*.tmp")), "a temporary file was left behind"


def test_the_build_hook_raises_the_same_error_and_writes_nothing(work):
    data, out = work
    data.write_text(data.read_text(encoding="utf-8").replace('"02-735-8994"', '"02-735-89O4"'), encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(datafile.DataError) as exc:
        build_hotlines.generate(data, out)
    assert "hotlines.yml:" in str(exc.value) and "phone number" in str(exc.value)
    assert snapshot(out) == before


# --- age of entries (fixed dates, never today's) ----------------------------------------------

@pytest.fixture
def dated(work):
    """Every entry verified on 2026-01-01; output regenerated to match."""
    data, out = work
    text = re.sub(r'verified: "\d{4}-\d{2}-\d{2}"', 'verified: "2026-01-01"', data.read_text(encoding="utf-8"))
    data.write_text(text, encoding="utf-8")
    assert run("--data", str(data), "--out", str(out)).returncode == 0
    return data, out, line_of(text, 'verified: "2026-01-01"')


def _check(data, out, days):
    today = dt.date(2026, 1, 1) + dt.timedelta(days=days)
    return run("--check", "--data", str(data), "--out", str(out), "--today", today.isoformat())


def test_entries_180_days_old_pass_quietly(dated):
    result = _check(*dated[:2], days=180)
    assert result.returncode == 0, result.stderr
    assert "STALE" not in result.stderr


def test_entries_181_days_old_warn_but_pass(dated):
    data, out, first_line = dated
    result = _check(data, out, days=181)
    assert result.returncode == 0, result.stderr
    assert "STALE" in result.stderr
    assert f"hotlines.yml:{first_line}:" in result.stderr and "kr-112" in result.stderr and "181 days" in result.stderr


def test_entries_366_days_old_fail_the_check(dated):
    data, out, first_line = dated
    result = _check(data, out, days=366)
    assert result.returncode == 1
    assert f"hotlines.yml:{first_line}:" in result.stderr and "kr-112" in result.stderr and "366 days" in result.stderr


def test_a_verified_date_in_the_future_fails_the_check(dated):
    result = _check(*dated[:2], days=-1)
    assert result.returncode == 1 and "after today" in result.stderr


def test_old_entries_do_not_stop_generation(dated):
    data, out, _ = dated
    result = run("--data", str(data), "--out", str(out), "--today", "2027-06-01")
    assert result.returncode == 0 and "STALE" in result.stderr


def test_the_build_hook_logs_stale_entries_at_info_level(dated, caplog):
    # INFO, not WARNING: `mkdocs build --strict` stops on any warning, and an entry due for a
    # re-check is no reason to take the site down. The 365-day gate is --check, in the tests.
    data, out, first_line = dated
    with caplog.at_level("INFO", logger="mkdocs"):
        build_hotlines.generate(data, out, today=dt.date(2026, 7, 2))
    stale = [r for r in caplog.records if r.getMessage().startswith("STALE:")]
    assert stale and all(r.levelname == "INFO" for r in stale)
    assert any(f"hotlines.yml:{first_line}:" in r.getMessage() and "kr-112" in r.getMessage() for r in stale)


def test_check_fails_when_generated_files_are_out_of_date(work):
    data, out = work
    data.write_text(data.read_text(encoding="utf-8").replace("24시간, 1년 내내", "24시간, 1년 365일", 1), encoding="utf-8")
    before = snapshot(out)
    result = run("--check", "--data", str(data), "--out", str(out), "--today", "2026-11-25")
    assert result.returncode == 1 and "korea.ko.md is out of date" in result.stderr
    assert snapshot(out) == before, "--check must not write"


# --- the real data ----------------------------------------------------------------------------

def test_committed_output_matches_the_data():
    newest = max(c["verified"] for c in build_hotlines.load().contacts.values())
    result = run("--check", "--today", newest)
    assert result.returncode == 0, result.stderr


def test_real_data_was_verified_within_a_year():
    # The staleness gate on purpose: this starts failing 365 days after an entry was checked.
    # Re-check that entry against its sources, update `verified:`, rerun the script.
    result = run("--check")
    assert result.returncode == 0, result.stderr


def test_output_is_deterministic(tmp_path):
    for name in ("a", "b"):
        assert run("--out", str(tmp_path / name)).returncode == 0
    a, b = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert {k: v[0] for k, v in a.items()} == {k: v[0] for k, v in b.items()}
    assert len(a) == 12  # 4 regions x 3 languages


def test_required_contacts_exist():
    ids = set(build_hotlines.load().contacts)
    required = {
        "kr-112", "kr-1366", "kr-d4u", "kr-1377", "kr-1388", "kr-117", "kr-132", "kr-1345", "kr-danuri",
        "kr-ecrm", "kr-kbri", "id-sapa-129", "id-police-110", "id-aduankonten", "id-komnas-perempuan",
        "id-lpsk-148", "id-safenet", "id-patrolisiber", "intl-stopncii", "intl-takeitdown",
        "intl-google-removal", "platform-telegram", "platform-meta", "platform-x", "platform-tiktok",
        "platform-youtube",
    }
    assert required <= ids, required - ids


def test_data_keeps_to_the_research_notes():
    directory = build_hotlines.load()
    c = directory.contacts
    text = DATA.read_text(encoding="utf-8")
    # Numbers and addresses the research notes say are wrong or not to be used.
    for wrong in ("08211", "d4u.or.kr", "d4u.go.kr", "9876-5432", "abuse@telegram.org", "notoscam", "010-5394-254\""):
        assert wrong not in text, wrong
    # Indonesian is not confirmed at 112 or 1345, and Danuri does not list it.
    for cid in ("kr-112", "kr-1345", "kr-danuri", "kr-1366"):
        assert "id" not in c[cid]["languages"], cid
    assert c["kr-d4u"]["phones"][0]["number"] == "02-735-8994" and c["kr-d4u"]["web"] == "https://d4u.stop.or.kr/"
    assert c["kr-kbri"]["phones"][0]["international"] == "+82-10-5394-2546"
    assert c["id-sapa-129"]["whatsapp"]["number"] == "08111-129-129"
    assert c["id-aduankonten"]["whatsapp"]["number"] == "0811-9224-545"
    assert c["kr-danuri"]["phones"][0]["number"] == "1577-1366"
    assert c["kr-1377"]["phones"][0]["note"]["en"] == "then press 3"
    # Entries with one source say so.
    assert c["kr-117"]["confidence"] == "single-source"


# --- short codes and the panel, in process ----------------------------------------------------

def test_tel_short_code():
    tel = build_hotlines.shortcode("tel")
    assert tel("kr-1366", "ko") == "[1366](tel:1366)"
    assert tel("kr-d4u", "ko") == "[02-735-8994](tel:+8227358994)"
    assert tel("kr-d4u", "en") == "[+82-2-735-8994](tel:+8227358994)"
    assert tel("kr-kbri", "id") == "[+82-10-5394-2546](tel:+821053942546)"
    assert tel("id-sapa-129", "id") == "[129](tel:129)"


def test_contact_short_code_says_where_a_short_number_works():
    contact = build_hotlines.shortcode("contact")
    assert contact("kr-1366", "ko") == "여성긴급전화 [1366](tel:1366)"
    assert contact("kr-1366", "en") == "Women's Emergency Line [1366](tel:1366) (from a phone in Korea)"
    sapa = contact("id-sapa-129", "ko")
    assert sapa.startswith("인도네시아 여성역량강화아동보호부 SAPA [129](tel:129)(인도네시아 안에서만)")
    assert "https://wa.me/628111129129" in sapa and "08111-129-129" in sapa
    assert contact("intl-stopncii", "en").startswith("[StopNCII.org<span")
    assert contact("platform-youtube", "ko") == "유튜브"


def test_web_short_code_is_marked_external():
    web = build_hotlines.shortcode("web")("kr-d4u", "id")
    assert web == '[d4u.stop.or.kr<span class="nyf-sr"> (situs luar)</span>](https://d4u.stop.or.kr/){ .nyf-ext rel="noreferrer" }'


@pytest.mark.parametrize("kind, cid, words", [
    ("tel", "kr-1336", ["no contact", "did you mean kr-1366"]),
    ("contact", "nope", ["no contact"]),
    ("tel", "intl-stopncii", ["no phone number", "[[contact:intl-stopncii]]"]),
    ("web", "platform-youtube", ["no web address"]),
])
def test_short_code_errors_are_helpful(kind, cid, words):
    with pytest.raises(KeyError) as exc:
        build_hotlines.shortcode(kind)(cid, "en")
    for word in words:
        assert word in exc.value.args[0]
    # Through the page expander, the message also names the page and line.
    shortcodes.register(kind, build_hotlines.shortcode(kind))
    with pytest.raises(shortcodes.ShortcodeError) as exc:
        shortcodes.expand(f"intro\n[[{kind}:{cid}]]", "en", "docs/x.md")
    assert str(exc.value).startswith("docs/x.md:2:") and words[0] in str(exc.value)


def test_every_tel_link_in_the_output_is_well_formed():
    files = build_hotlines.render(build_hotlines.load())
    links = [m for text in files.values() for m in re.findall(r"\]\((tel:[^)]*)\)", text)]
    assert links and all(TEL.match(link) for link in links), [link for link in links if not TEL.match(link)]
    for cid in build_hotlines.load().contacts:
        for locale in ("ko", "en", "id"):
            try:
                md = build_hotlines.shortcode("tel")(cid, locale)
            except KeyError:
                continue
            assert TEL.match(re.search(r"\((tel:[^)]*)\)", md).group(1)), md


def test_every_web_link_in_the_output_is_marked_external():
    for name, text in build_hotlines.render(build_hotlines.load()).items():
        for match in re.finditer(r"\]\((https://[^)]+)\)(\{[^}]*\})?", text):
            assert match.group(2) and 'rel="noreferrer"' in match.group(2) and ".nyf-ext" in match.group(2), (name, match.group(0))


def test_single_source_entries_carry_a_note():
    files = build_hotlines.render(build_hotlines.load())
    for locale, title in (("ko", "출처가 하나뿐이에요"), ("en", "Only one source"), ("id", "Hanya satu sumber")):
        entry = files[f"korea.{locale}.md"].split("{#kr-117}")[1].split("\n### ")[0]
        assert f'!!! warning "{title}"' in entry
        entry = files[f"korea.{locale}.md"].split("{#kr-112}")[1].split("\n### ")[0]
        assert "!!! warning" not in entry


def test_panel_context_follows_the_data():
    assert [c["number"] for c in build_hotlines.panel_context("ko")["contacts"]] == ["112", "1366", "02-735-8994"]
    assert [c["number"] for c in build_hotlines.panel_context("en")["contacts"]] == ["112", "1366", "1577-1366"]
    ind = build_hotlines.panel_context("id")["contacts"]
    assert ind[0] == {"id": "kr-kbri", "number": "+82-10-5394-2546", "tel": "tel:+821053942546", "label": "KBRI Seoul, untuk WNI"}
    assert [c["id"] for c in ind] == ["kr-kbri", "id-sapa-129", "kr-112"]
