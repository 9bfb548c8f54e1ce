"""Checks of the anonymity review's decisions (data/anonymity/review.yml) against the quotes they are about.

A decision that names an unknown quote, or words that do not stand in the quote, would silently decide
nothing: the item would stay on the list and the reviewer would not know why. So both stop the build
with a message, like any other reference between files.
"""

from __future__ import annotations

import datetime
import re

from evidence.load.dataset_types import Dataset
from evidence.load.files import DataFile
from evidence.load.problems import Problem, nearest, shown
from evidence.load.schemas import yaml_where

REVIEW_FILE = "anonymity/review.yml"
# The parts of a flag for an age with details are listed with this between them.
FLAG_PARTS = " · "


def review_problems(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    data = files.get(REVIEW_FILE)
    if data is None or not isinstance(data.content, list):
        return []
    where = yaml_where(data.content, data.line_of)
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for index, entry in enumerate(data.content):
        if not isinstance(entry, dict):
            continue
        problems += _entry_problems(dataset, entry, lambda field, i=index: (f"data/{REVIEW_FILE}", where((i, field)), field))
        key = (entry.get("quote"), entry.get("flag"), entry.get("detail"))
        if key in seen:
            problems.append(Problem(f"data/{REVIEW_FILE}", where((index,)), "quote",
                                    shown(" / ".join(str(k) for k in key if k)), "hvert punkt kun én gang"))
        seen.add(key)
    return problems


def _entry_problems(dataset: Dataset, entry: dict, at) -> list[Problem]:
    problems = []
    if ("flag" in entry) == ("detail" in entry):
        problems.append(Problem(*at("flag"), "intet" if "flag" not in entry else "både 'flag' og 'detail'",
                                "enten 'flag' (ordene, som listen viser dem) eller 'detail' (det, en person har set)"))
    quote = dataset.quotes.get(entry.get("quote"))
    if quote is None:
        problems.append(Problem(*at("quote"), shown(entry.get("quote")), "et citat-id fra data/quotes/",
                                nearest(entry.get("quote"), list(dataset.quotes))))
    elif isinstance(entry.get("flag"), str):
        words = " ".join(str(quote.get(field) or "") for field in ("lead_in", "text", "attribution"))
        missing = [part for part in entry["flag"].split(FLAG_PARTS) if part not in words]
        if missing:
            problems.append(Problem(*at("flag"), shown(missing[0]), f"ord, der står i citatet {quote['id']}",
                                    "kopiér ordene fra `make review-anonymity`"))
    reviewed = entry.get("reviewed")
    if isinstance(reviewed, dict) and not _is_date(reviewed.get("date")):
        problems.append(Problem(*at("reviewed"), shown(reviewed.get("date")), "en dato på formen ÅÅÅÅ-MM-DD"))
    return problems


def _is_date(value) -> bool:
    if isinstance(value, datetime.date):
        return True
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
