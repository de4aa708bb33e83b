"""pymarkdownlnt plugin NYF002: words the site does not use, from data/terms.yml, in the language
of the page (docs/ only). The check itself is nyf.lint_rules.check_terms; nyf.lint gives this
plugin the terms file and the site's root through its configuration."""
from pathlib import Path

from pymarkdown.plugin_manager.plugin_details import PluginDetailsV2
from pymarkdown.plugin_manager.rule_plugin import RulePlugin

from nyf.lint_rules import check_terms


class NyfTerms(RulePlugin):
    def __init__(self):
        super().__init__()
        self.lines = []
        self.terms = {}
        self.root = None
        self.langs = None

    def get_details(self):
        return PluginDetailsV2(plugin_name="terms-to-avoid", plugin_id="NYF002", plugin_enabled_by_default=True,
                               plugin_description="A word the site does not use (data/terms.yml)",
                               plugin_version="1.0.0", plugin_url="", plugin_supports_fix=False)

    def initialize_from_config(self):
        from nyf import lint  # the terms, read and checked once per run

        from nyf.yamlfile import DataError

        root = self.plugin_configuration.get_string_property("root", default_value="")
        self.root = Path(root) if root else None
        try:
            self.terms = lint.terms_by_language(self.root) if self.root else {}
            self.langs = lint.site_languages(self.root) if self.terms else None
        except (DataError, OSError):
            self.terms, self.langs = {}, None  # `make check` reports a broken terms or languages file itself

    def starting_new_file(self):
        self.lines = []

    def next_line(self, context, line):
        self.lines.append(line)

    def completed_file(self, context):
        from nyf import lint

        code = lint.page_language(self.root, self.langs, context.scan_file) if self.langs else None
        for f in check_terms(context.scan_file, "\n".join(self.lines), self.terms.get(code, [])):
            context.add_triggered_rule(context.scan_file, f.line, f.col, "NYF002", "terms-to-avoid",
                                       "A word the site does not use (data/terms.yml)", f.message, False)
