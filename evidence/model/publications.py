"""What the site calls each publication, read from its entry in data/publications.yml.

Labels, descriptions and the names of a publication's sections are data, so a page built from a new
publication names that publication. Where an entry leaves an optional field out, a plain fallback from
its required fields is used (the label falls back to `short`).
"""

from __future__ import annotations

from evidence.load.dataset_types import Dataset
from evidence.model.wording import join_and, number_word, possessive, unique


def label(publication: dict) -> str:
    """The short label beside a figure, insight or quote, e.g. in '(… , rettet til Folketinget)'."""
    return publication.get("label") or publication["short"]


def description(publication: dict) -> str:
    """The publication in a few words, as running text names it; by default its title and year."""
    return publication.get("description") or f"»{publication['title']}« ({publication['year']})"


def section(publication: dict, key: str) -> str | None:
    """The printed name of one of the publication's sections (`sections` in publications.yml)."""
    return (publication.get("sections") or {}).get(key)


def label_of(dataset: Dataset, publication_id: str) -> str:
    return label(dataset.publications[publication_id])


def newest_first(dataset: Dataset) -> list[dict]:
    """The publications, newest first; publications of one year keep the order of publications.yml."""
    return sorted(dataset.publications.values(), key=lambda p: -p["year"])


def publishers(publications: list[dict]) -> str:
    """Every publisher of the publications, each once: 'A og B'."""
    return join_and(unique(name for p in publications for name in p["publishers"]))


def summary(dataset: Dataset) -> str:
    """'to publikationer: A og B' – what the site is built from, newest first."""
    every = newest_first(dataset)
    noun = "publikation" if len(every) == 1 else "publikationer"
    return f"{number_word(len(every))} {noun}: {join_and([description(p) for p in every])}"


def descriptions(dataset: Dataset, publication_ids: list[str] | None = None) -> str:
    """'A og B': the publications (all of them, or those given) as running text names them, newest first."""
    chosen = [p for p in newest_first(dataset) if publication_ids is None or p["id"] in publication_ids]
    return join_and([description(p) for p in chosen])


def with_proposals(dataset: Dataset) -> list[dict]:
    """The publications that make proposals, newest first."""
    return [p for p in newest_first(dataset) if any(q["publication"] == p["id"] for q in dataset.proposals.values())]


def proposals_phrase(dataset: Dataset) -> str:
    """'<udgiverens> ni forslag': whose proposals the site shows, and how many."""
    count = len(dataset.proposals)
    return f"{possessive(publishers(with_proposals(dataset)))} {number_word(count, neuter=True)} forslag"


def proposal_sources(dataset: Dataset) -> str:
    """'<udgiver> (<år>)': who made the proposals, and when."""
    return join_and([f"{join_and(p['publishers'])} ({p['year']})" for p in with_proposals(dataset)])


def sources_line(dataset: Dataset) -> str:
    """'A (<år>): <titel>; B (<år>): <titel>' – every publication the site is built from, newest first, for the
    footer of every page."""
    return "; ".join(f"{join_and(p['publishers'])} ({p['year']}): {p['title']}" for p in newest_first(dataset))


def passages_on(dataset: Dataset, place: str, publication_id: str | None = None) -> list[tuple[dict, dict]]:
    """(publication, passage) for each of the publications' own passages (data/framing/) that the page
    `place` shows, newest publication first, in file order; only `publication_id`'s when given."""
    return [(publication, passage) for publication in newest_first(dataset)
            if publication_id in (None, publication["id"])
            for passage in dataset.framing.get(publication["id"], []) if place in passage["shown_on"]]
