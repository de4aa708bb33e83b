"""Markdown lint for a site written in Korean, English and Indonesian.

Two kinds of checks, one plain message format (file:line:column: what is wrong; what to do):

1. What breaks Markdown typed with a Korean (or Japanese/Chinese) input method, or pasted from a
   word processor or a chat app, which no Markdown linter looks for:
   - full-width punctuation used as Markdown syntax: "＃ 제목", "－ 항목", "［링크］（주소）",
     "＊＊굵게＊＊", "｜" in tables, "title：" in front matter...;
   - invisible characters: zero-width spaces and joiners, byte-order marks, direction marks,
     non-breaking or full-width spaces where Markdown expects a normal space;
   - mixed line endings (Windows CRLF and Unix LF in one file), old Mac CR-only endings;
   - files not saved as UTF-8.
2. pymarkdownlnt (pinned in requirements-dev.txt) with the repository's .pymarkdown.yml, its
   findings rewritten in plain words.

Usage: python scripts/lint_markdown.py [FILE_OR_FOLDER ...]
With no argument it checks docs/, CONTRIBUTING*.md and README.md.
Exit 0 = all fine, 1 = problems found.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ".pymarkdown.yml"


@dataclass(order=True)
class Finding:
    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


# --- invisible characters ----------------------------------------------------------------------

INVISIBLE = {
    "\u200b": "zero-width space (U+200B)",
    "\u200c": "zero-width non-joiner (U+200C)",
    "\u200d": "zero-width joiner (U+200D)",
    "\u2060": "word joiner (U+2060)",
    "\ufeff": "byte-order mark / zero-width no-break space (U+FEFF)",
    "\u00ad": "soft hyphen (U+00AD)",
    "\u180e": "Mongolian vowel separator (U+180E)",
    "\u200e": "left-to-right mark (U+200E)",
    "\u200f": "right-to-left mark (U+200F)",
    "\u061c": "Arabic letter mark (U+061C)",
    **{chr(c): f"text-direction control (U+{c:04X})" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}
INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")
ODD_SPACES = {"\u00a0": "non-breaking space (U+00A0)", "\u3000": "full-width space (U+3000, 전각 공백)",
              "\u2007": "figure space (U+2007)", "\u202f": "narrow non-breaking space (U+202F)"}


def _is_emoji(ch: str) -> bool:
    return bool(ch) and (ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF or ch == "\ufe0f")


# --- full-width punctuation used as Markdown syntax --------------------------------------------

# (pattern at the start of a line, after indentation and ">" quote marks) -> message
LINE_START = [
    (re.compile(r"[#＃]*＃[#＃]*"), 'full-width "＃" at the start of a line; Markdown needs the normal "#". Replace it and add a space after it.'),
    (re.compile(r"[-－]{3,}\s*$|[*＊]{3,}\s*$|[_＿]{3,}\s*$"), None),  # only if full-width, see below
    (re.compile(r"[－＊＋](?=[\s\u3000]|$)"), 'full-width "{ch}" starts a list item; Markdown needs the normal "-". Replace it with "-" and a space.'),
    (re.compile(r"[•·・◦▪](?=[\s\u3000])"), '"{ch}" typed as a bullet does not make a list. Start the item with "-" and a space, and leave an empty line before the list.'),
    (re.compile(r"＞"), 'full-width "＞" starts a quote; Markdown needs the normal ">". Replace it.'),
    (re.compile(r"[0-9０-９]+[．。）]|[０-９]+[.)]"), 'this numbered item uses full-width characters ("{m}"); Markdown needs normal digits and a normal "." as in "1. ". Retype the number and the dot.'),
    (re.compile(r"｜"), 'full-width "｜" starts a table row; tables need the normal "|". Replace every "｜" in the row.'),
    (re.compile(r"[`｀]{3,}"), 'full-width "｀" in a code fence; Markdown needs three normal backticks ```. Retype them.'),
    (re.compile(r"[!?！？]{3}"), 'full-width "{m}" starts an admonition; Markdown needs the normal "!!!" (or "???"). Retype it.'),
]
ANYWHERE = [
    (re.compile(r"[\[［][^\[\]［］\n]*[\]］][\(（]"), "link"),
    (re.compile(r"［［|］］|\[\[[a-z]+："), "shortcode"),
    (re.compile(r"＊＊|＿＿"), "bold"),
    (re.compile(r"[{｛]\s*＃|｛\s*#"), "attr"),
    (re.compile(r"[\[［]\s*＾|［\^"), "footnote"),
]
ANYWHERE_MSG = {
    "link": 'full-width brackets in a link ("{m}"); a link needs the normal [text](address). Replace "［" "］" "（" "）" with "[", "]", "(", ")".',
    "shortcode": 'full-width characters in a short code ("{m}"); write it with normal characters, like [[tel:kr-1366]].',
    "bold": 'full-width "{m}" does not make bold text; Markdown needs the normal **bold**. Replace them.',
    "attr": 'full-width characters in a heading id ("{m}"); write it as {{#evidence}} with normal characters.',
    "footnote": 'full-width characters in a footnote ("{m}"); write it as [^source-id] with normal characters.',
}
FRONT_KEY = re.compile(r"^(\s*)([A-Za-z_][\w-]*)(\s*)([：:])")


def _blank_code_spans(line: str) -> str:
    return re.sub(r"(`+)(?:(?!\1).)+?\1", lambda m: " " * len(m.group(0)), line)


def check_text(path: str, text: str) -> list[Finding]:
    """The input-method checks on one file's text (line endings already checked)."""
    out: list[Finding] = []
    lines = text.split("\n")
    front_end = 0
    if lines and lines[0].strip() == "---":
        front_end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    fence = None
    prev_list = False  # inside a list (since its last item, nothing at the left margin yet)
    for n, line in enumerate(lines, start=1):
        # Invisible characters: everywhere, code included.
        for m in INVISIBLE_RE.finditer(line):
            ch = m.group(0)
            if ch == "\u200d" and (_is_emoji(line[m.start() - 1: m.start()]) or _is_emoji(line[m.end(): m.end() + 1])):
                continue  # joins the parts of an emoji
            if ch == "\ufe0f":
                continue
            out.append(Finding(path, n, m.start() + 1,
                               f"invisible character: {INVISIBLE[ch]}. It often comes with text pasted from a web page, "
                               f"a word processor or a chat app, and it can break links, headings and words. Delete it "
                               f"(put the cursor just after it and press Backspace once; if you cannot see where it is, retype the word)."))
        if front_end and 1 < n <= front_end:
            # front matter lines (between the --- lines)
            m = FRONT_KEY.match(line)
            if m and m.group(4) == "：":
                out.append(Finding(path, n, m.start(4) + 1,
                                   f'full-width colon "：" after "{m.group(2)}"; the front matter needs the normal ":" '
                                   f'followed by a space ("{m.group(2)}: ..."). Replace it.'))
            after = line[m.end(4): m.end(4) + 1] if m else ""
            if after in ODD_SPACES:
                out.append(Finding(path, n, m.end(4) + 1,
                                   f'{ODD_SPACES[after]} after "{m.group(2)}:"; the front matter needs a normal space there. Replace it.'))
            lead = re.match(r"^[ \t\u00a0\u3000]*", line).group(0)
            for i, ch in enumerate(lead):
                if ch in ODD_SPACES:
                    out.append(Finding(path, n, i + 1, f"{ODD_SPACES[ch]} at the start of a front matter line; use normal spaces (or none)."))
                    break
            continue
        fm = re.match(r"^[ \t]*(`{3,}|~{3,})", line)
        if fence:
            if fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence):
                fence = None
            continue
        if fm:
            fence = fm.group(1)
            continue
        # Odd spaces where Markdown expects a normal space: in the indentation, or right after a
        # block marker (#, -, *, +, 1., >).
        m = re.match(r"^([ \t\u00a0\u3000\u2007\u202f>]*)(#{1,6}|[-*+]|\d+[.)]|!!!|\?\?\?)?([\u00a0\u3000\u2007\u202f])?", line)
        odd_at = None
        for i, ch in enumerate(m.group(1)):
            if ch in ODD_SPACES:
                odd_at = (i, ch, "at the start of the line; Markdown sees it as a letter, so the indentation, list or heading does not work")
                break
        if odd_at is None and m.group(2) and m.group(3):
            odd_at = (m.start(3), m.group(3), f'after "{m.group(2)}"; Markdown needs a normal space there, or the line is not a heading or list item')
        if odd_at:
            i, ch, why = odd_at
            out.append(Finding(path, n, i + 1, f"{ODD_SPACES[ch]} {why}. Replace it with a normal space."))
        # A nested list item must be indented by 4 spaces (8, 12...): with 2 or 3, Python-Markdown
        # puts it at the level above instead of inside the item.
        lm = re.match(r"^( +)(?:[-*+]|\d+[.)])[ \t]", line)
        if lm and len(lm.group(1)) % 4 and prev_list:
            out.append(Finding(path, n, 1,
                               f"this list item is indented by {len(lm.group(1))} space{'s' if len(lm.group(1)) != 1 else ''}; "
                               "MkDocs puts a list inside a list only when it is indented by 4 spaces (8 for the next level). "
                               "Use 4 spaces."))
        if re.match(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]", line):
            prev_list = True
        elif line.strip() and not line.startswith((" ", "\t")):
            prev_list = False
        # Full-width syntax at the start of the line.
        body = _blank_code_spans(line)
        # (a full-width "＞" quote mark is not skipped: its own rule reports it)
        start_at = len(re.match(r"^[ \t\u3000\u00a0]*(?:>[ \t\u3000]?[ \t\u3000\u00a0]*)*", body).group(0))
        rest = body[start_at:]
        for pattern, message in LINE_START:
            pm = pattern.match(rest)
            if not pm:
                continue
            token = pm.group(0)
            if message is None:
                # a thematic break: flag only when typed with full-width characters
                if re.search(r"[－＊＿]", token):
                    out.append(Finding(path, n, start_at + 1, f'full-width "{token.strip()}" as a separator line; Markdown needs the normal "---". Retype it.'))
                    break
                continue
            if not re.search(r"[＃－＊＋＞．。）０-９｜｀！？•·・◦▪]", token):
                continue
            out.append(Finding(path, n, start_at + 1, message.format(ch=token[:1], m=token)))
            break
        # Full-width syntax anywhere in the line.
        for pattern, kind in ANYWHERE:
            for am in pattern.finditer(body):
                token = am.group(0)
                if kind == "link" and not re.search(r"[［］（]", token):
                    continue
                shown = token if len(token) <= 40 else token[:18] + "…" + token[-18:]
                out.append(Finding(path, n, am.start() + 1, ANYWHERE_MSG[kind].format(m=shown)))
                if kind in ("bold", "shortcode"):
                    break  # once per line is enough: the message says to replace them all
        if "｜" in body and "|" in body and not rest.startswith("｜"):
            out.append(Finding(path, n, body.index("｜") + 1,
                               'full-width "｜" in a table row; tables need the normal "|". Replace every "｜" in the row.'))
    return out


