"""The site's languages, defined once.

A language is two things, each written in one place:
- its entry in mkdocs.yml (plugins > i18n > languages): its code, its name in the language
  switcher, whether it is the default (served at /) and whether it is built;
- its strings file, languages/<code>.yml: its Babel locale, the quick exit's target, the site's
  name and description, the navigation's section titles, how contacts are shown, and every word
  the templates and the data pages say (checked against languages/language.schema.json).

Templates read the strings through config.extra (the plugin puts the current language's there);
scripts and tests read this module. A language whose strings file has `fallback: en` is being
translated: its data texts may be missing, and then the fallback language's text is shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

import yaml
from babel import Locale

from nyf.project import Project
from nyf.yamlfile import DataError, Problem, load as load_yaml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its language list without MkDocs: tags (!ENV, !!python/...) are
    read as their plain value or as nothing, which is all this module needs."""


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Language:
    code: str            # as in URLs and file names: page.<code>.md (none for the default)
    name: str            # as the language switcher shows it
    default: bool        # its pages have no language ending (page.md), and it is served at /
    build: bool
    locale: str          # Babel's locale
    material_language: str
    fallback: str | None
    exit_url: str
    site_name: str
    site_description: str
    nav: dict = field(hash=False)
    contacts: dict = field(hash=False)
    strings: dict = field(hash=False)
    language_names: dict = field(hash=False)
    new_page: dict = field(hash=False)
    # Served at / in this build: the default, or the one language of a BUILD_ONLY_LOCALE preview.
    at_root: bool = False

    @property
    def root(self) -> str:
        """The language's folder under the site's root: "" at the root, else "<code>/"."""
        return "" if self.at_root else f"{self.code}/"

    @property
    def suffix(self) -> str:
        """What a page's file name carries for this language: ".<code>" (page.ko.md, page.en.md)."""
        return f".{self.code}"

    @property
    def english_name(self) -> str:
        return Locale.parse("en").languages.get(self.code.split("-")[0], self.code)

    def s(self, key: str, **values: Any) -> str:
        """One of the language's strings, with {placeholders} filled in."""
        text = self.strings[key]
        return text.format(**values) if values else text

    def text(self, texts: dict) -> str:
        """This language's text from a {code: text} mapping of data/, or the fallback's."""
        if self.code in texts:
            return texts[self.code]
        if self.fallback and self.fallback in texts:
            return texts[self.fallback]
        raise KeyError(f"no {self.english_name} text")

    def language_name(self, code: str) -> str:
        """The name of a language (ko, zh...) in this language."""
        return self.language_names.get(code) or Locale.parse(self.locale).languages.get(code, code)


@dataclass(frozen=True)
class Languages:
    items: tuple[Language, ...]

    def __iter__(self) -> Iterator[Language]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, code: str) -> Language:
        for lang in self.items:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def __contains__(self, code: str) -> bool:
        return any(lang.code == code for lang in self.items)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.items]

    @property
    def complete_codes(self) -> list[str]:
        """Languages whose texts data/ must have (those without a fallback)."""
        return [lang.code for lang in self.items if not lang.fallback]

    @property
    def default(self) -> Language:
        return next(lang for lang in self.items if lang.default)

    @property
    def built(self) -> list[Language]:
        return [lang for lang in self.items if lang.build]

    def only(self, code: str | None) -> "Languages":
        """As the i18n plugin builds with BUILD_ONLY_LOCALE=code: that language alone, at /."""
        if not code:
            return self
        if code not in self:
            raise KeyError(f"BUILD_ONLY_LOCALE={code}: not a language of this site ({', '.join(self.codes)})")
        return Languages(tuple(replace(lang, build=lang.code == code, at_root=lang.code == code) for lang in self.items))

    def of_url(self, path: str) -> Language:
        """The language of a URL path such as /en/about/ (the one at the root for anything else)."""
        path = path.lstrip("/")
        for lang in self.items:
            if not lang.at_root and (path == lang.code or path.startswith(lang.root)):
                return lang
        return next(lang for lang in self.items if lang.at_root)

    def of_material(self, material_language: str) -> Language:
        """The language Material's theme.language names (what the i18n plugin sets per build)."""
        for lang in self.items:
            if lang.material_language == material_language:
                return lang
        raise KeyError(f"no language of this site has theme language {material_language!r}")

    def page_file(self, stem: str, lang: Language) -> str:
        """'help/index' -> 'help/index.en.md': every language's pages carry its code, the default's
        too (so that a one-language preview never mistakes one language's page for another's)."""
        return f"{stem}{lang.suffix}.md"

    def split_page_file(self, rel: str) -> tuple[str, str | None]:
        """'law/korea.en.md' -> ('law/korea', 'en'); 'law/korea.md' -> ('law/korea', None): no
        language ending. An ending that is no language of the site comes back for the caller to refuse."""
        base = rel[:-3] if rel.endswith(".md") else rel
        head, dot, tail = base.rpartition(".")
        if dot and "/" not in tail and 2 <= len(tail.split("-")[0]) <= 3 and tail.replace("-", "").isalpha():
            return head, tail
        return base, None


def i18n_entries(config_file: Path) -> list[dict]:
    """The language entries of mkdocs.yml (plugins > i18n > languages)."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return list((plugin["i18n"] or {}).get("languages") or [])
    raise DataError(Problem(config_file, None, "plugins", "mkdocs.yml has no i18n plugin with a list of languages"))


def load(project: Project) -> Languages:
    """Every language of mkdocs.yml with its strings file. Raises DataError naming the file."""
    items = []
    schema = project.languages / "language.schema.json"
    for entry in i18n_entries(project.config_file):
        code = entry["locale"]
        path = project.languages / f"{code}.yml"
        if not path.exists():
            raise DataError(Problem(Path(project.shown(path)), None, "",
                                    f"mkdocs.yml lists the language {code!r}, but its strings file is missing: "
                                    f"copy languages/en.yml to {project.shown(path)} and translate it "
                                    "(make new-language does both)"))
        data = load_yaml(path, schema, shown=project.shown(path)).data
        theme = entry.get("theme") or {}
        items.append(Language(
            code=code,
            name=entry["name"],
            default=bool(entry.get("default")),
            build=entry.get("build", True) is not False,
            locale=data["locale"],
            material_language=theme.get("language", code),
            fallback=data.get("fallback"),
            exit_url=data["exit_url"],
            site_name=data["site_name"],
            site_description=data["site_description"],
            nav=data.get("nav") or {},
            contacts=data.get("contacts") or {},
            strings=data["strings"],
            language_names=data.get("language_names") or {},
            new_page=data["new_page"],
            at_root=bool(entry.get("default")),
        ))
    langs = Languages(tuple(sorted(items, key=lambda lang: not lang.default)))
    if sum(lang.default for lang in langs) != 1:
        raise DataError(Problem(project.config_file, None, "plugins.i18n.languages",
                                "exactly one language needs default: true"))
    for lang in langs:
        if lang.fallback and (lang.fallback not in langs or langs[lang.fallback].fallback):
            raise DataError(Problem(Path(project.shown(project.languages / f"{lang.code}.yml")), None, "fallback",
                                    f"the fallback must be a complete language of the site ({', '.join(langs.complete_codes)})"))
    return langs
