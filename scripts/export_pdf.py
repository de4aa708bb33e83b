"""Print the school guides to PDF: every guide in every language, from the built site.

    python scripts/export_pdf.py [--site DIR]     (`make pdf` builds the site first)

It builds nothing itself. It serves the built site (default: site/) on 127.0.0.1, opens each guide
page in headless Chromium (the system's, see scripts/chromium.py) as a printer would see it, and
writes <site>/downloads/<guide>-<lang>.pdf, e.g. site/downloads/students-ko.pdf. Each guide page
links to its PDF. Chromium embeds the fonts it prints with (Noto CJK for Hangul), so the files
print the same on any printer.

Exits non-zero, naming the guide and language, if a guide page is missing or cannot be printed;
each PDF is written to a temporary file first and renamed, so a failed run leaves no half file.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import io
import os
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import chromium  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ("students", "teachers", "parents")
LANGS = ("ko", "en", "id")
LANG_PREFIX = {"ko": "", "en": "en/", "id": "id/"}
DOWNLOADS = "downloads"


def guide_path(guide: str, lang: str) -> str:
    """URL path of a guide page, e.g. 'en/schools/students/'."""
    return f"{LANG_PREFIX[lang]}schools/{guide}/"


def pdf_name(guide: str, lang: str) -> str:
    return f"{guide}-{lang}.pdf"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _set_title(data: bytes, title: str, lang: str) -> bytes:
    """PDF metadata: the guide's own title and language (Chromium would write the tab title)."""
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import NameObject, TextStringObject
    except ImportError:  # pypdf comes with the test requirements; without it, Chromium's title stays
        return data
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": title})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private (0600); a web server must be able to read it.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(site: Path, guides=GUIDES, langs=LANGS, log=print) -> list[Path]:
    """Print every guide in every language to <site>/downloads/. Returns the files written.

    Raises SystemExit with a message naming the guide and language if a page is missing.
    """
    site = Path(site).resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"export_pdf: no built site in {site} (run `make build` first, or pass --site DIR)")
    missing = [(g, lang) for g in guides for lang in langs if not (site / guide_path(g, lang) / "index.html").is_file()]
    if missing:
        raise SystemExit("export_pdf: guide pages missing from the built site: " + ", ".join(
            f"{g} ({lang}): {guide_path(g, lang)}index.html" for g, lang in missing))

    path = chromium.find()
    if not path:
        raise SystemExit("export_pdf: no Chromium found; install `chromium` (Debian) or set CHROMIUM=/path/to/chrome")

    from playwright.sync_api import sync_playwright

    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written: list[Path] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=path, args=chromium.LAUNCH_ARGS)
            try:
                for lang in langs:
                    context = browser.new_context(locale={"ko": "ko-KR", "en": "en-GB", "id": "id-ID"}[lang])
                    page = context.new_page()
                    for guide in guides:
                        url = base + guide_path(guide, lang)
                        response = page.goto(url, wait_until="networkidle")
                        if response is None or response.status != 200:
                            status = response.status if response else "no response"
                            raise SystemExit(f"export_pdf: {guide} ({lang}): {url} answered {status}")
                        # Paper is light, whatever the reader's screen prefers.
                        page.emulate_media(media="print", color_scheme="light")
                        page.evaluate("document.fonts.ready.then(() => true)")
                        title = page.evaluate("document.querySelector('.md-content h1')?.textContent.trim() || document.title")
                        data = page.pdf(format="A4", prefer_css_page_size=True, print_background=False,
                                        display_header_footer=False, outline=False, tagged=True)
                        target = site / DOWNLOADS / pdf_name(guide, lang)
                        _write_atomic(target, _set_title(data, title, lang))
                        written.append(target)
                        log(f"{target.relative_to(site)}  ({title})")
                    context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    args = parser.parse_args(argv)
    export(args.site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
