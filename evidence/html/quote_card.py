"""The quote card's data: one card (templates/quote_card.html) for the pages, the finder's first hits and the
hits its JavaScript draws from a `<template>` rendered from the same file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class QuoteCard:
    """What a card shows. The optional fields are what a place adds: a page's card has its anchor, place in
    the source, themes and related texts; a finder hit links its title to the quote."""

    title: str
    paragraphs: list[str]
    attribution: str
    permalink: str
    id: str
    copy: str
    level: int = 2
    title_href: str = ""
    anchor_id: str = ""
    aria_label: str = ""
    search_ignore: bool = False
    first_words: str = ""
    lead_in: str = ""
    note: str = ""
    place: str = ""
    citation: str = ""
    themes: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def copy_text(text: str, attribution: str, citation: str) -> str:
    """What »Kopiér citat« copies: the quote on one line, who said it and the full citation (quote-finder.js
    makes the same for the hits it draws)."""
    return f"»{text.replace(chr(10) * 2, ' ')}« – {attribution}. Kilde: {citation}"


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")
