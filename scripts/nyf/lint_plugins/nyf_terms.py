"""pymarkdownlnt plugin NYF002: words the site does not use, from data/terms.yml, in the language
of the page (docs/ only). The check itself is nyf.lint_rules.check_terms; nyf.lint gives this
plugin the terms and each page's language through its configuration."""
import json
from pathlib import Path

from pymarkdown.plugin_manager.plugin_details import PluginDetailsV2
from pymarkdown.plugin_manager.rule_plugin import RulePlugin

from nyf.lint_rules import Term, check_terms


class NyfTerms(RulePlugin):
    def __init__(self):
        super().__init__()
        self.lines = []
        self.terms = {}
        self.langs = {}

    def get_details(self):
        return PluginDetailsV2(plugin_name="terms-to-avoid", plugin_id="NYF002", plugin_enabled_by_default=True,
                               plugin_description="A word the site does not use (data/terms.yml)",
                               plugin_version="1.0.0", plugin_url="", plugin_supports_fix=False)

    def initialize_from_config(self):
        # pymarkdownlnt sets its plugins up again for every file it scans, so nyf.lint reads the
        # terms and the pages' languages once and hands them over as JSON.
        terms = json.loads(self.plugin_configuration.get_string_property("terms", default_value="{}"))
        self.terms = {code: [Term(**t) for t in items] for code, items in terms.items()}
        self.langs = json.loads(self.plugin_configuration.get_string_property("languages", default_value="{}"))

    def starting_new_file(self):
        self.lines = []

    def next_line(self, context, line):
        self.lines.append(line)

    def completed_file(self, context):
        code = self.langs.get(str(Path(context.scan_file).resolve()))
        for f in check_terms(context.scan_file, "\n".join(self.lines), self.terms.get(code, [])):
            context.add_triggered_rule(context.scan_file, f.line, f.col, "NYF002", "terms-to-avoid",
                                       "A word the site does not use (data/terms.yml)", f.message, False)
