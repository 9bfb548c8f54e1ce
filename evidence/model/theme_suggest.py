"""Suggest themes for a new testimony from the testimonies people have already themed.

A suggestion, never a decision: the maintainer reads the text and confirms. The model is
deliberately simple – word profiles per theme, compared by cosine similarity – because
its job is to save a first read, and a simple model is one a maintainer can reason about.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from evidence.load.dataset_types import Dataset

WORD = re.compile(r"[a-zæøå]+")


STOP = frozenset((
    "af", "alle", "alt", "and", "at", "blev", "bliver", "da", "de", "dem", "den", "denne", "der", "det",
    "dette", "du", "efter", "eller", "en", "end", "er", "et", "for", "fra", "har", "have", "hele",
    "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jo", "kan", "kun", "man", "med", "meget",
    "men", "mig", "min", "mine", "mit", "når", "og", "også", "om", "op", "os", "på", "sig", "sin",
    "skal", "som", "så", "til", "ud", "under", "var", "vi", "vil", "være", "været", "ved",
))


def terms(text: str) -> list[str]:
    """Lower-cased words cut to six letters: a crude stem that folds most Danish inflections."""
    return [w[:6] for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2]


@dataclass(frozen=True)
class Suggestion:
    theme_id: str
    name: str
    score: float
    because: tuple[str, ...]


def profiles(dataset: Dataset, exclude: str | None = None) -> dict[str, Counter]:
    profile: dict[str, Counter] = {tid: Counter(terms(t["name"] + " " + t["description"]) * 3)
                                   for tid, t in dataset.themes.items()}
    for item in dataset.quotes.values():
        if item["id"] == exclude:
            continue
        words = Counter(terms(item["text"]))
        for theme_id in item["themes"]:
            profile[theme_id].update(words)
    return profile


def suggest(dataset: Dataset, text: str, top: int = 4, exclude: str | None = None) -> list[Suggestion]:
    profile = profiles(dataset, exclude)
    documents = len(profile)
    frequency = Counter(term for counts in profile.values() for term in counts)
    idf = {term: math.log(documents / frequency[term]) + 1 for term in frequency}
    query = Counter(terms(text))
    ranked = []
    for theme_id, counts in profile.items():
        weights = {t: c * idf[t] for t, c in counts.items()}
        dot = sum(query[t] * idf.get(t, 0) * weights.get(t, 0) for t in query)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        score = dot / norm
        evidence = sorted((t for t in query if t in weights), key=lambda t: -query[t] * weights[t])[:5]
        ranked.append(Suggestion(theme_id, dataset.themes[theme_id]["name"], score, tuple(evidence)))
    ranked.sort(key=lambda s: (-s.score, s.theme_id))
    best = ranked[0].score or 1.0
    return [Suggestion(s.theme_id, s.name, round(s.score / best, 2), s.because) for s in ranked[:top]]
