"""Facts that repeat are written once, in data/, and pages refer to them with short codes:

    [[tel:kr-1366]]        a phone number from data/hotlines.yml, as a tap-to-call link
    [[contact:kr-1366]]    the contact's name in the page's language, with its number or address
    [[web:intl-stopncii]]  the contact's web address, as a link
    [[stat:police-cases-2024]]  a figure from data/statistics.yml, formatted for the page's language

An unknown code stops the build with the page and line, so a typo never reaches a reader.
"""
from __future__ import annotations

import re
from typing import Callable

CODE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<id>[A-Za-z0-9_./-]+)\]\]")

# kind -> function(id, locale) -> Markdown; filled in by the data scripts (see register()).
_providers: dict[str, Callable[[str, str], str]] = {}


class ShortcodeError(Exception):
    pass


def register(kind: str, provider: Callable[[str, str], str]) -> None:
    _providers[kind] = provider


def kinds() -> list[str]:
    return sorted(_providers)


def expand(markdown: str, locale: str, source: str) -> str:
    """Replace every [[kind:id]] in markdown. source names the file in error messages."""

    def replace(match: re.Match) -> str:
        kind, ident = match.group("kind"), match.group("id")
        line = markdown.count("\n", 0, match.start()) + 1
        provider = _providers.get(kind)
        if provider is None:
            raise ShortcodeError(
                f"{source}:{line}: unknown short code [[{kind}:...]]; use one of: "
                + ", ".join(f"[[{k}:...]]" for k in kinds())
            )
        try:
            return provider(ident, locale)
        except KeyError as exc:
            raise ShortcodeError(f"{source}:{line}: [[{kind}:{ident}]] does not exist: {exc.args[0] if exc.args else ''}") from None

    return CODE.sub(replace, markdown)


def used(markdown: str) -> list[tuple[str, str]]:
    """(kind, id) of every short code in markdown, in order (the translation check compares them)."""
    return [(m.group("kind"), m.group("id")) for m in CODE.finditer(markdown)]
