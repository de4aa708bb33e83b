"""data/statistics.yml, read and checked: every figure with its sources, in tables.

The JSON Schema beside the file checks the shape (data/statistics.schema.json); this module checks
what a schema cannot: real calendar dates, periods that end after they start, ids used once,
sources and measures that exist, counts that are whole numbers, percentages up to 100. Every
problem is a DataError naming the file, line and field.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nyf.languages import Languages
from nyf.project import Project
from nyf.yamlfile import DataError, Loaded, load as load_yaml


@dataclass
class Source:
    key: str
    publisher: str | dict
    title: str
    url: str
    published: str
    accessed: str


@dataclass
class Point:
    """A table row (charted) or a related figure (listed under the table)."""

    label: dict | None
    year: int | None
    period: tuple[dt.date, dt.date] | None
    value: float | int
    unit: str
    unit_label: dict | None
    sources: list[str]
    id: str | None = None
    digits: int = 0  # decimals shown for a percentage, as written in the YAML


@dataclass
class Table:
    id: str
    measure: dict
    unit: str
    unit_label: dict | None
    chart: str
    title: dict
    period: tuple[dt.date, dt.date] | None
    label_column: dict
    value_column: dict
    rows: list[Point]
    figures: list[Point] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)

    @property
    def points(self) -> list[Point]:
        return self.rows + self.figures


@dataclass
class Stats:
    tables: list[Table]
    sources: dict[str, Source]
    figures: dict[str, Point]  # every point with an id, for [[stat:ID]]


def _period(loaded: Loaded, path: tuple, raw: dict) -> tuple[dt.date, dt.date]:
    start = loaded.date(path + ("from",))
    end = loaded.date(path + ("to",))
    if end < start:
        raise loaded.error(path + ("to",), f"the period ends before it starts (from: {raw['from']})", raw["to"])
    return start, end


def decimal_places(value: float | int) -> int:
    """How many decimals a percentage was written with in the YAML (73.6 -> 1), at most 3."""
    if isinstance(value, int):
        return 0
    text = repr(value)
    return min(len(text.split(".")[1]), 3) if "." in text and "e" not in text else 0


def _point(loaded: Loaded, path: tuple, raw: dict, unit: str, unit_label: dict | None,
           sources: dict, figure: bool) -> Point:
    kinds = [k for k in ("year", "period", "label") if k in raw]
    if not figure and len(kinds) != 1:
        if not kinds:
            raise loaded.error(path, "this row needs one of year:, period: or label: to say what it is")
        raise loaded.error(path + (kinds[1],), f"a row takes only one of year:, period: or label: (this one has {' and '.join(kinds)})")
    if figure and "year" in raw and "period" in raw:
        raise loaded.error(path + ("period",), "a figure takes year: or period:, not both")
    value = raw["value"]
    if unit == "percent" and value > 100:
        raise loaded.error(path + ("value",), "a percentage cannot be more than 100", value)
    if unit == "count":
        if isinstance(value, float) and not value.is_integer():
            raise loaded.error(path + ("value",), "a count must be a whole number (no decimals)", value)
        value = int(value)
    for i, key in enumerate(raw["sources"]):
        if key not in sources:
            raise loaded.error(path + ("sources", i),
                               f"unknown source {key!r}; each name here must be one of the names under sources: "
                               f"(line {loaded.line(('sources',))}). Check the spelling or add the source there")
    return Point(
        label=raw.get("label"),
        year=raw.get("year"),
        period=_period(loaded, path + ("period",), raw["period"]) if "period" in raw else None,
        value=value,
        unit=unit,
        unit_label=unit_label,
        sources=list(raw["sources"]),
        id=raw.get("id"),
        digits=decimal_places(value) if unit == "percent" else 0,
    )


def _row_key(point: Point) -> tuple[tuple, str, str]:
    if point.year is not None:
        return ("year", point.year), f"the year {point.year}", "year"
    if point.period is not None:
        return ("period", point.period), "the same period", "period"
    return ("label", tuple(sorted(point.label.items()))), f"the label {next(iter(point.label.values()))!r}", "label"


def _table(loaded: Loaded, t: int, raw: dict, measures: dict, sources: dict) -> Table:
    path = ("tables", t)
    if raw["measure"] not in measures:
        raise loaded.error(path + ("measure",), f"unknown measure; use one of the names under measures: ({', '.join(measures)})", raw["measure"])
    unit, unit_label = raw["unit"], raw.get("unit_label")
    rows, seen = [], {}
    for r, row_raw in enumerate(raw["rows"]):
        point = _point(loaded, path + ("rows", r), row_raw, unit, unit_label, sources, figure=False)
        key, what, name = _row_key(point)
        if key in seen:
            raise loaded.error(path + ("rows", r, name),
                               f"{what} appears twice in this table (first on line {seen[key]}); each may appear only once",
                               point.year)
        seen[key] = loaded.line(path + ("rows", r, name))
        rows.append(point)
    if raw["chart"] == "line":
        for r, point in enumerate(rows):
            if point.year is None:
                raise loaded.error(path + ("rows", r), "a line chart needs a year: on every row; use chart: bar for periods or groups")
            if r and point.year < rows[r - 1].year:
                raise loaded.error(path + ("rows", r, "year"), "for a line chart, list the years from oldest to newest", point.year)
    figures = []
    for f, fig_raw in enumerate(raw.get("figures", [])):
        label = fig_raw.get("unit_label") or (unit_label if fig_raw["unit"] == unit else None)
        figures.append(_point(loaded, path + ("figures", f), fig_raw, fig_raw["unit"], label, sources, figure=True))
    return Table(
        id=raw["id"], measure=measures[raw["measure"]], unit=unit, unit_label=unit_label, chart=raw["chart"],
        title=raw["title"], period=_period(loaded, path + ("period",), raw["period"]) if "period" in raw else None,
        label_column=raw["label_column"], value_column=raw["value_column"], rows=rows, figures=figures,
        notes=list(raw.get("notes", [])),
    )


def check(loaded: Loaded) -> Stats:
    """The checks beyond the schema, on data the schema accepted."""
    data = loaded.data
    sources: dict[str, Source] = {}
    for key, raw in data["sources"].items():
        published = loaded.date(("sources", key, "published"), allow_month=True)
        accessed = loaded.date(("sources", key, "accessed"))
        if accessed < published:
            raise loaded.error(("sources", key, "accessed"), f"the source was accessed before it was published ({raw['published']})", raw["accessed"])
        sources[key] = Source(key, raw["publisher"], raw["title"], raw["url"], raw["published"], raw["accessed"])
    tables, table_lines, figures, figure_lines = [], {}, {}, {}
    for t, raw in enumerate(data["tables"]):
        if raw["id"] in table_lines:
            raise loaded.error(("tables", t, "id"), f"two tables have the id {raw['id']!r} (the other is on line "
                               f"{table_lines[raw['id']]}); each table needs its own id", raw["id"])
        table_lines[raw["id"]] = loaded.line(("tables", t, "id"))
        table = _table(loaded, t, raw, data["measures"], sources)
        for kind, points in (("rows", table.rows), ("figures", table.figures)):
            for i, point in enumerate(points):
                if point.id is None:
                    continue
                where = ("tables", t, kind, i, "id")
                if point.id in figure_lines:
                    raise loaded.error(where, f"the figure id {point.id!r} is already used on line {figure_lines[point.id]}; each id must be unique", point.id)
                figure_lines[point.id] = loaded.line(where)
                figures[point.id] = point
        tables.append(table)
    return Stats(tables, sources, figures)


def load(project: Project, languages: Languages, path=None) -> Stats:
    """Read and check data/statistics.yml (or path, with the schema beside it). Raises DataError."""
    path = path or project.data / "statistics.yml"
    loaded = load_yaml(path, path.with_name("statistics.schema.json"), languages=languages, shown=project.shown(path))
    return check(loaded)
