"""The one road from data/ to a page: everything a page shows that comes from data/ (and the
site's own stylesheets and scripts) is made here, in one step before the build, into
.cache/render/. Nothing made here is committed.

    snippets/stats/<table>.<lang>.md       a statistics table with its chart (--8<-- includes)
    snippets/hotlines/<region>.<lang>.md   a region's directory of contacts
    codes/<lang>.json                      what every short code ([[tel:kr-1366]]...) becomes
    panels/<lang>.html                     the help panel's call buttons
    site/assets/...                        the site's CSS (one minified file) and scripts, with a
                                           fingerprint in their names so browsers may keep them
    assets.json                            those names, for the templates
    inputs.sha256                          the fingerprint of everything the above was made from

The staleness rule, the same for `mkdocs build` and `mkdocs serve`: the output is a pure function
of its inputs (data/, languages/, assets/, this package and its templates, and the site's
address), and it is made again whenever their fingerprint differs from the one it was made from.
A mistake in the data stops it with the file and line, and leaves the previous output as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2
import rcssmin
import segno
from babel.lists import format_list
from markupsafe import Markup

from nyf import changes, charts, formats, hotlines, opendata, pathways, platforms, shortcodes, statistics
from nyf.markdown_text import split_front_matter
from nyf.languages import Language, Languages
from nyf.project import Project

PACKAGE = Path(__file__).resolve().parent
# [[qr:target]] -> the page it points to, under a language's root (only pages that exist).
# A line that speaks more languages than this is described by their number ("13 languages").
LANGUAGES_NAMED = 3
QR_TARGETS = {"help": "help/", "start": "help/start/", "changes": "changes/"}
# Medium error correction: survives a smudge or a fold, and keeps the symbol small.
QR_ERROR = "m"


@dataclass(frozen=True)
class Rendered:
    folder: Path
    fingerprint: str
    made: bool  # False: the output was already up to date

    def codes(self, lang: Language) -> dict[str, str]:
        return json.loads((self.folder / "codes" / f"{lang.code}.json").read_text(encoding="utf-8"))

    def panel(self, lang: Language) -> str:
        return (self.folder / "panels" / f"{lang.code}.html").read_text(encoding="utf-8")

    @property
    def assets(self) -> dict[str, str]:
        return json.loads((self.folder / "assets.json").read_text(encoding="utf-8"))


class MdMarkup(Markup):
    """Markdown with its data texts escaped: only what HTML would read as markup (& < >); quotes
    stay quotes, so that the Markdown reads as written."""

    @classmethod
    def escape(cls, value) -> "MdMarkup":
        if hasattr(value, "__html__"):
            return cls(value.__html__())
        return cls(str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def markdown_escape(value) -> Markup:
    return MdMarkup.escape(value)


def environment() -> jinja2.Environment:
    """Templates in templates/: *.html escaped as HTML, *.md escaped as Markdown text."""
    html = jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE / "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)
    return html


def markdown_environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE / "templates"), autoescape=False,
                              finalize=markdown_escape, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True, undefined=jinja2.StrictUndefined)


# --- inputs and their fingerprint -------------------------------------------------------------

def inputs(project: Project) -> list[Path]:
    """Every file the output is made from."""
    found = []
    for folder, pattern in ((project.data, "*"), (project.languages, "*"), (project.assets, "**/*"),
                            (PACKAGE, "**/*")):
        found += [p for p in folder.glob(pattern) if p.is_file() and "__pycache__" not in p.parts]
    return sorted(found)


def fingerprint(project: Project, site_url: str) -> str:
    # Which pages exist decides which QR codes there are, and the "What changed" page names
    # pages by their titles.
    digest = hashlib.sha256("\0".join([site_url, *qr_targets(project), *page_titles(project).values()]).encode())
    for path in inputs(project):
        name = path.relative_to(PACKAGE.parent).as_posix() if path.is_relative_to(PACKAGE) else project.shown(path)
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# --- what each part looks like ---------------------------------------------------------------

def external_link(text: str, url: str, lang: Language) -> MdMarkup:
    """A Markdown link to another site: marked for the eye (icon, CSS) and for screen readers."""
    return MdMarkup('[{}<span class="nyf-sr"> ({})</span>]({}){{ .nyf-ext rel="noreferrer" }}').format(
        text, lang.s("external"), url)


def paren(items: list[str], lang: Language) -> MdMarkup:
    """The items in parentheses, as the language writes them: Korean attaches a parenthesis to
    the word before it."""
    if not items:
        return MdMarkup("")
    text = MdMarkup.escape(lang.s("list_separator")).join(items)
    return MdMarkup("({})" if lang.locale.startswith("ko") else " ({})").format(text)


def short_url(url: str) -> str:
    text = url.removeprefix("https://").rstrip("/")
    return text if len(text) <= 40 else text.split("/")[0]


def publisher(source: dict | statistics.Source, lang: Language) -> str:
    name = source.publisher if isinstance(source, statistics.Source) else source["publisher"]
    return lang.text(name) if isinstance(name, dict) else name


class ContactText:
    """How contacts read in one language: short codes, the directory, the panel. Everything it
    returns is Markup (Markdown whose data texts are escaped for HTML)."""

    def __init__(self, directory: hotlines.Directory, lang: Language, langs: Languages):
        self.directory, self.lang, self.langs = directory, lang, langs

    def country(self, region: str) -> str:
        return self.lang.s(f"country_{region}")

    def tel(self, contact: dict) -> MdMarkup:
        phone = contact["phones"][0]
        return MdMarkup("[{}]({})").format(hotlines.display_number(contact, phone, self.lang), hotlines.tel_href(phone))

    def whatsapp(self, contact: dict) -> MdMarkup:
        wa = contact["whatsapp"]
        return external_link(wa["number"], "https://wa.me/" + hotlines.digits(wa["international"]), self.lang)

    def abroad(self, contact: dict) -> str:
        if contact["region"] not in hotlines.COUNTRY_CODE:
            return ""
        return self.lang.s("abroad", country=self.country(contact["region"])) + self.lang.s("colon")

    def hints(self, contact: dict, beside: bool = True) -> list:
        """What a reader of this language must know before calling: where the number works,
        which language the line speaks, and who speaks theirs."""
        out = []
        phone = contact.get("phones", [None])[0]
        if phone and hotlines.domestic_only(contact, phone) and contact["region"] != self.lang.contacts.get("reader_in"):
            out.append(self.lang.s("only_here_short", country=self.country(contact["region"])))
            # A reader abroad needs the line that works from there, if the contact has one.
            abroad = next((p for p in contact["phones"][1:] if not hotlines.domestic_only(contact, p)), None)
            if abroad:
                number = abroad.get("international") or abroad["number"]
                out.append(MdMarkup("{}[{}]({})").format(self.abroad(contact), number, hotlines.tel_href(abroad)))
        if phone and contact["languages"] and not hotlines.speaks(contact, self.lang):
            # The languages the line speaks, not the country's: KBRI Seoul is in Korea and speaks Indonesian.
            names = [self.lang.language_name(code) for code in contact["languages"]]
            if len(names) <= LANGUAGES_NAMED:
                out.append(self.lang.s("other_language", languages=format_list(names, locale=self.lang.locale)))
            else:  # Danuri's thirteen: what matters is that the reader's is not among them
                out.append(self.lang.s("other_languages_count", count=len(names)))
            companion = (self.lang.contacts.get("beside_other_language") or {}).get(contact["region"])
            if beside and companion and companion != contact["id"]:
                other = self.directory.contacts[companion]
                named = MdMarkup("{} {}").format(self.lang.text(other["name"]), self.tel(other))
                out.append(MdMarkup.escape(self.lang.s("beside", contact="\0")).replace("\0", named))
        return out

    def contact(self, contact: dict, beside: bool = True) -> MdMarkup:
        name = self.lang.text(contact["name"])
        if contact.get("phones"):
            text = MdMarkup("{} {}{}").format(name, self.tel(contact), paren(self.hints(contact, beside), self.lang))
        elif contact.get("web"):
            text = external_link(name, contact["web"], self.lang)
        elif contact.get("email"):
            text = MdMarkup("{} [{}](mailto:{})").format(name, contact["email"], contact["email"])
        elif contact.get("other_channels"):  # reached through another line or in person: say how
            text = MdMarkup("{}{}").format(name, paren([self.lang.text(contact["other_channels"]).rstrip(".")], self.lang))
        else:
            text = MdMarkup.escape(name)
        if contact.get("whatsapp"):
            text += MdMarkup(" · WhatsApp {}").format(self.whatsapp(contact))
        return text

    def web(self, contact: dict) -> MdMarkup:
        return external_link(short_url(contact["web"]), contact["web"], self.lang)

    def codes(self) -> dict[str, str]:
        out = {}
        for cid, contact in self.directory.contacts.items():
            out[f"contact:{cid}"] = str(self.contact(contact))
            # The line that speaks the reader's language (KBRI Seoul beside a Korean line) is said
            # once a page: after the first, shortcodes.expand uses this variant without it.
            again = str(self.contact(contact, beside=False))
            if again != out[f"contact:{cid}"]:
                out[f"contact:{cid}{shortcodes.AGAIN}"] = again
            if contact.get("phones"):
                out[f"tel:{cid}"] = str(self.tel(contact))
            if contact.get("web"):
                out[f"web:{cid}"] = str(self.web(contact))
        return out

    # The directory (Markdown: its headings belong in the page's table of contents).

    def phone_line(self, contact: dict, phone: dict) -> MdMarkup:
        lang = self.lang
        extras = [lang.text(phone["note"])] if phone.get("note") else []
        if hotlines.domestic_only(contact, phone):
            extras.append(lang.s("only_here", country=self.country(contact["region"])))
        text = MdMarkup("[{}]({}){}").format(phone["number"], hotlines.tel_href(phone), paren(extras, lang))
        if phone.get("international"):
            text += MdMarkup(" · {}[{}]({})").format(self.abroad(contact), phone["international"], hotlines.tel_href(phone))
        return text

    def entry(self, contact: dict) -> dict:
        lang = self.lang
        items = [(lang.s("contact_phone"), self.phone_line(contact, p)) for p in contact.get("phones", [])]
        if contact.get("whatsapp"):
            items.append((lang.s("contact_whatsapp"),
                          MdMarkup("{} · {}{}").format(self.whatsapp(contact), self.abroad(contact), contact["whatsapp"]["international"])))
        if contact.get("email"):
            items.append((lang.s("contact_email"), MdMarkup("[{}](mailto:{})").format(contact["email"], contact["email"])))
        if contact.get("web"):
            items.append((lang.s("contact_web"), self.web(contact)))
        if contact.get("other_channels"):
            items.append((lang.s("contact_other"), lang.text(contact["other_channels"])))
        items.append((lang.s("contact_hours"), lang.text(contact["hours"])))
        names = [lang.language_name(code) for code in contact["languages"]]
        style = lang.s("language_list")
        spoken = format_list(names, locale=lang.locale) if style == "standard" and names else style.join(names)
        note = lang.text(contact["languages_note"]) if contact.get("languages_note") else ""
        if spoken and note and not spoken.endswith((".", "요")):
            spoken += "."  # a sentence of its own before the note; alone, a list needs no full stop
        if spoken or note:
            items.append((lang.s("contact_languages"), " ".join(filter(None, [spoken, note]))))
        items.append((lang.s("contact_who"), lang.text(contact["who"])))
        sources = []
        for source in contact["sources"]:
            text = external_link(publisher(source, lang), source["url"], lang) if source.get("url") else MdMarkup.escape(publisher(source, lang))
            title = source.get("title")
            if isinstance(title, dict):  # no title was found: a description, in brackets
                text += MdMarkup(", \\[{}\\]").format(lang.text(title))
            elif title:
                text += MdMarkup(', "{}"').format(title)
            if source.get("date"):
                text += MdMarkup(" ({})").format(source["date"])
            sources.append(text)
        return {
            "id": contact["id"],
            "name": lang.text(contact["name"]),
            "helps_with": lang.text(contact["helps_with"]),
            "items": items,
            "note": lang.text(contact["note"]) if contact.get("note") else None,
            "single_source": contact["confidence"] == "single-source",
            "needs_recheck": contact["confidence"] == "needs-recheck",
            "checked": formats.date(contact["verified"], lang.locale),
            "sources": MdMarkup("; ").join(sources),
        }

    def panel(self) -> list[dict]:
        out = []
        for cid in self.directory.panel(self.lang.code, self.lang.fallback):
            contact = self.directory.contacts[cid]
            phone = contact["phones"][0]
            out.append({"number": hotlines.display_number(contact, phone, self.lang), "tel": hotlines.tel_href(phone),
                        "label": self.lang.text(contact.get("short") or contact["name"])})
        return out


class StatText:
    """How statistics read in one language."""

    def __init__(self, stats: statistics.Stats, lang: Language):
        self.stats, self.lang = stats, lang

    def value(self, point: statistics.Point) -> str:
        if point.unit == "percent":
            return formats.percent(point.value, self.lang.locale, point.digits)
        return formats.number(point.value, self.lang.locale)

    def value_with_unit(self, point: statistics.Point) -> str:
        text = self.value(point)
        if point.unit == "count" and point.unit_label:
            text += self.lang.s("unit_space") + self.lang.text(point.unit_label)
        return text

    def label(self, point: statistics.Point) -> str:
        locale = self.lang.locale
        when = None
        if point.year is not None:
            when = formats.year(point.year, locale)
        elif point.period is not None:
            when = formats.period(*point.period, locale)
        if point.label is None:
            return when
        text = self.lang.text(point.label)
        return f"{text} ({when})" if when else text

    def caption(self, table: statistics.Table) -> str:
        title = self.lang.text(table.title)
        return f"{title} ({formats.period(*table.period, self.lang.locale)})" if table.period else title

    def source(self, source: statistics.Source) -> dict:
        lang = self.lang
        title = source.title if source.title.startswith("[") else f"“{source.title}”"
        return {"url": source.url, "text": f"{publisher(source, lang)}, {title}",
                "date": formats.source_date(source.published, lang.locale),
                "accessed": lang.s("stat_accessed", date=formats.source_date(source.accessed, lang.locale))}

    def table(self, table: statistics.Table) -> dict:
        lang = self.lang
        order = list(dict.fromkeys(k for p in table.points for k in p.sources))
        number = {k: i + 1 for i, k in enumerate(order)}
        top = 100.0 if table.unit == "percent" else (float(max(p.value for p in table.rows)) or 1.0)
        items = [(self.label(p), p.value, self.value(p)) for p in table.rows]
        chart = (charts.line if table.chart == "line" else charts.bar)(items, top)
        sep = lang.s("list_separator")
        description = (f"{lang.s('stat_' + table.chart)}. "
                       + sep.join(f"{self.label(p)}{lang.s('colon')}{self.value_with_unit(p)}" for p in table.rows)
                       + f". {lang.s('stat_same_in_table')}")
        notes = [lang.text(note) for note in table.notes]
        single = [p for p in table.points if len(p.sources) == 1]
        if single:  # said every time, so that no editor has to remember to
            notes.append(lang.s("stat_one_source_all") if len(single) == len(table.points)
                         else lang.s("stat_one_source", items=sep.join(self.label(p) for p in single)))
        row = lambda p: {"label": self.label(p), "value": self.value(p), "with_unit": self.value_with_unit(p),
                         "refs": [number[k] for k in p.sources]}
        return {
            "anchor": f"stat-{table.id}", "caption": self.caption(table), "measure": lang.text(table.measure["explanation"]),
            "chart": chart, "description": description, "label_column": lang.text(table.label_column),
            "value_column": lang.text(table.value_column), "rows": [row(p) for p in table.rows],
            "figures": [row(p) for p in table.figures], "notes": notes,
            "sources": [dict(self.source(self.stats.sources[k]), number=number[k]) for k in order],
        }

    def codes(self) -> dict[str, str]:
        return {f"stat:{fid}": self.value(point) for fid, point in self.stats.figures.items()}


# --- QR codes ----------------------------------------------------------------------------------

def qr_symbol(url: str) -> segno.QRCode:
    """The QR symbol for url (same input, same symbol)."""
    return segno.make(url, error=QR_ERROR, micro=False, boost_error=False)


def qr_targets(project: Project) -> dict[str, str]:
    """The QR targets whose page exists (in any language: docs/help/index.ko.md, docs/changes.en.md),
    or will, being made from data (help/start/ from data/pathways.yml)."""
    return {name: path for name, path in QR_TARGETS.items() if pathways.page_exists(project, path)}


def qr_target_title(path: str, lang: Language, titles: dict[str, str], paths: pathways.Pathways | None) -> str:
    if path == f"{pathways.FOLDER}/" and paths:
        return lang.text(paths.data["start"]["title"])
    own = [f"{path}index.{lang.code}.md", f"{path.rstrip('/')}.{lang.code}.md"]
    # No title in this language yet: another language's, rather than none.
    versions = re.compile(rf"({re.escape(path)}index|{re.escape(path.rstrip('/'))})\.[a-z-]+\.md")
    other = sorted(k for k in titles if versions.fullmatch(k))
    return next((titles[k] for k in own + other if titles.get(k)), path)


def qr_codes(project: Project, lang: Language, site_url: str, env: jinja2.Environment, titles: dict[str, str],
             paths: pathways.Pathways | None) -> dict[str, str]:
    out = {}
    for name, path in qr_targets(project).items():
        # Screen readers hear where the code leads: "QR code to the page “What changed”".
        label = lang.s("qr_label", page=qr_target_title(path, lang, titles, paths))
        url = site_url.rstrip("/") + "/" + lang.root + path
        svg = qr_symbol(url).svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff",
                                        svgclass="nyf-qr__code", lineclass=None)
        scheme, sep, rest = url.partition("://")
        # The address may wrap after "/" and "." only, so that it never splits a word.
        out[f"qr:{name}"] = env.get_template("qr.html").render(
            svg=Markup(svg.replace("<svg ", '<svg role="img" aria-label="{}" '.format(Markup.escape(label)), 1)),
            scheme=scheme + sep, parts=[p for p in rest.replace("/", "/\0").replace(".", ".\0").split("\0") if p])
    return out


# --- platform cards, what changed ------------------------------------------------------------------

def page_titles(project: Project) -> dict[str, str]:
    """{docs path: title} of every page, e.g. {"help/index.en.md": "Get help"}."""
    out = {}
    for path in sorted(project.docs.rglob("*.md")):
        if any(path.relative_to(project.docs).as_posix().startswith(folder + "/") for folder in GENERATED_PAGES):
            continue  # made from data: their titles are in data/ already
        body = path.read_text(encoding="utf-8")
        meta = split_front_matter(body)[0] or ""
        title = next((line.split(":", 1)[1].strip().strip("\"'") for line in meta.splitlines() if line.startswith("title:")), "")
        title = title or next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "")
        out[path.relative_to(project.docs).as_posix()] = title
    return out


def platform_cards(items: list[dict], lang: Language, env: jinja2.Environment) -> str:
    cards = []
    for p in items:
        sources = MdMarkup("; ").join(external_link(publisher(s, lang), s["url"], lang) for s in p["sources"])
        cards.append({
            "name": lang.text(p["name"]), "path": lang.text(p["path"]), "reason": lang.text(p["reason"]),
            "form": external_link(lang.text(p["form_label"]) if p.get("form_label") else short_url(p["form"]), p["form"], lang) if p.get("form") else None,
            "minors": lang.text(p["minors"]) if p.get("minors") else None,
            "note": lang.text(p["note"]) if p.get("note") else None,
            "unchecked": p["confidence"] == "unchecked", "single": p["confidence"] == "single-source",
            "checked": formats.date(p["checked"], lang.locale), "sources": sources,
        })
    return env.get_template("platform-cards.md").render(platforms=cards, s=lang.strings)


def changes_page(items: list[changes.Change], lang: Language, langs: Languages, titles: dict, env) -> str:
    entries = []
    for c in items:
        pages = [{"title": titles.get(langs.page_file(p[:-3], lang)) or titles.get(langs.page_file(p[:-3], langs["en"])) or p, "link": p}
                 for p in c.pages]
        entries.append({"date": formats.date(c.date, lang.locale), "title": lang.text(c.title), "text": lang.text(c.text),
                        "pages": pages, "anchor": f"change-{c.anchor}"})
    return env.get_template("changes.md").render(changes=entries, s=lang.strings)


def changes_feed(items: list[changes.Change], lang: Language, site_url: str, titles: dict, langs: Languages, env) -> str:
    page_url = site_url.rstrip("/") + "/" + lang.root + "changes/"
    entries = [{"title": lang.text(c.title), "text": lang.text(c.text), "date": c.date.isoformat(), "anchor": f"change-{c.anchor}"}
               for c in items]
    title = titles.get(langs.page_file("changes", lang)) or titles.get(langs.page_file("changes", langs["en"])) or "Changes"
    return env.get_template("feed.xml").render(lang=lang.code, page_url=page_url, site_name=lang.site_name, title=title,
                                               updated=f"{items[0].date.isoformat()}T00:00:00Z", changes=entries)


# --- the site's own assets ----------------------------------------------------------------------

def site_assets(project: Project) -> dict[str, tuple[str, bytes]]:
    """{key: (path in the site, content)}: one minified stylesheet from assets/css/ (in file-name
    order), and each script of assets/js/, each named with a fingerprint of its content."""
    css = "\n".join(p.read_text(encoding="utf-8") for p in sorted((project.assets / "css").glob("*.css")))
    out = {"css": ("assets/css/site.{}.css", rcssmin.cssmin(css).encode() + b"\n")}
    for script in sorted((project.assets / "js").glob("*.js")):
        # Material's worker is loaded with a path relative to its own folder: the search stub
        # must sit beside it (see material.py).
        folder = "assets/javascripts/workers" if script.stem == "lazy-search" else "assets/js"
        out[script.stem.replace("-", "_")] = (f"{folder}/{script.stem}.{{}}.js", script.read_bytes())
    return {key: (pattern.format(hashlib.sha256(body).hexdigest()[:8]), body) for key, (pattern, body) in out.items()}


# --- the whole step ----------------------------------------------------------------------------

def render(project: Project, langs: Languages, site_url: str) -> dict[str, str | bytes]:
    """{path under .cache/render/: content} for everything. Raises DataError; writes nothing."""
    stats = statistics.load(project, langs)
    directory = hotlines.load(project, langs)
    cards = platforms.load(project, langs)
    history = changes.load(project, langs) if (project.data / "changes.yml").exists() else []
    paths = pathways.load(project, langs)
    all_codes: dict[str, dict[str, str]] = {}
    titles = page_titles(project)
    env, md_env = environment(), markdown_environment()
    out: dict[str, str | bytes] = {}
    for lang in langs:
        stat_text, contact_text = StatText(stats, lang), ContactText(directory, lang, langs)
        for table in stats.tables:
            out[f"snippets/stats/{table.id}.{lang.code}.md"] = env.get_template("stat-table.html").render(
                t=stat_text.table(table), s=lang.strings)
        for region in hotlines.REGIONS:
            entries = [contact_text.entry(c) for c in directory.in_region(region)]
            name = "platforms" if region == "platform" else region
            out[f"snippets/hotlines/{name}.{lang.code}.md"] = md_env.get_template("directory.md").render(entries=entries, s=lang.strings)
        codes = {**contact_text.codes(), **stat_text.codes(), **qr_codes(project, lang, site_url, env, titles, paths)}
        all_codes[lang.code] = codes
        if paths:
            for rel, text in pathways.pages(paths, lang, langs, with_platforms=bool(cards)).items():
                out[f"docs/{rel}"] = text
        out[f"codes/{lang.code}.json"] = json.dumps(codes, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
        out[f"panels/{lang.code}.html"] = env.get_template("help-panel-list.html").render(contacts=contact_text.panel())
        if cards:
            out[f"snippets/platforms/all.{lang.code}.md"] = platform_cards(cards, lang, md_env)
        if history:
            out[f"snippets/changes/list.{lang.code}.md"] = changes_page(history, lang, langs, titles, md_env)
            out[f"site/{lang.root}changes/feed.xml"] = changes_feed(history, lang, site_url, titles, langs, env)
    if paths:
        pathways.check_codes(paths, all_codes)
    for name, body in {**opendata.statistics_files(stats, langs, site_url), **opendata.hotlines_files(directory, langs, site_url)}.items():
        out[f"site/data/{name}"] = body
    for name in ("statistics", "hotlines"):
        out[f"site/data/{name}.schema.json"] = (project.data / f"{name}.schema.json").read_bytes()
    names = {}
    for key, (path, body) in site_assets(project).items():
        out[f"site/{path}"] = body
        names[key] = path
    out["assets.json"] = json.dumps(names, indent=1, sort_keys=True) + "\n"
    return out


def _write_folder(target: Path, files: dict[str, str | bytes], fingerprint_text: str) -> None:
    """Write files as target/, all or nothing: a new folder beside it, then a swap."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for rel, content in files.items():
            path = new / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="\n")
        (new / "inputs.sha256").write_text(fingerprint_text + "\n", encoding="utf-8")
        os.chmod(new, 0o755)
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old.{os.getpid()}")
            os.replace(target, old)
        os.replace(new, target)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


