"""Quotes that have left a collection page a published address points into (a new page size, a withdrawal):
the page keeps their anchors, each a link to the quote's id address, so an old link lands on a link to it."""

from __future__ import annotations

from evidence.load.dataset_types import Dataset
from evidence.model.quotes import quote_location
from evidence.urls import QUOTES, quote_address


def moved_target(dataset: Dataset, address: str) -> str | None:
    """The page in docs/ at the quote's id address, if a recorded collection-page anchor's quote has moved
    from that page or been withdrawn (the address leads on to where it is now, or says why it was
    withdrawn); None when the anchor is no quote's or the quote is still there."""
    page, _, anchor = address.partition("#")
    if not page.startswith(QUOTES):
        return None
    item = dataset.quotes.get(anchor)
    if item is not None and quote_location(item, dataset) != address:
        return quote_address(item["publication"], anchor) + "index.html"
    if anchor in dataset.withdrawn:
        return quote_address(dataset.withdrawn[anchor]["publication"], anchor) + "index.html"
    return None


def moved_from(dataset: Dataset, page: str) -> list[tuple[str, str]]:
    """(anchor, id address) of every recorded anchor on `page` whose quote is no longer there."""
    found = []
    for address in dataset.published:
        if address.startswith(page + "#") and (target := moved_target(dataset, address)):
            found.append((address.partition("#")[2], target))
    return found
