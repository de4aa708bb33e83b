"""pymarkdownlnt plugin NYF001: what breaks Markdown typed with a Korean input method or pasted
from elsewhere (full-width punctuation as syntax, invisible characters, odd spaces, list
indentation). The checks themselves are nyf.lint_rules.check_text."""
from pymarkdown.plugin_manager.plugin_details import PluginDetailsV2
from pymarkdown.plugin_manager.rule_plugin import RulePlugin

from nyf.lint_rules import check_text


class NyfInputMethod(RulePlugin):
    def __init__(self):
        super().__init__()
        self.lines = []

    def get_details(self):
        return PluginDetailsV2(plugin_name="input-method-mistakes", plugin_id="NYF001", plugin_enabled_by_default=True,
                               plugin_description="Markdown broken by an input method or by pasting",
                               plugin_version="1.0.0", plugin_url="", plugin_supports_fix=False)

    def starting_new_file(self):
        self.lines = []

    def next_line(self, context, line):
        self.lines.append(line)

    def completed_file(self, context):
        # A byte-order mark at the very start is reported once, by nyf.lint's check of the bytes.
        text = "\n".join(self.lines).removeprefix("\ufeff")
        for f in check_text(context.scan_file, text):
            context.add_triggered_rule(context.scan_file, f.line, f.col, "NYF001", "input-method-mistakes",
                                       "Markdown broken by an input method or by pasting", f.message, False)
