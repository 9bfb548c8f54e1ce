"""The quote finder page: a search form whose facets come from the data."""

from __future__ import annotations

from evidence.html.blocks import esc
from evidence.load.dataset_types import Dataset
from evidence.model.finder import FACETS, facet_values, records
from evidence.pages.markdown import front_matter, macro
from evidence.pages.page import Page
from evidence.urls import FINDER, INDEX_DIR, QUOTES, THEMES, index_page

# Quotes shown per page of results; the first page is in the HTML, so the finder shows quotes
# before (and without) its search index, which loads only when the reader starts to search.
PAGE = 10


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
    fieldsets = []
    for key, values in facet_values(dataset).items():
        if not values:
            continue
        boxes = "".join(
            f'<li><input type="checkbox" id="f-{key}-{slug}" name="{key}" value="{esc(slug)}" '
            f'data-label="{esc(label)}"><label for="f-{key}-{slug}">{esc(label)} '
            f'<span class="ev-facet__count" data-count-for="{esc(label)}">({count})</span></label></li>'
            for slug, label, count in values
        )
        # Folded: the quotes come first, and a facet's counts for a search load only once it is opened.
        fieldsets.append(
            f'<details class="ev-facet" data-facet="{key}"><summary>{esc(FACETS[key])}</summary>'
            f'<fieldset><legend class="ev-visually-hidden">{esc(FACETS[key])}</legend><ul>{boxes}</ul></fieldset>'
            "</details>"
        )
    return (
        f'<div class="ev-finder" id="ev-finder" data-root="{root}" data-index="{root}{INDEX_DIR}/" '
        f'data-page="{PAGE}" data-total="{len(every)}" data-state="static">'
        f'{no_script_notice(root, min(PAGE, len(every)))}'
        '<form class="ev-finder__form ev-needs-js" role="search" aria-label="Find citater">'
        '<label class="ev-finder__label" for="ev-finder-q">Søg i citater og fortællinger</label>'
        '<input class="ev-finder__input" id="ev-finder-q" name="q" type="search" autocomplete="off" '
        'placeholder="fx sagstal, sygemelding, ledelse">'
        f'<div class="ev-facets">{"".join(fieldsets)}</div>'
        '<button type="reset" class="md-button ev-finder__reset">Nulstil søgningen</button>'
        "</form>"
        f'<p class="ev-finder__count ev-needs-js" id="ev-finder-count" role="status" aria-live="polite">'
        f'{esc(opening_count(len(every)))}</p>'
        f'<ol class="ev-finder__results" id="ev-finder-results">{"".join(hit_html(r, root) for r in every[:PAGE])}</ol>'
        '<button type="button" class="md-button ev-needs-js" id="ev-finder-more" hidden>Vis flere</button>'
        "</div>"
    )


def no_script_notice(root: str, shown: int) -> str:
    """Without JavaScript the form cannot search (the theme `ev-needs-js` hides it, overrides/main.html): say so
    first, and point to the pages that list every quote by theme and by source."""
    return (
        '<noscript><p class="ev-finder__nojs"><strong>Søgningen kræver JavaScript</strong>, som er slået fra i din '
        f'browser. Du kan i stedet læse citaterne efter emne under <a href="{root}{THEMES}">Temaer</a> eller alle '
        f'sammen under <a href="{root}{QUOTES}">Citater og fortællinger</a>. Her er de {shown} nyeste.</p></noscript>'
    )


def opening_count(total: int) -> str:
    return f"{total} citater i alt – de nyeste kilder først. Søg, eller afgræns med felterne ovenfor."


def hit_html(record: dict, root: str) -> str:
    """One finder hit, exactly as quote-finder.js draws the hits of a search from the same record."""
    meta = record["meta"]
    link = root + record["url"]
    text = record["content"]
    lead = f'<p class="ev-quote__lead">{esc(meta["lead_in"])}</p>' if meta["lead_in"] else ""
    paragraphs = "".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n"))
    copy = f"»{text.replace(chr(10) * 2, ' ')}« – {meta['attribution']}. Kilde: {meta['citation']}"
    return (
        f'<li class="ev-hit"><article class="ev-quote"><h2 class="ev-quote__title"><a href="{link}">'
        f'{esc(meta["title"])}</a></h2>{lead}<blockquote>{paragraphs}</blockquote>'
        f'<p class="ev-quote__who">– {esc(meta["attribution"])}</p>'
        f'<p class="ev-quote__cite"><span>Kilde:</span> {esc(meta["citation"])}</p>'
        f'<p class="ev-quote__actions"><a class="ev-permalink" href="{link}">Fast link: {esc(meta["id"])}</a>'
        f'<button class="ev-copy md-button" type="button" hidden data-copy="{esc(copy)}" data-permalink="{link}">'
        'Kopiér citat</button><span class="ev-copy__status" role="status" aria-live="polite"></span></p>'
        "</article></li>"
    )
