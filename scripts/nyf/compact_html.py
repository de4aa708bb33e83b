"""Pages without the indentation and blank lines Material's templates leave behind.

About half a kilobyte of every page after gzip, which is what a reader pays for each page once the
shared files are cached. Only whitespace at the start and end of a line goes, and runs of
empty lines: a line break stays wherever there was one, so the page renders the same. The
inside of <pre>, <textarea>, <script> and <style> is left exactly as it was."""
from __future__ import annotations

import re

KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
AROUND_LINE_BREAKS = re.compile(r"[ \t]*\n[ \t\n]*")


def compact(html: str) -> str:
    parts = KEPT.split(html)
    # split() with two groups gives: text, kept block, tag name, text, kept block, tag name, ...
    out = []
    for i, part in enumerate(parts):
        kind = i % 3
        if kind == 0:
            out.append(AROUND_LINE_BREAKS.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)
