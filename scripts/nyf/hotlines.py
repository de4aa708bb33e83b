"""data/hotlines.yml, read and checked, and how a contact's numbers are shown.

The JSON Schema beside the file checks the shape; this module checks what a schema cannot:
unique ids that match their region, a way to reach every contact, international numbers that
agree with the local ones, "confirmed" only with two sources, panels that name real contacts
with phones. Every problem is a DataError naming the file, line and field.

Age of entries: each entry carries `verified: YYYY-MM-DD`. ages() sorts them into those to
re-check soon (over 180 days) and those past their limit (over 365 days, or in the future);
the build reports the first at INFO level and the scheduled check (`python -m nyf stale`) fails
on the second.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from nyf.languages import Languages
from nyf.project import Project
from nyf.yamlfile import DataError, Loaded, Problem, load as load_yaml

WARN_DAYS = 180
FAIL_DAYS = 365
REGIONS = ("korea", "indonesia", "international", "platform")
ID_PREFIX = {"korea": "kr-", "indonesia": "id-", "international": "intl-", "platform": "platform-"}
COUNTRY_CODE = {"korea": "82", "indonesia": "62"}


@dataclass
class Directory:
    loaded: Loaded
    contacts: dict[str, dict]  # id -> entry, in file order
    position: dict[str, int]   # id -> index in the file's contacts list
    panels: dict[str, list[str]]

    @property
    def file(self) -> Path:
        return self.loaded.file

    def line(self, contact_id: str, *field) -> int | None:
        return self.loaded.line(("contacts", self.position[contact_id]) + field)

    def panel(self, code: str, fallback: str | None) -> list[str]:
        return self.panels.get(code) or self.panels[fallback]

    def in_region(self, region: str) -> list[dict]:
        return [c for c in self.contacts.values() if c["region"] == region]


def digits(number: str) -> str:
    """Only the digits of a phone number: '+82-2-735-8994' -> '8227358994'."""
    return re.sub(r"\D", "", number)


def did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def check(loaded: Loaded, languages: Languages) -> Directory:
    data = loaded.data
    contacts: dict[str, dict] = {}
    position: dict[str, int] = {}
    english = Locale.parse("en")
    for i, c in enumerate(data["contacts"]):
        where = ("contacts", i)
        cid = c["id"]
        if cid in contacts:
            raise loaded.error(where + ("id",), f"the id {cid} is already used on line "
                               f"{loaded.line(('contacts', position[cid], 'id'))}; each contact needs its own id")
        prefix = ID_PREFIX[c["region"]]
        if not cid.startswith(prefix):
            raise loaded.error(where + ("id",), f"a contact in region {c['region']} needs an id starting with {prefix}", cid)
        # A platform may be reached only inside its app (its entry says how); anything else needs a way in.
        if c["region"] != "platform" and not any(k in c for k in ("phones", "whatsapp", "email", "web", "other_channels")):
            raise loaded.error(where, f"{cid} has no way to reach it: give it phones, whatsapp, email, web or other_channels")
        code = COUNTRY_CODE.get(c["region"])
        numbers = [(("phones", j), p) for j, p in enumerate(c.get("phones", []))]
        if "whatsapp" in c:
            numbers.append((("whatsapp",), c["whatsapp"]))
        for field, phone in numbers:
            intl = phone.get("international")
            if not intl:
                continue
            local = phone["number"]
            expected = digits(local) if local.startswith("+") else (code + digits(local).lstrip("0") if code else None)
            if expected and digits(intl) != expected:
                raise loaded.error(where + field + ("international",),
                                   f"does not match the local number {local}: from abroad it should read +{expected} "
                                   "(country code, then the number without its leading 0). Check both against the source", intl)
        if c["confidence"] == "confirmed" and len(c["sources"]) < 2:
            raise loaded.error(where + ("sources",), "confidence is 'confirmed' but only one source is listed: add a second "
                                                     "independent source, or set confidence: single-source")
        for phone in c.get("phones", [])[:1]:
            for code, name in c["name"].items():
                if re.search(rf"(?<!\d){re.escape(phone['number'])}(?!\d)", name):
                    raise loaded.error(where + ("name", code), f"has the number {phone['number']} in it, and pages print the number "
                                       f"right after the name (\"{name} {phone['number']}\"): take the number out of the name", name)
        for j, lang in enumerate(c["languages"]):
            if lang not in english.languages:
                raise loaded.error(where + ("languages", j), "unknown language code; use a two- or three-letter code such as ko, en, id, zh", lang)
        contacts[cid] = c
        position[cid] = i
    panels = data["panels"]
    for code in languages.complete_codes:
        if code not in panels:
            raise loaded.error(("panels",), f"the help panel for {languages[code].english_name} ({code}) is missing")
    for code, ids in panels.items():
        if code not in languages:
            raise loaded.error(("panels", code), f"{code!r} is not a language of this site ({', '.join(languages.codes)})")
        seen = set()
        for j, cid in enumerate(ids):
            where = ("panels", code, j)
            if cid not in contacts:
                raise loaded.error(where, f"no contact has this id{did_you_mean(cid, contacts)}", cid)
            if cid in seen:
                raise loaded.error(where, "this contact is already in the panel", cid)
            if "phones" not in contacts[cid]:
                raise loaded.error(where, f"the help panel's buttons call a number, but {cid} has no phones", cid)
            seen.add(cid)
    for lang in languages:
        for region, cid in (lang.contacts.get("beside_other_language") or {}).items():
            if cid not in contacts:
                raise DataError(Problem(Path(f"languages/{lang.code}.yml"), None, "contacts.beside_other_language",
                                        f"no contact in data/hotlines.yml has the id {cid!r}{did_you_mean(cid, contacts)}"))
    return Directory(loaded, contacts, position, {k: list(v) for k, v in panels.items()})


def load(project: Project, languages: Languages, path=None) -> Directory:
    """Read and check data/hotlines.yml (or path, with the schema beside it). Raises DataError."""
    path = path or project.data / "hotlines.yml"
    loaded = load_yaml(path, path.with_name("hotlines.schema.json"), languages=languages, shown=project.shown(path))
    return check(loaded, languages)


# --- numbers -------------------------------------------------------------------------------------

def tel_href(phone: dict) -> str:
    """tel: target. The international form where there is one (it dials from anywhere)."""
    if phone.get("international"):
        return "tel:+" + digits(phone["international"])
    return "tel:" + ("+" if phone["number"].startswith("+") else "") + digits(phone["number"])


def display_number(contact: dict, phone: dict, lang) -> str:
    """The form a reader of this language most likely dials: local for their own country's
    numbers, otherwise the form that works from abroad (where there is one)."""
    if phone.get("international") and contact["region"] != lang.contacts.get("local_forms_for"):
        return phone["international"]
    return phone["number"]


def domestic_only(contact: dict, phone: dict) -> bool:
    return contact["region"] in COUNTRY_CODE and not phone.get("international") and not phone["number"].startswith("+")


def speaks(contact: dict, lang) -> bool:
    return lang.code in contact["languages"]


# --- age of entries --------------------------------------------------------------------------------

def ages(directory: Directory, today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """(to re-check soon, past the limit): entries verified over WARN_DAYS / over FAIL_DAYS ago
    (or, by mistake, in the future)."""
    soon, overdue = [], []
    for cid in directory.contacts:
        verified = dt.date.fromisoformat(directory.contacts[cid]["verified"])
        days = (today - verified).days
        field = f"contacts[{directory.position[cid]}].verified"
        where = directory.line(cid, "verified")
        if days < 0:
            overdue.append(Problem(directory.file, where, field, f"{cid}: verified {verified} is after today ({today}); use the date you checked it"))
        elif days > FAIL_DAYS:
            overdue.append(Problem(directory.file, where, field, f"{cid} was last verified {verified}, {days} days before {today} "
                                                                 f"(limit {FAIL_DAYS}): check it against its sources now, then update verified"))
        elif days > WARN_DAYS:
            soon.append(Problem(directory.file, where, field, f"{cid} was last verified {verified}, {days} days before {today}: "
                                                              "check it against its sources soon, then update verified"))
    return soon, overdue
