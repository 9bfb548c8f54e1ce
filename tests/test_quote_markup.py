"""A search engine can cite a quote as the site asks: the page that holds a quote carries schema.org Quotation
markup with the text verbatim, the publication's attribution (a role, never a person's name), the publication
it is part of with its citation, and the quote's lasting id address."""

from __future__ import annotations

import json
import re

from pyld import jsonld

from evidence.model import quotes
from evidence.model.anonymity_pending import as_published
from evidence.urls import permalink
from tests.conftest import page
from tests.test_data_package import SCHEMA, _schema_org_context


def markup_of(site, url: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page(site, url), re.S)
    assert len(found) == 1, url
    jsonld.set_document_loader(_schema_org_context)
    return jsonld.expand(json.loads(found[0]))


def value(node: dict, name: str) -> str:
    return node[SCHEMA + name][0]["@value"]


def test_every_quote_is_marked_up_on_the_page_that_holds_it(fixture_site, fixture_dataset):
    """As the page shows each quote: words left out while the anonymity review waits are not in the markup."""
    fixture_dataset = as_published(fixture_dataset)
    pages: dict[str, list[dict]] = {}
    for item in fixture_dataset.quotes.values():
        pages.setdefault(quotes.canonical_page(item, fixture_dataset), []).append(item)
    assert len(pages) > 1
    for url, items in pages.items():
        graph = markup_of(fixture_site, url)
        by_address = {node["@id"]: node for node in graph if node["@type"] == [SCHEMA + "Quotation"]}
        works = {node["@id"]: node for node in graph if node["@type"] == [SCHEMA + "CreativeWork"]}
        assert len(by_address) == len(items) and len(works) == len({item["publication"] for item in items}), url
        for item in items:
            address = next(a for a in by_address if a.endswith(f"/{permalink(item)}"))
            assert (fixture_site / permalink(item) / "index.html").is_file()  # the id address leads on to the quote
            node = by_address[address]
            assert value(node, "text") == item["text"]
            assert node[SCHEMA + "url"][0]["@id" if "@id" in node[SCHEMA + "url"][0] else "@value"] == address
            assert value(node, "citation") == quotes.citation_text(fixture_dataset, item)
            [creator] = node[SCHEMA + "creator"]
            assert value(creator, "description") == quotes.attribution(item)
            assert SCHEMA + "name" not in creator  # a role as the publication gives it, never a person's name
            [part_of] = node[SCHEMA + "isPartOf"]
            work = works[part_of["@id"]]
            publication = fixture_dataset.publications[item["publication"]]
            assert value(work, "citation") == publication["citation"] and value(work, "name") == publication["title"]
            assert {value(p, "name") for p in work[SCHEMA + "publisher"]} == set(publication["publishers"])

