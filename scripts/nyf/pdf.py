"""Print pages to A4 PDF for the site's downloads, with headless Chromium, from the built site.

Which pages: those whose front matter says `pdf: <name>` (the school guides, the classroom kit);
each language's version becomes downloads/<name>-<code>.pdf, and `pdf_pages: N` is its page
budget (the tests hold every PDF to it). A print is made again only when its page changed: the
built HTML names every stylesheet by a fingerprint of its content, so a page whose HTML is the
same prints the same, and the earlier PDF (kept in .cache/pdf/) is used.

Every PDF carries its version (the commit's date and short hash) at the foot of each page, and
its title, language and dates (the commit's, never the clock's) in its metadata, so two builds of
one commit give the same bytes. While the site has no real address yet, every page also says at
its head that it is a preview, not for handing out: its QR code and address point nowhere.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import mimetypes
import os
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import yaml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from nyf import chromium
from nyf.languages import Language, Languages
from nyf.markdown_text import split_front_matter
from nyf.project import Project

DOWNLOADS = "downloads"
# How pages are printed is this file: a change to it prints every page again.
PRINTING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


@dataclass(frozen=True)
class Version:
    """What a printout says about itself."""

    date: dt.datetime  # the commit's time (UTC)
    commit: str        # short hash, or "" outside a git checkout

    @property
    def text(self) -> str:
        return self.date.date().isoformat() + (f" · {self.commit}" if self.commit else "")


@dataclass(frozen=True)
class Print:
    name: str        # downloads/<name>.pdf, e.g. students-ko
    path: str        # the page under the site's root, e.g. en/schools/students/
    lang: Language
    budget: int | None
    kit: str | None = None  # the classroom kit's level (or "common"): its ZIP holds the PDF


def prints(project: Project, langs: Languages) -> list[Print]:
    """Every page that has a PDF, in every built language."""
    out = []
    for source in sorted(project.docs.rglob("*.md")):
        meta_text, _, _ = split_front_matter(source.read_text(encoding="utf-8"))
        meta = yaml.safe_load(meta_text or "") or {}
        if not meta.get("pdf"):
            continue
        stem, code = langs.split_page_file(source.relative_to(project.docs).as_posix())
        if code not in langs or not langs[code].build:
            continue
        lang = langs[code]
        folder = stem[: -len("index")] if stem.endswith("index") else stem + "/"
        out.append(Print(f"{meta['pdf']}-{code}", lang.root + folder, lang, meta.get("pdf_pages"), meta.get("kit")))
    return out


NODE_ID = re.compile(rb"\(node(\d{8})\)")


def _stable_node_ids(data: bytes) -> bytes:
    """Chromium names the tags of a tagged PDF after its DOM nodes' ids, which depend on what the
    browser did before. Number them 1, 2, 3... in the same order (the same length, so the file's
    offsets stay right): the same page then gives the same bytes."""
    found = sorted({int(m.group(1)) for m in NODE_ID.finditer(data)})
    new = {old: f"{i:08d}".encode() for i, old in enumerate(found, start=1)}
    return NODE_ID.sub(lambda m: b"(node" + new[int(m.group(1))] + b")", data)


def _metadata(data: bytes, title: str, lang: str, version: Version) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    stamp = version.date.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata({"/Title": title, "/CreationDate": stamp, "/ModDate": stamp, "/Producer": "Chromium, pypdf"})
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return _stable_node_ids(out.getvalue())


def _write(target: Path, data: bytes) -> None:
    """All or nothing: a temporary file beside the target, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a web server must read it
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def key(page_html: bytes, preview: bool, version: Version, base: str) -> str:
    return hashlib.sha256(b"\0".join([page_html, str(preview).encode(), version.text.encode(), base.encode(),
                                       PRINTING.encode()])).hexdigest()[:20]


