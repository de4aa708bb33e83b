"""The Content-Security-Policy of every page, and the headers file for static hosts.

The site promises a reader that nothing loads from any other website. The policy makes the
browser keep that promise even if a contributor pastes an embed or an image from elsewhere:
scripts, styles, images, fonts, workers and connections come from the site itself only. Material's
few inline scripts are allowed by their SHA-256 hashes, computed from each page as it is written;
nothing else inline may run.

Each page carries the policy in a <meta> element (GitHub Pages cannot send headers); hosts that
read _headers (Netlify, Cloudflare Pages) also send it as a header, with what only a header can
do (frame-ancestors) and the other security headers.
"""
from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
# Data blocks such as Material's <script id="__config" type="application/json"> are never run.
EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")

PERMISSIONS = ("accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "geolocation",
               "gyroscope", "hid", "interest-cohort", "magnetometer", "microphone", "midi", "payment",
               "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking")


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-...' for every inline script the browser would run, in page order."""
    out = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]*)""", attrs, re.I)
        if kind and kind.group(1).lower() not in EXECUTABLE_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in out:
            out.append(f"'sha256-{digest}'")
    return out


def policy(script_hashes: list[str], header: bool = False) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes) if script_hashes else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'none'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")  # ignored in a <meta>; a header only
    return "; ".join(d.strip() for d in directives)


def add_meta(html: str) -> str:
    """html with its policy as the first element of <head>, before any script can run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    head = re.search(r"<head[^>]*>", html, re.I)
    if not head:
        raise ValueError("the page has no <head>")
    charset = re.compile(r"\s*<meta charset=[^>]*>", re.I)
    after = charset.match(html, head.end())
    at = after.end() if after else head.end()
    return html[:at] + meta + html[at:]


def headers_file(script_hashes: list[str], long_lived: list[str]) -> str:
    """_headers (Netlify, Cloudflare Pages): the policy and security headers for every path, and a
    year of caching for files whose names carry a fingerprint of their content."""
    lines = [
        "# Made by `make build` (scripts/nyf/csp.py); read by Netlify and Cloudflare Pages.",
        "# HTML keeps the host's default caching, which revalidates on every visit",
        "# (public, max-age=0, must-revalidate on both hosts).",
        "/*",
        f"  Content-Security-Policy: {policy(script_hashes, header=True)}",
        "  Referrer-Policy: no-referrer",
        "  X-Content-Type-Options: nosniff",
        "  X-Frame-Options: DENY",
        "  Cross-Origin-Opener-Policy: same-origin",
        "  Permissions-Policy: " + ", ".join(f"{name}=()" for name in PERMISSIONS),
        "",
    ]
    for pattern in long_lived:
        lines += [pattern, "  Cache-Control: public, max-age=31536000, immutable", ""]
    return "\n".join(lines)
