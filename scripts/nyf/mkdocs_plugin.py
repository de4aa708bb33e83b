"""The MkDocs plugin `nyf` (mkdocs.yml, plugins): wires the site's tools into `mkdocs build` and
`mkdocs serve`, and keeps what one run needs on itself, never in a module.

Per language build (the i18n plugin builds the default language, then each other one):
- on_pre_build: render.refresh(), the one pre-build step that makes everything from data/;
  the language's strings into config.extra for the templates; the 404 page in the default
  language's build only (it speaks every language, see overrides/404.html);
- on_page_markdown: short codes replaced with what render made for them;
- on_page_context: the help panel that render made, for overrides/partials/help-panel.html;
- on_post_page: each page's Content-Security-Policy;
- on_post_build: the site's own assets copied in; this language's search index (search_index.py).
At the very end (on_shutdown): the default language's search stub again, and _headers.

Nothing here depends on how the i18n plugin works inside: the current language is what it sets
as theme.language, and the languages are its configuration.
"""
from __future__ import annotations

import logging
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base, config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from nyf import compact_html, csp, languages, material, render, search_index, trim_css, valid_html
from nyf.project import Project
from nyf.shortcodes import ShortcodeError, expand
from nyf.yamlfile import DataError

log = logging.getLogger("mkdocs.plugins.nyf")
PLACEHOLDER_HOSTS = (".example", ".invalid", ".test", "localhost")
# Files whose names carry a fingerprint of their content (Material's and render's): cached for a year.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(js|css)$")


def is_placeholder(site_url: str) -> bool:
    host = urlsplit(site_url or "").hostname or ""
    return not host or host.endswith(PLACEHOLDER_HOSTS)


class SiteConfig(base.Config):
    # Off only for experiments: with it, the browser refuses anything from another host.
    csp = config_options.Type(bool, default=True)
    # Material's stylesheets less the rules no page uses (scripts/nyf/trim_css.py); not under serve.
    trim_css = config_options.Type(bool, default=True)