# Pages made from data (render's docs/...) live in these folders of docs/, and nowhere else: the
# build needs them there as pages like any other. They are not committed (.gitignore).
GENERATED_PAGES = (pathways.FOLDER,)


def sync_pages(project: Project, rendered: Path) -> list[Path]:
    """The pages made from data into docs/: written where they differ, removed where no longer
    made. Unchanged files are left alone, so that `mkdocs serve` does not rebuild in a loop."""
    made = {p.relative_to(rendered / "docs").as_posix(): p for p in (rendered / "docs").rglob("*.md")} if (rendered / "docs").exists() else {}
    changed = []
    for rel, source in made.items():
        target = project.docs / rel
        body = source.read_bytes()
        if not target.exists() or target.read_bytes() != body:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            changed.append(target)
    for folder in GENERATED_PAGES:
        for page in sorted((project.docs / folder).rglob("*.md")) if (project.docs / folder).exists() else []:
            if page.relative_to(project.docs).as_posix() not in made:
                page.unlink()
                changed.append(page)
        for empty in sorted((project.docs / folder).rglob("*"), reverse=True) if (project.docs / folder).exists() else []:
            if empty.is_dir() and not any(empty.iterdir()):
                empty.rmdir()
    return changed


def refresh(project: Project, langs: Languages, site_url: str, log: Callable[[str], None] = lambda _: None) -> Rendered:
    """Make .cache/render/ again if its inputs changed since it was made, and put the pages it
    made into docs/. Raises DataError."""
    target = project.rendered
    key = fingerprint(project, site_url)
    stamp = target / "inputs.sha256"
    made = not (stamp.exists() and stamp.read_text(encoding="utf-8").strip() == key)
    if made:
        files = render(project, langs, site_url)
        _write_folder(target, files, key)
        log(f"rendered data/ into {project.shown(target)} ({len(files)} files)")
    sync_pages(project, target)
    return Rendered(target, key, made=made)
