"""The parts of Material for MkDocs that this site relies on although Material does not document
them, found at build time. If Material's files are not laid out as expected (after an upgrade),
the build stops here and says what changed, instead of search failing quietly in a reader's
browser.

The lazy search (assets/js/lazy-search.js) speaks Material 9.8's search worker protocol:
{type: 0, data: index} -> {type: 1}; {type: 2, data: query} -> {type: 3, data: result}. It loads
Material's worker, whose file name carries a hash that changes between releases (9.7.1-9.7.6
search.2c215733, 9.8.1 search.a7633da7), from the same folder, because that worker loads lunr
by a path relative to its own (../lunr/).
"""
from __future__ import annotations

from pathlib import Path

import material

TEMPLATES = Path(material.__file__).resolve().parent / "templates"
WORKERS = "assets/javascripts/workers"


class MaterialLayoutError(Exception):
    pass


def _one(pattern: str, what: str) -> str:
    found = sorted(TEMPLATES.glob(pattern))
    if len(found) != 1:
        raise MaterialLayoutError(
            f"expected exactly one {what} in Material's files ({TEMPLATES / pattern}), found {len(found)}"
            f"{': ' + ', '.join(p.name for p in found) if found else ''}. Material's layout changed (upgrade?): "
            "check scripts/nyf/material.py and assets/js/lazy-search.js against the new release, "
            "or go back to the version pinned in requirements.txt")
    return found[0].relative_to(TEMPLATES).as_posix()


def search_worker() -> str:
    """Material's search worker, as a path in the site: assets/javascripts/workers/search.<hash>.min.js."""
    worker = _one(f"{WORKERS}/search.*.min.js", "search worker")
    if not (TEMPLATES / "assets/javascripts/lunr/min/lunr.stemmer.support.min.js").exists():
        raise MaterialLayoutError("Material's worker loads lunr from ../lunr/ beside its folder, and that folder is gone; "
                                  "the lazy search cannot load it")
    return worker


def check() -> dict[str, str]:
    """Everything the site needs from Material, or MaterialLayoutError naming what is missing."""
    worker = search_worker()
    base = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    for needed in ('"search": "assets/javascripts/workers/', "{% block config %}", "{% block site_meta %}"):
        if needed not in base:
            raise MaterialLayoutError(f"Material's base.html no longer contains {needed!r}; overrides/main.html copies "
                                      "and changes that part, so check it against the new release")
    return {"search_worker": worker}
