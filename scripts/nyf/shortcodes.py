"""Facts that repeat are written once, in data/, and pages refer to them with short codes:

    [[tel:kr-1366]]              a phone number from data/hotlines.yml, as a tap-to-call link
    [[contact:kr-1366]]          the contact's name in the page's language, with its number or address
    [[web:intl-stopncii]]        the contact's web address, as a link
    [[stat:police-cases-2024]]   a figure from data/statistics.yml, in the page's language's format
    [[qr:help]]                  a QR code for the help page in the page's language

What each code becomes is made beforehand, with everything else from data/ (render.py); here
the codes are only found and replaced. Codes inside `code` and ``` blocks are left alone (the
translation check counts them the same way). An unknown code stops the build with the page and
line, so a typo never reaches a reader.

Some hints a reader needs once a page, not after every contact: on an Indonesian page, that KBRI
Seoul answers in Indonesian beside each Korean line. A code with such a hint has a second text,
under its key plus AGAIN, which every later code of that kind on the page uses.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterator

from nyf.markdown_text import blank

AGAIN = "|again"
CODE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<id>[A-Za-z0-9_./-]+)\]\]")


class ShortcodeError(Exception):
    pass


def find(markdown: str) -> Iterator[re.Match]:
    """Every short code outside code, in order."""
    return CODE.finditer(blank(markdown))


def used(markdown: str) -> list[str]:
    return [m.group(0)[2:-2] for m in find(markdown)]


def expand(markdown: str, codes: dict[str, str], source: str) -> str:
    """markdown with every code replaced by codes["kind:id"]; source names the page in messages."""
    out, last, said_once = [], 0, False
    for match in find(markdown):
        key = match.group(0)[2:-2]
        if key not in codes:
            line = markdown.count("\n", 0, match.start()) + 1
            kinds = sorted({k.split(":")[0] for k in codes})
            kind = match.group("kind")
            if kind not in kinds:
                hint = "use one of: " + ", ".join(f"[[{k}:...]]" for k in kinds)
            else:
                near = difflib.get_close_matches(key, [k for k in codes if k.startswith(kind + ":") and not k.endswith(AGAIN)], n=3, cutoff=0.5)
                hint = ("did you mean " + " or ".join(f"[[{k}]]" for k in near) + "?") if near else \
                    f"no such id in data/ (ids are the id: entries of data/{'statistics' if kind == 'stat' else 'hotlines'}.yml)"
            raise ShortcodeError(f"{source}:{line}: [[{key}]] does not exist; {hint}")
        text = codes[key]
        if key + AGAIN in codes:
            if said_once:
                text = codes[key + AGAIN]
            said_once = True
        out += [markdown[last:match.start()], text]
        last = match.end()
    out.append(markdown[last:])
    return "".join(out)
