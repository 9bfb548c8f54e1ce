"""The small pages behind lasting addresses: a quote's id address sends the reader on to where the quote
stands now; a withdrawn quote's address says it was withdrawn and why.

Static HTML without JavaScript (a meta refresh, a canonical link and a visible link), outside the menu,
the sitemap and both search indexes (they carry no `data-pagefind-body`). Rendered from a Jinja template
with autoescape, so the reason from `data/withdrawn.yml` is text, never markup.
"""

from __future__ import annotations

from evidence.html.templates import render


def forwarding_page(title: str, target: str) -> str:
    """`target` is relative to the page, so the site works under any base URL."""
    return render("documents/quote_address.html", title=title, target=target)


def withdrawn_page(quote_id: str, reason: str, date: str, overview: str) -> str:
    return render(
        "documents/quote_address.html", title=f"Citatet {quote_id} er trukket tilbage", target=None, reason=reason,
        date=date, overview=overview)
