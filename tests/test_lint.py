"""The Markdown lint (nyf.lint): the repository's Markdown passes; each kind of mistake that a
Korean input method, a word processor or a chat app brings in is reported as file:line:column
with what to change; pymarkdownlnt's findings come out in plain words; a word the site avoids
(data/terms.yml) is named with the better one. In-process, one engine for every rule."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from nyf import lint as nyf_lint

GOOD = """---
title: 증거 남기기
description: 피해를 입었을 때 증거를 안전하게 남기는 방법을 알려 드려요.
revision: 1
reviewed: 2026-11-25
content_note: true
---

# 증거 남기기

경찰은 1,202건을 적발했어요.[^npa-2024] ※ 참고: 천천히 읽어도 괜찮아요.

## 화면 캡처하기 {#capture}

!!! note "알아 두세요"

    지금 당장 [[tel:kr-112]]에 전화해도 돼요.

    - 항목 하나
    - 항목 둘

??? tip "더 보기"

    숨겨진 내용이에요.

## 어디에 알릴까요?

| 기관 | 연락처 |
|---|---|
| 경찰 | [[tel:kr-112]] |

1. 첫째
2. 둘째
    - 안쪽 항목

- [ ] 할 일

<div class="grid cards" markdown>

-   **피해를 입었어요**

    ---

    지금 할 수 있는 일을 알려 드려요.

    [도움받기](index.md) · [법](../law/korea.md#evidence)

-   **친구를 돕고 싶어요**

    ---

    [친구를 돕는 법](helping-a-friend.md)

</div>

예시는 `＃ 제목`처럼 코드 안에 쓰면 검사하지 않아요. 👩‍💻

```text
＃ 코드 블록 안도 괜찮아요
```

*[KBGO]: Kekerasan Berbasis Gender Online

[^npa-2024]: 경찰청, "보도자료", 2024-12-01. <https://www.police.go.kr/>
"""


@dataclass
class Result:
    lines: list[str]
    error: str | None

    @property
    def returncode(self) -> int:
        return 1 if self.lines or self.error else 0

    @property
    def stdout(self) -> str:
        return "\n".join(self.lines)


def lint_folder(folder: Path, files: list[Path]) -> Result:
    shutil.copy(ROOT / ".pymarkdown.yml", folder / ".pymarkdown.yml")
    found, error = nyf_lint.lint(files, folder)
    return Result([str(f) for f in found], error)


def lint(tmp_path: Path, text: str | bytes, name: str = "page.md") -> Result:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return lint_folder(tmp_path, [path])


def findings(result: Result) -> list[str]:
    return [line for line in result.lines if re.match(r"^[^:\s]+\.md:\d+:\d+: ", line)]


def test_the_repository_passes():
    found, error = nyf_lint.lint(nyf_lint.default_targets(ROOT), ROOT)
    assert not error and [str(f) for f in found] == []


def test_a_page_with_everything_material_uses_passes(tmp_path):
    result = lint(tmp_path, GOOD)
    assert result.returncode == 0, result.stdout
    assert findings(result) == []


CASES = [
    # (what, text after the front matter, expected line:col, words in the message)
    ("full-width heading mark", "＃ 제목\n", "10:1", 'full-width "＃" at the start of a line; Markdown needs the normal "#". Replace it and add a space after it.'),
    ("full-width dash list", "－ 항목\n", "10:1", 'full-width "－" starts a list item'),
    ("full-width star list", "＊ 항목\n", "10:1", 'full-width "＊" starts a list item'),
    ("typed bullet", "• 항목\n", "10:1", '"•" typed as a bullet does not make a list'),
    ("full-width number", "１. 하나\n", "10:1", 'this numbered item uses full-width characters ("１.")'),
    ("full-width period", "1．하나\n", "10:1", 'this numbered item uses full-width characters ("1．")'),
    ("full-width quote", "＞ 인용\n", "10:1", 'full-width "＞" starts a quote'),
    ("full-width link", "자세한 건 ［여기］（help.md）를 보세요.\n", "10:7", "full-width brackets in a link"),
    ("half full-width link", "자세한 건 [도움말]（help.md）를 보세요.\n", "10:7", "full-width brackets in a link"),
    ("full-width bold", "정말 ＊＊중요해요＊＊.\n", "10:4", 'full-width "＊＊" does not make bold text'),
    ("full-width table bar", "| a | b |\n|---|---|\n| 1 ｜ 2 |\n", "12:5", 'full-width "｜" in a table row'),
    ("full-width table start", "| a | b |\n|---|---|\n｜ 1 | 2 |\n", "12:1", 'full-width "｜" starts a table row'),
    ("full-width short code", "［［tel:kr-112］］\n", "10:1", "full-width characters in a short code"),
    ("full-width short code colon", "[[tel：kr-112]]\n", "10:1", "full-width characters in a short code"),
    ("full-width heading id", "## 증거 ｛＃evidence｝\n", "10:7", "full-width characters in a heading id"),
    ("full-width code fence", "｀｀｀\ncode\n｀｀｀\n", "10:1", 'full-width "｀" in a code fence'),
    ("full-width admonition", "！！！ note\n", "10:1", 'full-width "！！！" starts an admonition'),
    ("zero-width space", "단어\u200b사이\n", "10:3", "invisible character: zero-width space (U+200B)"),
    ("zero-width joiner", "a\u200db\n", "10:2", "invisible character: zero-width joiner (U+200D)"),
    ("direction control", "\u202e뒤집기\n", "10:1", "invisible character: text-direction control (U+202E)"),
    ("bom inside", "가\ufeff나\n", "10:2", "invisible character: byte-order mark"),
    ("nbsp indentation", "\u00a0- 항목\n", "10:1", "non-breaking space (U+00A0) at the start of the line"),
    ("nbsp after marker", "-\u00a0항목\n", "10:2", 'non-breaking space (U+00A0) after "-"'),
    ("ideographic space after #", "##\u3000제목\n", "10:3", 'full-width space (U+3000, 전각 공백) after "##"'),
    ("two-space nested list", "- 항목\n  - 안쪽 항목\n", "11:1", "this list item is indented by 2 spaces; MkDocs puts a list inside a list only when it is indented by 4 spaces"),
    ("ideographic space at start", "\u3000들여쓰기\n", "10:1", "full-width space (U+3000, 전각 공백) at the start of the line"),
]


@pytest.fixture(scope="module")
def case_results(tmp_path_factory) -> dict[str, list[str]]:
    """Every case in CASES and PYMARKDOWN_CASES, each in its own file, linted in one run."""
    folder = tmp_path_factory.mktemp("cases")
    head = "---\ntitle: 제목\ndescription: 설명\nrevision: 1\nreviewed: 2026-11-25\n---\n\n# 제목\n\n"
    for i, (_, body, _, _) in enumerate(CASES):
        (folder / f"case{i}.md").write_bytes((head + body).encode("utf-8"))
    for i, (body, _, _) in enumerate(PYMARKDOWN_CASES):
        (folder / f"rule{i}.md").write_bytes(("---\ntitle: T\n---\n\n# T\n\n" + body).encode("utf-8"))
    result = lint_folder(folder, sorted(folder.glob("*.md")))
    assert result.returncode == 1
    by_file: dict[str, list[str]] = {}
    for line in findings(result):
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    return by_file


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_input_method_mistakes(case_results, i):
    _, _, where, words = CASES[i]
    lines = case_results.get(f"case{i}.md", [])
    assert any(line.startswith(f"case{i}.md:{where}: ") and words in line for line in lines), "\n".join(lines)


def test_full_width_colon_in_front_matter(tmp_path):
    result = lint(tmp_path, "---\ntitle： 제목\nrevision: 1\n---\n\n# 제목\n")
    assert findings(result) == [
        'page.md:2:6: full-width colon "：" after "title"; the front matter needs the normal ":" followed by a space ("title: ..."). Replace it.'
    ]  # and nothing from pymarkdownlnt about the broken front matter


def test_odd_space_after_a_front_matter_key(tmp_path):
    result = lint(tmp_path, "---\ntitle:\u3000제목\n---\n\n# 제목\n")
    assert findings(result) == [
        'page.md:2:7: full-width space (U+3000, 전각 공백) after "title:"; the front matter needs a normal space there. Replace it.'
    ]


def test_mixed_line_endings(tmp_path):
    result = lint(tmp_path, b"# T\r\n\r\ntext\nmore\nand more\n")
    (line,) = findings(result)
    assert line.startswith("page.md:1:1: mixed line endings: 2 lines end with Windows line endings (CRLF) and 3 with Unix line endings (LF)")
    assert 'Set your editor to "LF" line endings' in line


def test_cr_only_line_endings(tmp_path):
    result = lint(tmp_path, b"# T\r\rtext\r")
    assert any("lone carriage return (old Mac line endings)" in line for line in findings(result))


def test_all_crlf_is_accepted(tmp_path):
    result = lint(tmp_path, b"# T\r\n\r\ntext\r\n")
    assert result.returncode == 0, result.stdout


def test_byte_order_mark(tmp_path):
    result = lint(tmp_path, "\ufeff---\ntitle: x\n---\n\n# T\n".encode("utf-8"))
    assert findings(result) == [
        'page.md:1:1: the file starts with an invisible byte-order mark (BOM), which hides the front matter from MkDocs. '
        'Save it as "UTF-8" without BOM (in Notepad: "UTF-8", not "UTF-8 with BOM").'
    ]


def test_not_utf8(tmp_path):
    result = lint(tmp_path, "# 제목\n\n한국어\n".encode("cp949"))
    (line,) = findings(result)
    assert line.startswith("page.md:1:1: the file is not saved as UTF-8 (perhaps EUC-KR/CP949")


PYMARKDOWN_CASES = [
    ("text\n- item\n", "MD032", "a list needs an empty line above it and below it"),
    ("# Second title\n", "MD025", 'more than one top-level heading ("# ")'),
    ("Heading\n---\n", "MD003", "this heading is underlined with === or ---"),
    ('<iframe src="https://example.org"></iframe>\n', "MD033", "this HTML tag is not allowed on pages (<iframe>)"),
    ("#Heading\n", "MD018", 'no space after "#"'),
    ("## A\n#### B\n", "MD001", "the heading level jumps"),
    ("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", "MD056", "this table row has a different number of cells"),
    ("- a\n\tb\n", "MD010", "a tab character"),
    ("(text)[https://example.org]\n", "MD011", "a link written the wrong way round"),
]


@pytest.mark.parametrize("i", range(len(PYMARKDOWN_CASES)), ids=[c[1] for c in PYMARKDOWN_CASES])
def test_pymarkdownlnt_findings_in_plain_words(case_results, i):
    _, rule, words = PYMARKDOWN_CASES[i]
    lines = case_results.get(f"rule{i}.md", [])
    assert any(f"[{rule}]" in line and words in line for line in lines), "\n".join(lines)
    assert all(re.match(rf"^rule{i}\.md:\d+:\d+: \S", line) for line in lines)


def test_the_command_line_gives_a_summary_and_exit_code(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# T\n\n＃ 둘\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "nyf", "lint", str(page)], capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert "Markdown lint: 1 problem in 1 file(s)." in result.stdout


def test_a_rule_can_be_switched_off_for_one_line(tmp_path):
    assert findings(lint(tmp_path, "# T\n\n<!-- pyml disable-next-line nyf001 -->\n＃ 둘\n")) == []


# --- words the site does not use (data/terms.yml) -------------------------------------------------

@pytest.fixture
def site_copy(tmp_path):
    """docs/ of its own, with the real languages and terms."""
    for part in ("languages", "data"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    return tmp_path


TERMS = [
    ("en", "Police arrested people behind deepfake porn chatrooms.", "deepfake porn", '"sexual deepfake"'),
    ("en", "Her photos were leaked online.", "leaked", '"shared without consent"'),
    ("ko", "리벤지 포르노는 범죄예요.", "리벤지 포르노", '"불법촬영물 유포"'),
    ("ko", "친밀한 이미지를 퍼뜨리는 일", "친밀한 이미지", '"성적인 사진·영상"'),
    ("ko", "사진이 유출됐어요.", "유출됐", '"동의 없이 퍼졌다"'),
    ("id", "Fotonya bocor di grup.", "bocor", '"disebarkan tanpa persetujuan"'),
    ("id", "Itu bukan video porno biasa.", "video porno", '"konten seksual"'),
]


@pytest.mark.parametrize("code, line, word, better", TERMS, ids=[t[2] for t in TERMS])
def test_an_avoided_word_is_named_with_the_better_one(site_copy, code, line, word, better):
    page = site_copy / "docs" / f"page.{code}.md"
    page.write_text(f"# T\n\n{line}\n", encoding="utf-8")
    (finding,) = findings(lint_folder(site_copy, [page]))
    assert finding.startswith(f"docs/page.{code}.md:3:{line.index(word) + 1}: \"{word}\"") and better in finding, finding


def test_quotes_citations_allowed_phrases_and_other_languages_are_left_alone(site_copy):
    pages = {
        "en": 'The Week called it "South Korea\'s deepfake porn crisis".[^w]\n\n[^w]: The Week, deepfake porn crisis, 2024.',
        "id": "UU Pornografi melarangnya, dan KUHP menyebut “pornografi anak”.",
        "ko": "인도네시아 포르노그래피법(UU Pornografi)과 Revenge Porn Helpline, 'leaked'라는 말",
    }
    files = []
    for code, text in pages.items():
        files.append(site_copy / "docs" / f"page.{code}.md")
        files[-1].write_text(f"# T\n\n{text}\n", encoding="utf-8")
    assert findings(lint_folder(site_copy, files)) == []


def test_the_longest_avoided_phrase_is_named_once(site_copy):
    page = site_copy / "docs" / "page.ko.md"
    page.write_text("# T\n\n아동 포르노라는 말\n", encoding="utf-8")
    (finding,) = findings(lint_folder(site_copy, [page]))
    assert '"아동 포르노"' in finding and "성착취물" in finding
