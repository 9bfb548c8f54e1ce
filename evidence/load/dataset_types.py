"""The validated data as one object: what every page, chart and download is made from."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Wave:
    id: str
    meta: dict
    questions: dict[str, dict]
    rows: list[dict]  # figures.csv

    @functools.cached_property
    def figures(self) -> pd.DataFrame:
        figures = pd.DataFrame(self.rows, columns=["question", "option", "population", "value", "locator"])
        figures["wave"] = self.id
        return figures

    @property
    def synthetic(self) -> bool:
        return bool(self.meta.get("synthetic"))


@dataclass
class Dataset:
    publications: dict[str, dict]
    themes: dict[str, dict]
    areas: dict[str, dict]
    populations: dict[str, dict]
    waves: dict[str, Wave]
    quotes: dict[str, dict]  # as the site shows them (evidence.model.anonymity_pending.as_published)
    insights: dict[str, dict] = field(default_factory=dict)
    facts: dict[str, dict] = field(default_factory=dict)
    booklet_texts: dict[str, dict] = field(default_factory=dict)
    framing: dict[str, list[dict]] = field(default_factory=dict)  # a publication's words about itself
    proposals: dict[str, dict] = field(default_factory=dict)
    # data/anonymity/: the place names and word lists the anonymity review reads, and its decisions.
    anonymity: dict = field(default_factory=dict)
    # data/withdrawn.yml: quotes taken off the site, by id, with the reason their address shows.
    withdrawn: dict[str, dict] = field(default_factory=dict)
    # data/site.yml: who publishes the site, the contact and the terms (empty fields until the publisher fills them).
    site: dict = field(default_factory=dict)
    # data/published-addresses.txt: every address the site has published, which must keep resolving.
    published: tuple[str, ...] = ()
    # The quotes as printed, once `quotes` holds what the site shows while the anonymity review waits.
    printed_quotes: dict[str, dict] = field(default_factory=dict)
    root: Path = PROJECT_ROOT
    derived: dict = field(default_factory=dict, repr=False, compare=False)


def per_dataset(function: Callable) -> Callable:
    """Compute a derived table once per loaded dataset and set of arguments: pages, charts and downloads ask
    for the same figures many times in a build, and a new dataset (an edit under `make serve`) starts afresh.
    The cache key and the call are made from the same bound arguments, positional or keyword, so a result is
    never computed with other arguments than it is stored under. DataFrames are handed out as copies, so a
    caller can never change what the next one sees."""

    signature = inspect.signature(function)

    @functools.wraps(function)
    def cached(dataset: Dataset, *args, **kwargs):
        bound = signature.bind(dataset, *args, **kwargs)
        bound.apply_defaults()
        key = (function.__qualname__, *list(bound.arguments.values())[1:])
        if key not in dataset.derived:
            dataset.derived[key] = function(*bound.args, **bound.kwargs)
        result = dataset.derived[key]
        return result.copy() if isinstance(result, pd.DataFrame) else result

    return cached
