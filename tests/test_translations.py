"""The translation check (nyf.translations): the real docs pass; each kind of drift gives a
message that names the file and says what to change. In-process, on a small docs/ tree."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGS, PROJECT

from nyf import translations
from nyf.project import Project

PAGES = {
    "ko": """---
title: 증거 남기기
description: 피해를 입었을 때 증거를 안전하게 남기는 방법을 차근차근 알려 드려요. 천천히 따라 해 보세요.
revision: {rev}
reviewed: 2026-11-25
content_note: true
---

# 증거 남기기

경찰은 2024년에 많은 사건을 적발했어요.[^npa-2024] 도움이 필요하면 [[tel:kr-1366]]에 연락해요.

## 화면 캡처하기 {{#capture}}

[도움받기](index.md)와 [법](../law/korea.md#evidence)을 보세요.

```text
## 코드 안의 제목은 세지 않아요
[[tel:kr-112]] 02-735-8994
```

## 기록 남기기

[[stat:police-cases-2024]]건이에요. 2024-12-01에 발표했어요. 132건을 신고했어요.

[^npa-2024]: 경찰청, "보도자료", 2024-12-01. <https://www.police.go.kr/>
""",
    "en": """---
title: Keep evidence
description: How to keep evidence safely if it happened to you, one step at a time, at your own pace.
revision: {rev}
reviewed: 2026-11-25
content_note: true
---

# Keep evidence

Police found many cases in 2024.[^npa-2024] If you need help, contact [[tel:kr-1366]].

## Take screenshots {{#capture}}

See [get help](index.md) and [the law](../law/korea.md#evidence).

## Keep a log

That is [[stat:police-cases-2024]] cases, published on 2024-12-01.

[^npa-2024]: Korean National Police Agency, "Press release", 2024-12-01. <https://www.police.go.kr/>
""",
    "id": """---
title: Simpan bukti
description: Cara menyimpan bukti dengan aman kalau ini terjadi padamu, langkah demi langkah, pelan-pelan saja.
revision: {rev}
reviewed: 2026-11-25
content_note: true
---

# Simpan bukti

Polisi menemukan banyak kasus pada 2024.[^npa-2024] Kalau butuh bantuan, hubungi [[tel:kr-1366]].

## Ambil tangkapan layar {{#capture}}

Lihat [cari bantuan](index.md) dan [hukum](../law/korea.md#evidence).

## Catat semuanya

Ada [[stat:police-cases-2024]] kasus, diumumkan pada 2024-12-01. Ada 12.000 kasus.

[^npa-2024]: Kepolisian Korea, "Siaran pers", 2024-12-01. <https://www.police.go.kr/>
""",
}
SUFFIX = {"ko": ".ko", "en": ".en", "id": ".id"}


@pytest.fixture
def docs(tmp_path) -> Path:
    """A docs/ tree with one page, help/evidence, correct in all three languages."""
    d = tmp_path / "docs"
    (d / "help").mkdir(parents=True)
    for lang, text in PAGES.items():
        (d / "help" / f"evidence{SUFFIX[lang]}.md").write_text(text.format(rev=1), encoding="utf-8")
    return d


def page(docs: Path, lang: str) -> Path:
    return docs / "help" / f"evidence{SUFFIX[lang]}.md"


def edit(docs: Path, lang: str, old: str, new: str) -> None:
    p = page(docs, lang)
    text = p.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {p.name}"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(docs: Path) -> list[str]:
    return translations.check(PROJECT, LANGS, docs)[0]


def test_the_real_docs_pass():
    found, count = translations.check(PROJECT, LANGS)
    assert found == [] and count >= 20


def test_a_good_page_passes(docs):
    assert problems(docs) == []


def test_the_command_line_says_how_many_and_exits_1(tmp_path):
    docs = tmp_path / "docs"
    (docs / "help").mkdir(parents=True)
    for lang in ("ko", "en"):
        (docs / "help" / f"evidence.{lang}.md").write_text(PAGES[lang].format(rev=1), encoding="utf-8")
    for name in ("mkdocs.yml",):
        (tmp_path / name).write_text((PROJECT.root / name).read_text(encoding="utf-8"), encoding="utf-8")
    import shutil
    shutil.copytree(PROJECT.languages, tmp_path / "languages")
    result = subprocess.run([sys.executable, "-m", "nyf", "--root", str(tmp_path), "translations"], capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("docs/help/evidence.id.md is missing.")
    assert "Translation check: 1 problem" in result.stdout


def test_missing_language(docs):
    page(docs, "en").unlink()
    (msg,) = problems(docs)
    assert msg.startswith("docs/help/evidence.en.md is missing.")
    assert "docs/help/evidence.ko.md, docs/help/evidence.en.md, docs/help/evidence.id.md" in msg


def test_a_version_that_is_behind(docs):
    for lang in ("ko", "en"):
        edit(docs, lang, "revision: 1", "revision: 2")
    # Its structure differs too, but that is expected while it is behind: one message only.
    edit(docs, "id", "## Catat semuanya", "Catat semuanya")
    assert problems(docs) == [
        "docs/help/evidence.id.md is behind: revision 2 in docs/help/evidence.ko.md, 1 here. "
        "Update the translation, then set revision: 2."
    ]


def test_korean_behind_names_the_leading_version(docs):
    edit(docs, "en", "revision: 1", "revision: 3")
    msgs = problems(docs)
    assert "docs/help/evidence.ko.md is behind: revision 3 in docs/help/evidence.en.md, 1 here. Update the translation, then set revision: 3." in msgs
    assert any(m.startswith("docs/help/evidence.id.md is behind: revision 3") for m in msgs)


def test_different_number_of_sections(docs):
    edit(docs, "en", "## Keep a log", "Keep a log")
    assert problems(docs) == [
        "docs/help/evidence.en.md: has 1 section (## headings); docs/help/evidence.ko.md has 2. "
        "Add or remove a section so the versions match."
    ]


def test_headings_in_code_blocks_are_not_sections(docs):
    # the Korean page has "## ..." inside a ```text block and still counts 2
    assert translations.h2_count(page(docs, "ko").read_text(encoding="utf-8")) == 2


def test_different_internal_links(docs):
    edit(docs, "id", "(../law/korea.md#evidence)", "(../law/korea.md)")
    (msg,) = problems(docs)
    assert msg.startswith("docs/help/evidence.id.md: internal links differ from docs/help/evidence.ko.md;")
    assert "missing here: ../law/korea.md#evidence" in msg
    assert "not in docs/help/evidence.ko.md: ../law/korea.md" in msg


def test_external_links_are_not_compared(docs):
    edit(docs, "en", "See [get help]", "See [a site](https://example.org/) and [get help]")
    assert problems(docs) == []


def test_different_short_codes(docs):
    edit(docs, "en", "contact [[tel:kr-1366]]", "contact [[tel:kr-112]]")
    (msg,) = problems(docs)
    assert msg.startswith("docs/help/evidence.en.md: short codes differ from docs/help/evidence.ko.md;")
    assert "missing here: [[tel:kr-1366]]" in msg and "not in docs/help/evidence.ko.md: [[tel:kr-112]]" in msg


def test_short_code_counted(docs):
    edit(docs, "id", "hubungi [[tel:kr-1366]].", "hubungi [[tel:kr-1366]] atau [[tel:kr-1366]].")
    (msg,) = problems(docs)
    assert "[[tel:kr-1366]] (2 times here, 1 in docs/help/evidence.ko.md)" in msg


def test_different_footnotes(docs):
    edit(docs, "en", "[^npa-2024] If", "[^npa] If")
    edit(docs, "en", "[^npa-2024]: Korean", "[^npa]: Korean")
    (msg,) = problems(docs)
    assert msg.startswith("docs/help/evidence.en.md: footnotes differ from docs/help/evidence.ko.md;")
    assert "missing here: [^npa-2024]" in msg and "not in docs/help/evidence.ko.md: [^npa]" in msg


def test_footnote_used_but_not_defined(docs):
    for lang in ("ko", "en", "id"):
        p = page(docs, lang)
        p.write_text(p.read_text(encoding="utf-8").replace("[^npa-2024]", "[^npa-2024][^moe]", 1), encoding="utf-8")
    msgs = problems(docs)
    assert any(m.startswith("docs/help/evidence.ko.md:11: the footnote [^moe] is used but never defined.") for m in msgs), msgs
    assert len(msgs) == 3


def test_footnote_defined_but_not_used(docs):
    edit(docs, "ko", "경찰은 2024년에 많은 사건을 적발했어요.[^npa-2024]", "경찰은 2024년에 많은 사건을 적발했어요.")
    msgs = problems(docs)
    assert "docs/help/evidence.ko.md: the footnote [^npa-2024] is defined but never used" in msgs[0]


def test_content_note_differs(docs):
    edit(docs, "id", "content_note: true\n", "")
    assert problems(docs) == [
        "docs/help/evidence.id.md: content_note is true in docs/help/evidence.ko.md but not set here. "
        "Set the same content_note in every version."
    ]


@pytest.mark.parametrize("lang, typed, number", [
    ("ko", "서울센터(02-735-8994)에 연락해요.", "02-735-8994"),
    ("ko", "1577-1366으로 연락해요.", "1577-1366"),
    ("ko", "바로 112에 전화하세요.", "112"),
    ("ko", "1366번으로 전화해요.", "1366"),
    ("en", "In danger? Call 112.", "112"),
    ("en", "Call +82 2-735-8994 any time.", "+82 2-735-8994"),
    ("id", "Hubungi 129 sekarang.", "129"),
    ("id", "WhatsApp 08111-129-129 juga bisa.", "08111-129-129"),
    ("id", "Telepon (021) 390-3963.", "(021) 390-3963"),
])
def test_phone_number_typed_into_a_page(docs, lang, typed, number):
    edit(docs, lang, "\n## ", f"\n{typed}\n\n## ")
    (msg,) = problems(docs)
    assert msg.startswith(f'docs/help/evidence{SUFFIX[lang]}.md:13:')
    assert f'"{number}" looks like a phone number typed into the page.' in msg
    assert "data/hotlines.yml" in msg and "[[tel:" in msg


def test_numbers_that_are_not_phone_numbers(docs):
    # dates, counts, years, short codes, URLs and code: none is a phone number
    edit(docs, "en", "\n## Keep", "\n1,202 cases in 2024; 132 reports; 2023-2024; 1998-2024; page 112; "
         "<https://example.org/02-735-8994> `02-735-8994` [[tel:kr-d4u]]\n\n## Keep")
    edit(docs, "ko", "## 기록", "[[tel:kr-d4u]]\n\n## 기록")
    edit(docs, "id", "## Catat", "[[tel:kr-d4u]]\n\n## Catat")
    assert problems(docs) == []


def test_phone_number_suggests_the_contact_id(docs):
    edit(docs, "ko", "## 기록", "02-735-8994로 연락해요.\n\n## 기록")
    (msg,) = problems(docs)
    assert "write [[tel:kr-d4u]] instead" in msg


def test_no_front_matter(docs):
    p = page(docs, "en")
    p.write_text(p.read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    msgs = problems(docs)
    assert msgs[0].startswith("docs/help/evidence.en.md: the page has no front matter.")


@pytest.mark.parametrize("field", ["title", "description", "revision", "reviewed"])
def test_missing_front_matter_field(docs, field):
    p = page(docs, "id")
    lines = [line for line in p.read_text(encoding="utf-8").split("\n") if not line.startswith(f"{field}:")]
    p.write_text("\n".join(lines), encoding="utf-8")
    msgs = problems(docs)
    assert any(m.startswith(f'docs/help/evidence.id.md: the front matter has no "{field}:". Add a line "{field}: ') for m in msgs), msgs


def test_bad_revision_and_date(docs):
    edit(docs, "ko", "revision: 1", "revision: one")
    edit(docs, "en", "reviewed: 2026-11-25", "reviewed: 25.11.2026")
    msgs = problems(docs)
    assert "docs/help/evidence.ko.md: \"revision:\" must be a whole number such as 1 or 2 (found: 'one')." in msgs
    assert any(m.startswith('docs/help/evidence.en.md: "reviewed:" must be the date of the last check, written YYYY-MM-DD') and "(found: '25.11.2026')" in m for m in msgs)


def test_full_width_colon_in_front_matter(docs):
    edit(docs, "ko", "title: 증거 남기기", "title： 증거 남기기\ndescription x")
    msgs = problems(docs)
    assert any(m.startswith("docs/help/evidence.ko.md:") and "not valid YAML" in m and 'full-width colon "："' in m for m in msgs), msgs


def test_unfinished_new_page(docs):
    edit(docs, "en", "title: Keep evidence", "title: New page")
    edit(docs, "en", "description: How", "description: TODO How")
    msgs = problems(docs)
    assert 'docs/help/evidence.en.md: the title is still the placeholder "New page". Write the real page title in "title:" and in the "# " heading.' in msgs
    assert "docs/help/evidence.en.md: the description still says TODO. Write one sentence that says what the page is about." in msgs


def test_unknown_or_missing_language_ending(docs):
    (docs / "help" / "evidence.fr.md").write_text(PAGES["en"].format(rev=1), encoding="utf-8")
    (docs / "help" / "evidence.md").write_text(PAGES["ko"].format(rev=1), encoding="utf-8")
    msgs = problems(docs)
    assert any(m.startswith('docs/help/evidence.fr.md: ".fr" is not a language of this site') for m in msgs), msgs
    assert any(m.startswith("docs/help/evidence.md: the file name says no language. Name it help/evidence.<language>.md")
               and "help/evidence.ko.md (Korean)" in m for m in msgs), msgs


def test_a_page_of_a_language_being_translated_is_compared_like_any_other(docs):
    edit(docs, "id", "---\ntitle:", "---\nuntranslated: true\ntitle:")
    assert problems(docs) == []


def test_not_utf8(docs):
    page(docs, "ko").write_bytes(PAGES["ko"].format(rev=1).encode("cp949"))
    msgs = problems(docs)
    assert "docs/help/evidence.ko.md: the file is not saved as UTF-8 text. Open it in your editor and save it with the encoding UTF-8." in msgs
