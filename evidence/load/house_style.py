"""House-style rules on the data's own words, checked by `make validate` so an analyst meets them there
(with the row and what to write) rather than in a failing test.

A key figure (a wave's `headlines`) may shorten its question, never change its claim: a question about
what could make a person consider something is not summarised as what makes them do it.
"""

from __future__ import annotations

from evidence.load.files import DataFile
from evidence.load.problems import Problem, shown
from evidence.load.schemas import yaml_where

# A question whose wording holds the first word asks about a possibility; its headline keeps both words.
HYPOTHETICAL = "overveje"
CONDITIONAL = "ville"


def headline_sense_problems(wave: DataFile, questions: DataFile | None) -> list[Problem]:
    """Each headline on a hypothetical question that drops its hypothetical sense."""
    wordings = {q.get("id"): q.get("wording") or "" for q in (questions.content if questions else []) or []
                if isinstance(q, dict)}
    headlines = wave.content.get("headlines")
    where = yaml_where(wave.content, wave.line_of)
    problems = []
    for index, headline in enumerate(headlines if isinstance(headlines, list) else []):
        if not isinstance(headline, dict) or HYPOTHETICAL not in str(wordings.get(headline.get("question"), "")):
            continue
        text = str(headline.get("text") or "")
        if HYPOTHETICAL not in text or CONDITIONAL not in text:
            problems.append(Problem(
                f"data/{wave.rel}", where(("headlines", index, "text")), f"headlines[{index + 1}].text", shown(text),
                f"at teksten bevarer spørgsmålets »{HYPOTHETICAL}« og siger »{CONDITIONAL}«, fordi spørgsmålet "
                f"'{headline.get('question')}' spørger om, hvad der kunne få nogen til at {HYPOTHETICAL} noget",
                f"fx »… {CONDITIONAL} kunne få dem til at {HYPOTHETICAL} …«"))
    return problems
