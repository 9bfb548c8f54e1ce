"""The quote finder's records and facets: one record per quote, with filters a reader can combine.

The index itself is built by Pagefind (evidence.publish.search_index); this module decides what
each record says, so the same facts feed the finder, the downloads and the tests.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from evidence.load.dataset_types import Dataset
from evidence.model import quotes
from evidence.urls import permalink, slug

FACETS = {
    "tema": "Tema",
    "kilde": "Kilde og år",
    "type": "Type",
    "alder": "Alder",
    "anciennitet": "Anciennitet",
    "omraade": "Arbejdsområde",
}


# The facets that describe a person; no value of one, and no combination of them, may select fewer
# speakers than this, or the finder would isolate a person the report kept among others.
PERSON_FACETS = ("alder", "anciennitet")
MIN_SPEAKERS = 5

AGE_BANDS = [(0, 30, "Under 30 år"), (30, 40, "30–39 år"), (40, 50, "40–49 år"), (50, 200, "50 år og derover")]


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    return next(label for low, high, label in AGE_BANDS if low <= age < high)


def filters_of(dataset: Dataset, item: dict) -> dict[str, list[str]]:
    speaker = item.get("speaker", {})
    values = {
        "tema": [dataset.themes[t]["name"] for t in item["themes"]],
        "kilde": [dataset.publications[item["publication"]]["short"]],
        "type": [quotes.KIND_NAMES[item["kind"]]],
        "alder": [age_band(speaker.get("age"))],
        "anciennitet": [f"{speaker['seniority']} i nuværende job"] if speaker.get("seniority") else [],
        "omraade": [dataset.areas[a]["name"] for a in item.get("areas", [])],
    }
    return {key: [v for v in vals if v] for key, vals in values.items() if any(vals)}


def newest_first(dataset: Dataset, item: dict) -> str:
    """A text key that sorts the newest publication first (Pagefind compares sort keys as text)."""
    return f"{9999 - dataset.publications[item['publication']]['year']:04d}-{item['id']}"


def records(dataset: Dataset) -> list[dict]:
    """Every quote as a finder record; URLs are relative to the site root."""
    result = []
    for item in dataset.quotes.values():
        result.append({
            "url": permalink(item),
            "content": item["text"],
            "language": "da",
            "meta": {
                "title": quotes.heading(dataset, item),
                "first": quotes.first_words(item),
                "collection": quotes.collection_title(dataset, item["publication"], quotes.collection_of(dataset, item)),
                "id": item["id"],
                "lead_in": item.get("lead_in", ""),
                "attribution": quotes.attribution(item),
                "citation": quotes.citation_text(dataset, item),
            },
            "filters": filters_of(dataset, item),
            "sort": {"order": newest_first(dataset, item)},
        })
    return without_small_groups(dataset, result)


def speaker_of(dataset: Dataset, record: dict) -> str:
    """Who said a quote, as far as the finder can tell them apart: an interviewee by the attribution the
    report printed (role, age, seniority); a testimony's writer is unknown, so each text counts as one."""
    item = dataset.quotes[record["meta"]["id"]]
    return quotes.attribution(item) if item.get("speaker") else item["id"]


def selections(filters: dict[str, list[str]]) -> Iterator[tuple[tuple[str, str], ...]]:
    """Every selection a reader can tick that holds this record and names a person facet: one value of each
    of some facets (the finder joins facets with »and«; ticking more values of one facet only widens it)."""
    choices = [[None, *((key, value) for value in values)] for key, values in sorted(filters.items())]
    for chosen in itertools.product(*choices):
        picked = tuple(choice for choice in chosen if choice)
        if any(key in PERSON_FACETS for key, _ in picked):
            yield picked


def small_groups(dataset: Dataset, result: list[dict]) -> list[tuple[str, str]]:
    """Person-facet values that alone or together with values of any other facets select fewer than
    MIN_SPEAKERS speakers, as (facet, value), the smallest selection first."""
    speakers: dict[tuple, set[str]] = {}
    for record in result:
        who = speaker_of(dataset, record)
        for selection in selections(record["filters"]):
            speakers.setdefault(selection, set()).add(who)
    small = sorted((len(people), selection) for selection, people in speakers.items() if len(people) < MIN_SPEAKERS)
    return [next(choice for choice in selection if choice[0] in PERSON_FACETS) for _, selection in small]


def without_small_groups(dataset: Dataset, result: list[dict]) -> list[dict]:
    """Hide a person-facet value from the finder while it selects, alone or combined with any facet, fewer than
    MIN_SPEAKERS speakers: the quotes stay findable by text and theme, only the filter value is gone."""
    while small := small_groups(dataset, result):
        key, value = small[0]
        for record in result:
            if value in record["filters"].get(key, []):
                record["filters"][key] = [v for v in record["filters"][key] if v != value]
                if not record["filters"][key]:
                    del record["filters"][key]
    return result


def facet_values(dataset: Dataset) -> dict[str, list[tuple[str, str, int]]]:
    """Per facet: (slug, label, count) in a stable order, for the form and the URL."""
    counts: dict[str, dict[str, int]] = {key: {} for key in FACETS}
    for record in records(dataset):
        for key, values in record["filters"].items():
            for value in values:
                counts[key][value] = counts[key].get(value, 0) + 1
    order = {
        "tema": [t["name"] for t in dataset.themes.values()],
        "omraade": [a["name"] for a in dataset.areas.values()],
        "alder": [label for *_, label in AGE_BANDS],
        "type": list(quotes.KIND_NAMES.values()),
    }
    slugs = {t["name"]: tid for tid, t in dataset.themes.items()} | {a["name"]: aid for aid, a in dataset.areas.items()}
    result = {}
    for key, values in counts.items():
        ranked = order.get(key)
        labels = sorted(values, key=lambda v: (ranked.index(v) if ranked and v in ranked else 99, v))
        result[key] = [(slugs.get(label, slug(label)), label, values[label]) for label in labels]
    return result
