"""Shared by every script that turns data/*.yml into pages: load, validate, format, write.

- load(): YAML -> Python, checked against the JSON Schema beside the file; every problem is a
  DataError that names the file, the line, the field and what was expected.
- write_all(): all outputs or none (temporary files first, then renames).
- number(), percent(), date(): locale formats from Babel (ko/en: 1,202 and 73.6%; id: 1.202 and 73,6%).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("ko", "en", "id")


@dataclass
class DataError(Exception):
    """A problem in a data file, told so that a contributor can find and fix it."""

    file: Path
    line: int | None
    field: str
    problem: str
    value: Any = None

    def __str__(self) -> str:
        where = shown(self.file)
        if self.line:
            where += f":{self.line}"
        field = f" {self.field}:" if self.field else ""
        value = f" (found: {self.value!r})" if self.value is not None else ""
        return f"{where}:{field} {self.problem}{value}"


def shown(path: Path) -> str:
    """A path as messages show it: relative to the project when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that also records the line of every mapping key and sequence item."""


def _path_lines(node: yaml.Node, path: tuple = (), lines: dict | None = None) -> dict:
    lines = {} if lines is None else lines
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1
            _path_lines(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _path_lines(item, path + (i,), lines)
    return lines


def field_name(path: Iterable) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _no_duplicate_keys(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice in the same block", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)
# Dates stay strings, so that the schema (format/pattern) decides what a valid date is.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The same rules on libyaml's parser, when PyYAML has it: large files read about ten times
# faster, with the same nodes and lines. Problems are still worded by the pure-Python parser.
if getattr(yaml, "__with_libyaml__", False):
    class _CLineLoader(yaml.CSafeLoader):
        """_LineLoader on libyaml."""

    _CLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)
    _CLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers
else:  # pragma: no cover
    _CLineLoader = None


@contextlib.contextmanager
def paused_gc():
    """Python's cycle collector off for a while: building many small objects (a large YAML file's
    nodes, a schema check) then takes time in proportion to the data instead of growing faster."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _parse(text: str, loader_class) -> tuple:
    """(node, data) from one parse: the data is built from the very nodes that give the lines."""
    loader = loader_class(text)
    try:
        with paused_gc():
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


@dataclass
class Loaded:
    data: Any
    file: Path
    lines: dict

    def line(self, path: Iterable) -> int | None:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def error(self, path: Iterable, problem: str, value: Any = None) -> DataError:
        path = tuple(path)
        return DataError(self.file, self.line(path), field_name(path), problem, value)


def _schema_problem(err) -> str:
    v = err.validator
    if v == "required":
        missing = err.message.split(' is a required')[0]
        language = {"'ko'": "Korean", "'en'": "English", "'id'": "Indonesian"}.get(missing)
        hint = f" (the {language} text)" if language else ""
        return f"a required field is missing: {missing}{hint}"
    if v == "additionalProperties":
        return f"unknown field {err.message.split('(')[-1].rstrip(')')}; check the spelling (allowed: {', '.join(sorted(err.schema.get('properties', {})))})"
    if v == "type":
        if err.validator_value == "string" and isinstance(err.instance, (bool, int, float)):
            # Unquoted 1366 or 2026-11-25-like values: YAML reads them as numbers or yes/no.
            return "expected text, but YAML read this as a number or yes/no value: put it in quotes"
        return f"expected {err.validator_value if isinstance(err.validator_value, str) else ' or '.join(err.validator_value)}"
    if v == "minimum":
        return f"must be at least {err.validator_value}"
    if v == "maximum":
        return f"must be at most {err.validator_value}"
    if v == "pattern":
        return err.schema.get("description") or f"must match the pattern {err.validator_value}"
    if v in ("minItems", "minLength"):
        return "must not be empty"
    if v == "enum":
        return f"must be one of: {', '.join(map(str, err.validator_value))}"
    if v == "format":
        return f"must be a valid {err.validator_value}"
    return err.message


def _unknown_key(err) -> str | None:
    if err.validator != "additionalProperties":
        return None
    extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
    return extra[0] if extra else None