class SitePlugin(BasePlugin[SiteConfig]):

    def __init__(self):
        super().__init__()
        self.command = None
        self.project = None
        self.langs = None
        self.rendered = None
        self.site_dir = None
        self.site_url = None
        self.script_hashes: list[str] = []
        self.warned = False

    # --- once per run ----------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.project = Project.at(Path(config.config_file_path).parent)
        self.site_dir = Path(config.site_dir)
        self.site_url = config.site_url
        try:
            i18n = config.plugins["i18n"].config
            self.langs = languages.load(self.project).only(i18n.build_only_locale)
            self.material = material.check()
        except (DataError, KeyError, material.MaterialLayoutError) as exc:
            raise PluginError(str(exc)) from None
        if is_placeholder(config.site_url) and not self.warned:
            # Said on every build, but not as a logging warning: that would stop --strict builds,
            # and previews are fine. Printed guides and QR codes are not (see pdf.py).
            print(f"WARNING  -  site_url is the placeholder {config.site_url}: QR codes and printed addresses point "
                  "nowhere, and PDFs are marked as previews. Set SITE_URL to the real address to publish.",
                  file=sys.stderr)
            self.warned = True
        # One scope for the colour setting on every page: Material's inline script then reads the
        # same on every page, so the policy's hashes are the same everywhere.
        config.extra["scope"] = urlsplit(config.site_url or "/").path or "/"
        return config

    # --- per language build ----------------------------------------------------------------

    def language(self, config):
        return self.langs.of_material(config.theme["language"])

    def on_pre_build(self, *, config):
        lang = self.language(config)
        try:
            self.rendered = render.refresh(self.project, self.langs, config.site_url or "", log.info)
        except DataError as exc:
            raise PluginError(f"the data has a mistake; nothing was rendered:\n{exc}") from None
        config.site_name = lang.site_name
        config.site_description = lang.site_description
        config.extra["exit_url"] = lang.exit_url
        config.extra["strings"] = lang.strings
        # The colour switch's name, in the page's language (mkdocs.yml can give only one).
        for option in config.theme["palette"]:
            option["toggle"]["name"] = lang.s("palette_to_light" if option["scheme"] == "slate" else "palette_to_dark")
        # The one 404 page speaks every language; it is made in the build at the site's root.
        if lang.at_root:
            config.theme.static_templates.add("404.html")
        else:
            config.theme.static_templates.discard("404.html")

    def on_nav(self, nav, *, config, files):
        lang = self.language(config)
        for item in nav.items:
            if item.is_section and item.title in lang.nav:
                item.title = lang.nav[item.title]
        return nav

    def on_env(self, env, *, config, files):
        lang = self.language(config)
        env.globals["site_languages"] = [{"code": l.code, "root": l.root, "name": l.name, "strings": l.strings}
                                         for l in self.langs.built]
        env.globals["site_language"] = {"code": lang.code, "root": lang.root}
        env.globals["site_assets"] = self.rendered.assets
        env.globals["material_search_worker"] = self.material["search_worker"]
        env.globals["site_has_start"] = (self.project.data / "pathways.yml").exists()
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        try:
            return expand(markdown, self.rendered.codes(self.language(config)), f"docs/{page.file.src_uri}")
        except ShortcodeError as exc:
            raise PluginError(str(exc)) from None

    def on_page_context(self, context, *, page, config, nav):
        context["help_panel"] = self.rendered.panel(self.language(config))
        return context

    def finish(self, html: str) -> str:
        """A page as it is published: Material's invalid attributes out, indentation out, and
        (in a build) the Content-Security-Policy in, with the hashes of its inline scripts noted."""
        html = compact_html.compact(valid_html.tidy(html))
        if not self.config.csp or self.command == "serve":
            return html  # the dev server's live reload is an inline script of its own
        out = csp.add_meta(html)
        for digest in csp.inline_script_hashes(html):
            if digest not in self.script_hashes:
                self.script_hashes.append(digest)
        return out

    def on_post_page(self, output, *, page, config):
        return self.finish(output)

    def on_post_template(self, output_content, *, template_name, config):
        return self.finish(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config):
        site = Path(config.site_dir)
        lang = self.language(config)
        # What render made for the site, less the folders of languages this build leaves out.
        skipped = {f"{l.code}/" for l in self.langs if not l.build}
        source = self.rendered.folder / "site"
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source).as_posix()
            if path.is_file() and not any(rel.startswith(folder) for folder in skipped):
                (site / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, site / rel)
        try:
            search_index.write(site, lang, self.langs)
        except search_index.SearchIndexError as exc:
            raise PluginError(str(exc)) from None

    def on_serve(self, server, *, config, builder):
        for folder in (self.project.data, self.project.languages, self.project.assets, render.PACKAGE / "templates"):
            server.watch(str(folder))
        return server

    def on_shutdown(self):
        if self.command != "build" or self.site_dir is None or not self.site_dir.exists():
            return
        root = next(lang for lang in self.langs if lang.at_root)
        if (self.site_dir / root.root / "search" / "search_index.full.json").exists():
            search_index.write_stub(self.site_dir, root)
        if self.config.trim_css:
            for t in trim_css.trim(self.site_dir):
                log.info(f"{t.old}: {t.before // 1024} KB, trimmed to {t.after // 1024} KB ({t.new})")
        if self.config.csp:
            prefix = urlsplit(self.site_url or "/").path.rstrip("/")
            fingerprinted = sorted(p.relative_to(self.site_dir).as_posix() for p in self.site_dir.glob("assets/**/*")
                                   if FINGERPRINTED.search(p.name))
            (self.site_dir / "_headers").write_text(
                csp.headers_file(self.script_hashes, [f"{prefix}/{path}" for path in fingerprinted]), encoding="utf-8")