def check_bytes(path: str, raw: bytes) -> tuple[list[Finding], str | None]:
    """Encoding and line endings. Returns (findings, text or None if it is not UTF-8)."""
    out: list[Finding] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        out.append(Finding(path, line, 1,
                           "the file is not saved as UTF-8 (perhaps EUC-KR/CP949 from an older Korean editor, or "
                           'Windows-1252). Open it and save it with the encoding "UTF-8" (in Notepad: Save as, Encoding: UTF-8).'))
        return out, None
    if text.startswith("\ufeff"):
        out.append(Finding(path, 1, 1,
                           'the file starts with an invisible byte-order mark (BOM), which hides the front matter from MkDocs. '
                           'Save it as "UTF-8" without BOM (in Notepad: "UTF-8", not "UTF-8 with BOM").'))
        text = text[1:]
    crlf = text.count("\r\n")
    cr_only = len(re.findall(r"\r(?!\n)", text))
    lf_only = len(re.findall(r"(?<!\r)\n", text))
    if cr_only:
        first = re.search(r"\r(?!\n)", text).start()
        line = len(re.findall(r"\r\n|\r|\n", text[:first])) + 1
        out.append(Finding(path, line, 1,
                           f"{cr_only} line{'s' if cr_only != 1 else ''} end with a lone carriage return (old Mac line endings). "
                           'Set your editor to "LF" (Unix) line endings and save the file again.'))
    elif crlf and lf_only:
        minority = r"\r\n" if crlf <= lf_only else r"(?<!\r)\n"
        first = re.search(minority, text).start()
        line = text[:first].count("\n") + 1
        out.append(Finding(path, line, 1,
                           f"mixed line endings: {crlf} line{'s' if crlf != 1 else ''} end with Windows line endings (CRLF) "
                           f"and {lf_only} with Unix line endings (LF); this line is the first of the fewer kind. "
                           'Set your editor to "LF" line endings and save the file again.'))
    return out, text.replace("\r\n", "\n").replace("\r", "\n")