class Printer:
    """Prints pages of one built site; starts Chromium only if a print is not in the cache."""

    def __init__(self, site: Path, cache: Path, preview: bool, version: Version, site_url: str,
                 log: Callable[[str], None] = print):
        self.site, self.cache, self.preview, self.version, self.log = Path(site), Path(cache), preview, version, log
        # Pages are opened at the site's own address, answered from the built files: the links
        # a PDF keeps are then the site's real ones (and the same in every build).
        self.base = site_url.rstrip("/") + "/"
        self._playwright = self._browser = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._browser:
            self._browser.close()
            self._playwright.stop()

    def _answer(self, route):
        """A request of the page, answered from the built site; anything else is refused."""
        url = route.request.url
        if not url.startswith(self.base):
            return route.abort()
        rel = unquote(urlsplit(url).path)[len(urlsplit(self.base).path):]
        path = self.site / rel
        if rel.endswith("/") or rel == "" or path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return route.fulfill(status=404, body="")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return route.fulfill(status=200, body=path.read_bytes(), content_type=kind)

    def _page(self, lang: Language):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = chromium.launch(self._playwright)
        context = self._browser.new_context(locale=lang.locale.replace("_", "-"))
        context.route("**/*", self._answer)
        return context, context.new_page()

    def render(self, item: Print) -> bytes:
        context, page = self._page(item.lang)
        try:
            url = self.base + item.path
            response = page.goto(url, wait_until="load")
            if response is None or response.status != 200:
                raise RuntimeError(f"{item.name}: {url} answered {response.status if response else 'nothing'}")
            # Paper is light, whatever the reader's screen prefers.
            page.emulate_media(media="print", color_scheme="light")
            page.evaluate("document.fonts.ready.then(() => true)")
            title = page.evaluate("document.querySelector('.md-content h1')?.textContent.trim() || document.title")
            # No ligatures: a commit such as ae86ff3 must read, and copy, letter by letter.
            small = "font-size:7.5pt;width:100%;margin:0 15mm;font-family:sans-serif;font-variant-ligatures:none;"
            header = "<span></span>"
            if self.preview:
                header = (f'<div style="{small}text-align:center;font-weight:700;border:1px solid #000;padding:1mm">'
                          f"{html.escape(item.lang.s('pdf_preview_mark'))}</div>")
            footer = f'<div style="{small}text-align:right;color:#444">{html.escape(item.lang.s("pdf_version", version=self.version.text))}</div>'
            data = page.pdf(format="A4", prefer_css_page_size=True, print_background=False, display_header_footer=True,
                            header_template=header, footer_template=footer, outline=False, tagged=True)
            return _metadata(data, title, item.lang.code, self.version)
        finally:
            context.close()

    def make(self, item: Print) -> Path:
        """downloads/<name>.pdf in the site: from the cache, or printed now."""
        page_file = self.site / item.path / "index.html"
        if not page_file.is_file():
            raise RuntimeError(f"{item.name}: {item.path}index.html is not in the built site")
        cached = self.cache / f"{item.name}.{key(page_file.read_bytes(), self.preview, self.version, self.base)}.pdf"
        if not cached.exists():
            _write(cached, self.render(item))
            for old in self.cache.glob(f"{item.name}.*.pdf"):
                if old != cached:
                    old.unlink()
            self.log(f"printed {DOWNLOADS}/{item.name}.pdf")
        target = self.site / DOWNLOADS / f"{item.name}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        return target


# Printers working at once, each with its own Chromium: printing waits on the browser about half
# the time, so two keep two cores busy.
PRINTERS = max(1, min(2, os.cpu_count() or 1))


def export(project: Project, langs: Languages, site: Path, preview: bool, version: Version, site_url: str,
           log: Callable[[str], None] = print) -> list[Path]:
    """Every PDF of the site into <site>/downloads/, in the order of prints(). Raises
    chromium.NoChromium if a print is due and there is no browser to make it."""
    items = prints(project, langs)

    def work(share: list[Print]) -> list[Path]:
        # A thread of its own has no event loop: Playwright's sync API runs there in any case.
        with Printer(site, project.cache / "pdf", preview, version, site_url, log) as printer:
            return [printer.make(item) for item in share]

    shares = [items[i::PRINTERS] for i in range(PRINTERS)]
    with ThreadPoolExecutor(max_workers=PRINTERS) as pool:
        done = {item.name: path for share, paths in zip(shares, pool.map(work, shares)) for item, path in zip(share, paths)}
    return [done[item.name] for item in items]
