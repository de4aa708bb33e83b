"""Markdown lint for a site written in several languages, in plain words.

One engine: pymarkdownlnt (its Python API), with the repository's .pymarkdown.yml and two rules
of the site's own as its plugins (lint_plugins/): NYF001, what input methods and pasting break
(nyf.lint_rules.check_text), and NYF002, words the site does not use (data/terms.yml). Before
it, each file's bytes are checked (encoding, byte-order mark, line endings). Every finding reads
"file:line:column: what is wrong; what to do", and a rule can be switched off for one line with
pymarkdownlnt's pragma, `<!-- pyml disable-next-line nyf002 -->`.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

from nyf import languages
from nyf.lint_rules import Finding, Term, check_bytes
from nyf.markdown_text import front_matter_end
from nyf.project import Project
from nyf.yamlfile import DataError, load as load_yaml

CONFIG = ".pymarkdown.yml"
PLUGINS = Path(__file__).resolve().parent / "lint_plugins"

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


def terms_by_language(root: Path) -> dict[str, list[Term]]:
    """data/terms.yml, checked against its schema: {language code: [Term]}."""
    project = Project.at(root)
    path = project.data / "terms.yml"
    if not path.exists():
        return {}
    data = load_yaml(path, project.data / "terms.schema.json", shown=project.shown(path)).data
    out: dict[str, list[Term]] = {}
    for entry in data["terms"]:
        out.setdefault(entry["language"], []).append(
            Term(entry["language"], entry["avoid"], entry["use"], entry["why"], entry.get("allow", [])))
    return out


def site_languages(root: Path) -> languages.Languages:
    return languages.load(Project.at(root))


def page_language(root: Path, langs: languages.Languages, scan_file: str) -> str | None:
    """The language of a page under docs/ (None for any other file)."""
    project = Project.at(root)
    path = Path(scan_file)
    path = path if path.is_absolute() else project.root / path
    try:
        rel = path.resolve().relative_to(project.docs).as_posix()
    except ValueError:
        return None
    return langs.split_page_file(rel)[1]


def default_targets(root: Path) -> list[Path]:
    files = sorted((root / "docs").rglob("*.md")) if (root / "docs").is_dir() else []
    files += sorted(root.glob("CONTRIBUTING*.md"))
    files += [p for p in (root / "README.md",) if p.exists()]
    return files  # .github/ holds forms, not pages: a pull request template has no "# " title


def _api(root: Path, files: list[Path]) -> PyMarkdownApi:
    api = PyMarkdownApi().configuration_file_path(str(root / CONFIG))
    for plugin in sorted(PLUGINS.glob("nyf_*.py")):
        api.add_plugin_path(str(plugin))
    try:
        terms = terms_by_language(root)
        langs = site_languages(root) if terms else None
    except (DataError, OSError):
        terms, langs = {}, None  # `make check` reports a broken terms or languages file itself
    pages = {}
    if langs is not None:
        for path in files:
            code = page_language(root, langs, str(path))
            if code:
                pages[str(path.resolve())] = code
    api.set_string_property("plugins.nyf002.terms", json.dumps(
        {code: [dataclasses.asdict(t) for t in items] for code, items in terms.items()}, ensure_ascii=False))
    return api.set_string_property("plugins.nyf002.languages", json.dumps(pages, ensure_ascii=False))


def _plain(failure) -> str:
    if failure.rule_id.upper().startswith("NYF"):
        return failure.extra_error_information.strip().removeprefix("[").removesuffix("]")
    rule = failure.rule_id.upper()
    plain = PLAIN.get(rule) or (failure.rule_description.rstrip(".") + ".")
    detail = re.search(r"Element: ([^\]\s]+)", failure.extra_error_information or "")
    plain = plain.replace("{detail}", f" (<{detail.group(1)}>)" if detail else "")
    return f"{plain} [{rule}]"


def lint(files: list[Path], root: Path) -> tuple[list[Finding], str | None]:
    """(findings, error text if the linter itself failed)."""
    root = root.resolve()
    findings: list[Finding] = []
    to_scan: list[tuple[Path, str, int]] = []  # path, shown, findings on lines up to here are noise
    for path in files:
        try:
            shown = path.resolve().relative_to(root).as_posix()
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
        to_scan.append((path, shown, front_matter_end(text.split("\n")) + 1, raw.startswith(b"\xef\xbb\xbf")))
    if to_scan:
        try:
            api = _api(root, [path for path, *_ in to_scan])
            for path, shown, front_end, bom in to_scan:
                result = api.scan_path(str(path))
                own = [f for f in result.scan_failures if f.rule_id.upper().startswith("NYF")]
                # A broken front matter (a byte-order mark, a full-width colon) makes pymarkdownlnt
                # misread its lines; what its own rules say about them would only confuse.
                noisy = front_end if bom or any(f.line_number <= front_end for f in own) else 0
                for f in result.scan_failures:
                    if f in own or f.line_number > noisy:
                        findings.append(Finding(shown, f.line_number, f.column_number, _plain(f)))
                for p in result.pragma_errors:
                    findings.append(Finding(shown, p.line_number, 1, f"this pymarkdownlnt comment is not understood: {p.pragma_error}"))
        except PyMarkdownApiException as exc:
            return findings, str(exc)
    return sorted(set(findings)), None