# --- pymarkdownlnt, in plain words -------------------------------------------------------------

PLAIN = {
    "MD001": "the heading level jumps (for example from ## straight to ####). Use the next level down: after ## comes ###.",
    "MD003": 'this heading is underlined with === or --- instead of starting with "#". Write it as "## Heading". If you meant a separator line, leave an empty line above the ---.',
    "MD004": 'the list items use different markers (- and *). Use "-" for every item.',
    "MD005": "the items of this list are indented differently. Give items of the same level the same indentation.",
    "MD007": "this list item is indented by an unexpected amount. Indent a list inside a list by 4 spaces.",
    "MD009": "spaces at the end of the line. Delete them.",
    "MD010": "a tab character. Use spaces instead (4 spaces for one level of indentation).",
    "MD011": "a link written the wrong way round, (text)[address]. Write [text](address).",
    "MD018": 'no space after "#". Write "## Heading", with a space after the # marks.',
    "MD019": 'more than one space after "#". Leave exactly one.',
    "MD020": 'no space inside the # marks of a closed heading. Write "## Heading ##".',
    "MD021": "more than one space inside the # marks of a closed heading. Leave exactly one.",
    "MD022": "a heading needs an empty line above it and below it.",
    "MD023": 'a heading must start at the beginning of the line. Remove the spaces before "#".',
    "MD024": "two headings with the same text in the same section. Give them different titles.",
    "MD025": 'more than one top-level heading ("# "). A page has one, its title; use "## " for sections.',
    "MD026": 'the heading ends with punctuation (. , ; : !). Remove it (a question mark is fine).',
    "MD027": 'more than one space after ">" in a quote. Leave exactly one.',
    "MD028": 'an empty line inside a quote splits it in two. Start that line with ">" too, or remove it.',
    "MD029": "the numbers of this list are out of order. Number the items 1. 2. 3. (or 1. on every item).",
    "MD030": 'use exactly one space after a list marker: "- item" or "1. item".',
    "MD031": "a code block (```) needs an empty line above it and below it.",
    "MD032": "a list needs an empty line above it and below it; otherwise it joins the paragraph next to it.",
    "MD033": "this HTML tag is not allowed on pages{detail}. Write Markdown instead (the allowed tags are listed in .pymarkdown.yml).",
    "MD034": "a bare web address. Put it in angle brackets, <https://...>, or make it a link: [text](https://...).",
    "MD035": 'separator lines are written in different ways in this file. Use "---" everywhere.',
    "MD036": "bold or italic text on a line of its own, used as a heading. Make it a real heading: \"### Heading\" inside a ## section (### headings do not change the section count).",
    "MD037": "spaces inside emphasis markers. Write **word**, not ** word **.",
    "MD038": "spaces inside a code span. Write `code`, not ` code `.",
    "MD039": "spaces inside link text. Write [text](...), not [ text ](...).",
    "MD040": "a code block (```) without a language. Add one after the backticks, for example ```text or ```yaml.",
    "MD041": 'the file must start with the front matter ("---") or a "# " title.',
    "MD042": "an empty link: [text](). Add the address.",
    "MD045": "an image with no description. Say what it shows inside the brackets: ![description](file.svg).",
    "MD047": "the file must end with exactly one line break. Remove empty lines at the end (or add one line break).",
    "MD049": "italic text is marked in two different ways. Use *italic* everywhere.",
    "MD050": "bold text is marked in two different ways. Use **bold** everywhere.",
    "MD053": "a link definition ([name]: address) that nothing uses. Remove it.",
    "MD054": "this kind of link or image is not allowed here. Write [text](address).",
    "MD055": 'the rows of this table start or end with "|" in different ways. Start and end every row with "|".',
    "MD056": 'this table row has a different number of cells than the header row. Add or remove "|" so every row has the same number of cells.',
    "MD058": "a table needs an empty line above it and below it.",
    "MD059": 'link text like "here" or "click here" says nothing to a screen-reader user. Use words that say where the link goes.',
}
PYMARKDOWN_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Za-z]+\d+): (?P<msg>.*?)(?: \((?P<names>[a-z0-9,-]+)\))?$")


