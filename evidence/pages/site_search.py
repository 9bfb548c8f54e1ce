"""The site search page: a form whose results come from the Pagefind site index."""

from __future__ import annotations

from evidence.pages.markdown import front_matter, macro
from evidence.pages.page import Page
from evidence.urls import FINDER, INDEX_DIR, SEARCH, SITE_INDEX_DIR, THEMES, index_page


def search_page() -> Page:
    lines = [
        front_matter(title="Søg", description="Søg i alle sider, tal, indsigter og fortællinger på sitet."),
        "# Søg på sitet\n",
        "Søgningen forstår bøjninger: »sygemeldinger« finder også »sygemeldt«. Et fund i en fortælling fører "
        "direkte til fortællingen. Vil du afgrænse efter tema, kilde eller type, så brug "
        f"[Find citater](../{index_page(FINDER)}).\n",
        macro("site_search") + "\n",
    ]
    return Page(index_page(SEARCH), "\n".join(lines), "Søg")


def search_form(root: str) -> str:
    return (
        f'<div class="ev-search" id="ev-search" data-root="{root}" data-index="{root}{SITE_INDEX_DIR}/" '
        f'data-quotes="{root}{INDEX_DIR}/">'
        '<noscript><p class="ev-finder__nojs"><strong>Søgningen kræver JavaScript</strong>, som er slået fra i din '
        f'browser. Brug menuen, eller læs citaterne efter emne under <a href="{root}{THEMES}">Temaer</a>.</p></noscript>'
        '<form class="ev-finder__form ev-needs-js" role="search" aria-label="Søg på sitet">'
        '<label class="ev-finder__label" for="ev-search-q">Søgeord</label>'
        '<input class="ev-finder__input" id="ev-search-q" name="q" type="search" autocomplete="off">'
        '<button type="submit" class="md-button md-button--primary ev-search__submit">Søg</button>'
        "</form>"
        '<p class="ev-finder__count ev-search__count" id="ev-search-count" role="status" aria-live="polite"></p>'
        '<ol class="ev-search__results ev-needs-js" id="ev-search-results"></ol>'
        '<button type="button" class="md-button ev-needs-js" id="ev-search-more" hidden>Vis flere</button>'
        "</div>"
    )
