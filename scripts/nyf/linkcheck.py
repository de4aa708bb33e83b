"""Every internal link and asset of a built site exists: pages, their #anchors, stylesheets,
scripts, images and downloads. Links to other sites are not followed here (see external.py)."""
from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "use": "href"}


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        name = ATTRS.get(tag)
        if name and attrs.get(name):
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                return  # the public address of the page itself
            self.targets.append((tag, attrs[name]))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _resolve(site: Path, url_path: str) -> Path | None:
    target = site / url_path.lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def check(site: Path, base_path: str = "/") -> list[str]:
    """Problems, as "page: what is missing". base_path: the site's path on its host (from site_url)."""
    site = Path(site)
    problems, parsed = [], {}
    pages = sorted(site.rglob("*.html"))
    for page_file in pages:
        rel = page_file.relative_to(site).as_posix()
        page_url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        page = parsed.setdefault(page_file, _parse(page_file))
        for tag, url in page.targets:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            if not parts.path:
                if parts.fragment and unquote(parts.fragment) not in page.ids and rel != "404.html":
                    problems.append(f"{page_url}: #{parts.fragment} is not on the page")
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                if not path.startswith(base_path):
                    problems.append(f"{page_url}: {url} is outside the site ({base_path})")
                    continue
                path = "/" + path[len(base_path):]
            else:
                path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)) + ("/" if path.endswith("/") else "")
            target = _resolve(site, path)
            if target is None:
                problems.append(f"{page_url}: <{tag}> {url} does not exist")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page_url}: {url}: the anchor #{parts.fragment} is not on that page")
    return problems
