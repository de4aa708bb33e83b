"""What Material's templates write that the HTML standard does not allow, taken out of every page.

Material writes `tabindex=""` on the labels of navigation sections (its nav-item partial sets the
value only for some), and `autocomplete="off"` on the two checkboxes that open the drawer and
the search (in base.html, outside any block). Overriding those templates would mean keeping
copies of whole files that Material rewrites at each release; these exact strings are smaller to
keep. The Nu Html Checker test (tests/test_html_valid.py) finds anything new.

The checkboxes carried `autocomplete="off"` so that Firefox would not reopen the drawer or the
search when a reader comes back to a page; a one-line script in overrides/main.html resets
them instead."""
from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r' tabindex=""')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def tidy(html: str) -> str:
    html = EMPTY_TABINDEX.sub("", html)
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