def pymarkdown(files: list[str], root: Path) -> tuple[list[Finding], str | None]:
    """Run pymarkdownlnt on files (paths relative to root). (findings, error text or None)"""
    if not files:
        return [], None
    cmd = [sys.executable, "-m", "pymarkdown", "--config", str(root / CONFIG), "scan", *files]
    if not (root / CONFIG).exists():
        cmd = [sys.executable, "-m", "pymarkdown", "--config", str(ROOT / CONFIG), "scan", *files]
    result = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    findings: list[Finding] = []
    other: list[str] = []
    for raw in (result.stdout + "\n" + result.stderr).splitlines():
        if not raw.strip():
            continue
        m = PYMARKDOWN_LINE.match(raw)
        if not m:
            other.append(raw)
            continue
        rule = m.group("rule").upper()
        plain = PLAIN.get(rule)
        if plain is None:
            plain = m.group("msg").rstrip(".") + "."
        detail = re.search(r"\[Element: ([^\]]+)\]", m.group("msg"))
        plain = plain.replace("{detail}", f" (<{detail.group(1)}>)" if detail else "")
        path = m.group("path")
        try:
            path = Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
        findings.append(Finding(path, int(m.group("line")), int(m.group("col")), f"{plain} [{rule}]"))
    if result.returncode not in (0, 1) or (result.returncode == 1 and not findings):
        return findings, "\n".join(other) or f"pymarkdown exited with code {result.returncode}"
    return findings, None


