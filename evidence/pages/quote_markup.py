"""schema.org Quotation markup for the pages that hold the quotes, so a search engine that shows a quote can
show it as the site asks it to be cited: the text verbatim, said by whom the publication says (a role, never
a person's name – the publications print none), part of the publication with its citation, at the quote's
lasting address (its id address, which leads to wherever its collection pages it now)."""

from __future__ import annotations

from evidence.load.dataset_types import Dataset
from evidence.model import quotes
from evidence.urls import page_address, permalink


def quotation_markup(dataset: Dataset, page_paths: list[str], site_url: str) -> dict[str, dict]:
    """By page (its path under docs/): the JSON-LD of the quotes it holds, in the order it shows them, and
    once each publication they are part of (a quote names it by its node id, so a page of many quotes does
    not repeat the citation with every one)."""
    path_of = {page_address(path): path for path in page_paths if path.endswith(".md")}
    pages: dict[str, list[dict]] = {}
    for item in dataset.quotes.values():
        pages.setdefault(path_of[quotes.canonical_page(item, dataset)], []).append(item)
    return {path: {"@context": "https://schema.org/", "@graph": [
        *(publication_work(dataset.publications[p]) for p in dict.fromkeys(item["publication"] for item in items)),
        *(quotation(dataset, item, site_url) for item in items)]} for path, items in pages.items()}


def quotation(dataset: Dataset, item: dict, site_url: str) -> dict:
    address = site_url + permalink(item)
    return {
        "@type": "Quotation",
        "@id": address,
        "url": address,
        "text": item["text"],
        "inLanguage": "da",
        "creator": {"@type": "Person", "description": quotes.attribution(item)},
        "citation": quotes.citation_text(dataset, item),
        "isPartOf": {"@id": _node(item["publication"])},
    }


def publication_work(publication: dict) -> dict:
    """The publication as schema.org knows a report or a booklet: a creative work with its publishers."""
    work = {"@type": "CreativeWork", "@id": _node(publication["id"]), "name": publication["title"],
            "citation": publication["citation"], "datePublished": str(publication["year"]),
            "publisher": [{"@type": "Organization", "name": name} for name in publication["publishers"]]}
    return work | ({"url": publication["url"]} if publication.get("url") else {})


def _node(publication_id: str) -> str:
    """A publication's node within the page's markup: it has no address of its own on the site."""
    return f"_:{publication_id}"
