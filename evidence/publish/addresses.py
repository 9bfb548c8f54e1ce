"""Every address the site has published keeps resolving.

`data/published-addresses.txt` records each address the site has ever published: pages, downloads, embeds,
every quote's id address (»Fast link«) and every collection-page anchor a quote has had. A build resolves
each recorded address in the new site: a page or file still there, an anchor still on its page or on its
page's list of moved quotes, a withdrawn quote's page. One that does not resolve stops the build with a
message naming it. New addresses are appended to the record by `make build`; a reviewer reads them in the
pull request.
"""

from __future__ import annotations

from evidence.html.address_pages import forwarding_page, withdrawn_page
from evidence.load.dataset import PUBLISHED_ADDRESSES
from evidence.load.dataset_types import Dataset
from evidence.load.problems import Problem
from evidence.model import quotes
from evidence.pages.moved_quotes import moved_target
from evidence.urls import QUOTES, page_address, quote_address, rel_root


def address_files(dataset: Dataset) -> dict[str, str]:
    """A page at every quote's id address, and at every withdrawn quote's."""
    files = {}
    for item in dataset.quotes.values():
        address = quote_address(item["publication"], item["id"])
        files[address + "index.html"] = forwarding_page(quotes.heading(dataset, item),
                                                        rel_root(address) + quotes.quote_location(item, dataset))
    for quote_id, entry in dataset.withdrawn.items():
        address = quote_address(entry["publication"], quote_id)
        files[address + "index.html"] = withdrawn_page(quote_id, entry["reason"], entry["date"],
                                                       rel_root(address) + QUOTES)
    return files


def current_addresses(dataset: Dataset, outputs: dict[str, str]) -> set[str]:
    """What this build publishes: every page and file, and every quote's place on its collection page."""
    addresses = {page_address(path).removesuffix("index.html") for path in outputs}
    return addresses | {quotes.quote_location(item, dataset) for item in dataset.quotes.values()}


def unresolved(dataset: Dataset, outputs: dict[str, str]) -> list[Problem]:
    """Each recorded address this build would break."""
    now = current_addresses(dataset, outputs)
    problems = [Problem("data/withdrawn.yml", f"citatet {quote_id!r}", "id", "at citatet stadig står i data/quotes/",
                        "et citat, der er taget af sitet", "fjern det fra sin fil, eller slet linjen her")
                for quote_id in dataset.withdrawn if quote_id in dataset.quotes]
    for address in dataset.published:
        page, _, anchor = address.partition("#")
        if address in now or (page in now and anchor and moved_target(dataset, address)):
            continue
        problems.append(Problem(
            PUBLISHED_ADDRESSES, f"adressen {address!r}", "adresse", "at den ikke længere findes på sitet",
            "at en offentliggjort adresse bliver ved med at virke",
            "giv siden eller citatet sin adresse tilbage; et citat, der er taget af sitet, skrives i "
            "data/withdrawn.yml med en begrundelse"))
    return problems


def new_addresses(dataset: Dataset, outputs: dict[str, str]) -> list[str]:
    """This build's addresses the record does not hold yet, sorted, to be appended to it."""
    return sorted(current_addresses(dataset, outputs) - set(dataset.published))
