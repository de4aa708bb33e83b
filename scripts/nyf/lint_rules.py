"""The site's own Markdown checks, the ones no Markdown linter has: what breaks Markdown typed with
a Korean (or Japanese/Chinese) input method or pasted from a word processor or a chat app, the
file's encoding and line endings, and words the site does not use (data/terms.yml).

check_text() and check_terms() run inside pymarkdownlnt as its plugins NYF001 and NYF002
(lint_plugins/), so one engine, one configuration (.pymarkdown.yml) and its per-line pragmas
cover every rule; check_bytes() runs before, on the raw file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(order=True, frozen=True)
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


# --- words the site does not use -----------------------------------------------------------------

# Text in quotation marks is someone else's words (the title of a source, a term being explained),
# and so are addresses and code: avoided words there are fine.
QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|「[^」\n]*」|『[^』\n]*』|«[^»\n]*»|‘[^’\n]*’|(?<![A-Za-z])'[^'\n]{1,60}'|<https?://[^>\s]+>|https?://\S+|\]\([^)\s]*\)|`[^`\n]*`|<!--.*?-->")


@dataclass
class Term:
    language: str
    avoid: list[str]
    use: str
    why: str
    allow: list[str]

    def patterns(self) -> list[tuple[str, re.Pattern]]:
        out = []
        for word in self.avoid:
            body = r"\s+".join(re.escape(part) for part in word.split())
            # Hangul words take particles (포르노를, 포르노는): match them as written, anywhere.
            if re.search(r"[\uac00-\ud7a3]", word):
                out.append((word, re.compile(body, re.I)))
            else:
                out.append((word, re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)))
        return out


FOOTNOTE_DEFINITION = re.compile(r"^\s*\[\^[^\]]+\]:")
FOOTNOTE_ID = re.compile(r"\[\^[^\]\s]+\]")


def check_terms(path: str, text: str, terms: list[Term]) -> list[Finding]:
    """Each avoided word outside quotes, citations and allowed phrases, with the better term and why."""
    out = []
    compiled = sorted(((term, word, rx, [re.compile(re.escape(a), re.I) for a in term.allow])
                       for term in terms for word, rx in term.patterns()), key=lambda c: -len(c[1]))
    for n, line in enumerate(text.split("\n"), start=1):
        if FOOTNOTE_DEFINITION.match(line):
            continue  # a source cited as it is titled
        clean = QUOTED.sub(lambda m: " " * len(m.group(0)), line)
        clean = FOOTNOTE_ID.sub(lambda m: " " * len(m.group(0)), clean)
        taken: list[tuple[int, int]] = []  # the longest avoided phrase is named, not its parts
        for term, word, rx, allowed in compiled:
            here = clean
            for allow in allowed:
                here = allow.sub(lambda m: " " * len(m.group(0)), here)
            for m in rx.finditer(here):
                if any(start <= m.start() < end for start, end in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append(Finding(path, n, m.start() + 1,
                                   f'"{line[m.start():m.end()]}": the site says {term.use} instead. {term.why}'))
    return out
