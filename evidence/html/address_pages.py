"""The small pages behind lasting addresses: a quote's id address sends the reader on to where the quote
stands now; a withdrawn quote's address says it was withdrawn and why.

Static HTML without JavaScript (a meta refresh, a canonical link and a visible link), outside the menu,
the sitemap and both search indexes (they carry no `data-pagefind-body`). Rendered from a Jinja template
with autoescape, so the reason from `data/withdrawn.yml` is text, never markup.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

_TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                                autoescape=True, keep_trailing_newline=True)


def forwarding_page(title: str, target: str) -> str:
    """`target` is relative to the page, so the site works under any base URL."""
    return _TEMPLATES.get_template("quote_address.html").render(title=title, target=target)


def withdrawn_page(quote_id: str, reason: str, date: str, overview: str) -> str:
    return _TEMPLATES.get_template("quote_address.html").render(
        title=f"Citatet {quote_id} er trukket tilbage", reason=reason, date=date, overview=overview)
