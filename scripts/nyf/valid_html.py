"""What Material's templates write that the HTML standard does not allow, taken out of every page.

Material writes `tabindex=""` on the labels of navigation sections (its nav-item partial sets the
value only for some), and `autocomplete="off"` on the two checkboxes that open the drawer and
the search (in base.html, outside any block). Overriding those templates would mean keeping
copies of whole files that Material rewrites at each release; these exact strings are smaller to
keep. The Nu Html Checker test (tests/test_html_valid.py) finds anything new.

On a page outside the menu (the routes of "Where do I start?", the kit's pieces) Material's table
of contents keeps its label for the `__toc` checkbox that only the menu writes: the label
loses its `for` there, as it has nothing to toggle.

The checkboxes carried `autocomplete="off"` so that Firefox would not reopen the drawer or the
search when a reader comes back to a page; a one-line script in overrides/main.html resets
them instead."""
from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r' tabindex=""')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def tidy(html: str) -> str:
    html = EMPTY_TABINDEX.sub("", html)
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
