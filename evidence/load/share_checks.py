"""Shares that cannot all be true: a single-choice question's answers in one population add up to more
than everyone.

A question whose `type` is `enkeltvalg` (each respondent gives one answer) cannot have shares summing to
much over 100 % in one population; each share may be rounded, so the sum may exceed 100 by half a point
per answer. Multiple-choice (`flervalg`) and scale batteries (`skala`, one statement per answer) may sum
to anything.
"""

from __future__ import annotations

from collections import defaultdict

from evidence.load.files import DataFile
from evidence.load.problems import Problem
from evidence.load.spreadsheet import number_text

SINGLE_CHOICE = "enkeltvalg"


def share_sum_problems(files: dict[str, DataFile]) -> list[Problem]:
    problems = []
    for rel, data in sorted(files.items()):
        if data.schema != "figures" or not isinstance(data.content, list):
            continue
        questions = files.get(rel.rsplit("/", 1)[0] + "/questions.yml")
        single = {q.get("id") for q in (questions.content if questions and isinstance(questions.content, list) else [])
                  if isinstance(q, dict) and q.get("type") == SINGLE_CHOICE}
        groups: dict[tuple, list[int]] = defaultdict(list)
        for index, row in enumerate(data.content):
            if row.get("question") in single and isinstance(row.get("value"), float):
                groups[(row["question"], row.get("population"))].append(index)
        for (question, population), indexes in groups.items():
            total = sum(data.content[i]["value"] for i in indexes)
            if total > 100 + 0.5 * len(indexes):
                rows = ", ".join(str(data.line_of((i,))) for i in indexes)
                problems.append(Problem(
                    f"data/{rel}", f"række {rows}", "value", f"andele, der tilsammen giver {number_text(total)} %",
                    f"højst 100 % for spørgsmålet '{question}' i populationen '{population}' – det er et "
                    "enkeltvalgsspørgsmål (type: enkeltvalg i questions.yml), så hver svarer tæller én gang",
                    "tjek tallene mod rapporten, eller ret spørgsmålets type til flervalg, hvis man kunne vælge flere svar"))
    return problems
