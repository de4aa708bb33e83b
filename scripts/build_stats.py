"""Placeholder until issue 3 lands: figures render as their id."""
from __future__ import annotations


def figure(figure_id: str, locale: str) -> str:
    return f"`{figure_id}`"


def generate() -> None:
    """Write generated/ statistics files when data/statistics.yml changed."""
