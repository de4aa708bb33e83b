"""Are the language versions of every page in step?

Every page is one file per language, side by side (see languages.Languages.page_file). This
check fails, naming the file and what to change, when:

- a page lacks a language, or a file has a language ending the site does not use;
- front matter is missing or incomplete (title, description, revision, reviewed);
- the versions carry different `revision:` numbers (the lower ones are "behind": whoever changes
  the facts or the structure of one version bumps its revision; the others are behind until they
  are translated and bumped too);
- versions at the same revision differ in structure: number of `##` sections, internal links,
  short codes ([[tel:...]], [[stat:...]]...), footnote ids, content_note;
- a footnote is used but not defined, or defined but not used;
- a phone number is typed into a page (phone numbers live in data/hotlines.yml: use [[tel:ID]]).

A page copied into a language that is still being translated carries `untranslated: true`; it is
compared like any other (its structure is the original's until someone translates it).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nyf import hotlines, shortcodes
from nyf.languages import Languages
from nyf.markdown_text import blank, front_matter_end
from nyf.project import Project
from nyf.yamlfile import DataError

REQUIRED = ("title", "description", "revision", "reviewed")

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
SHORT_NUMBER = r"(?:112|119|110|117|129|132|148|182|1301|1345|1366|1377|1388|1393|1395)"
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


def _front_matter(v: Version, problems: list[str], note_markers: list[str]) -> None:
    lines = v.text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(f'{v.shown}: the page has no front matter. Its first line must be "---", then the lines '
                        'title:, description:, revision: and reviewed:, then "---" again. Copy the top of another page and change it.')
        v.body = v.text
        return
    end = front_matter_end(lines)
    if not end:
        problems.append(f'{v.shown}: the front matter is not closed. Add a line "---" after the last field (reviewed: ...).')
        return
    v.body, v.body_line = "\n".join(lines[end + 1:]), end + 2
    raw = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        hint = ' The full-width colon "：" must be a normal ":".' if "：" in raw else ""
        problems.append(f"{v.shown}{f':{mark.line + 2}' if mark else ''}: the front matter (between the --- lines) is not "
                        f"valid YAML: {getattr(exc, 'problem', None) or exc}. Each line must be a field name, a colon and a "
                        f'space, then the value (for example "title: My page"); put a value that contains ": " in quotes.{hint}')
        return
    if not isinstance(meta, dict):
        problems.append(f'{v.shown}: the front matter must be lines like "title: ...", not {type(meta).__name__}.')
        return
    v.meta = meta
    for key in REQUIRED:
        if meta.get(key) in (None, ""):
            example = {"title": "the page title", "description": "one sentence about the page",
                       "revision": "1", "reviewed": dt.date.today().isoformat()}[key]
            problems.append(f'{v.shown}: the front matter has no "{key}:". Add a line "{key}: {example}" between the --- lines at the top.')
    rev = meta.get("revision")
    if rev not in (None, "") and (isinstance(rev, bool) or not isinstance(rev, int) or rev < 1):
        problems.append(f'{v.shown}: "revision:" must be a whole number such as 1 or 2 (found: {rev!r}).')
    reviewed = meta.get("reviewed")
    if reviewed not in (None, "") and not isinstance(reviewed, dt.date):
        try:
            ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(reviewed))) and bool(dt.date.fromisoformat(str(reviewed)))
        except ValueError:
            ok = False
        if not ok:
            problems.append(f'{v.shown}: "reviewed:" must be the date of the last check, written YYYY-MM-DD, '
                            f"like {dt.date.today().isoformat()} (found: {reviewed!r}).")
    for key in ("title", "description"):
        if meta.get(key) not in (None, "") and not isinstance(meta[key], str):
            problems.append(f'{v.shown}: "{key}:" must be text (found: {meta[key]!r}). Put it in quotes if it is only a number or a date.')
    for marker in note_markers:
        if marker in v.body:
            line = v.body_line + v.body[: v.body.index(marker)].count("\n")
            problems.append(f"{v.shown}:{line}: the to-do note from `make new-page` is still here. Do what it says, then "
                            "delete the note (from <!-- to -->).")


def h2_count(body: str) -> int:
    return sum(1 for line in blank(body).split("\n") if H2.match(line))


def internal_links(body: str) -> Counter:
    clean = blank(body)
    out = Counter()
    for target in [m.group(1) for m in LINK.finditer(clean)] + [m.group(1) for m in REF_DEF.finditer(clean)]:
        if SCHEME.match(target) or target.startswith(("#", "/")):
            continue
        path = target.split("#", 1)[0]
        if path.endswith(".md") or path.endswith("/"):
            out[target.removeprefix("./")] += 1
    return out


def codes(body: str) -> Counter:
    return Counter(f"[[{code}]]" for code in shortcodes.used(body))


def phone_ids(project: Project, langs: Languages) -> dict[str, str]:
    """digits of a phone number -> contact id, from data/hotlines.yml (if it can be read)."""
    try:
        directory = hotlines.load(project, langs)
    except DataError:
        return {}  # the data check reports it
    found = {}
    for cid, contact in directory.contacts.items():
        for phone in contact.get("phones", []) + ([contact["whatsapp"]] if contact.get("whatsapp") else []):
            for number in (phone["number"], phone.get("international")):
                if number and len(hotlines.digits(number)) >= 3:
                    found.setdefault(hotlines.digits(number), cid)
    return found


def phone_numbers(v: Version, known: dict[str, str]) -> list[str]:
    problems = []
    clean = shortcodes.CODE.sub(lambda m: " " * len(m.group(0)), blank(v.body))
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
            ident = known.get(hotlines.digits(number))
            code = f"[[tel:{ident}]]" if ident else "[[tel:ID]] with the contact's id from data/hotlines.yml (add the contact there if it is new)"
            problems.append(f'{v.shown}:{v.body_line + n}:{start + 1}: "{number}" looks like a phone number typed into the page. '
                            f"Phone numbers live in data/hotlines.yml so that a change reaches every page: write {code} instead.")
    return problems


def footnote_problems(v: Version) -> list[str]:
    clean = blank(v.body)
    defs, refs = FOOTNOTE_DEF.findall(clean), FOOTNOTE_REF.findall(clean)
    problems = []
    for ident, count in Counter(defs).items():
        if count > 1:
            problems.append(f"{v.shown}: the footnote [^{ident}] is defined {count} times. Keep one definition and remove the others.")
    for ident in dict.fromkeys(refs):
        if ident not in defs:
            line = v.body_line + clean[: clean.find(f"[^{ident}]")].count("\n")
            problems.append(f'{v.shown}:{line}: the footnote [^{ident}] is used but never defined. Add its source at the end of the page: '
                            f'"[^{ident}]: Publisher, "Title", YYYY-MM-DD. <https://...>".')
    for ident in dict.fromkeys(defs):
        if ident not in refs:
            problems.append(f"{v.shown}: the footnote [^{ident}] is defined but never used, so readers never see it. "
                            f"Put [^{ident}] after the sentence it supports, or remove the definition.")
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
        problems.append(f"{v.shown}: has {b} section{'s' if b != 1 else ''} (## headings); {ref.shown} has {a}. "
                        "Add or remove a section so the versions match.")
    for label, count, fix in (
        ("internal links", internal_links, "Link to the same pages (and #ids) in every version."),
        ("short codes", codes, "Use the same short codes in every version, each as often."),
        ("footnotes", lambda body: Counter(f"[^{i}]" for i in dict.fromkeys(FOOTNOTE_DEF.findall(blank(body)))),
         "Use the same footnote ids in every version (the source text may be translated)."),
    ):
        message = describe_diff(label, count(v.body), count(ref.body), ref.shown, fix)
        if message:
            problems.append(f"{v.shown}: {message}")
    note_ref, note_here = bool(ref.meta.get("content_note")), bool(v.meta.get("content_note"))
    if note_ref != note_here:
        problems.append(f"{v.shown}: content_note is {'true' if note_ref else 'not set'} in {ref.shown} but "
                        f"{'true' if note_here else 'not set'} here. Set the same content_note in every version.")
    return problems


def check(project: Project, langs: Languages, docs: Path | None = None) -> tuple[list[str], int]:
    """(problems, number of pages)"""
    docs = Path(docs or project.docs)
    problems: list[str] = []
    pages: dict[str, dict[str, Version]] = {}
    names = ", ".join(f"{lang.english_name} ({langs.page_file('page', lang)})" for lang in langs)
    placeholders = {lang.new_page["title"] for lang in langs}
    markers = [lang.new_page["note"].split("\n")[0] for lang in langs]
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        stem, code = langs.split_page_file(rel)
        shown = "docs/" + rel
        if code is None:
            problems.append(f"{shown}: the file name says no language. Name it {stem}.<language>.md: "
                            + ", ".join(f"{langs.page_file(stem, l)} ({l.english_name})" for l in langs) + ".")
            continue
        if code not in langs:
            problems.append(f'{shown}: ".{code}" is not a language of this site; its pages are {names}. Rename the file or remove it.')
            continue
        pages.setdefault(stem, {})[code] = Version(path, shown)
    known = phone_ids(project, langs)
    for stem, versions in sorted(pages.items()):
        for lang in langs:
            if lang.code not in versions:
                have = next(iter(versions.values())).shown
                problems.append(f"docs/{langs.page_file(stem, lang)} is missing. Every page needs one file per language: "
                                + ", ".join(f"docs/{langs.page_file(stem, l)}" for l in langs)
                                + f". Copy {have}, translate it (or ask a translator), and keep its revision number.")
        for code, v in list(versions.items()):
            try:
                v.text = v.path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            except UnicodeDecodeError:
                problems.append(f"{v.shown}: the file is not saved as UTF-8 text. Open it in your editor and save it with the encoding UTF-8.")
                del versions[code]
                continue
            _front_matter(v, problems, markers)
            if str(v.meta.get("title") or "") in placeholders:
                problems.append(f'{v.shown}: the title is still the placeholder "{v.meta["title"]}". Write the real page title in "title:" and in the "# " heading.')
            if "TODO" in str(v.meta.get("description") or ""):
                problems.append(f"{v.shown}: the description still says TODO. Write one sentence that says what the page is about.")
            problems += footnote_problems(v)
            problems += phone_numbers(v, known)
        revs = {code: v.meta.get("revision") for code, v in versions.items()
                if isinstance(v.meta.get("revision"), int) and not isinstance(v.meta.get("revision"), bool)}
        if not revs:
            continue
        top = max(revs.values())
        leader = next(versions[l.code] for l in langs if revs.get(l.code) == top)
        for lang in langs:
            if lang.code in revs and revs[lang.code] < top:
                problems.append(f"{versions[lang.code].shown} is behind: revision {top} in {leader.shown}, {revs[lang.code]} here. "
                                f"Update the translation, then set revision: {top}.")
        current = [versions[l.code] for l in langs if revs.get(l.code) == top]
        for v in current[1:]:
            problems += compare(current[0], v)
    return problems, len(pages)
