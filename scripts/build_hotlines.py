"""Placeholder until issue 4 lands: contacts render as their id."""
from __future__ import annotations


def shortcode(kind: str):
    def render(contact_id: str, locale: str) -> str:
        return f"`{kind}:{contact_id}`"
    return render


def generate() -> None:
    """Write generated/ hotline files when data/hotlines.yml changed."""


def panel_context(locale: str) -> dict:
    """What the help panel needs for this language."""
    return {}
