"""Every link to another site (pages' sources and links, data's sources and web addresses) still
answers. Sources move and disappear; this runs on a schedule (.github/workflows/sources.yml), not
on every change, because its answer depends on other sites on a given day."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from nyf.markdown_text import blank
from nyf.project import Project

URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")
AGENT = "Mozilla/5.0 (compatible; link check of a public-awareness site; no personal data)"


def urls(project: Project) -> dict[str, str]:
    """{url: where it was first found}"""
    found: dict[str, str] = {}
    for page in sorted(project.docs.rglob("*.md")):
        for n, line in enumerate(blank(page.read_text(encoding="utf-8")).split("\n"), start=1):
            for url in URL.findall(line):
                found.setdefault(url, f"{project.shown(page)}:{n}")
    for data in sorted(project.data.glob("*.yml")) + sorted(project.languages.glob("*.yml")):
        for n, line in enumerate(data.read_text(encoding="utf-8").split("\n"), start=1):
            if line.lstrip().startswith("#"):
                continue
            for url in URL.findall(line):
                found.setdefault(url, f"{project.shown(data)}:{n}")
    return found


def answer(url: str, timeout: float = 20) -> str | None:
    """None if the address answers, else why not."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
        except urllib.error.HTTPError as exc:
            if method == "GET" or exc.code not in (403, 405, 501):
                return f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            if method == "GET":
                return f"no answer ({getattr(exc, 'reason', exc)})"
    return None


def check(project: Project, workers: int = 8) -> list[tuple[str, str, str]]:
    found = urls(project)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(answer, found))
    return [(url, found[url], why) for url, why in zip(found, results) if why]
