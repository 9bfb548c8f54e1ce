"""schema.org Quotation markup for the pages that hold the quotes, so a search engine that shows a quote can
show it as the site asks it to be cited: the text verbatim, said by whom the publication says (a role, never
a person's name – the publications print none), part of the publication with its citation, at the quote's
lasting address (its id address, which leads to wherever its collection pages it now)."""

from __future__ import annotations

from evidence.model import quotes
from evidence.model.dataset import Dataset
from evidence.urls import page_address, permalink


def quotation_markup(dataset: Dataset, page_paths: list[str], site_url: str) -> dict[str, dict]:
    """By page (its path under docs/): the JSON-LD of the quotes it holds, in the order it shows them."""
    path_of = {page_address(path): path for path in page_paths if path.endswith(".md")}
    pages: dict[str, list[dict]] = {}
    for item in dataset.quotes.values():
        pages.setdefault(path_of[quotes.canonical_page(item, dataset)], []).append(quotation(dataset, item, site_url))
    return {path: {"@context": "https://schema.org/", "@graph": items} for path, items in pages.items()}


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
        "isPartOf": publication_work(dataset.publications[item["publication"]]),
    }


def publication_work(publication: dict) -> dict:
    """The publication as schema.org knows a report or a booklet: a creative work with its publishers."""
    work = {"@type": "CreativeWork", "name": publication["title"], "citation": publication["citation"],
            "datePublished": str(publication["year"]),
            "publisher": [{"@type": "Organization", "name": name} for name in publication["publishers"]]}
    return work | ({"url": publication["url"]} if publication.get("url") else {})
