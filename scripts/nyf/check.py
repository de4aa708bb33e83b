"""`make check`: everything to run before proposing a change, with results in plain words.

Runs every check, always all of them (so that one run shows every problem):
  1. data           data/*.yml and languages/*.yml against their schemas and rules
  2. translations   the language versions of every page are in step
  3. Markdown       Markdown that shows as intended, in the words the site uses
  4. site build     mkdocs build --strict into a temporary folder (no PDFs; site/ is not touched)
Prints "✓ name" or "✗ name — what to do" for each, with the problems indented below, and
returns 1 if anything failed.
"""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from nyf import build, hotlines, languages, lint, render, statistics, translations
from nyf.project import Project
from nyf.yamlfile import DataError


@dataclass
class Step:
    name: str
    passed: str  # said after ✓
    failed: str  # what to do, said after ✗
    run: Callable[[Project], list[str]]  # the problems found


def check_data(project: Project) -> list[str]:
    try:
        langs = languages.load(project)
        statistics.load(project, langs)
        hotlines.load(project, langs)
        lint.terms_by_language(project.root)
        render.render(project, langs, "https://example.org/")
    except DataError as exc:
        return [str(p) for p in exc.problems]
    return []


def check_translations(project: Project) -> list[str]:
    try:
        langs = languages.load(project)
    except DataError as exc:
        return [str(exc)]
    return translations.check(project, langs)[0]


def check_markdown(project: Project) -> list[str]:
    findings, error = lint.lint(lint.default_targets(project.root), project.root)
    return [str(f) for f in findings] + ([f"the Markdown linter itself failed (not your fault): {error}"] if error else [])


def check_build(project: Project) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="check-site-") as tmp:
        try:
            build.build(project, Path(tmp) / "site", with_pdfs=False, log=lambda _: None)
        except build.BuildError as exc:
            return [line for line in str(exc).splitlines() if line.strip()]
    return []


STEPS = [
    Step("data", "data/ and languages/ are valid",
         "a data file has a mistake. Each line below names the file, the line and what to change.", check_data),
    Step("translations", "every page has all its language versions, in step",
         "the language versions of a page do not match. Each line below names the file and what to change.", check_translations),
    Step("Markdown", "the Markdown is clean",
         "some Markdown will not show as intended, or uses a word the site avoids. Each line gives file:line:column, "
         "what is wrong and what to change.", check_markdown),
    Step("site build", "the whole site builds, with every link and #id found",
         "the site does not build. Most often: a link to a page or an #id that does not exist, a short code with a "
         "typo, or a new page missing from nav: in mkdocs.yml. The lines below say where.", check_build),
]


def indent(lines: list[str], limit: int = 60) -> str:
    if len(lines) > limit:
        lines = lines[:limit] + [f"... and {len(lines) - limit} more"]
    return "\n".join("    " + line for line in lines)


def run(project: Project, steps: list[Step] = STEPS, say=print) -> int:
    start = time.monotonic()
    say(f"Checking your change ({len(steps)} checks)...\n")
    failed = []
    for step in steps:
        t0 = time.monotonic()
        try:
            problems = step.run(project)
        except Exception as exc:  # a check that crashes is a failed check, and the others still run
            problems = [f"the check itself failed (not your fault; tell the maintainers): {type(exc).__name__}: {exc}"]
        took = time.monotonic() - t0
        if not problems:
            say(f"✓ {step.name}: {step.passed} ({took:.1f} s)")
            continue
        failed.append(step.name)
        say(f"✗ {step.name} — {step.failed}")
        say(indent(problems))
    total = time.monotonic() - start
    say("")
    if failed:
        say(f"✗ {len(failed)} of {len(steps)} checks failed: {', '.join(failed)} ({total:.1f} s). Fix what is listed "
            "above, then run `make check` again. CONTRIBUTING.md explains the common messages.")
        return 1
    say(f"✓ All {len(steps)} checks passed in {total:.1f} s. Your change is ready to propose.")
    return 0
