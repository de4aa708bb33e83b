"""`make build`: the whole published site, exactly as it goes live.

1. mkdocs build --strict, in this process, with the site's plugin (which renders data/ first);
2. the PDFs of every page that has one (pdf.py: printed again only where the page changed);
3. a check that every internal link and asset of the result exists, downloads included.
The site's _headers file comes from step 1 (the plugin writes it at the end of the build).
`check` builds without step 2 into a temporary folder; publishing never does.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from nyf import kit, languages, linkcheck, pdf
from nyf.mkdocs_plugin import is_placeholder
from nyf.project import Project


class BuildError(Exception):
    pass


@dataclass
class Built:
    site: Path
    site_url: str
    pdfs: list[Path] = field(default_factory=list)
    zips: list[Path] = field(default_factory=list)


def version(project: Project) -> pdf.Version:
    """The commit the site is built from: SOURCE_DATE_EPOCH if set, else git's HEAD, else the
    newest `reviewed:` date of the pages (never the clock: two builds must agree)."""
    commit = ""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct %h"], cwd=project.root, capture_output=True,
                             text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            stamp, commit = out.stdout.split()
            epoch = epoch or stamp
    except (OSError, subprocess.TimeoutExpired):
        pass
    if epoch:
        return pdf.Version(dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc), commit)
    dates = [m.group(1) for p in project.docs.rglob("*.md")
             if (m := re.search(r"^reviewed:\s*(\d{4}-\d{2}-\d{2})", p.read_text(encoding="utf-8"), re.M))]
    newest = max(dates) if dates else "2000-01-01"
    return pdf.Version(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.timezone.utc), "")


def log_to_console() -> None:
    """MkDocs' messages as `mkdocs build` prints them (its command line sets this up itself)."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_nyf", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._nyf = True
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


class _Collect(logging.Handler):
    """What MkDocs warned about, for the message of a failed build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def mkdocs_build(project: Project, site: Path, **overrides) -> str:
    """mkdocs build --strict into site, as its command line does it. Returns site_url."""
    from mkdocs.commands.build import build as run_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    said = _Collect()
    logging.getLogger("mkdocs").addHandler(said)
    try:
        config = load_config(str(project.config_file), strict=True, site_dir=str(site), **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            run_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError, PluginError) as exc:
        raise BuildError("\n".join(said.messages + [str(exc)])) from None
    except Exception as exc:  # a Markdown extension's own error (a missing snippet, say): same form
        raise BuildError("\n".join(said.messages + [f"{type(exc).__name__}: {exc}"])) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(said)
    return config.site_url or ""


def build(project: Project, site: Path | None = None, *, with_pdfs: bool = True, log=print) -> Built:
    site = Path(site or project.root / "site").resolve()
    site_url = mkdocs_build(project, site)
    built = Built(site, site_url)
    if with_pdfs:
        langs = languages.load(project)
        made = version(project)
        built.pdfs = pdf.export(project, langs, site, preview=is_placeholder(site_url), version=made, site_url=site_url, log=log)
        built.zips = kit.write(project, langs, site, made)
    problems = linkcheck.check(site, urlsplit(site_url).path or "/")
    if not with_pdfs:
        problems = [p for p in problems if f"{pdf.DOWNLOADS}/" not in p]
    if problems:
        raise BuildError("the built site has broken internal links:\n  " + "\n  ".join(problems[:50])
                         + (f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""))
    return built
