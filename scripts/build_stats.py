"""Statistics: data/statistics.yml -> one table with its chart per language, for pages to include.

    python scripts/build_stats.py            check the data, then write generated/stats/*.md
    python scripts/build_stats.py --check    exit 1 (naming the files) if generated/ is out of date
    options: --data PATH (default data/statistics.yml; its schema is the statistics.schema.json
             beside it, or --schema PATH) and --out DIR (default generated/stats)

Every table in the YAML becomes generated/stats/<table id>.<ko|en|id>.md: what the table counts,
an inline SVG bar or line chart (no JavaScript; its title and description in the page's
language), the table itself (the chart's text alternative), related figures, the caveats and
the sources as links. Pages include a file with
    --8<-- "stats/police-cases.ko.md"
and quote single figures with the short code [[stat:<figure id>]] (see figure()).

Validation comes first and writing second: a mistake in the data stops the script (exit 2) with
the file, line and field, and no output file is touched. The output depends on the data only
(same YAML, same bytes), so the generated files are committed and `--check` can compare them.
`mkdocs serve` calls generate() on every build (scripts/hooks.py), so a YAML edit shows at once.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from babel.dates import format_interval, format_skeleton  # noqa: E402

import datafile  # noqa: E402
from datafile import DataError, Loaded  # noqa: E402

ROOT = datafile.ROOT
DATA = ROOT / "data" / "statistics.yml"
OUT = ROOT / "generated" / "stats"
LOCALES = datafile.LOCALES
SCHEMA_NAME = "statistics.schema.json"

# Words the script itself writes around the data. Everything about the figures lives in the YAML.
UI = {
    "ko": {
        "measure": "무엇을 셌나요?",
        "figures": "함께 볼 수치",
        "notes": "읽을 때 주의할 점",
        "sources": "출처",
        "source_col": "출처",
        "source_ref": "출처",
        "accessed": "{date} 확인",
        "bar": "막대그래프",
        "line": "꺾은선그래프",
        "same_in_table": "아래 표에 같은 수치가 있어요.",
        "one_source": "출처가 하나뿐인 수치: {items}.",
        "one_source_all": "이 표의 수치는 모두 출처가 하나뿐이에요.",
        "sep": ", ",
        "colon": ": ",
        "unit_space": "",
        "generated": "scripts/build_stats.py가 data/statistics.yml에서 만든 파일이에요. 고치려면 YAML을 고친 뒤 make stats를 실행하세요.",
    },
    "en": {
        "measure": "What this counts",
        "figures": "Related figures",
        "notes": "Keep in mind",
        "sources": "Sources",
        "source_col": "Sources",
        "source_ref": "sources",
        "accessed": "accessed {date}",
        "bar": "Bar chart",
        "line": "Line chart",
        "same_in_table": "The table below gives the same figures.",
        "one_source": "Only one source is listed for: {items}.",
        "one_source_all": "Every figure in this table has only one source listed.",
        "sep": "; ",
        "colon": ": ",
        "unit_space": " ",
        "generated": "Made by scripts/build_stats.py from data/statistics.yml. To change it, edit the YAML and run make stats.",
    },
    "id": {
        "measure": "Apa yang dihitung",
        "figures": "Angka terkait",
        "notes": "Perlu diingat",
        "sources": "Sumber",
        "source_col": "Sumber",
        "source_ref": "sumber",
        "accessed": "diakses {date}",
        "bar": "Diagram batang",
        "line": "Diagram garis",
        "same_in_table": "Tabel di bawah berisi angka yang sama.",
        "one_source": "Hanya satu sumber yang dicantumkan untuk: {items}.",
        "one_source_all": "Semua angka di tabel ini hanya punya satu sumber.",
        "sep": "; ",
        "colon": ": ",
        "unit_space": " ",
        "generated": "Dibuat oleh scripts/build_stats.py dari data/statistics.yml. Untuk mengubahnya, sunting YAML lalu jalankan make stats.",
    },
}


# ── The data, checked ─────────────────────────────────────────────────────────────────────────

@dataclass
class Source:
    key: str
    publisher: str
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
    digits: int = 0  # decimals shown for percentages, as written in the YAML


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


@dataclass
class Stats:
    tables: list[Table]
    sources: dict[str, Source]
    figures: dict[str, Point]  # every point with an id, for [[stat:ID]]


def _date(loaded: Loaded, path: tuple, value: str, allow_month: bool = False) -> dt.date:
    """A real calendar date (the schema already checked the YYYY-MM-DD shape)."""
    try:
        if allow_month and len(value) == 7:
            return dt.date.fromisoformat(value + "-01")
        return dt.date.fromisoformat(value)
    except ValueError:
        raise loaded.error(path, "is not a real date; write it YYYY-MM-DD with a month from 01 to 12 and a day that exists in that month", value)


def _period(loaded: Loaded, path: tuple, raw: dict) -> tuple[dt.date, dt.date]:
    start = _date(loaded, path + ("from",), raw["from"])
    end = _date(loaded, path + ("to",), raw["to"])
    if end < start:
        raise loaded.error(path + ("to",), f"the period ends before it starts (from: {raw['from']})", raw["to"])
    return start, end


def _digits(value: float | int) -> int:
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
            raise loaded.error(
                path + ("sources", i),
                f"unknown source {key!r}; each name here must be one of the names under sources: "
                f"(line {loaded.line(('sources',))}). Check the spelling or add the source there",
            )
    return Point(
        label=raw.get("label"),
        year=raw.get("year"),
        period=_period(loaded, path + ("period",), raw["period"]) if "period" in raw else None,
        value=value,
        unit=unit,
        unit_label=unit_label,
        sources=list(raw["sources"]),
        id=raw.get("id"),
        digits=_digits(value) if unit == "percent" else 0,
    )


def load(data_path: Path | None = None, schema_path: Path | None = None) -> Stats:
    """Read and check data/statistics.yml. Raises DataError naming the file, line and field."""
    data_path = Path(data_path or DATA)
    schema_path = Path(schema_path) if schema_path else data_path.with_name(SCHEMA_NAME)
    loaded = datafile.load(data_path, schema_path)
    data = loaded.data

    sources: dict[str, Source] = {}
    for key, raw in data["sources"].items():
        published = _date(loaded, ("sources", key, "published"), raw["published"], allow_month=True)
        accessed = _date(loaded, ("sources", key, "accessed"), raw["accessed"])
        if accessed < published:
            raise loaded.error(("sources", key, "accessed"), f"the source was accessed before it was published ({raw['published']})", raw["accessed"])
        sources[key] = Source(key, raw["publisher"], raw["title"], raw["url"], raw["published"], raw["accessed"])

    tables: list[Table] = []
    table_lines: dict[str, int | None] = {}
    figure_lines: dict[str, int | None] = {}
    figures: dict[str, Point] = {}
    for t, raw in enumerate(data["tables"]):
        tpath = ("tables", t)
        if raw["id"] in table_lines:
            raise loaded.error(tpath + ("id",), f"two tables have the id {raw['id']!r} (the other is on line {table_lines[raw['id']]}); each table needs its own id", raw["id"])
        table_lines[raw["id"]] = loaded.line(tpath + ("id",))
        if raw["measure"] not in data["measures"]:
            raise loaded.error(
                tpath + ("measure",),
                f"unknown measure; use one of the names under measures: ({', '.join(data['measures'])})",
                raw["measure"],
            )
        unit, unit_label = raw["unit"], raw.get("unit_label")
        rows, seen = [], {}
        for r, row_raw in enumerate(raw["rows"]):
            rpath = tpath + ("rows", r)
            point = _point(loaded, rpath, row_raw, unit, unit_label, sources, figure=False)
            if point.year is not None:
                key, what, field_name = ("year", point.year), f"the year {point.year}", "year"
            elif point.period is not None:
                key, what, field_name = ("period", point.period), "the same period", "period"
            else:
                key, what, field_name = ("label", point.label["en"]), f"the label {point.label['en']!r}", "label"
            if key in seen:
                raise loaded.error(
                    rpath + (field_name,),
                    f"{what} appears twice in this table (first on line {seen[key]}); each may appear only once",
                    point.year if point.year is not None else None,
                )
            seen[key] = loaded.line(rpath + (field_name,))
            rows.append(point)
        if raw["chart"] == "line":
            for r, point in enumerate(rows):
                if point.year is None:
                    raise loaded.error(tpath + ("rows", r), "a line chart needs a year: on every row; use chart: bar for periods or groups")
                if r and point.year < rows[r - 1].year:
                    raise loaded.error(tpath + ("rows", r, "year"), "for a line chart, list the years from oldest to newest", point.year)
        extra = []
        for f, fig_raw in enumerate(raw.get("figures", [])):
            fpath = tpath + ("figures", f)
            fig_label = fig_raw.get("unit_label") or (unit_label if fig_raw["unit"] == unit else None)
            extra.append(_point(loaded, fpath, fig_raw, fig_raw["unit"], fig_label, sources, figure=True))
        for kind, points in (("rows", rows), ("figures", extra)):
            for i, point in enumerate(points):
                if point.id is None:
                    continue
                ipath = tpath + (kind, i, "id")
                if point.id in figure_lines:
                    raise loaded.error(ipath, f"the figure id {point.id!r} is already used on line {figure_lines[point.id]}; each id must be unique", point.id)
                figure_lines[point.id] = loaded.line(ipath)
                figures[point.id] = point
        tables.append(Table(
            id=raw["id"],
            measure=data["measures"][raw["measure"]],
            unit=unit,
            unit_label=unit_label,
            chart=raw["chart"],
            title=raw["title"],
            period=_period(loaded, tpath + ("period",), raw["period"]) if "period" in raw else None,
            label_column=raw["label_column"],
            value_column=raw["value_column"],
            rows=rows,
            figures=extra,
            notes=list(raw.get("notes", [])),
        ))
    return Stats(tables, sources, figures)


# ── Formatting ────────────────────────────────────────────────────────────────────────────────

# Formatting is pure (same value, same text), and Babel is the slow part of a run: remember results.

@functools.lru_cache(maxsize=4096)
def year_text(year: int, locale: str) -> str:
    return format_skeleton("y", dt.date(year, 1, 1), locale=locale)


@functools.lru_cache(maxsize=4096)
def period_text(period: tuple[dt.date, dt.date], locale: str) -> str:
    start, end = period
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return year_text(start.year, locale)
        return format_interval(start, end, "y", locale=locale)
    next_day = end + dt.timedelta(days=1)
    skeleton = "yMMMM" if start.day == 1 and next_day.day == 1 else "yMMMd"
    return format_interval(start, end, skeleton, locale=locale)


def point_label(point: Point, locale: str) -> str:
    if point.year is not None and point.label is None:
        return year_text(point.year, locale)
    if point.period is not None and point.label is None:
        return period_text(point.period, locale)
    text = point.label[locale]
    when = None
    if point.year is not None:
        when = year_text(point.year, locale)
    elif point.period is not None:
        when = period_text(point.period, locale)
    return f"{text} ({when})" if when else text


def value_text(point: Point, locale: str) -> str:
    return _value_text(point.unit, point.value, point.digits, locale)


@functools.lru_cache(maxsize=65536)
def _value_text(unit: str, value: float | int, digits: int, locale: str) -> str:
    if unit == "percent":
        return datafile.percent(value, locale, digits)
    return datafile.number(value, locale)


def value_with_unit(point: Point, locale: str) -> str:
    text = value_text(point, locale)
    if point.unit == "count" and point.unit_label:
        text += UI[locale]["unit_space"] + point.unit_label[locale]
    return text


@functools.lru_cache(maxsize=4096)
def source_date(value: str, locale: str) -> str:
    if len(value) == 7:
        return format_skeleton("yMMMM", dt.date.fromisoformat(value + "-01"), locale=locale)
    return datafile.date(value, locale)


def figure(figure_id: str, locale: str) -> str:
    """[[stat:ID]]: one figure, formatted for the page's language (percentages with their % sign)."""
    stats = _cached(Path(DATA))
    point = stats.figures.get(figure_id)
    if point is None:
        near = [k for k in sorted(stats.figures) if k.split("-")[0] == figure_id.split("-")[0]] or sorted(stats.figures)
        raise KeyError(
            f"no figure with the id {figure_id!r} in data/statistics.yml (ids are the `id:` of rows and "
            f"figures there). Did you mean one of: {', '.join(near[:12])}?"
        )
    return value_text(point, locale)


