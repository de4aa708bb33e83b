"""Material's stylesheets, less the rules no page of this site can use.

Material ships one stylesheet for every feature it has (content tabs, annotations, tooltips,
versions, tags, code copy, twenty named colours) and this site uses few of them; whole, its CSS
was a third of what a first visit downloads. After a build, each of Material's stylesheets keeps:

- every selector whose classes all occur somewhere: in a class attribute of a built page, or
  among the classes Material's or the site's scripts add at run time (their `md-` and `nyf-`
  strings, and whatever they pass to classList or write as `class:"..."`); classes inside
  :not(), :is(), :where() and :has() never count against a selector;
- the colour rules for the names the pages use (data-md-color-primary, -accent, -scheme);
- the custom properties something still reads with var();
- everything else as it was (@font-face, @keyframes and the like).

The trimmed file gets a fingerprint of its own and every page points at it, so a browser never
keeps an old trim. `mkdocs serve` keeps Material's files whole (pages change as you edit).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from tinycss2 import ast

MATERIAL_CSS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
COLOUR_ATTR = re.compile(r'\b(data-md-color-(?:primary|accent|scheme))="([^"]*)"')
COLOUR_NAMES = {"data-md-color-primary", "data-md-color-accent", "data-md-color-scheme"}
JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`([^`]*)`')
JS_CLASS_CALL = re.compile(r'(?:classList\.\w+\(|class(?:Name)?\s*[:=]\s*)((?:"[^"]*"|\'[^\']*\')(?:\s*,\s*(?:"[^"]*"|\'[^\']*\'))*)')
WORD = re.compile(r"-?[_a-zA-Z][\w-]*")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
VAR_DEFINED = re.compile(r"(--[\w-]+):")
LOOSE = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}


@dataclass(frozen=True)
class Trimmed:
    old: str  # site-relative path of Material's file
    new: str
    before: int  # bytes
    after: int


@dataclass
class Used:
    classes: set[str]
    colours: dict[str, set[str]]
    variables: set[str]  # read with var() outside Material's stylesheets


def used_in(site: Path, material: list[Path]) -> Used:
    classes: set[str] = set()
    colours: dict[str, set[str]] = {}
    variables: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for m in CLASS_ATTR.finditer(text):
            classes.update(m.group(1).split())
        for name, value in COLOUR_ATTR.findall(text):
            colours.setdefault(name, set()).add(value)
        variables.update(VAR_USE.findall(text))
    for script in site.glob("assets/**/*.js"):
        text = script.read_text(encoding="utf-8")
        variables.update(VAR_USE.findall(text))
        for groups in JS_STRING.findall(text):
            for part in groups:
                classes.update(w for w in WORD.findall(part) if w.startswith(("md-", "nyf-")))
        for m in JS_CLASS_CALL.finditer(text):
            classes.update(WORD.findall(re.sub(r"[\"']", " ", m.group(1))))
    for sheet in site.glob("assets/**/*.css"):
        if sheet not in material:
            variables.update(VAR_USE.findall(sheet.read_text(encoding="utf-8")))
    return Used(classes, colours, variables)


def _selectors(prelude: list) -> list[list]:
    out: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append([])
        else:
            out[-1].append(token)
    return out


def _can_match(selector: list, used: Used) -> bool:
    # Tokens inside a function (:not(), :is() and the rest) are nested, so never looked at here.
    for i, token in enumerate(selector):
        if token.type == "literal" and token.value == "." and i + 1 < len(selector) and selector[i + 1].type == "ident":
            if selector[i + 1].value not in used.classes:
                return False
        elif token.type == "[] block":
            parts = [t for t in token.content if t.type not in ("whitespace", "comment")]
            if (len(parts) == 3 and parts[0].type == "ident" and parts[0].value in COLOUR_NAMES
                    and parts[1].type == "literal" and parts[1].value == "=" and parts[2].type in ("ident", "string")
                    and parts[2].value not in used.colours.get(parts[0].value, set())):
                return False
    return True


def _trim_rules(rules: list, used: Used) -> list[tuple]:
    """(kind, head, body) for what can match: rules with their declarations, groups with theirs."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _selectors(rule.prelude) if _can_match(s, used)]
            if kept:
                body = [d for d in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
                        if d.type == "declaration"]
                out.append(("rule", ",".join(tinycss2.serialize(s).strip() for s in kept), body))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _trim_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), used)
            if inner:
                out.append(("group", f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}", inner))
        elif rule.type == "at-rule":
            out.append(("raw", tinycss2.serialize([rule]), None))
    return out


def _declaration(d: ast.Declaration) -> str:
    return f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"


def _write(tree: list[tuple], unread: set[str]) -> str:
    out = []
    for kind, head, body in tree:
        if kind == "rule":
            decls = [d for d in body if d.name not in unread]
            if decls:
                out.append(head + "{" + ";".join(_declaration(d) for d in decls) + "}")
        elif kind == "group":
            inner = _write(body, unread)
            if inner:
                out.append(head + "{" + inner + "}")
        else:
            out.append(head)
    return "".join(out)


def trim_texts(sheets: list[str], used: Used) -> list[str]:
    """Each of Material's sheets less what cannot match. A custom property may be defined in
    one sheet and read in another, so what is read is counted over all of them."""
    trees = [_trim_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), used) for css in sheets]
    unread: set[str] = set()
    while True:  # a property read only by an unread one is unread too
        texts = [_write(tree, unread) for tree in trees]
        everything = "".join(texts)
        newly = set(VAR_DEFINED.findall(everything)) - set(VAR_USE.findall(everything)) - used.variables - unread
        if not newly:
            return texts
        unread |= newly


def trim(site: Path) -> list[Trimmed]:
    material = sorted(p for p in site.glob("assets/stylesheets/*.css") if MATERIAL_CSS.match(p.name))
    used = used_in(site, material)
    originals = [p.read_text(encoding="utf-8") for p in material]
    done = []
    for sheet, css, text in zip(material, originals, trim_texts(originals, used)):
        kind = MATERIAL_CSS.match(sheet.name).group(1)
        new = sheet.with_name(f"{kind}.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.css")
        new.write_text(text, encoding="utf-8")
        if new != sheet:
            sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
        done.append(Trimmed(sheet.relative_to(site).as_posix(), new.relative_to(site).as_posix(),
                            len(css.encode()), len(text.encode())))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = text
        for t in done:
            changed = changed.replace(t.old.rsplit("/", 1)[-1], t.new.rsplit("/", 1)[-1])
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    return done
