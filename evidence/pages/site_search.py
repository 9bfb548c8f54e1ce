"""The site search page: a form whose results come from the Pagefind site index."""

from __future__ import annotations

from evidence.html.templates import render
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
    return render("site_search.html", root=root, themes_href=f"{root}{THEMES}",
                  index=f"{root}{SITE_INDEX_DIR}/", quotes=f"{root}{INDEX_DIR}/")
