"""The quote finder page: a search form whose facets come from the data."""

from __future__ import annotations

from evidence.blocks import esc
from evidence.dataset import Dataset
from evidence.finder import FACETS, INDEX_DIR, facet_values
from evidence.markdown import front_matter, macro
from evidence.page import Page

OPEN_FACETS = {"tema", "kilde"}


def finder_page(dataset: Dataset) -> Page:
    lines = [
        front_matter(title="Find citater", description="Søg i alle citater og fortællinger – efter tema, kilde, "
                                                       "type, alder, anciennitet og arbejdsområde."),
        "# Find citater\n",
        "Søg efter ord i citaterne, eller afgræns efter tema, kilde og den, der taler. Søgningen forstår "
        "bøjninger, så »sagsbehandler« også finder »sagsbehandlere«. Adressen i browseren gemmer din søgning, "
        "så du kan dele den. Hvert fund har kilde, permanent link og en knap, der kopierer citatet med "
        "kildehenvisning.\n",
        macro("quote_finder") + "\n",
    ]
    return Page("find-citater/index.md", "\n".join(lines), "Find citater")


def finder_form(dataset: Dataset, root: str) -> str:
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
        opened = " open" if key in OPEN_FACETS else ""
        fieldsets.append(
            f'<details class="ev-facet"{opened}><summary>{esc(FACETS[key])}</summary>'
            f'<fieldset><legend class="ev-visually-hidden">{esc(FACETS[key])}</legend><ul>{boxes}</ul></fieldset>'
            "</details>"
        )
    return (
        f'<div class="ev-finder" id="ev-finder" data-root="{root}" data-index="{root}{INDEX_DIR}/">'
        '<form class="ev-finder__form" role="search" aria-label="Find citater">'
        '<label class="ev-finder__label" for="ev-finder-q">Søg i citater og fortællinger</label>'
        '<input class="ev-finder__input" id="ev-finder-q" name="q" type="search" autocomplete="off" '
        'placeholder="fx sagstal, sygemelding, ledelse">'
        f'<div class="ev-facets">{"".join(fieldsets)}</div>'
        '<button type="reset" class="md-button ev-finder__reset">Nulstil søgningen</button>'
        "</form>"
        '<p class="ev-finder__count" id="ev-finder-count" role="status" aria-live="polite"></p>'
        '<ol class="ev-finder__results" id="ev-finder-results"></ol>'
        '<button type="button" class="md-button" id="ev-finder-more" hidden>Vis flere</button>'
        f'<noscript><p>Citatsøgningen kræver JavaScript. Alle citater kan læses under '
        f'<a href="{root}citater/">Citater og fortællinger</a>.</p></noscript>'
        "</div>"
    )
