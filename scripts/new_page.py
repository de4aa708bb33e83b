"""Create a new page in all three languages and add it to the navigation.

    make new-page NAME=help/my-page       (or: python scripts/new_page.py help/my-page)

writes docs/help/my-page.md (Korean), docs/help/my-page.en.md (English) and
docs/help/my-page.id.md (Indonesian), each with its front matter and a note on what to fill in,
and adds "help/my-page.md" to the nav in mkdocs.yml, under the section that holds the other
pages of docs/help/ (a page without a folder goes at the end of the top level). mkdocs.yml is
edited as text, one inserted line, so its comments and layout stay as they are.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"^(?:(?P<folder>[a-z0-9]+(?:-[a-z0-9]+)*)/)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")

PLACEHOLDER = {"ko": "새 페이지", "en": "New page", "id": "Halaman baru"}
# The first line of the note in each template; scripts/check_translations.py reports a page that
# still carries it.
NOTE_MARKERS = ("할 일 (다 하면 이 안내를 지워 주세요)", "To do (delete this note when you are done)",
                "Yang perlu dikerjakan (hapus catatan ini kalau sudah selesai)")
TEMPLATES = {
    "ko": """---
title: {title}
description: TODO 이 페이지가 무엇을 다루는지 한 문장으로 써 주세요(50~160자).
revision: 1
reviewed: {today}
---

<!--
할 일 (다 하면 이 안내를 지워 주세요):
1. 위의 title과 아래 "# " 제목에 진짜 페이지 제목을 써 주세요.
2. description에 이 페이지를 소개하는 문장을 하나 써 주세요.
3. 성범죄를 다루는 페이지라면 front matter에 "content_note: true" 줄을 넣어 주세요.
4. 본문은 "## " 소제목으로 나눠 주세요. 숫자와 날짜, 법 내용에는 각주로 출처를 달아 주세요.
5. 영어({stem}.en.md)와 인도네시아어({stem}.id.md) 파일도 같은 구조로 써 주세요.
자세한 방법은 CONTRIBUTING.ko.md에 있어요. 다 쓰면 make check를 실행해 보세요.
-->

# {title}

이 페이지는 준비 중이에요.
""",
    "en": """---
title: {title}
description: TODO Write one sentence that says what this page is about (50 to 160 characters).
revision: 1
reviewed: {today}
---

<!--
To do (delete this note when you are done):
1. Write the real page title in "title:" above and in the "# " heading below.
2. Write one sentence about the page in "description:".
3. If the page talks about abuse, add the line "content_note: true" to the front matter.
4. Divide the text into "## " sections. Give every number, date and legal point a footnote
   with its source.
5. Give the Korean ({stem}.md) and Indonesian ({stem}.id.md) versions the same structure.
CONTRIBUTING.md explains each step. When you are done, run: make check
-->

# {title}

This page is being written.
""",
    "id": """---
title: {title}
description: TODO Tulis satu kalimat tentang isi halaman ini (50 sampai 160 karakter).
revision: 1
reviewed: {today}
---

<!--
Yang perlu dikerjakan (hapus catatan ini kalau sudah selesai):
1. Tulis judul halaman yang sebenarnya di "title:" di atas dan di judul "# " di bawah.
2. Tulis satu kalimat tentang halaman ini di "description:".
3. Kalau halaman ini membahas kekerasan seksual, tambahkan baris "content_note: true" di
   front matter.
4. Bagi teks dengan subjudul "## ". Setiap angka, tanggal, dan isi hukum perlu catatan kaki
   berisi sumbernya.
5. Versi bahasa Korea ({stem}.md) dan bahasa Inggris ({stem}.en.md) harus punya struktur yang
   sama.
Penjelasan lengkapnya ada di CONTRIBUTING.id.md. Kalau sudah selesai, jalankan: make check
-->

# {title}

