"""MkDocs hooks: the one place where a build calls into the project's scripts.

The i18n plugin builds Korean first and then, from inside Korean's on_post_build, builds
English and Indonesian. Work that needs the whole site (search split, sitemap, 404) therefore
runs once, at the end of the outermost build.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import site_postbuild  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

_first_404: str | None = None


def _i18n(config):
    return config.plugins.get("i18n")


def _language(config) -> str:
    return config.theme["language"]


def on_post_template(output: str, template_name: str, config):
    # One 404.html for all languages: keep the first rendering (Korean, the default) so its
    # page chrome matches the site root rather than whichever language happened to build last.
    global _first_404
    if template_name != "404.html":
        return output
    if _language(config) == "ko" or _first_404 is None:
        _first_404 = output
    return _first_404


# After the i18n plugin's own on_post_build, which is where the other languages get built.
@event_priority(-200)
def on_post_build(config):
    plugin = _i18n(config)
    if plugin is not None and plugin.building:
        return  # an inner (English or Indonesian) build; the outer one finishes the job
    site_postbuild.finish(Path(config.site_dir), config)
