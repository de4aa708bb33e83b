"""Hotline contacts: data/hotlines.yml -> the "Get help" directory, the help panel, short codes.

    python scripts/build_hotlines.py            check the data and (re)write generated/hotlines/
    python scripts/build_hotlines.py --check    check only; fail if generated/hotlines/ is out of
                                                date or an entry was verified over 365 days ago
    options: --data FILE (default data/hotlines.yml), --out DIR (default generated/hotlines),
             --today YYYY-MM-DD (the date the age of each entry is measured against)

A number is written once, in data/hotlines.yml; everything else renders it from there:
- generated/hotlines/<region>.<lang>.md, the directory the "Get help" pages include
  (`--8<-- "hotlines/korea.ko.md"`), one file per region and language;
- panel_context(lang), what overrides/partials/help-panel.html shows at the top of every page;
- shortcode(kind), the [[tel:ID]], [[contact:ID]] and [[web:ID]] short codes in any page.

Loading, schema checks, error messages with file and line, all-or-nothing writes and locale
formats are shared with the statistics pipeline (scripts/datafile.py).

Age of entries. Each entry carries `verified: YYYY-MM-DD`. Past 180 days the script (and the
build, through scripts/hooks.py) prints a line starting "STALE:"; the build logs it at INFO
level, because a warning would stop `mkdocs build --strict` and an old date is a reason to
re-check, not to take the site down. Past 365 days `--check` fails, and the test command runs it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datafile  # noqa: E402
from babel import Locale  # noqa: E402
from babel.lists import format_list  # noqa: E402

ROOT = datafile.ROOT
DATA = ROOT / "data" / "hotlines.yml"
OUT = ROOT / "generated" / "hotlines"
LOCALES = datafile.LOCALES
WARN_DAYS = 180
FAIL_DAYS = 365

# Region -> generated file name (generated/hotlines/<name>.<lang>.md), in page order.
REGION_FILES = {"korea": "korea", "indonesia": "indonesia", "international": "international", "platform": "platforms"}
ID_PREFIX = {"korea": "kr-", "indonesia": "id-", "international": "intl-", "platform": "platform-"}
COUNTRY_CODE = {"korea": "82", "indonesia": "62"}

# Short codes and the help panel show the number a reader of each language most likely dials:
# the local form for Korean readers of Korean numbers and Indonesian readers of Indonesian
# numbers, otherwise the form that works from abroad (where there is one).
DISPLAY_HOME = {"ko": "korea", "en": None, "id": "indonesia"}
# Numbers that only dial inside one country get "(from a phone in Korea)" in [[contact:]],
# except for readers who are taken to be in that country (Korean readers, for Korean numbers).
HINT_HOME = {"ko": "korea", "en": None, "id": None}

log = logging.getLogger("mkdocs.hooks.hotlines")

T = {
    "phone": {"ko": "전화", "en": "Phone", "id": "Telepon"},
    "whatsapp": {"ko": "WhatsApp", "en": "WhatsApp", "id": "WhatsApp"},
    "email": {"ko": "이메일", "en": "E-mail", "id": "Email"},
    "web": {"ko": "웹사이트", "en": "Website", "id": "Situs web"},
    "other": {"ko": "다른 연락 방법", "en": "Other ways", "id": "Cara lain"},
    "hours": {"ko": "운영 시간", "en": "Hours", "id": "Jam layanan"},
    "languages": {"ko": "언어", "en": "Languages", "id": "Bahasa"},
    "who": {"ko": "이용 대상", "en": "Who can use it", "id": "Untuk siapa"},
    "note": {"ko": "참고하세요", "en": "Please note", "id": "Perlu diketahui"},
    "checked": {"ko": "확인한 날", "en": "Checked", "id": "Dicek"},
    "sources": {"ko": "출처", "en": "Sources", "id": "Sumber"},
    "external": {"ko": "외부 사이트", "en": "external site", "id": "situs luar"},
    "abroad": {"ko": "{country} 밖에서는", "en": "from outside {country}", "id": "dari luar {country}"},
    "only_here": {"ko": "{country} 안에서만 걸 수 있어요", "en": "only from a phone in {country}", "id": "hanya dari telepon di {country}"},
    "hint": {"ko": "{country} 안에서만", "en": "from a phone in {country}", "id": "dari telepon di {country}"},
    "single_title": {"ko": "출처가 하나뿐이에요", "en": "Only one source", "id": "Hanya satu sumber"},
    "single": {
        "ko": "이 정보는 출처 하나로만 확인했어요. 이용하기 전에 공식 사이트에서 한 번 더 확인하세요.",
        "en": "Only one source confirmed this entry. Check the official site before you rely on it.",
        "id": "Informasi ini hanya dipastikan dari satu sumber. Cek lagi di situs resminya sebelum kamu mengandalkannya.",
    },
}
COUNTRY = {
    "korea": {"ko": "한국", "en": "Korea", "id": "Korea"},
    "indonesia": {"ko": "인도네시아", "en": "Indonesia", "id": "Indonesia"},
}
# Babel's names, except where readers say it differently.
LANGUAGE_NAME_OVERRIDES = {"id": {"zh": "Mandarin"}}


# --- loading and checking -------------------------------------------------------------------

@dataclass
class Directory:
    loaded: datafile.Loaded
    contacts: dict[str, dict]  # id -> entry, in file order
    position: dict[str, int]   # id -> index in the file's contacts list
    panels: dict[str, list[str]]

    @property
    def file(self) -> Path:
        return self.loaded.file

    def line(self, contact_id: str, *field) -> int | None:
        return self.loaded.line(("contacts", self.position[contact_id]) + field)


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def _check(loaded: datafile.Loaded) -> Directory:
    """What the schema cannot say: unique ids, ids that match regions, numbers that agree."""
    data = loaded.data
    contacts: dict[str, dict] = {}
    position: dict[str, int] = {}
    english = Locale.parse("en")
    for i, c in enumerate(data["contacts"]):
        where = ("contacts", i)
        cid = c["id"]
        if cid in contacts:
            raise loaded.error(where + ("id",), f"the id {cid} is already used on line {loaded.line(('contacts', position[cid], 'id'))}; each contact needs its own id")
        prefix = ID_PREFIX[c["region"]]
        if not cid.startswith(prefix):
            raise loaded.error(where + ("id",), f"a contact in region {c['region']} needs an id starting with {prefix}", cid)
        # A platform may be reached only inside its app (its entry says how); anything else needs a way in
        # (other_channels says how to reach a service that has no number or address of its own).
        if c["region"] != "platform" and not any(k in c for k in ("phones", "whatsapp", "email", "web", "other_channels")):
            raise loaded.error(where, f"{cid} has no way to reach it: give it phones, whatsapp, email, web or other_channels")
        cc = COUNTRY_CODE.get(c["region"])
        numbers = [(("phones", j), p) for j, p in enumerate(c.get("phones", []))]
        if "whatsapp" in c:
            numbers.append((("whatsapp",), c["whatsapp"]))
        for field, p in numbers:
            intl = p.get("international")
            if not intl:
                continue
            local = p["number"]
            expected = _digits(local) if local.startswith("+") else (cc + _digits(local).lstrip("0") if cc else None)
            if expected and _digits(intl) != expected:
                raise loaded.error(
                    where + field + ("international",),
                    f"does not match the local number {local}: from abroad it should read +{expected} "
                    "(country code, then the number without its leading 0). Check both against the source",
                    intl,
                )
        if c["confidence"] == "confirmed" and len(c["sources"]) < 2:
            raise loaded.error(
                where + ("sources",),
                "confidence is 'confirmed' but only one source is listed: add a second independent source, or set confidence: single-source",
            )
        for j, code in enumerate(c["languages"]):
            if code not in english.languages:
                raise loaded.error(where + ("languages", j), "unknown language code; use a two- or three-letter code such as ko, en, id, zh", code)
        contacts[cid] = c
        position[cid] = i
    panels = data["panels"]
    for locale in LOCALES:
        seen = set()
        for j, cid in enumerate(panels[locale]):
            where = ("panels", locale, j)
            if cid not in contacts:
                raise loaded.error(where, f"no contact has this id{_did_you_mean(cid, contacts)}", cid)
            if cid in seen:
                raise loaded.error(where, "this contact is already in the panel", cid)
            if "phones" not in contacts[cid]:
                raise loaded.error(where, f"the help panel's buttons call a number, but {cid} has no phones", cid)
            seen.add(cid)
    return Directory(loaded, contacts, position, {k: list(v) for k, v in panels.items()})


def _did_you_mean(cid: str, known) -> str:
    close = difflib.get_close_matches(cid, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def load(path: Path = DATA) -> Directory:
    """Read, validate and check data/hotlines.yml (its schema sits beside it). Raises DataError."""
    path = Path(path)
    loaded = datafile.load(path, path.with_name(path.name.split(".")[0] + ".schema.json"))
    return _check(loaded)


_cache: dict[Path, tuple[tuple, Directory]] = {}


def _directory(path: Path = DATA) -> Directory:
    """load(), reused while the file is unchanged (short codes call this once per use)."""
    path = Path(path)
    schema = path.with_name(path.name.split(".")[0] + ".schema.json")
    return datafile.reuse_while_unchanged(_cache, path, (path, schema), load)


# --- formatting pieces shared by the directory, the panel and the short codes ---------------

def tel_href(phone: dict) -> str:
    """tel: target. The international form where there is one (it dials from anywhere)."""
    if phone.get("international"):
        return "tel:+" + _digits(phone["international"])
    return "tel:" + ("+" if phone["number"].startswith("+") else "") + _digits(phone["number"])


def display_number(contact: dict, phone: dict, locale: str) -> str:
    if phone.get("international") and contact["region"] != DISPLAY_HOME[locale]:
        return phone["international"]
    return phone["number"]


def _paren(text: str, locale: str) -> str:
    # Korean attaches a parenthesis to the word before it.
    return f"({text})" if locale == "ko" else f" ({text})"


def _domestic_only(contact: dict, phone: dict) -> bool:
    return contact["region"] in COUNTRY and not phone.get("international") and not phone["number"].startswith("+")


def display_url(url: str) -> str:
    text = re.sub(r"^https://", "", url).rstrip("/")
    return text if len(text) <= 40 else text.split("/")[0]


def external_link(text: str, url: str, locale: str) -> str:
    """A link to another site: marked for the eye (icon, CSS) and for screen readers (text)."""
    return f'[{text}<span class="nyf-sr"> ({T["external"][locale]})</span>]({url}){{ .nyf-ext rel="noreferrer" }}'


def _whatsapp_link(wa: dict, locale: str) -> str:
    return external_link(wa["number"], "https://wa.me/" + _digits(wa["international"]), locale)


def language_names(codes: list[str], locale: str) -> str:
    names = [LANGUAGE_NAME_OVERRIDES.get(locale, {}).get(c) or Locale.parse(locale).languages[c] for c in codes]
    if not names:
        return ""
    return ", ".join(names) if locale == "ko" else format_list(names, locale=locale)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "요", ")")) else text + "."


# --- the directory (generated Markdown) ------------------------------------------------------

def _phone_line(contact: dict, phone: dict, locale: str) -> str:
    link = f"[{phone['number']}]({tel_href(phone)})"
    extras = []
    if phone.get("note"):
        extras.append(phone["note"][locale])
    if _domestic_only(contact, phone):
        extras.append(T["only_here"][locale].format(country=COUNTRY[contact["region"]][locale]))
    if extras:
        link += _paren((", " if locale == "ko" else "; ").join(extras), locale)
    if phone.get("international"):
        abroad = T["abroad"][locale].format(country=COUNTRY.get(contact["region"], {}).get(locale, ""))
        link += f" · {abroad}: [{phone['international']}]({tel_href(phone)})"
    return link


def _source_text(source: dict, locale: str) -> str:
    # publisher: one name, or {ko, en, id}; title: as published, or a description per language, in [brackets].
    publisher = source["publisher"] if isinstance(source["publisher"], str) else source["publisher"][locale]
    text = external_link(publisher, source["url"], locale) if source.get("url") else publisher
    title = source.get("title")
    if isinstance(title, dict):
        text += f", \\[{title[locale]}\\]"
    elif title:
        text += f', "{title}"'
    if source.get("date"):
        text += f" ({source['date']})"
    return text


def render_entry(contact: dict, locale: str) -> str:
    out = [f"### {contact['name'][locale]} {{#{contact['id']}}}", "", contact["helps_with"][locale], ""]
    items = []
    for phone in contact.get("phones", []):
        items.append((T["phone"][locale], _phone_line(contact, phone, locale)))
    if contact.get("whatsapp"):
        wa = contact["whatsapp"]
        abroad = T["abroad"][locale].format(country=COUNTRY.get(contact["region"], {}).get(locale, ""))
        items.append((T["whatsapp"][locale], f"{_whatsapp_link(wa, locale)} · {abroad}: {wa['international']}"))
    if contact.get("email"):
        items.append((T["email"][locale], f"[{contact['email']}](mailto:{contact['email']})"))
    if contact.get("web"):
        items.append((T["web"][locale], external_link(display_url(contact["web"]), contact["web"], locale)))
    if contact.get("other_channels"):
        items.append((T["other"][locale], contact["other_channels"][locale]))
    items.append((T["hours"][locale], contact["hours"][locale]))
    langs = language_names(contact["languages"], locale)
    note = contact.get("languages_note", {}).get(locale)
    if langs or note:
        items.append((T["languages"][locale], " ".join(filter(None, [langs and _sentence(langs), note]))))
    items.append((T["who"][locale], contact["who"][locale]))
    out += [f"- **{label}:** {value}" for label, value in items]
    out.append("")
    if contact.get("note"):
        out += [f'!!! note "{T["note"][locale]}"', "", f"    {contact['note'][locale]}", ""]
    if contact["confidence"] == "single-source":
        out += [f'!!! warning "{T["single_title"][locale]}"', "", f"    {T['single'][locale]}", ""]
    checked = datafile.date(contact["verified"], locale)
    sources = "; ".join(_source_text(s, locale) for s in contact["sources"])
    out += [f"{T['checked'][locale]}: {checked} · {T['sources'][locale]}: {sources}", '{: .nyf-hotline-checked }', ""]
    return "\n".join(out)


def render(directory: Directory) -> dict[str, str]:
    """{file name: Markdown} for every region and language."""
    files = {}
    for region, name in REGION_FILES.items():
        entries = [c for c in directory.contacts.values() if c["region"] == region]
        for locale in LOCALES:
            body = "\n".join(render_entry(c, locale) for c in entries)
            header = "<!-- Generated by scripts/build_hotlines.py from data/hotlines.yml. Do not edit: change the data and rerun. -->\n\n"
            files[f"{name}.{locale}.md"] = header + body.rstrip("\n") + "\n"
    return files


def outputs(directory: Directory, out: Path = OUT) -> dict[Path, str]:
    return {Path(out) / name: text for name, text in render(directory).items()}


# --- age of entries --------------------------------------------------------------------------

def ages(directory: Directory, today: dt.date) -> tuple[list[str], list[str]]:
    """(warnings, failures): entries verified over WARN_DAYS / over FAIL_DAYS (or in the future)."""
    warnings, failures = [], []
    for cid, contact in directory.contacts.items():
        verified = dt.date.fromisoformat(contact["verified"])
        days = (today - verified).days
        field = f"contacts[{directory.position[cid]}].verified"
        where = directory.line(cid, "verified")
        if days < 0:
            failures.append(str(datafile.DataError(directory.file, where, field, f"{cid}: verified {verified} is after today ({today}); use the date you checked it")))
        elif days > FAIL_DAYS:
            failures.append(str(datafile.DataError(directory.file, where, field, f"{cid} was last verified {verified}, {days} days before {today} (limit {FAIL_DAYS}): check it against its sources now, then update verified")))
        elif days > WARN_DAYS:
            warnings.append(str(datafile.DataError(directory.file, where, field, f"{cid} was last verified {verified}, {days} days before {today}: check it against its sources soon, then update verified")))
    return warnings, failures


# --- what hooks.py calls ---------------------------------------------------------------------

_logged: set[str] = set()


def generate(data: Path = DATA, out: Path = OUT, today: dt.date | None = None) -> list[Path]:
    """Check the data and write generated/hotlines/ where it changed. Raises DataError.

    Entries verified over 180 days ago are logged at INFO level with a "STALE:" prefix (see the
    module docstring for why not as a warning).
    """
    directory = _directory(data)
    changed = datafile.write_all(outputs(directory, out))
    _log_ages(directory, today)
    return changed


def check(data: Path = DATA, out: Path = OUT, today: dt.date | None = None) -> list[Path]:
    """Generated files that differ from what the data gives; writes nothing. Raises DataError.

    `mkdocs build` calls this instead of generate(), so a build never hides stale committed
    files (only `mkdocs serve` rewrites them)."""
    directory = _directory(data)
    _log_ages(directory, today)
    return datafile.stale(outputs(directory, out))


def _log_ages(directory: Directory, today: dt.date | None) -> None:
    warnings, failures = ages(directory, today or dt.date.today())
    for message in warnings + failures:
        if message not in _logged:  # the i18n plugin builds three times; say it once
            _logged.add(message)
            log.info("STALE: %s", message)


def panel_context(locale: str) -> dict:
    """The help panel for one language: the contacts from `panels:` in data/hotlines.yml."""
    directory = _directory()
    contacts = []
    for cid in directory.panels[locale]:
        contact = directory.contacts[cid]
        phone = contact["phones"][0]
        contacts.append({
            "id": cid,
            "number": display_number(contact, phone, locale),
            "tel": tel_href(phone),
            "label": (contact.get("short") or contact["name"])[locale],
        })
    return {"contacts": contacts}


def _get(contact_id: str, kind: str) -> dict:
    directory = _directory()
    if contact_id not in directory.contacts:
        raise KeyError(f"no contact with this id in data/hotlines.yml{_did_you_mean(contact_id, directory.contacts)}")
    contact = directory.contacts[contact_id]
    needs = {"tel": "phones", "web": "web"}.get(kind)
    if needs and needs not in contact:
        what = {"phones": "phone number", "web": "web address"}[needs]
        raise KeyError(f"{contact_id} has no {what} in data/hotlines.yml; use [[contact:{contact_id}]] instead")
    return contact


def _tel(contact: dict, locale: str) -> str:
    phone = contact["phones"][0]
    return f"[{display_number(contact, phone, locale)}]({tel_href(phone)})"


def _contact(contact: dict, locale: str) -> str:
    name = contact["name"][locale]
    if contact.get("phones"):
        text = f"{name} {_tel(contact, locale)}"
        phone = contact["phones"][0]
        if _domestic_only(contact, phone) and contact["region"] != HINT_HOME[locale]:
            text += _paren(T["hint"][locale].format(country=COUNTRY[contact["region"]][locale]), locale)
    elif contact.get("web"):
        text = external_link(name, contact["web"], locale)
    elif contact.get("email"):
        text = f"{name} [{contact['email']}](mailto:{contact['email']})"
    else:
        text = name
    if contact.get("whatsapp"):
        text += f" · WhatsApp {_whatsapp_link(contact['whatsapp'], locale)}"
    return text


def _web(contact: dict, locale: str) -> str:
    return external_link(display_url(contact["web"]), contact["web"], locale)


_KINDS = {"tel": _tel, "contact": _contact, "web": _web}


def shortcode(kind: str):
    """The renderer for [[kind:ID]]: a function (contact_id, locale) -> Markdown.

    tel: the number as a tap-to-call link; contact: the name in the page's language with its
    number (or its web address); web: the web address as a link marked external.
    An unknown id, or a contact without that kind of field, raises KeyError with a hint.
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(_KINDS)}")
    renderer = _KINDS[kind]

    def render_code(contact_id: str, locale: str) -> str:
        return renderer(_get(contact_id, kind), locale)

    return render_code