Halaman ini sedang ditulis.
""",
}


class NewPageError(Exception):
    pass


def files_for(docs: Path, name: str) -> dict[str, Path]:
    return {"ko": docs / f"{name}.md", "en": docs / f"{name}.en.md", "id": docs / f"{name}.id.md"}


def validate(root: Path, name: str) -> re.Match:
    name = name.strip()
    if not (root / "docs").is_dir() or not (root / "mkdocs.yml").is_file():
        raise NewPageError(f"{root} has no docs/ folder and mkdocs.yml. Run the command from the top folder of the repository.")
    if not name:
        raise NewPageError(
            "Give the new page a name, for example:\n"
            "    make new-page NAME=help/my-page\n"
            "The part before / is the folder in docs/ (help, understand, law, schools), or leave it out "
            "for a page at the top; the part after it becomes the address: /help/my-page/."
        )
    if name.endswith(".md"):
        raise NewPageError(f'"{name}": leave out ".md"; the three files get their endings by themselves. Try: make new-page NAME={name[:-3]}')
    m = NAME.match(name)
    if not m:
        raise NewPageError(
            f'"{name}" cannot be a page name. Use lowercase English letters (a-z), digits and hyphens '
            f"only, no spaces, at most one folder, for example: help/talk-to-a-parent. "
            f"(The name becomes the web address; the title people see can be in any language.)"
        )
    folder = m.group("folder")
    if folder:
        docs = root / "docs"
        if folder == "assets":
            raise NewPageError("docs/assets/ holds styles, scripts and images, not pages. Choose another folder.")
        if not (docs / folder).is_dir():
            existing = sorted(p.name for p in docs.iterdir() if p.is_dir() and p.name != "assets")
            raise NewPageError(
                f'docs/{folder}/ does not exist. Use one of the existing folders ({", ".join(existing)}), '
                f"or leave the folder out for a page at the top level."
            )
    return m


def nav_insert(config_text: str, name: str, folder: str | None) -> tuple[str, str]:
    """Insert "- name.md" into the nav of mkdocs.yml (as text). Returns (new text, where)."""
    lines = config_text.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line))
    except StopIteration:
        raise NewPageError("mkdocs.yml has no \"nav:\" section; add the page to the navigation by hand.") from None
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#" or lines[end].startswith("-")):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    entry = re.compile(r"^(?P<indent>\s*)- (?:[^:\n]+:\s+)?(?P<path>[\w./-]+\.md)\s*(?:#.*)?$")
    entries = [(i, entry.match(lines[i])) for i in range(start + 1, end)]
    entries = [(i, m) for i, m in entries if m]
    if any(m.group("path") == f"{name}.md" for _, m in entries):
        raise NewPageError(f"{name}.md is already in the nav of mkdocs.yml.")
    # the indentation of the top level: that of the first "- " line under nav:
    first_item = next((re.match(r"^(\s*)-", lines[i]).group(1) for i in range(start + 1, end) if re.match(r"^\s*-", lines[i])), "  ")
    if folder:
        same = [(i, m) for i, m in entries if m.group("path").startswith(f"{folder}/")]
        if same:
            i, m = same[-1]
            lines.insert(i + 1, f"{m.group('indent')}- {name}.md")
            return "\n".join(lines), f"after {m.group('path')}"
    lines.insert(end, f"{first_item}- {name}.md")
    return "\n".join(lines), "at the end of the navigation"


def create(root: Path, name: str, today: dt.date | None = None) -> tuple[list[Path], str]:
    m = validate(root, name)
    name = name.strip()
    docs = root / "docs"
    files = files_for(docs, name)
    existing = [p for p in files.values() if p.exists()]
    if existing:
        raise NewPageError(
            "This page already exists: " + ", ".join(p.relative_to(root).as_posix() for p in existing)
            + ". Nothing was changed. Edit the existing files, or choose another name."
        )
    config = root / "mkdocs.yml"
    new_config, where = nav_insert(config.read_text(encoding="utf-8"), name, m.group("folder"))
    today = today or dt.date.today()
    for lang, path in files.items():
        path.write_text(TEMPLATES[lang].format(title=PLACEHOLDER[lang], today=today.isoformat(), stem=m.group("slug")),
                        encoding="utf-8", newline="\n")
    config.write_text(new_config, encoding="utf-8", newline="\n")
    return [*files.values(), config], where


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create a new page in Korean, English and Indonesian.")
    parser.add_argument("name", nargs="?", default="", help="folder/slug, for example help/my-page")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this repository)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        written, where = create(root, args.name)
    except NewPageError as exc:
        print(f"No page was created. {exc}")
        return 1
    name = args.name.strip()
    print("Created:")
    for path in written[:3]:
        print(f"    {path.relative_to(root).as_posix()}")
    print(f"and added {name}.md to the nav in mkdocs.yml ({where}).")
    print(
        "\nNext:\n"
        "  1. Open each file and follow the note at its top (title, description, text).\n"
        "  2. Preview: make serve, then open the page (its address ends in "
        f"/{name}/ ; English /en/{name}/, Indonesian /id/{name}/).\n"
        "  3. Before you propose the change: make check\n"
        "  Want the page in another place in the menu? Move its line in the nav: section of mkdocs.yml."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
