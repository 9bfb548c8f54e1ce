"""The publisher's own fields (data/site.yml): who publishes the site, how to reach them, the permission for
the full testimonies and the accessibility statement. Only the publisher can fill them in, so each one may
still be empty; the pages then say nothing about it, and the build lists what is missing."""

from __future__ import annotations

from evidence.load.dataset_types import Dataset

# Each field the publisher fills in, with its place in data/site.yml and what the site cannot do without it.
FIELDS = {
    ("publisher", "name"): "»Om sitet« kan ikke sige, hvem der udgiver sitet",
    ("contact", "email"): "sitet viser ingen kontakt",
    ("testimonies_permission",): "sitet siger intet om tilladelsen til at gengive fortællingerne i fuld længde",
    ("accessibility", "statement_url"): "tilgængelighedserklæringen linker ikke til erklæringen i WAS-værktøjet",
}


def value(dataset: Dataset, *path: str) -> str | None:
    """One field of data/site.yml, or None while it is empty or the file is missing."""
    found = dataset.site
    for key in path:
        found = found.get(key) if isinstance(found, dict) else None
    return found or None


def missing(dataset: Dataset) -> list[tuple[str, str]]:
    """The empty fields as (their place in data/site.yml, what the site cannot say without them)."""
    return [(".".join(path), consequence) for path, consequence in FIELDS.items() if not value(dataset, *path)]
