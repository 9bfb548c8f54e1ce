"""Checks of the anonymity review's decisions (data/anonymity/review.yml) against the quotes they are about.

A decision that names an unknown quote, or words that do not stand in the quote (what was found, or what
to leave out until it is decided), would silently decide nothing: the item would stay on the list and the
reviewer would not know why. So both stop the build with a message, like any other reference between files.
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
    else:
        words = " ".join(str(quote.get(field) or "") for field in ("lead_in", "text", "attribution"))
        flag = entry.get("flag")
        missing = [part for part in flag.split(FLAG_PARTS) if part not in words] if isinstance(flag, str) else []
        if missing:
            problems.append(Problem(*at("flag"), shown(missing[0]), f"ord, der står i citatet {quote['id']}",
                                    "kopiér ordene fra `make review-anonymity`"))
        problems += _leave_out_problems(entry, quote, words, at)
    reviewed = entry.get("reviewed")
    if isinstance(reviewed, dict) and not _is_date(reviewed.get("date")):
        problems.append(Problem(*at("reviewed"), shown(reviewed.get("date")), "en dato på formen ÅÅÅÅ-MM-DD"))
    return problems


def _leave_out_problems(entry: dict, quote: dict, words: str, at) -> list[Problem]:
    """Words to leave out must stand in the quote (or nothing would be left out), and a `detail` shown without
    its details must say which words those are."""
    passages = entry.get("leave_out") if isinstance(entry.get("leave_out"), list) else []
    problems = [Problem(*at("leave_out"), shown(passage), f"ord, der står i citatet {quote['id']}",
                        "kopiér ordene præcis fra citatet")
                for passage in passages if isinstance(passage, str) and passage not in words]
    if entry.get("until_decided") == "leave_out" and "detail" in entry and not passages:
        problems.append(Problem(*at("until_decided"), "leave_out uden 'leave_out'-ord",
                                "de ord, sitet skal udelade, i 'leave_out' – eller `until_decided: hold_back`"))
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
