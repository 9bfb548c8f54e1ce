"""The anonymity review: what in the published quotes a person should look at, and what is still undecided.

The machine only points; a person decides. Each flag is a quote and the words found in it (a first name,
a place, a named institution or programme, an age with details of a small group). A reviewer records a
decision in data/anonymity/review.yml (`reviewed:` with a date and a reason); a detail the machine cannot
see (a story that can be recognised) is written there too, as `detail:`, and is listed until decided.
CPR numbers, e-mail addresses and phone numbers are not reviewed here: they stop the build
(evidence.load.fidelity).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model.anonymity_text import (
    Hit,
    Lexicon,
    absence_counts,
    age_with_details,
    career_with_health,
    group_sizes,
    listed_terms,
    named_units,
    names_and_places,
)

KINDS = ("fornavn", "sted", "egennavn", "navngiven enhed", "alder og detaljer", "karriere og helbred", "teamets størrelse",
         "antal sygemeldte eller fyrede", "klynge", "detalje")
CLUSTER = "klynge"
# The lists of Faker's da_DK person provider that hold first names.
FIRST_NAME_LISTS = ("first_names_male", "first_names_female")
# A quote's own words that the review reads (an attribution is read for the age alone).
REVIEWED_FIELDS = ("lead_in", "text")


@dataclass(frozen=True)
class Flag:
    quote: str
    kind: str
    words: str
    context: str
    note: str = ""
    decided: bool = False


@functools.cache
def danish_first_names() -> frozenset[str]:
    """The Danish first names that Faker ships (its da_DK person provider), male and female.

    They are read from the provider's source as data: importing it would import all of Faker, which
    takes seconds, and the build needs two lists of names."""
    spec = importlib.util.find_spec("faker")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("Faker mangler: kør make (den installerer requirements.txt)")
    source = Path(spec.submodule_search_locations[0], "providers", "person", "da_DK", "__init__.py")
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") in FIRST_NAME_LISTS for t in node.targets):
            names |= set(ast.literal_eval(node.value))
    return frozenset(names)


@per_dataset
def lexicon(dataset: Dataset) -> Lexicon:
    places = dataset.anonymity.get("places") or {}
    words = dataset.anonymity.get("words") or {}
    return Lexicon(
        first_names=danish_first_names(),
        places=frozenset(name for key in ("kommuner", "regioner_og_landsdele", "byer") for name in places.get(key) or []),
        ordinary=_ordinary_words(dataset),
        always=frozenset(words.get("always") or []),
        not_identifying=frozenset(words.get("not_identifying") or []),
    )


def _ordinary_words(dataset: Dataset) -> frozenset[str]:
    """Every word the sources write in lower case: a capitalised word among them is an ordinary word."""
    found: set[str] = set()
    for publication in dataset.publications.values():
        path = dataset.root / "data" / "sources" / str(publication.get("text_file"))
        if path.is_file():
            found |= set(re.findall(r"\b[a-zæøåéü][\w-]*", path.read_text(encoding="utf-8")))
    return frozenset(found)


@per_dataset
def machine_flags(dataset: Dataset) -> list[Flag]:
    """Every flag the machine raises, quote by quote in the data's order; each word once per quote (the first
    finder that names it gives its kind), then the clusters of quotes that share one attribution."""
    known = lexicon(dataset)
    flags: list[Flag] = []
    for quote in printed_quotes(dataset).values():
        seen: set[str] = set()
        for field in REVIEWED_FIELDS:
            text = quote.get(field) or ""
            for hit in _hits(text, quote, known, with_age=field == "text"):
                if hit.words not in seen:
                    seen.add(hit.words)
                    flags.append(Flag(quote["id"], hit.kind, hit.words, _context(text, hit.start, hit.words)))
    return flags + attribution_clusters(dataset)


def _hits(text: str, quote: dict, known: Lexicon, with_age: bool) -> list[Hit]:
    """What the finders see in one field; an age's details already say what a career with health would."""
    age = age_with_details(text, quote.get("attribution")) if with_age else None
    career = None if age else career_with_health(text)
    return [*listed_terms(text, known), *names_and_places(text, known), *named_units(text, known),
            *([age] if age else []), *([career] if career else []), *group_sizes(text), *absence_counts(text)]


def attribution_clusters(dataset: Dataset) -> list[Flag]:
    """Quotes that share one printed attribution (role, age, seniority): together they tell more about one
    person than the report, which spread them over its slides. One flag per attribution, on its first quote."""
    quotes_of: dict[str, list[str]] = {}
    for quote in printed_quotes(dataset).values():
        if quote.get("speaker") and quote.get("attribution"):
            quotes_of.setdefault(quote["attribution"], []).append(quote["id"])
    return [Flag(ids[0], CLUSTER, attribution, f"{len(ids)} citater med samme angivelse: {', '.join(ids)}")
            for attribution, ids in quotes_of.items() if len(ids) > 1]


def _context(text: str, start: int, words: str) -> str:
    """The text around the flagged words, as one line."""
    before = " ".join(text[:start].split()[-6:])
    after = " ".join(text[start:].split()[:8])
    return f"…{before} {after}…".replace("… ", "…")


@per_dataset
def review(dataset: Dataset) -> list[Flag]:
    """Every flag, the machine's and the ones a person wrote down, with the reviewer's decision and note."""
    decisions = {(entry["quote"], entry["flag"]): entry for entry in review_entries(dataset) if entry.get("flag")}
    flags = []
    for flag in machine_flags(dataset):
        entry = decisions.get((flag.quote, flag.words), {})
        flags.append(Flag(flag.quote, flag.kind, flag.words, flag.context, entry.get("note", ""), "reviewed" in entry))
    for entry in review_entries(dataset):
        if entry.get("detail"):
            flags.append(Flag(entry["quote"], "detalje", entry["detail"], "", entry.get("note", ""), "reviewed" in entry))
    return sorted(flags, key=lambda f: (_order(dataset, f.quote), KINDS.index(f.kind)))


def _order(dataset: Dataset, quote_id: str) -> int:
    quotes = printed_quotes(dataset)
    return list(quotes).index(quote_id) if quote_id in quotes else len(quotes)


def printed_quotes(dataset: Dataset) -> dict[str, dict]:
    """The quotes as the sources print them: the review reads these, not what the site shows while it waits."""
    return dataset.printed_quotes or dataset.quotes


def review_entries(dataset: Dataset) -> list[dict]:
    """The items of data/anonymity/review.yml."""
    return dataset.anonymity.get("review") or []


def undecided(dataset: Dataset) -> list[Flag]:
    """What is still waiting for a person's decision."""
    return [flag for flag in review(dataset) if not flag.decided]


def stale_decisions(dataset: Dataset) -> list[dict]:
    """Decisions about a flag the machine no longer raises (the quote or the finder changed): worth a look."""
    raised = {(flag.quote, flag.words) for flag in machine_flags(dataset)}
    return [entry for entry in review_entries(dataset)
            if entry.get("flag") and (entry["quote"], entry["flag"]) not in raised]
