"""The built site on a local web server, as a static host serves it: files as they are, the
site's own 404.html for anything missing, and, if asked, the host's caching (fingerprinted files
kept for a year, everything else revalidated) and a record of what it sent. The browser tests,
the dev checks and `make bench` use it. (Printing answers its pages itself, at the site's real
address: see pdf.Printer.)"""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import threading
from pathlib import Path
from typing import Iterator


class _Handler(http.server.SimpleHTTPRequestHandler):
    cache_fingerprinted: re.Pattern | None = None
    sent: list | None = None  # (path, status, bytes as gzip would send them)

    def log_message(self, *args):  # keep output readable
        pass

    def end_headers(self):
        if self.cache_fingerprinted is not None:
            forever = self.cache_fingerprinted.search(self.path.split("?")[0])
            self.send_header("Cache-Control", "public, max-age=31536000, immutable" if forever else "no-cache")
        super().end_headers()

    def copyfile(self, source, outputfile):
        if self.sent is None:
            return super().copyfile(source, outputfile)
        body = source.read()
        self.sent.append((self.path, 200, len(gzip.compress(body, compresslevel=6))))
        outputfile.write(body)

    def send_response(self, code, message=None):
        if self.sent is not None and code == 304:
            self.sent.append((self.path, 304, 0))
        super().send_response(code, message)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def start(directory: Path, *, cache_fingerprinted: re.Pattern | None = None,
          sent: list | None = None) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"cache_fingerprinted": cache_fingerprinted, "sent": sent})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextlib.contextmanager
def serving(directory: Path, **options) -> Iterator[str]:
    """The site's address (http://127.0.0.1:port) while the block runs."""
    server = start(directory, **options)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
