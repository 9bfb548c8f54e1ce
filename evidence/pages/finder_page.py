"""The quote finder page: a search form whose facets come from the data (templates/finder.html)."""

from __future__ import annotations

from evidence.html.quote_card import QuoteCard, copy_text, paragraphs
from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.finder import FACETS, facet_values, records
from evidence.pages.markdown import front_matter, macro
from evidence.pages.page import Page
from evidence.urls import FINDER, INDEX_DIR, QUOTES, THEMES, index_page

# Quotes shown per page of results; the first page is in the HTML, so the finder shows quotes
# before (and without) its search index, which loads only when the reader starts to search.
PAGE = 10

# The hit quote-finder.js fills in: each {name} is where it puts that part of a search hit.
SLOTS = QuoteCard(title="{title}", paragraphs=["{paragraphs}"], attribution="{attribution}", permalink="{permalink}",
                  id="{id}", copy="{copy}", title_href="{permalink}", lead_in="{lead_in}", citation="{citation}")


def finder_page(dataset: Dataset) -> Page:
    lines = [
        front_matter(title="Find citater", description="Søg i alle citater og fortællinger – efter tema, kilde, "
                                                       "type, alder, anciennitet og arbejdsområde."),
        "# Find citater\n",
        "Søg efter ord i citaterne, eller afgræns efter tema, kilde og den, der taler. Søgningen forstår "
        "bøjninger, så »sagsbehandler« også finder »sagsbehandlere«, og adressen i browseren gemmer din "
        "søgning, så du kan dele den.\n",
        macro("quote_finder") + "\n",
    ]
    return Page(index_page(FINDER), "\n".join(lines), "Find citater")


def finder_form(dataset: Dataset, root: str) -> str:
    every = sorted(records(dataset), key=lambda r: r["sort"]["order"])
    facets = [{"key": key, "name": FACETS[key],
               "values": [{"slug": slug, "label": label, "count": count} for slug, label, count in values]}
              for key, values in facet_values(dataset).items() if values]
    return render("finder.html", root=root, themes_href=f"{root}{THEMES}", quotes_href=f"{root}{QUOTES}",
                  index=f"{root}{INDEX_DIR}/", page=PAGE, total=len(every),
                  shown=min(PAGE, len(every)), facets=facets, count=opening_count(len(every)),
                  hits=[hit_card(r, root) for r in every[:PAGE]], slots=SLOTS)


def opening_count(total: int) -> str:
    return f"{total} citater i alt – de nyeste kilder først. Søg, eller afgræns med felterne ovenfor."


def hit_card(record: dict, root: str) -> QuoteCard:
    """One finder hit, as quote-finder.js fills SLOTS from the same record in the search index."""
    meta = record["meta"]
    link = root + record["url"]
    return QuoteCard(title=meta["title"], paragraphs=paragraphs(record["content"]), attribution=meta["attribution"],
                     permalink=link, id=meta["id"], copy=copy_text(record["content"], meta["attribution"],
                                                                   meta["citation"]),
                     title_href=link, lead_in=meta["lead_in"], citation=meta["citation"])
