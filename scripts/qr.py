"""QR codes for printed pages, made at build time (segno, pure Python): no image files, no requests.

    [[qr:help]]   a QR code for the help page in the page's language, as inline SVG, with the
                  address printed under it (paper has no links to click)

scripts/hooks.py registers the short code and hands over the site's address from mkdocs.yml
(`site_url`, which SITE_URL overrides), so the codes always point where the site is published:

    shortcodes.register("qr", qr.qr_shortcode)      # at import
    qr.set_site_url(config.site_url)                 # in on_config
"""
from __future__ import annotations

import html

import segno

# Short-code target -> path under a language root. Add a target here to offer a new [[qr:...]].
TARGETS = {"help": "help/"}
# Where each language lives under site_url (Korean is the default, at the root).
LANGUAGE_ROOTS = {"ko": "", "en": "en/", "id": "id/"}
# Medium error correction: survives a smudge or a fold, and keeps the symbol small (version 3 or 4
# for a help-page address).
ERROR = "m"
# Read by a phone's screen reader on the page; on paper the address printed under the code says it.
LABELS = {"ko": "도움받기 페이지로 가는 QR 코드", "en": "QR code for the help page", "id": "Kode QR ke halaman bantuan"}

_site_url: str | None = None


def set_site_url(url: str | None) -> None:
    """The site's public address (mkdocs.yml `site_url`); hooks.on_config calls this."""
    global _site_url
    _site_url = url


def site_url() -> str:
    if not _site_url:
        raise RuntimeError(
            "[[qr:...]] needs the site's address: set site_url in mkdocs.yml (or SITE_URL), and "
            "make sure scripts/hooks.py calls qr.set_site_url(config.site_url) in on_config"
        )
    return _site_url if _site_url.endswith("/") else _site_url + "/"


def target_url(target: str, locale: str) -> str:
    """Absolute address a [[qr:target]] code points to, e.g. https://…/en/help/. KeyError if unknown."""
    if target not in TARGETS:
        raise KeyError(f"unknown QR target {target!r}; use one of: {', '.join(sorted(TARGETS))}")
    if locale not in LANGUAGE_ROOTS:
        raise KeyError(f"unknown language {locale!r}")
    return site_url() + LANGUAGE_ROOTS[locale] + TARGETS[target]


def make(url: str) -> segno.QRCode:
    """The QR symbol for url (same input, same symbol)."""
    return segno.make(url, error=ERROR, micro=False, boost_error=False)


def svg(url: str, label: str) -> str:
    """Inline SVG for url: one path, black on white, sized by CSS (viewBox only, 4-module quiet zone)."""
    markup = make(url).svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff",
                                  svgclass="nyf-qr__code", lineclass=None)
    # A text alternative for screen readers; the symbol itself carries no other text.
    return markup.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)


def _breakable(url: str) -> str:
    """The address as HTML that may wrap after "/" and "." only (<wbr>), so it never splits a word."""
    scheme, sep, rest = url.partition("://")
    rest = html.escape(rest).replace("/", "/<wbr>").replace(".", ".<wbr>")
    return html.escape(scheme) + sep + (rest[: -len("<wbr>")] if rest.endswith("<wbr>") else rest)


def qr_shortcode(target: str, locale: str) -> str:
    """Markdown (a raw HTML block) for [[qr:target]]: the code, and the address printed under it."""
    url = target_url(target, locale)
    return (
        '\n<figure class="nyf-qr">\n'
        f"{svg(url, LABELS.get(locale, LABELS['en']))}\n"
        f'<figcaption class="nyf-qr__url">{_breakable(url)}</figcaption>\n'
        "</figure>\n"
    )
