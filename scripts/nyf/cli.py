"""python -m nyf <command>: every job of the site behind one command line (the Makefile calls it).

    build [--site DIR] [--no-pdf]   the published site: strict build, PDFs, link check (make build)
    check                           the quick checks before proposing a change (make check)
    render                          data/ into .cache/render/, as every build does first
    lint [FILE ...]                 Markdown lint (docs/, CONTRIBUTING*.md, README.md)
    translations                    are the language versions of every page in step?
    new-page NAME                   a new page in every language (make new-page NAME=help/x)
    new-language CODE NAME          a new language (make new-language CODE=vi NAME="Tiếng Việt")
    stale [--today YYYY-MM-DD]      hotline entries verified too long ago (publishing check)
    links                           every external link of pages and data still answers (scheduled)
    bench                           build time and page weight (make bench)
    browser                         find a Chromium, or download Playwright's own once (make test)

Exit status: 0 when all is well, 1 when the command found problems (it says which), 2 when the
command line itself is wrong.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from nyf.project import Project
from nyf.yamlfile import DataError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def cmd_build(project: Project, args) -> int:
    from nyf import build, chromium

    build.log_to_console()
    if args.publish:
        from mkdocs.config import load_config

        from nyf.mkdocs_plugin import is_placeholder

        site_url = load_config(str(project.config_file)).site_url
        if is_placeholder(site_url):
            print(f"Not publishing: site_url is still the placeholder {site_url}. Printed guides and QR codes would "
                  "point nowhere. Set SITE_URL to the site's real address (in the publish workflow: the repository "
                  "variable SITE_URL) and run the build again.", file=sys.stderr)
            return 1
        if args.no_pdf:
            print("Not publishing without the PDFs.", file=sys.stderr)
            return 1
    try:
        built = build.build(project, args.site, with_pdfs=not args.no_pdf)
    except build.BuildError as exc:
        print(f"\nThe build stopped:\n{exc}", file=sys.stderr)
        return 1
    except chromium.NoChromium as exc:
        print(f"\nThe build stopped: the PDFs cannot be printed.\n{exc}", file=sys.stderr)
        return 1
    print(f"Built {project.shown(built.site)}/ ({len(built.pdfs)} PDFs).")
    return 0


def cmd_check(project: Project, args) -> int:
    from nyf import check

    return check.run(project)


def cmd_render(project: Project, args) -> int:
    from nyf import languages, render

    try:
        langs = languages.load(project)
        result = render.refresh(project, langs, args.site_url, print)
    except DataError as exc:
        print(f"{exc}\nNothing was written. Fix the line above and run the command again.", file=sys.stderr)
        return 1
    if not result.made:
        print(f"{project.shown(result.folder)} is up to date with data/.")
    return 0


def cmd_lint(project: Project, args) -> int:
    from nyf import lint

    files = [Path(p).resolve() for p in args.paths] if args.paths else lint.default_targets(project.root)
    missing = [p for p in files if not p.exists()]
    for p in missing:
        print(f"{p}: this file does not exist.")
    findings, error = lint.lint([p for p in files if p.exists()], project.root)
    for f in findings:
        print(f)
    if error:
        print(f"The Markdown linter (pymarkdownlnt) itself failed; this is not your fault. Its output:\n{error}")
    if findings or error or missing:
        print(f"\nMarkdown lint: {len(findings)} problem{'s' if len(findings) != 1 else ''} in "
              f"{len({f.path for f in findings})} file(s). Each line above says file:line:column, what is wrong, and what to change.")
        return 1
    print(f"Markdown lint: {len(files)} files checked, no problems.")
    return 0


def cmd_translations(project: Project, args) -> int:
    from nyf import languages, translations

    try:
        langs = languages.load(project)
    except DataError as exc:
        print(exc)
        return 1
    problems, count = translations.check(project, langs)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\nTranslation check: {len(problems)} problem{'s' if len(problems) != 1 else ''} (in {count} pages). "
              "Fix each line above, then run `make check` again.")
        return 1
    print(f"Translation check: all {count} pages have their {len(langs)} language versions in step.")
    return 0


def cmd_new_page(project: Project, args) -> int:
    from nyf import scaffold

    try:
        written, where = scaffold.new_page(project, args.name)
    except scaffold.ScaffoldError as exc:
        print(f"No page was created. {exc}")
        return 1
    name = args.name.strip()
    print("Created:")
    for path in written[:-1]:
        print(f"    {project.shown(path)}")
    print(f"and added it to the nav in mkdocs.yml ({where}).\n\nNext:\n"
          "  1. Open each file and follow the note at its top (title, description, text).\n"
          f"  2. Preview: make serve, then open the page (its address ends in /{name}/).\n"
          "  3. Before you propose the change: make check\n"
          "  Want the page in another place in the menu? Move its line in the nav: section of mkdocs.yml.")
    return 0


def cmd_new_language(project: Project, args) -> int:
    from nyf import scaffold

    try:
        written = scaffold.new_language(project, args.code, args.name)
    except (scaffold.ScaffoldError, DataError) as exc:
        print(f"No language was added. {exc}")
        return 1
    print(f"Added {args.name} ({args.code}): {len(written) - 2} pages copied from English with a notice that they are "
          f"not translated yet, languages/{args.code}.yml to translate, and its entry in mkdocs.yml.\n\nNext:\n"
          f"  1. Translate languages/{args.code}.yml (the words of menus, buttons and tables).\n"
          f"  2. Translate each docs/*.{args.code}.md and delete its line `untranslated: true`.\n"
          "  3. make serve to preview, make check before you propose the change.")
    return 0


def cmd_stale(project: Project, args) -> int:
    from nyf import hotlines, languages

    today = args.today or dt.date.today()
    try:
        directory = hotlines.load(project, languages.load(project))
    except DataError as exc:
        print(exc)
        return 1
    soon, overdue = hotlines.ages(directory, today)
    for problem in soon:
        print(f"re-check soon: {problem}")
    for problem in overdue:
        print(f"OVERDUE: {problem}")
    if overdue:
        print(f"\n{len(overdue)} contact(s) verified more than {hotlines.FAIL_DAYS} days ago (or in the future): check each "
              "against its sources, then update its verified: date.")
        return 1
    print(f"All {len(directory.contacts)} contacts were verified within {hotlines.FAIL_DAYS} days of {today}.")
    return 0


def cmd_links(project: Project, args) -> int:
    from nyf import external

    broken = external.check(project, workers=args.workers)
    for url, where, why in broken:
        print(f"{where}: {url}: {why}")
    if broken:
        print(f"\n{len(broken)} external link(s) did not answer: check each source and replace or archive it.")
        return 1
    print("Every external link answered.")
    return 0


def cmd_browser(project: Project, args) -> int:
    """Make sure there is a Chromium: the system's, or Playwright's own downloaded once."""
    import subprocess

    from nyf import chromium

    path = chromium.find()
    if not path:
        print("No Chromium found; trying Playwright's own download once...", file=sys.stderr)
        if subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"]).returncode == 0:
            path = chromium.find()
    if not path:
        print(chromium.HOW_TO, file=sys.stderr)
        return 1
    print(f"Chromium: {path}")
    return 0


def cmd_bench(project: Project, args) -> int:
    from nyf import bench

    return bench.main(project)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m nyf", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", type=Path, default=None, help="the project (default: the checkout nyf was installed from)")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="the published site: strict build, PDFs, link check")
    b.add_argument("--site", type=Path, default=None, help="where to build (default: site/)")
    b.add_argument("--no-pdf", action="store_true", help="skip printing (not for publishing)")
    b.add_argument("--publish", action="store_true", help="refuse to build without the site's real address")
    sub.add_parser("check", help="the quick checks before proposing a change")
    r = sub.add_parser("render", help="data/ into .cache/render/")
    r.add_argument("--site-url", default="https://notyourfault.example/")
    lint = sub.add_parser("lint", help="Markdown lint")
    lint.add_argument("paths", nargs="*")
    sub.add_parser("translations", help="are the language versions in step?")
    n = sub.add_parser("new-page", help="a new page in every language")
    n.add_argument("name", nargs="?", default="")
    lang = sub.add_parser("new-language", help="a new language")
    lang.add_argument("code", nargs="?", default="")
    lang.add_argument("name", nargs="?", default="")
    s = sub.add_parser("stale", help="hotline entries verified too long ago")
    s.add_argument("--today", type=_date, default=None)
    links = sub.add_parser("links", help="every external link still answers")
    links.add_argument("--workers", type=int, default=8)
    sub.add_parser("bench", help="build time and page weight")
    sub.add_parser("browser", help="find a Chromium, or download Playwright's own once")
    return p


COMMANDS = {"build": cmd_build, "check": cmd_check, "render": cmd_render, "lint": cmd_lint,
            "translations": cmd_translations, "new-page": cmd_new_page, "new-language": cmd_new_language,
            "stale": cmd_stale, "links": cmd_links, "bench": cmd_bench, "browser": cmd_browser}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project.at(args.root)
    return COMMANDS[args.command](project, args)
