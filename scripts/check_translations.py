"""Are the three language versions of every page in step?

Every page is three files side by side: docs/x.md (Korean), docs/x.en.md (English) and
docs/x.id.md (Indonesian). This check fails, naming the file and what to change, when:

- a page lacks a language, or a file has a language ending the site does not use;
- front matter is missing or incomplete (title, description, revision, reviewed);
- the versions carry different `revision:` numbers (the lower ones are "behind": whoever changes
  the facts or the structure of one version bumps its revision; the others are behind until they
  are translated and bumped too);
- versions at the same revision differ in structure: number of `##` sections, internal links,
  short codes ([[tel:...]], [[stat:...]]...), footnote ids, content_note;
- a footnote is used but not defined, or defined but not used;
- a phone number is typed into a page (phone numbers live in data/hotlines.yml: use [[tel:ID]]).

Usage: python scripts/check_translations.py [--docs DIR]      exit 0 = all fine, 1 = problems
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import new_page  # noqa: E402
import shortcodes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ko", "en", "id")
LANG_NAMES = {"ko": "Korean", "en": "English", "id": "Indonesian"}
REQUIRED = ("title", "description", "revision", "reviewed")
# What `make new-page` writes; a page still carrying it is not finished.
PLACEHOLDER_TITLES = set(new_page.PLACEHOLDER.values())

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
COMMENT = re.compile(r"<!--.*?-->", re.S)
H2 = re.compile(r"^[ \t]*##(?:[ \t]+|$)(?!#)")
LINK = re.compile(r"\]\(\s*<?([^()\s<>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REF_DEF = re.compile(r"^[ \t]*\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
FOOTNOTE_DEF = re.compile(r"^[ \t]*\[\^([^\]\s]+)\]:", re.M)
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
URL = re.compile(r"<?https?://[^\s<>)\]]+>?|\]\([^)]*\)")

# Phone numbers typed into a page. Phone numbers belong in data/hotlines.yml, shown with
# [[tel:ID]] / [[contact:ID]], so that one edit there reaches every page and the help panel.
PHONE_PATTERNS = [
    # Korea: 02-735-8994, 010-1234-5678, 031.123.4567, (02) 735-8994
    re.compile(r"(?<![\d.+-])\(?0\d{1,2}\)?[-.\s]\d{3,4}[-.\s]\d{4}(?![\d-])"),
    # Korea: representative numbers 1577-1366, 1588-0000, 1644-0000
    re.compile(r"(?<![\d.+-])1[568]\d{2}-\d{4}(?![\d-])"),
    # Indonesia: 08111-129-129, 0812 3456 7890, 081234567890, +62 812-3456-7890
    re.compile(r"(?<![\d.+-])(?:\+62[-\s]?|0)8\d{1,3}[-\s]?\d{3,4}[-\s]?\d{3,5}(?![\d-])"),
    # Indonesia: (021) 390-3963, 021-3903963
    re.compile(r"(?<![\d.+-])\(0\d{1,3}\)\s?\d{3,4}[-\s]?\d{3,4}(?![\d-])"),
    re.compile(r"(?<![\d.+-])0\d{2}-\d{7,8}(?![\d-])"),
    # International: +82 2-735-8994, +1 (555) 010-0000
    re.compile(r"(?<![\d.])\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}(?![\d-])"),
]
# Short hotline numbers are ordinary numbers too ("132 cases"), so they count only beside a word
# that means "call": "112에 전화", "112번", "call 112", "hubungi 129".
SHORT_NUMBER = r"(?:112|119|110|117|129|132|148|182|1345|1366|1377|1388|1393)"
SHORT_PHONE = re.compile(
    rf"(?:(?:☎|\b(?:[Cc]all|[Dd]ial|[Pp]hone|[Rr]ing|[Tt]ext|[Hh]ubungi|[Tt]elepon|[Tt]elp\.?|[Nn]omor|[Pp]anggil|SMS|WhatsApp|WA))[\s:]*(?:the\s+)?)"
    rf"(?<![\d,.]){SHORT_NUMBER}(?![\d,%]|\.\d)"
    rf"|(?<![\d,.]){SHORT_NUMBER}\)?(?:번|\s?(?:에|으로|로)\s?(?:바로\s)?(?:전화|신고|연락|문자))"
)


@dataclass
class Version:
    path: Path
    shown: str  # how the file is named in messages: docs/law/korea.en.md
    text: str = ""
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line
    ok_front_matter: bool = False


def shown_path(docs: Path, path: Path) -> str:
    return "docs/" + path.relative_to(docs).as_posix()


def split_name(rel: str) -> tuple[str, str | None]:
    """'law/korea.en.md' -> ('law/korea', 'en'); 'law/korea.md' -> ('law/korea', 'ko')."""
    base = rel[:-3]
    m = re.search(r"\.([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$", base)
    if m:
        return base[: m.start()], m.group(1)
    return base, "ko"


def blank_out(text: str) -> str:
    """The text with code, HTML comments and the front matter replaced by spaces (lines and
    columns stay where they were), so that examples in code are not counted as structure."""
    text = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    out, fence = [], None
    for line in text.split("\n"):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line))
    return "\n".join(out)


def read_front_matter(v: Version, problems: list[str]) -> None:
    text = v.text
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(
            f'{v.shown}: the page has no front matter. Its first line must be "---", then the lines '
            f'title:, description:, revision: and reviewed:, then "---" again. Copy the top of another page and change it.'
        )
        v.body = text
        return
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.append(f'{v.shown}: the front matter is not closed. Add a line "---" after the last field (reviewed: ...).')
        return
    v.body = "\n".join(lines[end + 1:])
    v.body_line = end + 2
    raw = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        hint = ""
        if "：" in raw:
            hint = ' The full-width colon "：" must be a normal ":".'
        problems.append(
            f"{v.shown}{line}: the front matter (between the --- lines) is not valid YAML: "
            f"{getattr(exc, 'problem', None) or exc}. Each line must be a field name, a colon and a space, "
            f'then the value (for example "title: My page"); put a value that contains ": " in quotes.{hint}'
        )
        return
    if not isinstance(meta, dict):
        problems.append(f'{v.shown}: the front matter must be lines like "title: ...", not {type(meta).__name__}.')
        return
    v.meta = meta
    ok = True
    for key in REQUIRED:
        if key not in meta or meta[key] in (None, ""):
            example = {"title": "the page title", "description": "one sentence about the page",
                       "revision": "1", "reviewed": dt.date.today().isoformat()}[key]
            problems.append(f'{v.shown}: the front matter has no "{key}:". Add a line "{key}: {example}" between the --- lines at the top.')
            ok = False
    rev = meta.get("revision")
    if rev not in (None, "") and (isinstance(rev, bool) or not isinstance(rev, int) or rev < 1):
        problems.append(f'{v.shown}: "revision:" must be a whole number such as 1 or 2 (found: {rev!r}).')
        ok = False
    reviewed = meta.get("reviewed")
    if reviewed not in (None, "") and not isinstance(reviewed, dt.date):
        valid = False
        if isinstance(reviewed, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed):
            try:
                dt.date.fromisoformat(reviewed)
                valid = True
            except ValueError:
                pass
        if not valid:
            problems.append(
                f'{v.shown}: "reviewed:" must be the date of the last check, written YYYY-MM-DD, '
                f"like {dt.date.today().isoformat()} (found: {reviewed!r})."
            )
    for key in ("title", "description"):
        value = meta.get(key)
        if value not in (None, "") and not isinstance(value, str):
            problems.append(f'{v.shown}: "{key}:" must be text (found: {value!r}). Put it in quotes if it is only a number or a date.')
    title = str(meta.get("title") or "")
    if title in PLACEHOLDER_TITLES:
        problems.append(f'{v.shown}: the title is still the placeholder "{title}". Write the real page title in "title:" and in the "# " heading.')
    if "TODO" in str(meta.get("description") or ""):
        problems.append(f'{v.shown}: the description still says TODO. Write one sentence that says what the page is about.')
    for marker in new_page.NOTE_MARKERS:
        if marker in v.body:
            line = v.body_line + v.body[: v.body.index(marker)].count("\n")
            problems.append(f"{v.shown}:{line}: the to-do note from `make new-page` is still here. Do what it says, then delete the note (from <!-- to -->).")
    v.ok_front_matter = ok


def h2_count(body: str) -> int:
    return sum(1 for line in blank_out(body).split("\n") if H2.match(line))


def internal_links(body: str) -> Counter:
    clean = blank_out(body)
    targets = [m.group(1) for m in LINK.finditer(clean)] + [m.group(1) for m in REF_DEF.finditer(clean)]
    out = Counter()
    for target in targets:
        if SCHEME.match(target) or target.startswith(("#", "/")):
            continue
        path = target.split("#", 1)[0]
        if path.endswith(".md") or path.endswith("/"):
            out[target[2:] if target.startswith("./") else target] += 1
    return out


def codes(body: str) -> Counter:
    return Counter(f"[[{kind}:{ident}]]" for kind, ident in shortcodes.used(blank_out(body)))


def footnote_defs(body: str) -> list[str]:
    return FOOTNOTE_DEF.findall(blank_out(body))


def hotline_ids(root: Path) -> dict[str, str]:
    """digits of a phone number -> contact id, from data/hotlines.yml (if it can be read)."""
    path = root / "data" / "hotlines.yml"
    found: dict[str, str] = {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return found

    phone_key = re.compile(r"(number|phone|tel|whatsapp|international|sms|fax)", re.I)

    def numbers(node, key=""):
        if isinstance(node, (str, int)) and not isinstance(node, bool) and phone_key.search(key):
            yield str(node)
        elif isinstance(node, dict):
            for k, value in node.items():
                yield from numbers(value, str(k))
        elif isinstance(node, list):
            for value in node:
                yield from numbers(value, key)

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                for number in numbers(node):
                    digits = re.sub(r"\D", "", number)
                    if len(digits) >= 3:
                        found.setdefault(digits, node["id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return found


def phone_numbers(v: Version, known: dict[str, str]) -> list[str]:
    problems = []
    clean = blank_out(v.body)
    clean = shortcodes.CODE.sub(lambda m: " " * len(m.group(0)), clean)
    clean = URL.sub(lambda m: " " * len(m.group(0)), clean)
    for n, line in enumerate(clean.split("\n")):
        if FOOTNOTE_DEF.match(line):
            continue  # a source's own title may quote a number ("... '☎1366'으로 일원화")
        hits = []
        for pattern in PHONE_PATTERNS + [SHORT_PHONE]:
            for m in pattern.finditer(line):
                if not any(m.start() < end and start < m.end() for start, end, _ in hits):
                    hits.append((m.start(), m.end(), m.group(0).strip()))
        for start, _, found in sorted(hits):
            number = re.search(r"[+(]?\d[\d\s().-]*\d", found)
            number = number.group(0) if number else found
            if number.count("(") != number.count(")"):
                number = number.replace("(", "").replace(")", "")
            ident = known.get(re.sub(r"\D", "", number))
            code = f"[[tel:{ident}]]" if ident else "[[tel:ID]] with the contact's id from data/hotlines.yml (add the contact there if it is new)"
            problems.append(
                f'{v.shown}:{v.body_line + n}:{start + 1}: "{number}" looks like a phone number typed into the page. '
                f"Phone numbers live in data/hotlines.yml so that a change reaches every page: write {code} instead."
            )
    return problems


def footnote_problems(v: Version) -> list[str]:
    clean = blank_out(v.body)
    defs = FOOTNOTE_DEF.findall(clean)
    refs = FOOTNOTE_REF.findall(clean)
    problems = []
    for ident, count in Counter(defs).items():
        if count > 1:
            problems.append(f"{v.shown}: the footnote [^{ident}] is defined {count} times. Keep one definition and remove the others.")
    for ident in dict.fromkeys(refs):
        if ident not in defs:
            line = v.body_line + clean[: clean.find(f"[^{ident}]")].count("\n")
            problems.append(
                f'{v.shown}:{line}: the footnote [^{ident}] is used but never defined. Add its source at the end of the page: '
                f'"[^{ident}]: Publisher, "Title", YYYY-MM-DD. <https://...>".'
            )
    for ident in dict.fromkeys(defs):
        if ident not in refs:
            problems.append(f"{v.shown}: the footnote [^{ident}] is defined but never used, so readers never see it. Put [^{ident}] after the sentence it supports, or remove the definition.")
    return problems


def describe_diff(label: str, here: Counter, there: Counter, ref: str, fix: str) -> str | None:
    if here == there:
        return None
    missing, extra = there - here, here - there
    parts = []
    if missing:
        parts.append("missing here: " + ", ".join(
            item + (f" ({there[item]} times in {ref}, {here[item]} here)" if here[item] else (f" ({there[item]} times in {ref})" if there[item] > 1 else ""))
            for item in sorted(missing)))
    if extra:
        parts.append(f"not in {ref}: " + ", ".join(
            item + (f" ({here[item]} times here, {there[item]} in {ref})" if there[item] else (f" ({here[item]} times here)" if here[item] > 1 else ""))
            for item in sorted(extra)))
    return f"{label} differ from {ref}; " + "; ".join(parts) + f". {fix}"


def compare(ref: Version, v: Version) -> list[str]:
    problems = []
    a, b = h2_count(ref.body), h2_count(v.body)
    if a != b:
        problems.append(
            f"{v.shown}: has {b} section{'s' if b != 1 else ''} (## headings); {ref.shown} has {a}. "
            f"Add or remove a section so the three versions match."
        )
    checks = [
        ("internal links", internal_links, "Link to the same pages (and #ids) in all three versions."),
        ("short codes", codes, "Use the same short codes in all three versions, each as often."),
        ("footnotes", lambda body: Counter(f"[^{i}]" for i in dict.fromkeys(footnote_defs(body))),
         "Use the same footnote ids in all three versions (the source text may be translated)."),
    ]
    for label, fn, fix in checks:
        msg = describe_diff(label, fn(v.body), fn(ref.body), ref.shown, fix)
        if msg:
            problems.append(f"{v.shown}: {msg}")
    note_ref, note_here = bool(ref.meta.get("content_note")), bool(v.meta.get("content_note"))
    if note_ref != note_here:
        problems.append(
            f"{v.shown}: content_note is {'true' if note_ref else 'not set'} in {ref.shown} "
            f"but {'true' if note_here else 'not set'} here. Set the same content_note in all three versions."
        )
    return problems


def check(docs: Path, root: Path | None = None) -> tuple[list[str], int]:
    """(problems, number of pages)"""
    docs = Path(docs)
    root = Path(root) if root else docs.parent
    problems: list[str] = []
    pages: dict[str, dict[str, Version]] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        stem, lang = split_name(rel)
        shown = shown_path(docs, path)
        if lang not in LANGS:
            problems.append(
                f"{shown}: the site has pages in Korean ({stem}.md), English ({stem}.en.md) and "
                f'Indonesian ({stem}.id.md) only; ".{lang}" is not one of them. Rename the file or remove it.'
            )
            continue
        if path.name.endswith(".ko.md"):
            problems.append(f"{shown}: Korean pages have no language ending. Rename it to docs/{stem}.md.")
            continue
        pages.setdefault(stem, {})[lang] = Version(path, shown)
    known = hotline_ids(root)
    for stem, versions in sorted(pages.items()):
        for lang in LANGS:
            if lang not in versions:
                have = next(iter(versions.values())).shown
                problems.append(
                    f"docs/{stem}{'' if lang == 'ko' else '.' + lang}.md is missing. Every page needs three files: "
                    f"docs/{stem}.md (Korean), docs/{stem}.en.md (English) and docs/{stem}.id.md (Indonesian). "
                    f"Copy {have}, translate it (or ask a translator), and keep its revision number."
                )
        for lang in LANGS:
            v = versions.get(lang)
            if not v:
                continue
            raw = v.path.read_bytes()
            try:
                v.text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            except UnicodeDecodeError:
                problems.append(f"{v.shown}: the file is not saved as UTF-8 text. Open it in your editor and save it with the encoding UTF-8.")
                del versions[lang]
                continue
            read_front_matter(v, problems)
            problems += footnote_problems(v)
            problems += phone_numbers(v, known)
        revs = {lang: v.meta.get("revision") for lang, v in versions.items()
                if isinstance(v.meta.get("revision"), int) and not isinstance(v.meta.get("revision"), bool)}
        if not revs:
            continue
        top = max(revs.values())
        leader = next(versions[lang] for lang in LANGS if revs.get(lang) == top)
        for lang in LANGS:
            if lang in revs and revs[lang] < top:
                v = versions[lang]
                problems.append(
                    f"{v.shown} is behind: revision {top} in {leader.shown}, {revs[lang]} here. "
                    f"Update the translation, then set revision: {top}."
                )
        current = [versions[lang] for lang in LANGS if revs.get(lang) == top]
        for v in current[1:]:
            problems += compare(current[0], v)
    return problems, len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"{args.docs}: this folder does not exist. Give the folder that holds the pages (docs/).")
        return 1
    problems, count = check(args.docs, ROOT if args.docs.resolve() == (ROOT / "docs").resolve() else args.docs.parent)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\nTranslation check: {len(problems)} problem{'s' if len(problems) != 1 else ''} "
              f"(in {count} pages). Fix each line above, then run `make check` again.")
        return 1
    print(f"Translation check: all {count} pages have their three language versions in step.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