def _inline_refs(schema: dict) -> dict:
    """The schema with its local "#/$defs/..." references written out in place.

    Same meaning, but jsonschema no longer resolves a reference at every node it checks, which
    was most of the time spent on large files. Our schemas are not recursive."""
    defs = schema.get("$defs", {})

    def walk(node, depth=0):
        if depth > 50:
            raise ValueError("schema references nest too deeply (is one recursive?)")
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] in defs and len(node) == 1:
                return walk(defs[ref[8:]], depth + 1)
            return {k: walk(v, depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, depth + 1) for v in node]
        return node

    return walk(schema)


def load(path: Path, schema_path: Path) -> Loaded:
    """Read a YAML data file and check it against its JSON Schema. Raises DataError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, None, "", "the file does not exist")
    except UnicodeDecodeError as exc:
        raise DataError(path, None, "", f"the file is not UTF-8 text ({exc.reason})")
    if not text.strip():
        raise DataError(path, 1, "", "the file is empty; it should start with the fields described in its schema")
    try:
        node, data = _parse(text, _CLineLoader or _LineLoader)
    except yaml.YAMLError as c_exc:
        exc = c_exc
        if _CLineLoader is not None:
            try:  # the pure-Python parser's wording (and, should the two ever differ, its reading)
                node, data = _parse(text, _LineLoader)
                exc = None
            except yaml.YAMLError as py_exc:
                exc = py_exc
    else:
        exc = None
    if exc is not None:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(path, line, "", f"this is not valid YAML: {problem}. Check indentation, colons and quotes on this line or the one above")
    if node is None:
        raise DataError(path, 1, "", "the file has no data")
    with paused_gc():
        loaded = Loaded(data, path, _path_lines(node))
    if not isinstance(data, dict):
        raise loaded.error((), f"the file must be a set of named fields (a mapping), not a {type(data).__name__}")
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    validator = Draft202012Validator(_inline_refs(schema), format_checker=Draft202012Validator.FORMAT_CHECKER)
    with paused_gc():
        found = list(validator.iter_errors(data))
    errors = sorted(found, key=lambda e: (loaded.line(e.absolute_path) or 0, list(map(str, e.absolute_path))))
    if errors:
        err = errors[0]
        field = tuple(err.absolute_path)
        key = _unknown_key(err)
        if key is not None:
            field = field + (key,)
        elif "propertyNames" in err.schema_path:
            field = field + (err.instance,)  # a badly formed name: point at its own line
        value = None if err.validator in ("required", "additionalProperties") else err.instance
        if isinstance(value, (dict, list)):
            value = None
        raise loaded.error(field, _schema_problem(err), value)
    return loaded


def reuse_while_unchanged(cache: dict, path: Path, watched: Iterable[Path], make):
    """make(path), remembered in cache until one of the watched files changes (mtime or size).

    Short codes and the help panel ask for the same data hundreds of times in one build."""
    key = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None for p in watched)
    hit = cache.get(path)
    if hit and hit[0] == key:
        return hit[1]
    value = make(path)
    cache[path] = (key, value)
    return value


def write_all(outputs: dict[Path, str]) -> list[Path]:
    """Write every output, or none: each goes to a temporary file first, then all are renamed.

    Returns the files whose content changed. Unchanged files are not touched (stable mtimes
    keep `mkdocs serve` from rebuilding in a loop).
    """
    changed = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    temps: list[tuple[Path, Path]] = []
    try:
        for target in changed:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(outputs[target])
            temps.append((Path(tmp), target))
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in temps:
        os.replace(tmp, target)
    return changed


def stale(outputs: dict[Path, str]) -> list[Path]:
    """Files whose committed content differs from what the data gives now."""
    return [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]


def number(value: float | int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def percent(value: float, locale: str, digits: int = 1) -> str:
    """value in percent units (73.6 -> '73.6%' / '73,6%')."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(value / 100, format=pattern, locale=locale)


def date(value: str | dt.date, locale: str, form: str = "long") -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format=form, locale=locale)
