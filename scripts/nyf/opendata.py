"""The site's figures and contacts as open data, at stable addresses under /data/:

    statistics.json / statistics.csv   every figure, one row per figure in the CSV, with its table,
                                       what it counts, its period, its unit and its sources
    hotlines.json / hotlines.csv       every contact, one row per way to reach it in the CSV, with
                                       its hours, languages, sources and the day it was verified
    *.schema.json                      the JSON Schemas the YAML files are checked against

Numbers are plain (1202, 59.8: no thousands separators, no % sign); texts come in every language
of the site, one column each. The CSV files are UTF-8 with a byte-order mark, so that Excel opens
Hangul correctly. Made by render.py with everything else from data/.
"""
from __future__ import annotations

import csv
import io
import json

from nyf import hotlines, statistics
from nyf.languages import Languages

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _texts(prefix: str, value: dict | None, langs: Languages) -> dict:
    return {f"{prefix}_{lang.code}": (lang.text(value) if value else "") for lang in langs}


def _when(point: statistics.Point) -> tuple[str, str]:
    if point.year is not None:
        return f"{point.year}-01-01", f"{point.year}-12-31"
    if point.period is not None:
        return point.period[0].isoformat(), point.period[1].isoformat()
    return "", ""


def statistics_files(stats: statistics.Stats, langs: Languages, site_url: str) -> dict[str, bytes]:
    rows, tables = [], []
    for table in stats.tables:
        tables.append({
            "id": table.id, "title": table.title, "measure": table.measure["explanation"], "unit": table.unit,
            "period": [d.isoformat() for d in table.period] if table.period else None,
            "notes": table.notes,
            "figures": [{"id": p.id, "kind": kind, "label": p.label, "from": _when(p)[0] or None, "to": _when(p)[1] or None,
                         "value": p.value, "unit": p.unit, "sources": p.sources}
                        for kind, points in (("row", table.rows), ("related", table.figures)) for p in points],
        })
        for kind, points in (("row", table.rows), ("related", table.figures)):
            for point in points:
                start, end = _when(point)
                rows.append({"table": table.id, "figure": point.id or "", "kind": kind, **_texts("label", point.label, langs),
                             "from": start, "to": end, "value": point.value, "unit": point.unit,
                             "sources": " ".join(point.sources),
                             "source_urls": " ".join(stats.sources[k].url for k in point.sources),
                             **_texts("table_title", table.title, langs)})
    sources = {k: {"publisher": s.publisher, "title": s.title, "url": s.url, "published": s.published, "accessed": s.accessed}
               for k, s in stats.sources.items()}
    document = {"licence": LICENCE, "about": site_url.rstrip("/") + "/statistics/", "tables": tables, "sources": sources}
    columns = ["table", "figure", "kind", *[f"label_{l.code}" for l in langs], "from", "to", "value", "unit", "sources",
               "source_urls", *[f"table_title_{l.code}" for l in langs]]
    return {"statistics.json": json.dumps(document, ensure_ascii=False, indent=1).encode() + b"\n",
            "statistics.csv": _csv(rows, columns)}


def hotlines_files(directory: hotlines.Directory, langs: Languages, site_url: str) -> dict[str, bytes]:
    rows, contacts = [], []
    for contact in directory.contacts.values():
        contacts.append(dict(contact))
        ways = [("phone", p["number"], p.get("international", "")) for p in contact.get("phones", [])]
        if contact.get("whatsapp"):
            ways.append(("whatsapp", contact["whatsapp"]["number"], contact["whatsapp"]["international"]))
        if contact.get("email"):
            ways.append(("email", contact["email"], ""))
        if contact.get("web"):
            ways.append(("web", contact["web"], ""))
        for kind, value, international in ways or [("other", "", "")]:
            rows.append({"id": contact["id"], "region": contact["region"], **_texts("name", contact["name"], langs),
                         "kind": kind, "value": value, "international": international,
                         **_texts("hours", contact["hours"], langs), "languages": " ".join(contact["languages"]),
                         "verified": contact["verified"], "confidence": contact["confidence"],
                         "source_urls": " ".join(s["url"] for s in contact["sources"] if s.get("url"))})
    document = {"licence": LICENCE, "about": site_url.rstrip("/") + "/help/", "contacts": contacts}
    columns = ["id", "region", *[f"name_{l.code}" for l in langs], "kind", "value", "international",
               *[f"hours_{l.code}" for l in langs], "languages", "verified", "confidence", "source_urls"]
    return {"hotlines.json": json.dumps(document, ensure_ascii=False, indent=1).encode() + b"\n",
            "hotlines.csv": _csv(rows, columns)}