# --- files -------------------------------------------------------------------------------------

def default_targets(root: Path) -> list[Path]:
    files = sorted((root / "docs").rglob("*.md")) if (root / "docs").is_dir() else []
    files += sorted(root.glob("CONTRIBUTING*.md"))
    files += [p for p in (root / "README.md",) if p.exists()]
    return files  # .github/ holds forms, not pages: a pull request template has no "# " title


def expand(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        out += sorted(p.rglob("*.md")) if p.is_dir() else [p]
    return out


def lint(files: list[Path], root: Path) -> tuple[list[Finding], str | None]:
    findings: list[Finding] = []
    for_pymarkdown: list[str] = []
    noisy: dict[str, int] = {}  # file -> pymarkdownlnt findings up to this line are left out
    for path in files:
        try:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            findings.append(Finding(shown, 1, 1, f"cannot read the file ({exc.strerror})."))
            continue
        byte_findings, text = check_bytes(shown, raw)
        findings += byte_findings
        if text is None:
            continue
        own = check_text(shown, text)
        findings += own
        for_pymarkdown.append(shown if not Path(shown).is_absolute() else str(path))
        lines = text.split("\n")
        fm_end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0) if lines[0].strip() == "---" else 0
        if raw.startswith(b"\xef\xbb\xbf") or any(f.line <= fm_end + 1 for f in own):
            # The front matter is broken: what pymarkdownlnt says about those lines follows
            # from that, and would only confuse.
            noisy[shown] = fm_end + 1
    more, error = pymarkdown(for_pymarkdown, root)
    findings += [f for f in more if f.line > noisy.get(f.path, 0)]
    unique = sorted(set((f.path, f.line, f.col, f.message) for f in findings))
    return [Finding(*f) for f in unique], error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: docs/, CONTRIBUTING*.md, README.md)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository root (default: this repository)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    files = expand([p if p.is_absolute() else (Path.cwd() / p) for p in args.paths]) if args.paths else default_targets(root)
    missing = [p for p in files if not p.exists()]
    for p in missing:
        print(f"{p}: this file does not exist.")
    files = [p for p in files if p.exists()]
    findings, error = lint(files, root)
    for f in findings:
        print(f)
    if error:
        print(f"The Markdown linter (pymarkdownlnt) itself failed; this is not your fault. Its output:\n{error}")
    if findings or error or missing:
        n = len(findings)
        print(f"\nMarkdown lint: {n} problem{'s' if n != 1 else ''} in {len(set(f.path for f in findings))} file(s). "
              "Each line above says file:line:column, what is wrong, and what to change.")
        return 1
    print(f"Markdown lint: {len(files)} files checked, no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
