"""data/changes.yml, read and checked: what changed on the site, newest first."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nyf import pathways
from nyf.languages import Languages
from nyf.project import Project
from nyf.yamlfile import load as load_yaml


@dataclass
class Change:
    date: dt.date
    title: dict
    text: dict
    pages: list[str]
    anchor: str


def load(project: Project, langs: Languages) -> list[Change]:
    path = project.data / "changes.yml"
    loaded = load_yaml(path, project.data / "changes.schema.json", languages=langs, shown=project.shown(path))
    out, previous = [], None
    for i, raw in enumerate(loaded.data["changes"]):
        date = loaded.date(("changes", i, "date"))
        if previous and date > previous:
            raise loaded.error(("changes", i, "date"), f"list the newest change first (this one is newer than {previous})", raw["date"])
        for j, page in enumerate(raw["pages"]):
            if not pathways.page_exists(project, page):
                raise loaded.error(("changes", i, "pages", j), "no page of docs/ has this name", page)
        previous = date
        same_day = sum(1 for c in out if c.date == date)
        out.append(Change(date, raw["title"], raw["text"], list(raw["pages"]), f"{date.isoformat()}-{same_day + 1}"))
    return out
