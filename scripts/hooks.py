"""MkDocs hooks: the one place where a build calls into the project's scripts.

The i18n plugin builds Korean first and then, from inside Korean's on_post_build, builds
English and Indonesian. Work that needs the whole site (search split, sitemap, 404) therefore
runs once, at the end of the outermost build.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

import build_hotlines  # noqa: E402
import build_stats  # noqa: E402
import datafile  # noqa: E402
import qr  # noqa: E402
import shortcodes  # noqa: E402
import site_postbuild  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_first_404: str | None = None

shortcodes.register("stat", build_stats.figure)
shortcodes.register("qr", qr.qr_shortcode)
for _kind in ("tel", "contact", "web"):
    shortcodes.register(_kind, build_hotlines.shortcode(_kind))


def _language(config) -> str:
    return config.theme["language"]


def on_config(config):
    qr.set_site_url(config.site_url)
    # Readers on phones pay per request: the site's own stylesheets (one per feature, listed in
    # mkdocs.yml) are served as one file, written by site_postbuild.bundle_css after the build.
    # The i18n plugin runs on_config once per language on the same config: bundle only once.
    if site_postbuild.CSS_BUNDLE not in config.extra_css:
        site_postbuild.css_sources[:] = [str(c) for c in config.extra_css]
        config.extra_css[:] = [site_postbuild.CSS_BUNDLE]
    return config


_command: str | None = None


def on_startup(command, dirty):
    global _command
    _command = command


def on_pre_build(config):
    # Data first. Under `mkdocs serve` a YAML edit is rendered at once (the scripts write the
    # generated files). `mkdocs build` only checks: it stops when the committed generated files
    # are out of date, so neither a build nor CI can quietly paper over a forgotten `make stats`.
    # Either way, bad data stops the build with the file and line, and nothing is written.
    try:
        if _command == "build":
            stale = build_stats.check() + build_hotlines.check()
            if stale:
                names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
                raise PluginError(f"generated files are out of date with data/: {names}. Run `make stats`, then build again.")
        else:
            build_stats.generate()
            build_hotlines.generate()
    except datafile.DataError as exc:
        raise PluginError(str(exc)) from None


def on_files(files, config):
    # BUILD_ONLY_LOCALE=en (or id) makes that language the i18n plugin's default, and the plugin
    # then reads the unsuffixed Korean page.md as that language too, in place of page.en.md.
    # Leave the Korean file out wherever the chosen language has its own version.
    # (Runs before the i18n plugin's own on_files, which has priority -100.)
    plugin = config.plugins.get("i18n")
    only = plugin.config.build_only_locale if plugin else None
    if not only or only == "ko":
        return files
    for file in list(files):
        uri = file.src_uri
        if Path(uri).suffixes == [".md"] and files.get_file_from_path(f"{uri[:-3]}.{only}.md"):
            files.remove(file)
    return files


def on_serve(server, config, builder):
    server.watch(str(ROOT / "data"))
    return server


def on_page_markdown(markdown, page, config, files):
    try:
        return shortcodes.expand(markdown, _language(config), f"docs/{page.file.src_uri}")
    except shortcodes.ShortcodeError as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context, page, config, nav):
    context["help_panel"] = build_hotlines.panel_context(_language(config))
    return context


def on_post_template(output: str, template_name: str, config):
    # One 404.html for all languages: keep the first rendering (Korean, the default) so its
    # page chrome matches the site root rather than whichever language happened to build last.
    global _first_404
    if template_name != "404.html":
        return output
    if _language(config) == "ko" or _first_404 is None:
        _first_404 = output
    return _first_404


# After the i18n plugin's own on_post_build (priority -100), which builds the other languages.
@event_priority(-200)
def on_post_build(config):
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.building:
        return  # an inner (English or Indonesian) build; the outer one finishes the job
    site_postbuild.finish(Path(config.site_dir), config, Path(config.docs_dir))
