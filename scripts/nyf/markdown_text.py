"""A page's Markdown as the checks see it: front matter apart, code blanked out.

Blanking keeps every line and column where it was, so that messages can point at them.
"""
from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
COMMENT = re.compile(r"<!--.*?-->", re.S)


def front_matter_end(lines: list[str]) -> int:
    """Index of the line that closes the front matter (0 if there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line number of the body's first line)."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    if not end:
        return None, text, 1
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 2


def blank(text: str) -> str:
    """The text with ``` fences, `code` and HTML comments replaced by spaces."""
    text = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    out, fence = [], None
    for line in text.split("\n"):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append(" " * len(line))
            continue
        if m:
            fence = m.group(1)
            out.append(" " * len(line))
            continue
        out.append(INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line))
    return "\n".join(out)
