"""The Atom feed of what is new on the site: each publication as the site added it, with its survey wave
and its quotes, dated by the publication's `added` day in data/ so the same data give the same feed."""

from __future__ import annotations

from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.wording import number_word
from evidence.urls import QUOTES, SURVEY

FEED_PATH = "feed.xml"


def feed_entries(dataset: Dataset) -> list[dict]:
    """Newest first; within a day in the order of data/publications.yml."""
    entries = []
    for publication_id, publication in dataset.publications.items():
        waves = [wave_id for wave_id, wave in dataset.waves.items() if wave.meta["publication"] == publication_id]
        quotes = sum(1 for item in dataset.quotes.values() if item["publication"] == publication_id)
        parts = [f"tallene fra undersøgelsen {wave_id} ({number_word(len(dataset.waves[wave_id].questions))} "
                 "spørgsmål)" for wave_id in waves]
        parts += [f"{number_word(quotes)} citater og fortællinger"] if quotes else []
        entries.append({
            "title": f"Ny publikation: {publication['title']}",
            "id": f"{FEED_PATH}#{publication_id}",
            "link": f"{SURVEY}{waves[0]}/" if waves else QUOTES,
            "day": publication["added"],
            "summary": f"{publication['citation']} På sitet: {' og '.join(parts) or 'kildehenvisningen'}.",
        })
    return sorted(entries, key=lambda entry: entry["day"], reverse=True)


def feed_xml(dataset: Dataset, site_url: str, site_name: str) -> str:
    """Absolute addresses, as feed readers need them: the feed is read away from the site."""
    entries = feed_entries(dataset)
    return render(
        "documents/feed.xml",
        title=site_name, subtitle="Nye publikationer, undersøgelser og citater på sitet.", site_url=site_url,
        path=FEED_PATH, updated=max(e["day"] for e in entries), entries=entries,
        author=site_name)