# --- command line ----------------------------------------------------------------------------

def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check data/hotlines.yml and write the help directory (generated/hotlines/).")
    parser.add_argument("--data", type=Path, default=DATA, help="the YAML file (its schema must sit beside it)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the generated Markdown goes")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if the output is out of date or an entry is over 365 days old")
    parser.add_argument("--today", type=_iso_date, help="measure the age of entries against this date (default: today)")
    args = parser.parse_args(argv)
    today = args.today or dt.date.today()
    try:
        directory = load(args.data)
        files = outputs(directory, args.out)
    except datafile.DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    warnings, failures = ages(directory, today)
    for message in warnings:
        print(f"STALE: {message}", file=sys.stderr)
    if args.check:
        out_of_date = datafile.stale(files)
        for path in out_of_date:
            print(f"error: {datafile.shown(path)} is out of date; run python scripts/build_hotlines.py", file=sys.stderr)
        for message in failures:
            print(f"error: STALE: {message}", file=sys.stderr)
        if out_of_date or failures:
            return 1
        print(f"{datafile.shown(args.data)}: {len(directory.contacts)} contacts valid; {datafile.shown(args.out)} is up to date")
        return 0
    for message in failures:
        print(f"STALE: {message}", file=sys.stderr)
    changed = datafile.write_all(files)
    print(f"{datafile.shown(args.out)}: {len(changed)} of {len(files)} files rewritten" if changed else f"{datafile.shown(args.out)} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
