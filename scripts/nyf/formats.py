"""Numbers, percentages and dates as each language writes them (Babel): 1,202 and 73.6% in
Korean and English, 1.202 and 73,6% in Indonesian; 2026년 12월 1일, 1 December 2026."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_decimal, format_percent


def number(value: float | int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def percent(value: float, locale: str, digits: int = 1) -> str:
    """value in percent units: 73.6 -> '73.6%' (ko, en) or '73,6%' (id)."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value / 100, format=pattern, locale=locale)


def date(value: str | dt.date, locale: str, form: str = "long") -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format=form, locale=locale)


def month(value: str, locale: str) -> str:
    """'2024-09' -> September 2024 in the language's own form."""
    return format_skeleton("yMMMM", dt.date.fromisoformat(value + "-01"), locale=locale)


def year(value: int, locale: str) -> str:
    return format_skeleton("y", dt.date(value, 1, 1), locale=locale)


def period(start: dt.date, end: dt.date, locale: str) -> str:
    """A span of dates, as short as the dates allow: 2024, 2021–2023, Jan–Aug 2024, 1–25 Aug 2024."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return year(start.year, locale)
        return format_interval(start, end, "y", locale=locale)
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    return format_interval(start, end, "yMMMM" if whole_months else "yMMMd", locale=locale)


def source_date(value: str, locale: str) -> str:
    """A source's date: YYYY-MM-DD, or YYYY-MM when the source gives only the month."""
    return month(value, locale) if len(value) == 7 else date(value, locale)
