"""One search index per language, so that readers get results in the language they read.

Material's search plugin writes search/search_index.json at the end of each language's build
(the i18n plugin builds the languages one after the other, into one site folder, and finally
writes a merged index in the same place). Right after each build, write() takes that build's
index and gives its language two files under its own root:

    <root>/search/search_index.full.json   every page of the language, locations relative to
                                           the language's root; the lazy search loads it on
                                           the first query (assets/js/lazy-search.js)
    <root>/search/search_index.json        the same settings with no pages: what Material
                                           fetches on every page view

The root language's small file is written again at the very end (write_stub), because the
merged index lands on the same path after the last build.
"""
from __future__ import annotations

import json
from pathlib import Path

from nyf.languages import Language, Languages


class SearchIndexError(Exception):
    pass


def _dump(path: Path, content: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def stub(index: dict, lang: Language) -> dict:
    lunr = [lang.code] if lang.code in index["config"].get("lang", []) else ["en"]
    return {"config": dict(index["config"], lang=lunr), "docs": []}


def write(site: Path, lang: Language, langs: Languages) -> None:
    """After lang's build: its full index and its stub under its root."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        raise SearchIndexError(f"{path} was not written by Material's search plugin (is `search` still in mkdocs.yml's plugins?)")
    index = json.loads(path.read_text(encoding="utf-8"))
    others = [other.root for other in langs.built if other.code != lang.code and other.root]
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        if lang.root and not location.startswith(lang.root) or any(location.startswith(o) for o in others):
            raise SearchIndexError(
                f"the search index of the {lang.english_name} build holds a page of another language ({location}); "
                "the i18n plugin or Material changed how languages are built, see scripts/nyf/search_index.py")
        docs.append(dict(doc, location=location[len(lang.root):]))
    full = dict(stub(index, lang), docs=docs)
    _dump(site / lang.root / "search" / "search_index.full.json", full)
    _dump(site / lang.root / "search" / "search_index.json", stub(index, lang))


def write_stub(site: Path, lang: Language) -> None:
    """The stub of lang again, from its full index (after the merged index overwrote it)."""
    full = json.loads((site / lang.root / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    _dump(site / lang.root / "search" / "search_index.json", dict(full, docs=[]))
