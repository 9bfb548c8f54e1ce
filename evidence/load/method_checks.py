"""A wave's method figures that the sampling uncertainty is computed from (evidence/model/uncertainty.py):
one n at most, a group's share or count naming a known population once, and a group's share in per cent or
its count in persons – anything else would give a wrong n without a word."""

from __future__ import annotations

from collections import Counter

from evidence.load.files import DataFile
from evidence.load.problems import Problem, shown
from evidence.load.schemas import yaml_where


def method_problems(rel: str, data: DataFile, populations: dict) -> list[Problem]:
    method = [m for m in data.content.get("method") or [] if isinstance(m, dict)]
    where = yaml_where(data.content, data.line_of)
    path = f"data/{rel}"
    problems = []
    marked = [i for i, m in enumerate(method) if m.get("n")]
    for index in marked[1:]:
        problems.append(Problem(path, where(("method", index, "n")), f"method[{index + 1}].n", "true",
                                f"højst ét metodetal med n: true (det første står i method[{marked[0] + 1}])"))
    counts = Counter(m.get("population") for m in method)
    for index, m in enumerate(method):
        population = m.get("population")
        if population is None:
            continue
        place, name = where(("method", index, "population")), f"method[{index + 1}].population"
        if population not in populations:
            problems.append(Problem(path, place, name, shown(population), "en population fra survey/populations.yml"))
        elif counts[population] > 1:
            problems.append(Problem(path, place, name, shown(population),
                                    "højst ét metodetal pr. population (ellers er gruppens antal svar uklart)"))
        if m.get("unit") not in ("procent", "personer"):
            problems.append(Problem(path, where(("method", index, "unit")), f"method[{index + 1}].unit",
                                    shown(m.get("unit")), "'procent' eller 'personer' ved en populations del af besvarelserne"))
    return problems
