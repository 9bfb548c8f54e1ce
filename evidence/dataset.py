"""Load `data/` into one validated dataset, or refuse it with every problem listed.

Schema checks (evidence.contract) see one file at a time; the checks here join files:
ids that must be known elsewhere, keys that must be unique across a table. Nothing
reaches a page before both have passed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from evidence.contract import DataFile, read_all, yaml_where
from evidence.problems import DataInvalid, Problem, nearest, shown

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Wave:
    id: str
    meta: dict
    questions: dict[str, dict]
    figures: pd.DataFrame

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
    quotes: dict[str, dict]
    insights: dict[str, dict] = field(default_factory=dict)
    facts: dict[str, dict] = field(default_factory=dict)
    booklet_texts: dict[str, dict] = field(default_factory=dict)
    proposals: dict[str, dict] = field(default_factory=dict)
    root: Path = PROJECT_ROOT

    def source_text(self, publication_id: str) -> str:
        name = self.publications[publication_id]["text_file"]
        return (self.root / "data" / "sources" / name).read_text(encoding="utf-8")


def load_dataset(root: Path = PROJECT_ROOT) -> Dataset:
    data_dir = root / "data"
    files, problems = read_all(data_dir)
    if problems:
        # Cross-file checks on data that failed its schema would only add noise.
        raise DataInvalid(problems)
    dataset = _assemble(files, root)
    problems = cross_check(dataset, files)
    if problems:
        raise DataInvalid(problems)
    return dataset


def _by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def _assemble(files: dict[str, DataFile], root: Path) -> Dataset:
    def content(rel: str):
        return files[rel].content if rel in files else []

    waves = {}
    for rel in sorted(files):
        if rel.startswith("survey/") and rel.endswith("/wave.yml"):
            folder = rel.removesuffix("/wave.yml")
            meta = files[rel].content
            questions = _by_id(content(f"{folder}/questions.yml"))
            figures = pd.DataFrame(content(f"{folder}/figures.csv"),
                                   columns=["question", "option", "population", "value", "locator"])
            figures["wave"] = meta["id"]
            waves[meta["id"]] = Wave(meta["id"], meta, questions, figures)

    quotes: dict[str, dict] = {}
    facts, proposals, insights, booklet_texts = {}, {}, {}, {}
    for rel in sorted(files, key=_source_order):
        data = files[rel]
        publication = Path(rel).parent.name if rel.startswith("quotes/") else Path(rel).stem.removesuffix("-chapters")
        if data.schema == "quotes":
            for item in data.content:
                quotes.setdefault(item["id"], {**item, "publication": publication, "file": f"data/{rel}"})
        elif data.schema == "facts":
            facts.update({item["id"]: {**item, "publication": publication} for item in data.content})
        elif data.schema == "proposals":
            proposals.update({item["id"]: {**item, "publication": publication} for item in data.content})
        elif data.schema == "insights":
            insights[publication] = data.content
        elif data.schema == "booklet-texts":
            booklet_texts[publication] = data.content

    return Dataset(
        publications=_by_id(content("publications.yml")),
        themes=_by_id(content("themes.yml")),
        areas=_by_id(content("areas.yml")),
        populations=_by_id(content("survey/populations.yml")),
        waves=dict(sorted(waves.items())),
        quotes=quotes,
        insights=insights,
        facts=facts,
        booklet_texts=booklet_texts,
        proposals=proposals,
        root=root,
    )


PART_ORDER = {"cover": 0, "chapters": 1, "testimonies": 2, "interviews": 0}


def _source_order(rel: str) -> tuple:
    """Quotes of a publication in the order its parts are printed."""
    path = Path(rel)
    return (str(path.parent), PART_ORDER.get(path.stem, 9), path.name)


def cross_check(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    problems: list[Problem] = []
    for data in files.values():
        if isinstance(data.content, list) and data.content and "id" in data.content[0]:
            problems += _duplicate_ids(data)
    problems += _duplicate_quote_ids(files)
    problems += _check_waves(dataset, files)
    problems += _check_references(dataset, files)
    return problems


def _duplicate_ids(data: DataFile) -> list[Problem]:
    where = yaml_where(data.content, data.line_of)
    counts = Counter(item.get("id") for item in data.content)
    return [
        Problem(f"data/{data.rel}", where((index,)), "id", shown(item["id"]), "et id, der kun bruges én gang")
        for index, item in enumerate(data.content)
        if counts[item.get("id")] > 1
    ]


def _duplicate_quote_ids(files: dict[str, DataFile]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for rel in sorted(files):
        data = files[rel]
        if data.schema != "quotes":
            continue
        where = yaml_where(data.content, data.line_of)
        for index, item in enumerate(data.content):
            other = seen.setdefault(item["id"], rel)
            if other != rel:
                problems.append(Problem(f"data/{rel}", where((index,)), "id", shown(item["id"]),
                                        f"et id, der ikke også bruges i data/{other}"))
    return problems


def _check_waves(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    problems = []
    for rel, data in files.items():
        folder = rel.rsplit("/", 1)[0]
        if data.schema == "wave":
            where = yaml_where(data.content, data.line_of)
            if data.content["publication"] not in dataset.publications:
                problems.append(_unknown(rel, where(("publication",)), "publication",
                                         data.content["publication"], dataset.publications))
            if folder.split("/")[-1] != data.content["id"]:
                problems.append(Problem(f"data/{rel}", where(("id",)), "id", shown(data.content["id"]),
                                        f"samme id som mappens navn ('{folder.split('/')[-1]}')"))
            problems += _check_headlines(data, files.get(f"{folder}/figures.csv"))
            for sibling in ("questions.yml", "figures.csv"):
                if f"{folder}/{sibling}" not in files:
                    problems.append(Problem(f"data/{folder}/{sibling}", "hele filen", "(fil)", "ingen fil",
                                            "at hver bølge har wave.yml, questions.yml og figures.csv"))
        elif data.schema == "questions":
            where = yaml_where(data.content, data.line_of)
            for index, question in enumerate(data.content):
                counts = Counter(option["id"] for option in question["options"])
                for o_index, option in enumerate(question["options"]):
                    if counts[option["id"]] > 1:
                        problems.append(Problem(f"data/{rel}", where((index, "options", o_index)),
                                                f"options[{o_index + 1}].id", shown(option["id"]),
                                                "et svar-id, der kun bruges én gang i spørgsmålet"))
        elif data.schema == "figures":
            problems += _check_figures(dataset, data, folder, files)
    return problems


def _check_headlines(data: DataFile, figures: DataFile | None) -> list[Problem]:
    """A headline must name a figure that exists, so the front page never shows a number of its own."""
    known = {(r["question"], r["option"], r["population"]) for r in (figures.content if figures else [])}
    where = yaml_where(data.content, data.line_of)
    return [
        Problem(f"data/{data.rel}", where(("headlines", index)), f"headlines[{index + 1}]",
                shown(" × ".join((h["question"], h["option"], h["population"]))),
                "et spørgsmål × svar × population, der står i figures.csv")
        for index, h in enumerate(data.content.get("headlines", []))
        if (h["question"], h["option"], h["population"]) not in known
    ]


def _check_figures(dataset: Dataset, data: DataFile, folder: str, files: dict[str, DataFile]) -> list[Problem]:
    questions_file = files.get(f"{folder}/questions.yml")
    questions = _by_id(questions_file.content) if questions_file else {}
    problems, seen = [], {}
    for index, row in enumerate(data.content):
        where = f"række {data.line_of((index,))}"
        rel = f"data/{data.rel}"
        question = questions.get(row["question"])
        if question is None:
            problems.append(Problem(rel, where, "question", shown(row["question"]),
                                    f"et spørgsmåls-id fra {folder}/questions.yml", nearest(row["question"], list(questions))))
        else:
            options = [option["id"] for option in question["options"]]
            if row["option"] not in options:
                problems.append(Problem(rel, where, "option", shown(row["option"]),
                                        f"et svar-id for spørgsmålet '{row['question']}': {', '.join(options)}",
                                        nearest(row["option"], options)))
        if row["population"] not in dataset.populations:
            problems.append(_unknown(data.rel, where, "population", row["population"], dataset.populations,
                                     "en population fra survey/populations.yml"))
        key = (row["question"], row["option"], row["population"])
        if key in seen:
            problems.append(Problem(rel, where, "question/option/population", shown(" × ".join(key)),
                                    f"én række pr. spørgsmål × svar × population (står også i række {seen[key]})"))
        seen.setdefault(key, data.line_of((index,)))
    return problems


def _check_references(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Themes, areas and links named by items must exist."""
    problems = []
    for rel, data in files.items():
        if data.schema not in ("quotes", "facts", "proposals"):
            continue
        where = yaml_where(data.content, data.line_of)
        if data.schema == "quotes":
            publication = Path(rel).parent.name
            if publication not in dataset.publications:
                problems.append(_unknown(rel, "hele filen", "(mappe)", publication, dataset.publications,
                                         "en mappe opkaldt efter en publikation i publications.yml"))
        for index, item in enumerate(data.content):
            for t_index, theme in enumerate(item.get("themes", [])):
                if theme not in dataset.themes:
                    problems.append(_unknown(rel, where((index, "themes", t_index)), f"themes[{t_index + 1}]",
                                             theme, dataset.themes))
            for a_index, area in enumerate(item.get("areas", [])):
                if area not in dataset.areas:
                    problems.append(_unknown(rel, where((index, "areas", a_index)), f"areas[{a_index + 1}]",
                                             area, dataset.areas))
            target = item.get("full_text")
            if target is not None and (target not in dataset.quotes or dataset.quotes[target]["kind"] != "testimony"):
                problems.append(_unknown(rel, where((index, "full_text")), "full_text", target,
                                         {k: v for k, v in dataset.quotes.items() if v["kind"] == "testimony"},
                                         "id på en fortælling fra den lange samling"))
    return problems


def _unknown(rel: str, where: str, field_name: str, value: str, known: dict, expected: str | None = None) -> Problem:
    path = rel if rel.startswith("data/") else f"data/{rel}"
    return Problem(path, where, field_name, shown(value), expected or f"et kendt id ({len(known)} findes)",
                   nearest(value, list(known)))


_cache: dict[Path, tuple[tuple, Dataset]] = {}


def fingerprint(root: Path) -> tuple:
    """Changes whenever any data file changes, so `make serve` reloads edited data."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in (root / "data").rglob("*") if p.is_file()))


def current_dataset(root: Path = PROJECT_ROOT) -> Dataset:
    """The validated dataset, loaded once per change of the data rather than once per page."""
    key = fingerprint(root)
    cached = _cache.get(root)
    if cached is None or cached[0] != key:
        _cache[root] = (key, load_dataset(root))
    return _cache[root][1]
