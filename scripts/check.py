"""`make check`: everything to run before proposing a change, with results in plain words.

Runs, in order, and always all of them (so that one run shows every problem):
  1. statistics   python scripts/build_stats.py --check     data/statistics.yml and generated/ agree
  2. hotlines     python scripts/build_hotlines.py --check  data/hotlines.yml and generated/ agree
  3. translations python scripts/check_translations.py      the three language versions match
  4. Markdown     python scripts/lint_markdown.py           Markdown that shows as intended
  5. site build   mkdocs build --strict (into a temporary folder; site/ is not touched)
Prints "✓ name" or "✗ name — what to do" for each, with the failing output indented below,
and exits 1 if anything failed.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Step:
    name: str
    passed: str  # said after ✓
    failed: str  # what to do, said after ✗
    command: list[str]
    needs_option: tuple[str, str] | None = None  # (script, option) that must exist for the step to run
    filter_output: bool = False
    shown: str = ""  # the command as the contributor would type it (default: the command itself)


def steps(root: Path, site_dir: Path) -> list[Step]:
    py = sys.executable
    scripts = root / "scripts"
    return [
        Step("statistics", "the figures in data/statistics.yml and the tables made from them agree",
             "data/statistics.yml has a mistake, or the tables made from it are out of date. If a line below "
             "names a line of data/statistics.yml, fix that line. Then run `make stats` and include the changed "
             "files in generated/ in your change.",
             [py, str(scripts / "build_stats.py"), "--check"], needs_option=("build_stats.py", "--check")),
        Step("hotlines", "the contacts in data/hotlines.yml and the lists made from them agree",
             "data/hotlines.yml has a mistake, or the lists made from it are out of date. If a line below names "
             "a line of data/hotlines.yml, fix that line. Then run `make stats` and include the changed files in "
             "generated/ in your change.",
             [py, str(scripts / "build_hotlines.py"), "--check"], needs_option=("build_hotlines.py", "--check")),
        Step("translations", "every page has its three language versions, in step",
             "the language versions of a page do not match. Each line below names the file and what to change.",
             [py, str(scripts / "check_translations.py"), "--docs", str(root / "docs")]),
        Step("Markdown", "the Markdown is clean",
             "some Markdown will not show as intended. Each line below gives file:line:column, what is wrong "
             "and what to change.",
             [py, str(scripts / "lint_markdown.py"), "--root", str(root)]),
        Step("site build", "the whole site builds, with every link and #id found",
             "the site does not build. Most often: a link to a page or an #id that does not exist, a short "
             "code with a typo, or a new page missing from nav: in mkdocs.yml. The lines below say where.",
             [py, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
             filter_output=True, shown="python -m mkdocs build --strict"),
    ]


def supports(root: Path, script: str, option: str) -> bool:
    try:
        return f'"{option}"' in (root / "scripts" / script).read_text(encoding="utf-8") or \
            f"'{option}'" in (root / "scripts" / script).read_text(encoding="utf-8")
    except OSError:
        return False


def build_output(text: str) -> str:
    """What matters in MkDocs' output: warnings, errors, and the reason it stopped."""
    lines = text.splitlines()
    keep = [line for line in lines
            if (re.match(r"^(WARNING|ERROR)\b", line) or line.startswith(("Error", "Traceback", "  File", "    "))
                or re.match(r"^\w*(Error|Exception)\b", line)) and "Aborted" not in line]
    keep += [line for line in lines if "Aborted" in line]  # the verdict after its causes
    return "\n".join(keep) or text.strip()


def indent(text: str, limit: int = 60) -> str:
    lines = [line for line in text.strip("\n").splitlines()]
    if len(lines) > limit:
        lines = lines[:limit] + [f"... and {len(lines) - limit} more lines (run the command above on its own to see all)"]
    return "\n".join("    " + line for line in lines)


def run(root: Path) -> int:
    start = time.monotonic()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    env.pop("BUILD_ONLY_LOCALE", None)  # check the whole site, every language
    failed: list[str] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="check-site-") as tmp:
        all_steps = steps(root, Path(tmp) / "site")
        print(f"Checking your change ({len(all_steps)} checks)...\n", flush=True)
        for step in all_steps:
            if step.needs_option and not supports(root, *step.needs_option):
                script, option = step.needs_option
                print(f"– {step.name}: not checked: scripts/{script} has no {option} option yet. "
                      "This is not your fault; tell the maintainers.", flush=True)
                skipped.append(step.name)
                continue
            t0 = time.monotonic()
            try:
                result = subprocess.run(step.command, cwd=root, capture_output=True, text=True, env=env,
                                        encoding="utf-8", errors="replace")
                code, output = result.returncode, (result.stdout + ("\n" + result.stderr if result.stderr.strip() else ""))
            except OSError as exc:
                code, output = 1, f"could not run {step.command[0]}: {exc}"
            took = time.monotonic() - t0
            if code == 0:
                print(f"✓ {step.name}: {step.passed} ({took:.1f} s)", flush=True)
                continue
            failed.append(step.name)
            shown = build_output(output) if step.filter_output else output
            print(f"✗ {step.name} — {step.failed}", flush=True)
            command = step.shown or " ".join(
                ["python" if part == sys.executable else
                 (os.path.relpath(part, root) if os.path.isabs(part) and part.startswith(str(root)) else part)
                 for part in step.command])
            print(f"    ({command})", flush=True)
            print(indent(shown or f"(no output; exit code {code})"), flush=True)
    total = time.monotonic() - start
    ran = len(all_steps) - len(skipped)
    print()
    if failed:
        print(f"✗ {len(failed)} of {ran} checks failed: {', '.join(failed)} ({total:.1f} s). "
              "Fix what is listed above, then run `make check` again. CONTRIBUTING.md explains the common messages.")
        return 1
    note = f" ({len(skipped)} not available yet: {', '.join(skipped)})" if skipped else ""
    print(f"✓ All {ran} checks passed{note} in {total:.1f} s. Your change is ready to propose.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every check a contributor should run before proposing a change.")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this repository)")
    args = parser.parse_args(argv)
    return run(args.root.resolve())


if __name__ == "__main__":
    sys.exit(main())