_cache: dict[Path, tuple[tuple, Stats]] = {}


def clear_caches() -> None:
    """Forget remembered data and formatting (for timing a cold run)."""
    _cache.clear()
    for fn in (year_text, period_text, _value_text, source_date):
        fn.cache_clear()


def _cached(path: Path) -> Stats:
    return datafile.reuse_while_unchanged(_cache, path, (path,), load)


# ── The chart ─────────────────────────────────────────────────────────────────────────────────
# viewBox units are about CSS pixels on a phone (the chart is as wide as the text, at most
# 24rem, see docs/assets/css/stats.css), so 14-unit text shows at about 13 px on a 375 px screen.

WIDTH = 360
PAD = 4
FONT = 14
LINE_GAP = 17
BAR_H = 15
VALUE_ROOM = 68


def _n(x: float) -> str:
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text_width(text: str) -> float:
    """Rough width in viewBox units: CJK characters are square, Latin ones about half as wide."""
    width = 0.0
    for ch in text:
        if ord(ch) >= 0x1100:
            width += FONT
        elif ch in "il.,:;'|!()[] ":
            width += FONT * 0.32
        elif ch.isupper() or ch in "mwMW%":
            width += FONT * 0.72
        else:
            width += FONT * 0.56
    return width


def _wrap(text: str, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and _text_width(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


def _scale_max(table: Table) -> float:
    if table.unit == "percent":
        return 100.0
    return float(max(p.value for p in table.rows)) or 1.0


def _esc(text: str) -> str:
    """Text between tags (quotes stay readable in the committed Markdown)."""
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def bar_chart(table: Table, locale: str) -> tuple[int, list[str]]:
    top = _scale_max(table)
    room = WIDTH - 2 * PAD - VALUE_ROOM
    parts, y = [], PAD
    for point in table.rows:
        lines = _wrap(point_label(point, locale), WIDTH - 2 * PAD)
        for i, line in enumerate(lines):
            parts.append(f'<text x="{PAD}" y="{_n(y + FONT + i * LINE_GAP)}" font-size="{FONT}" fill="currentColor" class="nyf-chart__label">{_esc(line)}</text>')
        bar_y = y + FONT + (len(lines) - 1) * LINE_GAP + 6
        width = room * point.value / top
        if point.value and width < 1:
            width = 1
        parts.append(f'<rect x="{PAD}" y="{_n(bar_y)}" width="{_n(width)}" height="{BAR_H}" fill="currentColor" class="nyf-chart__bar"/>')
        parts.append(f'<text x="{_n(PAD + width + 6)}" y="{_n(bar_y + BAR_H - 2)}" font-size="{FONT}" font-weight="700" fill="currentColor" class="nyf-chart__value">{_esc(value_text(point, locale))}</text>')
        y = bar_y + BAR_H + 12
    return int(round(y - 12 + PAD + 4)), parts


def line_chart(table: Table, locale: str) -> tuple[int, list[str]]:
    """The line shows the trend; each year's value sits under its year, where no line crosses it."""
    side, top_room, plot_h = 34, 8, 150
    top = _scale_max(table)
    base = top_room + plot_h
    n = len(table.rows)
    step = (WIDTH - 2 * side) / (n - 1) if n > 1 else 0
    points = []
    for i, point in enumerate(table.rows):
        x = side + i * step if n > 1 else WIDTH / 2
        y = base - plot_h * point.value / top
        points.append((x, y, point))
    parts = [f'<line x1="{PAD}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}" stroke="currentColor" class="nyf-chart__axis"/>']
    if n > 1:
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y, _ in points)
        parts.append(f'<polyline points="{coords}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round" class="nyf-chart__line"/>')
    for x, y, point in points:
        parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" fill="currentColor" class="nyf-chart__dot"/>')
        parts.append(f'<text x="{_n(x)}" y="{base + 18}" font-size="{FONT}" text-anchor="middle" fill="currentColor" class="nyf-chart__label">{_esc(point_label(point, locale))}</text>')
        parts.append(f'<text x="{_n(x)}" y="{base + 35}" font-size="{FONT}" font-weight="700" text-anchor="middle" fill="currentColor" class="nyf-chart__value">{_esc(value_text(point, locale))}</text>')
    return base + 35 + PAD + 4, parts


# ── One table, one language ───────────────────────────────────────────────────────────────────

def caption(table: Table, locale: str) -> str:
    title = table.title[locale]
    return f"{title} ({period_text(table.period, locale)})" if table.period else title


def chart_description(table: Table, locale: str) -> str:
    ui = UI[locale]
    items = ui["sep"].join(f"{point_label(p, locale)}{ui['colon']}{value_with_unit(p, locale)}" for p in table.rows)
    return f"{ui[table.chart]}. {items}. {ui['same_in_table']}"


def source_text(source: Source, locale: str) -> str:
    title = source.title if source.title.startswith("[") else f"“{source.title}”"
    accessed = UI[locale]["accessed"].format(date=source_date(source.accessed, locale))
    return (f'<a href="{_attr(source.url)}">{_esc(source.publisher)}, {_esc(title)}</a>, '
            f"{_esc(source_date(source.published, locale))} ({_esc(accessed)})")


def render(table: Table, stats: Stats, locale: str) -> str:
    ui = UI[locale]
    anchor = f"stat-{table.id}"
    order: list[str] = []
    for point in table.rows + table.figures:
        for key in point.sources:
            if key not in order:
                order.append(key)
    number = {key: i + 1 for i, key in enumerate(order)}

    def refs(point: Point) -> str:
        return ", ".join(f'<a href="#{anchor}-src-{number[k]}">{number[k]}</a>' for k in point.sources)

    height, shapes = (line_chart if table.chart == "line" else bar_chart)(table, locale)
    out = [
        f"<!-- {ui['generated']} -->",
        "",
        f'<div class="nyf-stat" id="{anchor}">',
        # The title for the eye; screen readers get it from the chart's <title> and the table's caption.
        f'<p class="nyf-stat__title" aria-hidden="true">{_esc(caption(table, locale))}</p>',
        f'<p class="nyf-stat__measure"><strong>{_esc(ui["measure"])}</strong> {_esc(table.measure["explanation"][locale])}</p>',
        f'<figure class="nyf-chart nyf-chart--{table.chart}" role="img" aria-labelledby="{anchor}-title" aria-describedby="{anchor}-desc">',
        f'<svg viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{anchor}-title">{_esc(caption(table, locale))}</title>',
        f'<desc id="{anchor}-desc">{_esc(chart_description(table, locale))}</desc>',
        *shapes,
        "</svg>",
        "</figure>",
        "<table>",
        f'<caption class="nyf-stat__caption">{_esc(caption(table, locale))}</caption>',
        f'<thead><tr><th scope="col">{_esc(table.label_column[locale])}</th><th scope="col" class="nyf-num">{_esc(table.value_column[locale])}</th><th scope="col">{_esc(ui["source_col"])}</th></tr></thead>',
        "<tbody>",
    ]
    for point in table.rows:
        out.append(f'<tr><th scope="row">{_esc(point_label(point, locale))}</th><td class="nyf-num">{_esc(value_text(point, locale))}</td><td class="nyf-stat__refs">{refs(point)}</td></tr>')
    out += ["</tbody>", "</table>"]
    if table.figures:
        out.append(f'<div class="nyf-stat__figures"><p><strong>{_esc(ui["figures"])}</strong></p><ul>')
        for point in table.figures:
            out.append(f'<li>{_esc(point_label(point, locale))}{ui["colon"]}<strong>{_esc(value_with_unit(point, locale))}</strong> <span class="nyf-stat__refs">({_esc(ui["source_ref"])} {refs(point)})</span></li>')
        out.append("</ul></div>")
    notes = [note[locale] for note in table.notes]
    single = [p for p in table.rows + table.figures if len(p.sources) == 1]
    if single:  # said every time, so that no editor has to remember to
        if len(single) == len(table.rows) + len(table.figures):
            notes.append(ui["one_source_all"])
        else:
            notes.append(ui["one_source"].format(items=ui["sep"].join(point_label(p, locale) for p in single)))
    if notes:
        out.append(f'<div class="nyf-stat__notes"><p><strong>{_esc(ui["notes"])}</strong></p><ul>')
        out += [f"<li>{_esc(note)}</li>" for note in notes]
        out.append("</ul></div>")
    out.append(f'<div class="nyf-stat__sources"><p><strong>{_esc(ui["sources"])}</strong></p><ol>')
    out += [f'<li id="{anchor}-src-{number[k]}">{source_text(stats.sources[k], locale)}</li>' for k in order]
    out.append("</ol></div>")
    out.append("</div>")
    return "\n".join(out) + "\n"


# ── Files ─────────────────────────────────────────────────────────────────────────────────────

_OUTPUT_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.(ko|en|id)\.md$")


def outputs(stats: Stats, out_dir: Path | None = None) -> dict[Path, str]:
    out_dir = Path(out_dir or OUT)
    return {out_dir / f"{t.id}.{locale}.md": render(t, stats, locale) for t in stats.tables for locale in LOCALES}


def orphans(files: dict[Path, str], out_dir: Path) -> list[Path]:
    """Generated files of tables that are no longer in the data."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.iterdir() if _OUTPUT_NAME.match(p.name) and p not in files)


def generate(data_path: Path | None = None, out_dir: Path | None = None, schema_path: Path | None = None) -> list[Path]:
    """Check the data, then write what changed (all or nothing). Returns the files written or removed.

    Called by scripts/hooks.py before every build, so `mkdocs serve` shows a YAML edit at once."""
    out_dir = Path(out_dir or OUT)
    with datafile.paused_gc():
        stats = load(data_path, schema_path)
        files = outputs(stats, out_dir)
    changed = datafile.write_all(files)
    removed = orphans(files, out_dir)
    for path in removed:
        path.unlink()
    return changed + removed


def check(data_path: Path | None = None, out_dir: Path | None = None, schema_path: Path | None = None) -> list[Path]:
    """Files in out_dir that differ from what the data gives (or should no longer exist)."""
    out_dir = Path(out_dir or OUT)
    with datafile.paused_gc():
        stats = load(data_path, schema_path)
        files = outputs(stats, out_dir)
    return datafile.stale(files) + orphans(files, out_dir)



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check data/statistics.yml and write the statistics tables and charts.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a generated file is out of date")
    parser.add_argument("--data", type=Path, default=DATA, help="the YAML file (default: data/statistics.yml)")
    parser.add_argument("--schema", type=Path, default=None, help="its JSON Schema (default: statistics.schema.json beside it)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the Markdown goes (default: generated/stats)")
    args = parser.parse_args(argv)
    try:
        if args.check:
            files = outputs(load(args.data, args.schema), args.out)
            stale = [(p, "is out of date") for p in datafile.stale(files)]
            stale += [(p, "should no longer exist: its table is gone from the data") for p in orphans(files, args.out)]
            if stale:
                for path, why in stale:
                    print(f"{datafile.shown(path)} {why}", file=sys.stderr)
                print(f"{datafile.shown(args.data)} and the tables made from it do not match. Run `make stats` "
                      "(python scripts/build_stats.py) and include the changed files in your change.", file=sys.stderr)
                return 1
            print(f"{datafile.shown(args.data)}: the generated tables are up to date.")
            return 0
        changed = generate(args.data, args.out, args.schema)
    except DataError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        print("Nothing was written. Fix the line above and run the command again.", file=sys.stderr)
        return 2
    if changed:
        for path in changed:
            print(f"{'removed' if not path.exists() else 'wrote'} {datafile.shown(path)}")
    else:
        print("The generated tables were already up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
