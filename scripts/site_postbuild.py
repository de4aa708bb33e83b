"""Finishing touches on the built site that need every language to be built first."""
from __future__ import annotations

import json
import re
from pathlib import Path

CSS_BUNDLE = "assets/css/bundle.css"
css_sources: list[str] = []  # filled by hooks.on_config from mkdocs.yml's extra_css


def languages(config) -> list[tuple[str, bool]]:
    """(locale, is_default) for each language the i18n plugin builds, default first."""
    plugin = config.plugins.get("i18n")
    langs = [(lang.locale, bool(lang.default)) for lang in plugin.config.languages if lang.build]
    return sorted(langs, key=lambda item: not item[1])


def split_search_index(site: Path, config) -> None:
    """Give each language its own search index.

    The i18n plugin merges every language into one index at /search/. Readers expect results in
    the language they are reading, so each language root gets an index of its own pages only,
    with locations relative to that root; overrides/main.html points each page's search at it.
    Runs once per build, right after the i18n plugin has written the merged index.
    """
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    langs = languages(config)
    others = [locale for locale, default in langs if not default]
    for locale, default in langs:
        if default:
            docs = [d for d in merged["docs"] if not any(d["location"].startswith(f"{o}/") for o in others)]
        else:
            prefix = f"{locale}/"
            docs = [dict(d, location=d["location"][len(prefix):]) for d in merged["docs"]
                    if d["location"].startswith(prefix)]
        lunr_langs = [locale] if locale in merged["config"]["lang"] else ["en"]
        config_only = {"config": dict(merged["config"], lang=lunr_langs), "docs": []}
        index = dict(config_only, docs=docs)
        folder = site / ("" if default else locale) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        # Material fetches search_index.json on every page: keep it tiny. The lazy search worker
        # fetches the full index only when a reader searches.
        for name, content in (("search_index.json", config_only), ("search_index.full.json", index)):
            (folder / name).write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def add_x_default(site: Path) -> None:
    """hreflang alternates live in the sitemap (see README, "Languages"); add x-default to each.

    x-default points at the Korean page: the site's default language, served at /.
    """
    path = site / "sitemap.xml"
    text = path.read_text(encoding="utf-8")

    def add(match: re.Match) -> str:
        block = match.group(0)
        if 'hreflang="x-default"' in block:
            return block
        ko = re.search(r'<xhtml:link rel="alternate" hreflang="ko" href="([^"]+)"/>', block)
        if not ko:
            return block
        line = f'        <xhtml:link rel="alternate" hreflang="x-default" href="{ko.group(1)}"/>\n'
        return block.replace("    </url>", line + "    </url>")

    path.write_text(re.sub(r"<url>.*?</url>", add, text, flags=re.S), encoding="utf-8")
    gz = site / "sitemap.xml.gz"
    if gz.exists():
        gz.unlink()  # a stale copy without x-default would contradict the sitemap itself


_CSS_STRING = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""")


def minify_css(css: str) -> str:
    """Drop comments and needless whitespace; strings are left exactly as written.

    Conservative on purpose: spaces next to ":" and "(" are kept, since there they can be
    descendant combinators (".md-typeset :is(h1)")."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # no comment in our CSS contains a quote
    parts = _CSS_STRING.split(css)
    for i in range(0, len(parts), 2):  # even parts are outside strings
        code = re.sub(r"\s+", " ", parts[i])
        parts[i] = re.sub(r"\s*([{};,>])\s*", r"\1", code).replace(";}", "}")
    return "".join(parts).strip() + "\n"


def bundle_css(site: Path, docs: Path) -> None:
    """Concatenate the site's stylesheets, in mkdocs.yml order, into one minified file."""
    parts = [(docs / name).read_text(encoding="utf-8") for name in css_sources]
    out = site / CSS_BUNDLE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(minify_css("\n".join(parts)), encoding="utf-8")


def finish(site: Path, config, docs: Path) -> None:
    bundle_css(site, docs)
    split_search_index(site, config)
    add_x_default(site)
