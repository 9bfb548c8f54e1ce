"""Checks of the evidence chosen for each proposal (`evidence` in data/proposals/<publication>.yml).

The figures, insights and quotes an editor names under a proposal must exist, so a proposal page can
never show a number or a quote that is not in the data; and a proposal without figures must say why.
"""

from __future__ import annotations

from pathlib import Path

from evidence.load.cross_checks import _items_indexed, _quote_files, _unknown, _unreadable, items
from evidence.load.dataset_types import Dataset
from evidence.load.files import DataFile
from evidence.load.problems import Problem, shown
from evidence.load.schemas import yaml_where


def proposal_problems(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Every proposals file's evidence, checked against the waves, insights and quotes that could be read
    (the ids of a file that exists but could not be read are not checked: its own problem is reported)."""

    def unreadable(rel: str) -> bool:
        return _unreadable(dataset, rel, files)

    stated = {(r.get("question"), r.get("option"), r.get("population"))
              for wave in dataset.waves.values() for r in wave.rows}
    quotes_known = not any(unreadable(rel) for rel in _quote_files(dataset))
    problems = []
    for rel, data in files.items():
        if data.schema != "proposals":
            continue
        where = yaml_where(data.content, data.line_of)
        for index, item in enumerate(_items_indexed(data.content)):
            evidence = (item or {}).get("evidence")
            if not isinstance(evidence, dict):
                continue
            figures = items(evidence.get("figures"))
            problems += _figure_problems(rel, where, index, evidence, figures, stated)
            for f_index, ref in enumerate(items(evidence.get("insights"))):
                publication, insight = ref.get("publication"), ref.get("insight")
                if unreadable(f"insights/{publication}.yml"):
                    continue
                doc = dataset.insights.get(publication) or {}
                known = {i.get("id"): i for i in items(doc.get("main_insights")) + items(doc.get("insights"))}
                if insight not in known:
                    problems.append(_unknown(rel, where((index, "evidence", "insights", f_index)),
                                             f"evidence.insights[{f_index + 1}]", f"{publication} {insight}", known,
                                             f"en indsigt, der står i data/insights/{publication}.yml"))
            problems += _finding_problems(dataset, rel, where, index, evidence, unreadable)
            quotes = evidence.get("quotes") if isinstance(evidence.get("quotes"), list) else []
            for q_index, quote in enumerate(quotes if quotes_known else []):
                if quote not in dataset.quotes:
                    problems.append(_unknown(rel, where((index, "evidence", "quotes", q_index)),
                                             f"evidence.quotes[{q_index + 1}]", quote, dataset.quotes,
                                             "id på et citat i data/quotes/"))
    return problems


def fact_place_problems(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Each fact says where its publication printed it (`fact_places` in publications.yml, by the fact's `kind`),
    so the place a theme page names comes from data, never from a guess."""
    problems = []
    for rel, data in files.items():
        if data.schema != "facts":
            continue
        publication = dataset.publications.get(Path(rel).stem) or {}
        places = publication.get("fact_places") or {}
        where = yaml_where(data.content, data.line_of)
        for index, item in enumerate(_items_indexed(data.content)):
            kind = (item or {}).get("kind")
            if kind and kind not in places:
                problems.append(Problem(f"data/{rel}", where((index, "kind")), "kind", shown(kind),
                                        f"en art med et sted under fact_places for {Path(rel).stem} i data/publications.yml"))
    return problems


def _finding_problems(dataset: Dataset, rel: str, where, index: int, evidence: dict, unreadable) -> list[Problem]:
    """A finding under a proposal points to one line of a comparison block in data/insights/ (block, list, group,
    line), so the proposal page quotes the report and nothing else."""
    problems = []
    for f_index, ref in enumerate(items(evidence.get("findings"))):
        publication = ref.get("publication")
        if unreadable(f"insights/{publication}.yml"):
            continue
        blocks = {b.get("id"): b for b in items((dataset.insights.get(publication) or {}).get("blocks"))
                  if b.get("kind") == "comparison"}
        lists = items((blocks.get(ref.get("block")) or {}).get("lists"))
        chosen = lists[ref["list"] - 1] if isinstance(ref.get("list"), int) and 1 <= ref["list"] <= len(lists) else {}
        groups = {g.get("group"): g for g in items(chosen.get("groups"))}
        factors = (groups.get(ref.get("group")) or {}).get("factors") or []
        if not isinstance(ref.get("factor"), int) or not 1 <= ref["factor"] <= len(factors):
            found = f"{ref.get('block')} × liste {ref.get('list')} × {ref.get('group')} × {ref.get('factor')}"
            expected = (f"nummeret på et fund i gruppen {ref.get('group')}s liste (1-{len(factors)})" if factors else
                        f"en blok med `kind: comparison` i data/insights/{publication}.yml ({', '.join(blocks) or 'ingen'}), "
                        f"nummeret på en af dens lister (1-{len(lists)}) og en gruppe med fund i den")
            problems.append(Problem(f"data/{rel}", where((index, "evidence", "findings", f_index)),
                                    f"evidence.findings[{f_index + 1}]", shown(found), expected))
    return problems


def _figure_problems(rel: str, where, index: int, evidence: dict, figures: list[dict], stated: set) -> list[Problem]:
    """Each figure must be stated by a wave; a proposal without figures says why, one with figures has one or
    two key figures for the overview."""
    path = f"data/{rel}"
    problems = [
        Problem(path, where((index, "evidence", "figures", f_index)), f"evidence.figures[{f_index + 1}]",
                shown(" × ".join(str(ref.get(k)) for k in ("question", "option", "population"))),
                "et spørgsmål × svar × population, der står i figures.csv for en bølge i data/survey/")
        for f_index, ref in enumerate(figures)
        if (ref.get("question"), ref.get("option"), ref.get("population")) not in stated
    ]
    if not figures and not evidence.get("no_figures"):
        problems.append(Problem(path, where((index, "evidence")), "evidence.no_figures", "intet",
                                "en sætning om, at undersøgelsen ikke har tal om forslaget, når figures er tom"))
    if figures and evidence.get("no_figures"):
        problems.append(Problem(path, where((index, "evidence", "no_figures")), "evidence.no_figures",
                                shown(evidence["no_figures"]), "ingen no_figures, når forslaget har tal i figures"))
    keys = sum(1 for ref in figures if ref.get("key"))
    if figures and not 1 <= keys <= 2:
        problems.append(Problem(path, where((index, "evidence", "figures")), "evidence.figures", f"{keys} med key: true",
                                "ét eller to nøgletal (key: true) til oversigten over forslagene"))
    return problems
