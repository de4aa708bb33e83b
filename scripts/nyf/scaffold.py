"""`make new-page NAME=folder/slug` and `make new-language CODE=xx NAME="..."`: the files a
contributor fills in, so that nobody has to know where everything goes.

new_page writes the page in every language, each with its front matter and a note on what to
write, and adds one line to the nav in mkdocs.yml, under the section that holds the other pages
of its folder. new_language adds a language: its entry in mkdocs.yml, its strings file
(languages/<code>.yml, a copy of the English one to translate) and every page copied from
English with a visible "not yet translated" notice. Both edit mkdocs.yml as text, one inserted
block, so that its comments and layout stay as they are; neither touches code.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from babel import Locale, UnknownLocaleError

from nyf import languages
from nyf.material import TEMPLATES as MATERIAL_TEMPLATES
from nyf.project import Project

NAME = re.compile(r"^(?:(?P<folder>[a-z0-9]+(?:-[a-z0-9]+)*)/)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")


class ScaffoldError(Exception):
    pass


# --- a new page --------------------------------------------------------------------------------

def page_text(lang: languages.Language, today: dt.date) -> str:
    t = lang.new_page
    return (f"---\ntitle: {t['title']}\ndescription: {t['description']}\nrevision: 1\nreviewed: {today.isoformat()}\n---\n\n"
            f"<!--\n{t['note']}\n-->\n\n# {t['title']}\n\n{t['body']}\n")


def validate_name(project: Project, name: str) -> re.Match:
    if not project.docs.is_dir() or not project.config_file.is_file():
        raise ScaffoldError(f"{project.root} has no docs/ folder and mkdocs.yml. Run the command from the top folder of the repository.")
    if not name:
        raise ScaffoldError(
            "Give the new page a name, for example:\n    make new-page NAME=help/my-page\n"
            "The part before / is the folder in docs/ (help, understand, law, schools), or leave it out "
            "for a page at the top; the part after it becomes the address: /help/my-page/.")
    if name.endswith(".md"):
        raise ScaffoldError(f'"{name}": leave out ".md"; the files get their language endings by themselves. Try: make new-page NAME={name[:-3]}')
    m = NAME.match(name)
    if not m:
        raise ScaffoldError(
            f'"{name}" cannot be a page name. Use lowercase English letters (a-z), digits and hyphens only, no spaces, '
            "at most one folder, for example: help/talk-to-a-parent. (The name becomes the web address; the title "
            "people see can be in any language.)")
    folder = m.group("folder")
    if folder and not (project.docs / folder).is_dir():
        existing = sorted(p.name for p in project.docs.iterdir() if p.is_dir())
        raise ScaffoldError(f"docs/{folder}/ does not exist. Use one of the existing folders ({', '.join(existing)}), "
                            "or leave the folder out for a page at the top level.")
    return m


def nav_insert(config_text: str, entry_path: str, folder: str | None) -> tuple[str, str]:
    """Insert "- entry_path" into the nav of mkdocs.yml (as text). Returns (new text, where)."""
    lines = config_text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)), None)
    if start is None:
        raise ScaffoldError('mkdocs.yml has no "nav:" section; add the page to the navigation by hand.')
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#" or lines[end].startswith("-")):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    entry = re.compile(r"^(?P<indent>\s*)- (?:[^:\n]+:\s+)?(?P<path>[\w./-]+\.md)\s*(?:#.*)?$")
    entries = [(i, m) for i in range(start + 1, end) if (m := entry.match(lines[i]))]
    if any(m.group("path") == entry_path for _, m in entries):
        raise ScaffoldError(f"{entry_path} is already in the nav of mkdocs.yml.")
    top = next((re.match(r"^(\s*)-", lines[i]).group(1) for i in range(start + 1, end) if re.match(r"^\s*-", lines[i])), "  ")
    if folder:
        same = [(i, m) for i, m in entries if m.group("path").startswith(f"{folder}/")]
        if same:
            i, m = same[-1]
            lines.insert(i + 1, f"{m.group('indent')}- {entry_path}")
            return "\n".join(lines), f"after {m.group('path')}"
    lines.insert(end, f"{top}- {entry_path}")
    return "\n".join(lines), "at the end of the navigation"


def new_page(project: Project, name: str, today: dt.date | None = None) -> tuple[list[Path], str]:
    name = name.strip()
    m = validate_name(project, name)
    langs = languages.load(project)
    files = {lang.code: project.docs / langs.page_file(name, lang) for lang in langs}
    existing = [project.shown(p) for p in files.values() if p.exists()]
    if existing:
        raise ScaffoldError(f"This page already exists: {', '.join(existing)}. Nothing was changed. Edit the existing "
                            "files, or choose another name.")
    text, where = nav_insert(project.config_file.read_text(encoding="utf-8"), f"{name}.md", m.group("folder"))
    today = today or dt.date.today()
    for lang in langs:
        files[lang.code].write_text(page_text(lang, today), encoding="utf-8", newline="\n")
    project.config_file.write_text(text, encoding="utf-8", newline="\n")
    return [*files.values(), project.config_file], where


# --- a new language ----------------------------------------------------------------------------

def _babel_locale(code: str) -> str:
    locale = code.replace("-", "_")
    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise ScaffoldError(f"Babel knows no language {code!r} (it formats numbers and dates): use an ISO 639 code "
                            "such as vi, zh, th, tl or mn") from None
    return locale


def _i18n_entry(config_text: str, code: str, name: str) -> str:
    """mkdocs.yml with one more entry after the last one under plugins > i18n > languages."""
    lines = config_text.split("\n")
    top = next((i for i, line in enumerate(lines) if re.match(r"^\s+languages:\s*$", line)), None)
    if top is None:
        raise ScaffoldError("mkdocs.yml has no `languages:` list under the i18n plugin; add the language there by hand.")
    indent = len(lines[top]) - len(lines[top].lstrip()) + 2
    last = top
    for i in range(top + 1, len(lines)):
        if not lines[i].strip():
            continue
        if len(lines[i]) - len(lines[i].lstrip()) < indent:
            break
        last = i
    block = [" " * indent + f"- locale: {code}", " " * indent + f"  name: {name}"]
    return "\n".join(lines[: last + 1] + block + lines[last + 1:])


def new_language(project: Project, code: str, name: str) -> list[Path]:
    code, name = code.strip(), name.strip()
    langs = languages.load(project)
    if not CODE.match(code):
        raise ScaffoldError(f'"{code}" is not a language code. Use the ISO 639 code in lower case, such as vi (Vietnamese), '
                            "zh (Chinese), th (Thai), tl (Tagalog) or mn (Mongolian): make new-language CODE=vi NAME=\"Tiếng Việt\"")
    if code in langs:
        raise ScaffoldError(f"{code} is already a language of this site ({langs[code].name}).")
    if not name:
        raise ScaffoldError('Give the language its name as its readers write it: make new-language CODE=vi NAME="Tiếng Việt"')
    if not (MATERIAL_TEMPLATES / "partials" / "languages" / f"{code}.html").exists():
        raise ScaffoldError(f"Material for MkDocs has no interface strings for {code!r} (search box, menus), so the site "
                            "cannot be built in it yet; see Material's list of languages.")
    locale = _babel_locale(code)
    english = (project.languages / "en.yml").read_text(encoding="utf-8")
    strings = re.sub(r"(?m)^locale: .*$", f"locale: {locale}\n# Until this language is translated, texts from data/ that it lacks are shown in English.\nfallback: en", english, count=1)
    strings = re.sub(r"(?m)^  not_found_link: .*$", f"  not_found_link: {name}", strings, count=1)
    strings = re.sub(r"(?s)^#.*?\n\n", f"# yaml-language-server: $schema=language.schema.json\n#\n# {name} ({code}): everything the site says outside its pages, copied from English by\n"
                     "# `make new-language`. Translate every value (keep the keys and the {placeholders}), then\n"
                     "# remove `fallback: en` once data/ has texts in this language too (see ko.yml for what each part is).\n\n",
                     strings, count=1)
    written = []
    target = project.languages / f"{code}.yml"
    target.write_text(strings, encoding="utf-8", newline="\n")
    written.append(target)
    en = langs["en"]
    for source in sorted(project.docs.rglob(f"*{en.suffix}.md")):
        stem, lang = langs.split_page_file(source.relative_to(project.docs).as_posix())
        if lang != "en":
            continue
        text = source.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            raise ScaffoldError(f"{project.shown(source)} has no front matter; fix it first (make check says how)")
        copy = project.docs / f"{stem}.{code}.md"
        copy.write_text("---\nuntranslated: true\n" + text[4:], encoding="utf-8", newline="\n")
        written.append(copy)
    project.config_file.write_text(_i18n_entry(project.config_file.read_text(encoding="utf-8"), code, name),
                                   encoding="utf-8", newline="\n")
    written.append(project.config_file)
    languages.load(project)  # the new strings file passes its schema
    return written
