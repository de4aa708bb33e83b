"""Read a YAML data file and check it against its JSON Schema, so that every problem names the
file, the line, the field and what was expected (DataError).

PyYAML is the parser. Two rules on top of it: a key given twice in one block is an error (YAML
would keep the last one silently), and dates stay text, so that the schema decides what a valid
date is. Texts in every language the site is written in are required where the schema marks a
field `"x-translated": true`; which languages those are comes from languages/ (see languages.py),
never from the schema.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators


@dataclass
class Problem:
    file: Path
    line: int | None
    field: str
    text: str
    value: Any = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line:
            where += f":{self.line}"
        name = f" {self.field}:" if self.field else ""
        value = f" (found: {self.value!r})" if self.value is not None else ""
        return f"{where}:{name} {self.text}{value}"


class DataError(Exception):
    """One or more problems in a data file, each told so that a contributor can find and fix it."""

    def __init__(self, problems: Problem | list[Problem]):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @property
    def line(self) -> int | None:
        return self.problems[0].line


def field_name(path: Iterable) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and keeps dates as text."""


def _mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice in the same block", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _lines(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict:
    """{path: line} for every mapping key and sequence item: what messages point at."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _lines(value_node, path + (key_node.value,), out)
            out[path + (key_node.value,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, path + (i,), out)
    return out


@dataclass
class Loaded:
    data: Any
    file: Path  # as messages show it
    lines: dict = field(repr=False)

    def line(self, path: Iterable) -> int | None:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, path: Iterable, text: str, value: Any = None) -> Problem:
        path = tuple(path)
        return Problem(self.file, self.line(path), field_name(path), text, value)

    def error(self, path: Iterable, text: str, value: Any = None) -> DataError:
        return DataError(self.problem(path, text, value))

    def date(self, path: Iterable, allow_month: bool = False) -> dt.date:
        """The date at path (YYYY-MM-DD, or YYYY-MM if allow_month). The schema checks the form;
        this catches a day that does not exist, such as 2024-02-30."""
        path = tuple(path)
        value = self.data
        for key in path:
            value = value[key]
        try:
            return dt.date.fromisoformat(value + "-01" if allow_month and len(value) == 7 else value)
        except ValueError:
            raise self.error(path, "is not a real date; write it YYYY-MM-DD with a month from 01 to 12 "
                                   "and a day that exists in that month", value) from None


def parse(path: Path, shown: str | None = None) -> Loaded:
    """The file's data and the line of each of its parts. Raises DataError."""
    path = Path(path)
    name = Path(shown or path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(Problem(name, None, "", "the file does not exist")) from None
    except UnicodeDecodeError as exc:
        raise DataError(Problem(name, None, "", f"the file is not UTF-8 text ({exc.reason})")) from None
    if not text.strip():
        raise DataError(Problem(name, 1, "", "the file is empty; it should start with the fields described in its schema"))
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(Problem(name, mark.line + 1 if mark else None, "",
                                f"this is not valid YAML: {problem}. Check indentation, colons and quotes "
                                "on this line or the one above")) from None
    finally:
        loader.dispose()
    if node is None:
        raise DataError(Problem(name, 1, "", "the file has no data"))
    loaded = Loaded(data, name, _lines(node))
    if not isinstance(data, dict):
        raise loaded.error((), f"the file must be a set of named fields (a mapping), not a {type(data).__name__}")
    return loaded


# --- the schema, with the site's languages --------------------------------------------------

def _validator_class(required: tuple[str, ...], known: tuple[str, ...], names: dict[str, str]):
    """Draft 2020-12 plus "x-translated": the object holds one text per language of the site."""

    def translated(validator, wanted, instance, schema):
        if not wanted or not isinstance(instance, dict):
            return
        for code in required:
            if code not in instance:
                yield ValidationError(f"{code!r} is a required property", validator="x-translated",
                                      validator_value=code, instance=instance, schema=schema)
        for code in instance:
            if code not in known:
                yield ValidationError(f"unknown language {code!r}", validator="x-languages",
                                      validator_value=code, instance=instance, schema=schema)

    return validators.extend(Draft202012Validator, {"x-translated": translated})


def _message(err: ValidationError, names: dict[str, str], known: tuple[str, ...]) -> str:
    kind = err.validator
    if kind == "x-translated":
        return f"a required field is missing: '{err.validator_value}' (the {names.get(err.validator_value, err.validator_value)} text)"
    if kind == "x-languages":
        return f"unknown language {err.validator_value!r}; the site's languages are {', '.join(known)}"
    if kind == "required":
        return f"a required field is missing: {err.message.split(' is a required')[0]}"
    if kind == "additionalProperties":
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        return f"unknown field {_unknown_key(err)!r}; check the spelling (allowed: {allowed})"
    if kind == "type":
        if err.validator_value == "string" and isinstance(err.instance, (bool, int, float)):
            # Unquoted 1366 or yes/no: YAML reads them as numbers or booleans.
            return "expected text, but YAML read this as a number or yes/no value: put it in quotes"
        wanted = err.validator_value
        return f"expected {wanted if isinstance(wanted, str) else ' or '.join(wanted)}"
    if kind == "minimum":
        return f"must be at least {err.validator_value}"
    if kind == "maximum":
        return f"must be at most {err.validator_value}"
    if kind == "pattern":
        return err.schema.get("description") or f"must match the pattern {err.validator_value}"
    if kind in ("minItems", "minLength", "minProperties"):
        return "must not be empty" if err.validator_value == 1 else f"needs at least {err.validator_value} (found {len(err.instance)})"
    if kind == "maxItems":
        return f"may have at most {err.validator_value} (found {len(err.instance)})"
    if kind == "enum":
        return f"must be one of: {', '.join(map(str, err.validator_value))}"
    if kind == "format":
        return f"must be a valid {err.validator_value}"
    if kind in ("anyOf", "oneOf"):
        return err.schema.get("description") or err.message
    return err.message


def _unknown_key(err: ValidationError) -> str | None:
    extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
    return extra[0] if extra else None


def load(path: Path, schema_path: Path, *, languages=None, shown: str | None = None) -> Loaded:
    """Read a YAML data file and check it against its JSON Schema. Raises DataError with every
    problem the schema finds, in line order.

    languages: the site's Languages (languages.py); texts are required in each language that has
    no fallback, and allowed in any language of the site."""
    loaded = parse(path, shown)
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    required = tuple(languages.complete_codes) if languages else ()
    known = tuple(languages.codes) if languages else ()
    names = {lang.code: lang.english_name for lang in languages} if languages else {}
    cls = _validator_class(required, known, names)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    problems = []
    for err in validator.iter_errors(loaded.data):
        where = tuple(err.absolute_path)
        if err.validator == "additionalProperties" and _unknown_key(err) is not None:
            where += (_unknown_key(err),)
        elif "propertyNames" in err.schema_path:
            where += (err.instance,)  # a badly formed name: point at its own line
        elif err.validator == "x-languages":
            where += (err.validator_value,)
        value = None if err.validator in ("required", "additionalProperties", "x-translated", "x-languages") else err.instance
        if isinstance(value, (dict, list)):
            value = None
        problems.append(loaded.problem(where, _message(err, names, known), value))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.field))
        raise DataError(problems)
    return loaded
