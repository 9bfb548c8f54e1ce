"""Checks that join files: ids that must be known elsewhere, keys that must be unique across a table,
a question's wording across waves. Schema checks (evidence.load.schemas) see one file at a time.

Both run on every readable file even when some are invalid, so one `make validate` lists every
problem; the checks here therefore read the data defensively.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from evidence.load.dataset_types import Dataset
from evidence.load.fidelity import identifying_problems, verbatim_problems
from evidence.load.files import DataFile
from evidence.load.house_style import headline_sense_problems
from evidence.load.method_checks import method_problems
from evidence.load.passages import figure_place_problems
from evidence.load.problems import Problem, nearest, shown
from evidence.load.review_checks import review_problems
from evidence.load.schemas import field_name, placeholder, yaml_where
from evidence.load.share_checks import share_sum_problems
from evidence.load.twin_checks import strings, twin_theme_problems
from evidence.load.wave_import import WaveNames


def items(content) -> list[dict]:
    """The dict items of a list file; anything else was already reported by its schema."""
    return [item for item in content if isinstance(item, dict)] if isinstance(content, list) else []


def _unreadable(dataset: Dataset, rel: str, files: dict[str, DataFile]) -> bool:
    """A file that exists but could not be parsed: checks that need it are skipped, not failed."""
    return rel not in files and (dataset.root / "data" / rel).exists()


def cross_check(dataset: Dataset, files: dict[str, DataFile], invalid: frozenset[str] = frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    for data in files.values():
        if any("id" in item for item in items(data.content)):
            problems += _duplicate_ids(data)
    problems += _duplicate_quote_ids(files)
    problems += _check_waves(dataset, files, invalid)
    problems += _check_continuity(files)
    problems += share_sum_problems(files)
    problems += _check_references(dataset, files)
    problems += _check_publications(dataset, files)
    problems += _check_pointers(dataset, files)
    # A source text that could not be read (or a publication list naming them) was reported: checking every
    # quote and figure against it would only repeat that.
    if not any(rel == "publications.yml" or rel.startswith("sources/") for rel in invalid):
        problems += verbatim_problems(dataset.root, dataset.publications, files)
        problems += figure_place_problems(dataset.root, dataset.publications, dataset.populations, files)
    problems += identifying_problems(files)
    problems += review_problems(dataset, files)
    return problems


def _ids(content) -> list[tuple[int, str]]:
    """(index, id) of each item with a string id, indexed as in the file."""
    if not isinstance(content, list):
        return []
    return [(i, item["id"]) for i, item in enumerate(content) if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _duplicate_ids(data: DataFile) -> list[Problem]:
    where = yaml_where(data.content, data.line_of)
    counts = Counter(item_id for _, item_id in _ids(data.content))
    return [
        Problem(f"data/{data.rel}", where((index,)), "id", shown(item_id), "et id, der kun bruges én gang")
        for index, item_id in _ids(data.content)
        if counts[item_id] > 1
    ]


def _duplicate_quote_ids(files: dict[str, DataFile]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for rel in sorted(files):
        data = files[rel]
        if data.schema != "quotes":
            continue
        where = yaml_where(data.content, data.line_of)
        for index, item_id in _ids(data.content):
            other = seen.setdefault(item_id, rel)
            if other != rel:
                problems.append(Problem(f"data/{rel}", where((index,)), "id", shown(item_id),
                                        f"et id, der ikke også bruges i data/{other}"))
    return problems


def _check_waves(dataset: Dataset, files: dict[str, DataFile], invalid: frozenset[str]) -> list[Problem]:
    problems = []
    for rel, data in files.items():
        try:
            problems += _check_wave_file(dataset, rel, data, files)
        except (KeyError, TypeError, AttributeError, IndexError):
            # A file its schema already refused can trip a check written for valid data;
            # its schema problems say what to fix.
            if rel not in invalid:
                raise
    problems += _check_wave_folders(dataset, files)
    return problems


def _check_wave_file(dataset: Dataset, rel: str, data: DataFile, files: dict[str, DataFile]) -> list[Problem]:
    problems = []
    folder = rel.rsplit("/", 1)[0]
    if data.schema == "wave" and isinstance(data.content, dict):
        where = yaml_where(data.content, data.line_of)
        publication = data.content.get("publication")
        if isinstance(publication, str) and not placeholder(publication) and publication not in dataset.publications \
                and not _unreadable(dataset, "publications.yml", files):
            problems.append(_unknown(rel, where(("publication",)), "publication", publication, dataset.publications))
        if folder.split("/")[-1] != data.content.get("id"):
            problems.append(Problem(f"data/{rel}", where(("id",)), "id", shown(data.content.get("id")),
                                    f"samme id som mappens navn ('{folder.split('/')[-1]}')"))
        if not _unreadable(dataset, f"{folder}/figures.csv", files):
            problems += _check_headlines(data, files.get(f"{folder}/figures.csv"))
        if not _unreadable(dataset, f"{folder}/questions.yml", files):
            problems += headline_sense_problems(data, files.get(f"{folder}/questions.yml"))
        if not _unreadable(dataset, "survey/populations.yml", files):
            problems += method_problems(rel, data, dataset.populations)
    elif data.schema == "questions":
        where = yaml_where(data.content, data.line_of)
        for index, question in enumerate(data.content):
            for o_index, option in enumerate(question["options"]):
                for t_index, theme in enumerate(option.get("themes", [])):
                    if theme not in dataset.themes:
                        problems.append(_unknown_listed(rel, where, (index, "options", o_index, "themes", t_index),
                                                        theme, dataset.themes, UNKNOWN_THEME))
            counts = Counter(option["id"] for option in question["options"])
            for o_index, option in enumerate(question["options"]):
                if counts[option["id"]] > 1:
                    problems.append(Problem(f"data/{rel}", where((index, "options", o_index)),
                                            f"options[{o_index + 1}].id", shown(option["id"]),
                                            "et svar-id, der kun bruges én gang i spørgsmålet"))
        problems += _questions_without_figures(data, files.get(f"{folder}/figures.csv"))
    elif data.schema == "figures":
        problems += _check_figures(dataset, data, folder, files)
    return problems


def _check_wave_folders(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Every wave folder holds all three files, whichever of them is there."""
    folders = sorted({path.parent for path in (dataset.root / "data" / "survey").glob("*/*") if path.is_file()})
    problems = []
    for folder in folders:
        rel = f"survey/{folder.name}"
        for name in ("wave.yml", "questions.yml", "figures.csv"):
            if not (folder / name).exists():
                problems.append(Problem(f"data/{rel}/{name}", "hele filen", "(fil)", "ingen fil",
                                        "at hver bølge har wave.yml, questions.yml og figures.csv",
                                        "make new-wave laver alle tre filer"))
    return problems


def _check_headlines(data: DataFile, figures: DataFile | None) -> list[Problem]:
    """A headline must name a figure that exists, so the front page never shows a number of its own."""
    known = {_figure_key(r) for r in items(figures.content if figures else [])}
    where = yaml_where(data.content, data.line_of)
    headlines = data.content.get("headlines")
    return [
        Problem(f"data/{data.rel}", where(("headlines", index)), f"headlines[{index + 1}]",
                shown(" × ".join(str(part) for part in _figure_key(h))),
                f"et spørgsmål × svar × population, der står i data/{data.rel.rsplit('/', 1)[0]}/figures.csv")
        for index, h in enumerate(headlines if isinstance(headlines, list) else [])
        if isinstance(h, dict) and _figure_key(h) not in known
    ]


def _figure_key(row: dict) -> tuple:
    return row.get("question"), row.get("option"), row.get("population")


def _questions_without_figures(data: DataFile, figures: DataFile | None) -> list[Problem]:
    """A question with no figures would be an empty page; a new wave lists them here as its to-do list."""
    if figures is None:
        return []
    asked = {row.get("question") for row in items(figures.content)}
    folder = data.rel.rsplit("/", 1)[0]
    where = yaml_where(data.content, data.line_of)
    return [
        Problem(f"data/{data.rel}", where((index, "id")), f"[{index + 1}].id", shown(question_id),
                f"mindst én række i {folder}/figures.csv med dette spørgsmål",
                "tilføj tallene i figures.csv – eller slet spørgsmålet, hvis bølgen ikke har tal for det")
        for index, question_id in _ids(data.content)
        if question_id not in asked
    ]


def _check_figures(dataset: Dataset, data: DataFile, folder: str, files: dict[str, DataFile]) -> list[Problem]:
    questions_file = files.get(f"{folder}/questions.yml")
    questions = by_id(questions_file.content) if questions_file else {}
    check_questions = not _unreadable(dataset, f"{folder}/questions.yml", files)
    check_populations = not _unreadable(dataset, "survey/populations.yml", files)
    names = WaveNames.of(folder, list(questions.values()), list(dataset.populations.values()))
    problems, seen = [], {}
    rel = f"data/{data.rel}"
    for index, row in enumerate(data.content):
        where = f"række {data.line_of((index,))}"
        question_id, option_id, population = _figure_key(row)
        question = questions.get(question_id)
        if question_id is not None and question is None and check_questions:
            problems.append(Problem(rel, where, "question", shown(question_id),
                                    f"{UNKNOWN_QUESTION}{folder}/questions.yml",
                                    names.questions.named(question_id) or nearest(question_id, list(questions))))
        elif question is not None and option_id is not None:
            options = list(dict.fromkeys(option_id for _, option_id in _ids(question.get("options"))))
            if option_id not in options:
                problems.append(Problem(rel, where, "option", shown(option_id),
                                        f"{UNKNOWN_OPTION}spørgsmålet '{question_id}': {', '.join(options)}",
                                        names.options[question_id].named(option_id) or nearest(option_id, options)))
        if population is not None and population not in dataset.populations and check_populations:
            unknown = _unknown(data.rel, where, "population", population, dataset.populations,
                               f"{UNKNOWN_POPULATION}survey/populations.yml")
            problems.append(replace(unknown, hint=names.populations.named(population) or unknown.hint))
        key = _figure_key(row)
        if None in key:
            continue
        if key in seen:
            problems.append(Problem(rel, where, "question/option/population", shown(" × ".join(key)),
                                    f"én række pr. spørgsmål × svar × population (står også i række {seen[key]})"))
        seen.setdefault(key, data.line_of((index,)))
    return problems


def _check_continuity(files: dict[str, DataFile]) -> list[Problem]:
    """A question id means the same question in every wave: a changed wording must be recorded.

    The trend chart joins waves on the question id, so a silently reworded question would
    compare two different questions. `previous_wording` makes the change visible on the site.
    """
    problems = []
    earlier: dict[str, tuple[str, object, str]] = {}  # question id -> (wave, wording, file) in the latest earlier wave
    for rel in sorted((r for r, d in files.items() if d.schema == "questions"), key=_wave_order):
        data = files[rel]
        wave = rel.split("/")[1]
        where = yaml_where(data.content, data.line_of)
        current = {}
        for index, question in enumerate(_items_indexed(data.content)):
            if question is None or not isinstance(question.get("id"), str) or "wording" not in question:
                continue  # the schema reports the missing field
            wording, recorded = question.get("wording"), question.get("previous_wording")
            field = f"[{index + 1}].previous_wording"
            before = earlier.get(question["id"])
            if before is None:
                if recorded is not None:
                    problems.append(Problem(f"data/{rel}", where((index, "previous_wording")), field, shown(recorded),
                                            "intet – spørgsmålet findes ikke i en tidligere bølge",
                                            "slet previous_wording, eller brug spørgsmålets id fra den tidligere bølge"))
            elif wording != before[1] and recorded != before[1]:
                # Either file may hold the mistake, so the message names both.
                problems.append(Problem(f"data/{rel}", where((index, "wording")), field, shown(recorded),
                                        f"den gamle formulering fra {before[0]} (data/{before[2]}): »{before[1]}«",
                                        f"formuleringen er ændret siden {before[0]}: skriv den gamle i previous_wording – "
                                        "eller giv spørgsmålet et nyt id, hvis tallene ikke kan sammenlignes"))
            elif wording == before[1] and recorded is not None:
                problems.append(Problem(f"data/{rel}", where((index, "previous_wording")), field, shown(recorded),
                                        f"intet – formuleringen er den samme som i {before[0]}",
                                        "previous_wording bruges kun, når formuleringen er ændret"))
            current[question["id"]] = (wave, wording, rel)
        earlier.update(current)
    return problems


def _items_indexed(content) -> list[dict | None]:
    """Items by their index in the file, None where an item is not a mapping."""
    return [item if isinstance(item, dict) else None for item in content] if isinstance(content, list) else []


def _wave_order(rel: str) -> str:
    return rel.split("/")[1]


def _check_references(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Themes, areas and links named by items must exist."""
    problems = []
    themes_known = not _unreadable(dataset, "themes.yml", files)
    areas_known = not _unreadable(dataset, "areas.yml", files)
    quotes_known = not any(_unreadable(dataset, rel, files) for rel in _quote_files(dataset))
    testimonies = {k: v for k, v in dataset.quotes.items() if v.get("kind") == "testimony"}
    for rel, data in files.items():
        if data.schema not in ("quotes", "facts", "proposals", "framing"):
            continue
        where = yaml_where(data.content, data.line_of)
        if data.schema in ("quotes", "framing"):
            named = ("mappe", Path(rel).parent.name) if data.schema == "quotes" else ("fil", Path(rel).stem)
            if named[1] not in dataset.publications and not _unreadable(dataset, "publications.yml", files):
                problems.append(_unknown(rel, "hele filen", f"({named[0]})", named[1], dataset.publications,
                                         f"en {named[0]} opkaldt efter en publikation i publications.yml"))
        for index, item in enumerate(_items_indexed(data.content)):
            if item is None:
                continue
            for t_index, theme in enumerate(strings(item.get("themes")) if themes_known else []):
                if theme not in dataset.themes:
                    problems.append(_unknown_listed(rel, where, (index, "themes", t_index), theme, dataset.themes,
                                                    UNKNOWN_THEME))
            for a_index, area in enumerate(strings(item.get("areas")) if areas_known else []):
                if area not in dataset.areas:
                    problems.append(_unknown_listed(rel, where, (index, "areas", a_index), area, dataset.areas,
                                                    UNKNOWN_AREA))
            target = item.get("full_text")
            if isinstance(target, str) and quotes_known and target not in testimonies:
                problems.append(_unknown(rel, where((index, "full_text")), "full_text", target, testimonies,
                                         "id på en fortælling fra den lange samling"))
            elif isinstance(target, str) and quotes_known and themes_known:
                problems += twin_theme_problems(rel, where((index, "themes")), item, target, testimonies[target])
    return problems


def _quote_files(dataset: Dataset) -> list[str]:
    quotes_dir = dataset.root / "data" / "quotes"
    return [p.relative_to(dataset.root / "data").as_posix() for p in sorted(quotes_dir.glob("*/*.yml"))]


def _check_publications(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Each publication's source text must be in data/sources/, because the tests check quotes against it."""
    data = files.get("publications.yml")
    if data is None:
        return []
    where = yaml_where(data.content, data.line_of)
    sources = dataset.root / "data" / "sources"
    known = sorted(p.name for p in sources.glob("*.txt"))
    return [
        Problem("data/publications.yml", where((index, "text_file")), f"[{index + 1}].text_file", shown(item["text_file"]),
                "navnet på en tekstfil i data/sources/", nearest(item["text_file"], known))
        for index, item in enumerate(_items_indexed(data.content))
        if item is not None and isinstance(item.get("text_file"), str) and not (sources / item["text_file"]).is_file()
    ]


def _check_pointers(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Ids that site texts point to: a theme's `see_also` insight and the population of a wave's note (an
    insight block's link: evidence.load.shape_checks). A wrong one would be a broken link or a note nobody sees."""
    problems = []
    themes = files.get("themes.yml")
    if themes is not None and not _unreadable(dataset, "publications.yml", files):
        where = yaml_where(themes.content, themes.line_of)
        for index, theme in enumerate(_items_indexed(themes.content)):
            for r_index, ref in enumerate(items((theme or {}).get("see_also"))):
                place, field = where((index, "see_also", r_index)), f"see_also[{r_index + 1}]"
                publication, insight = ref.get("publication"), ref.get("insight")
                if publication not in dataset.publications:
                    problems.append(_unknown("themes.yml", place, f"{field}.publication", publication, dataset.publications))
                    continue
                if _unreadable(dataset, f"insights/{publication}.yml", files):
                    continue
                doc = dataset.insights.get(publication) or {}
                known = {i.get("id"): i for i in items(doc.get("main_insights")) + items(doc.get("insights"))}
                if insight not in known:
                    problems.append(_unknown("themes.yml", place, f"{field}.insight", insight, known,
                                             f"id på en indsigt i data/insights/{publication}.yml"))
    for rel, data in files.items():
        if data.schema == "wave" and isinstance(data.content, dict) and \
                not _unreadable(dataset, "survey/populations.yml", files):
            where = yaml_where(data.content, data.line_of)
            for index, note in enumerate(items(data.content.get("population_notes"))):
                population = note.get("population")
                if isinstance(population, str) and population not in dataset.populations:
                    problems.append(_unknown(rel, where(("population_notes", index, "population")),
                                             f"population_notes[{index + 1}].population", population,
                                             dataset.populations, "en population fra survey/populations.yml"))
    return problems


def _unknown(rel: str, where: str, field_name: str, value: str, known: dict, expected: str | None = None) -> Problem:
    path = rel if rel.startswith("data/") else f"data/{rel}"
    return Problem(path, where, field_name, shown(value), expected or f"et kendt id ({len(known)} findes)",
                   nearest(value, list(known)))

UNKNOWN_THEME = "et tema-id fra data/themes.yml: "
UNKNOWN_AREA = "et område-id fra data/areas.yml: "
UNKNOWN_QUESTION, UNKNOWN_OPTION, UNKNOWN_POPULATION = "et spørgsmåls-id fra ", "et svar-id for ", "en population fra "
# Messages about an unknown id that say which ids are known: for a value that is no valid id either, they
# stand in for the schema's message about its spelling (evidence.load.dataset.one_per_value).
UNKNOWN_IDS = (UNKNOWN_THEME, UNKNOWN_AREA, UNKNOWN_QUESTION, UNKNOWN_OPTION, UNKNOWN_POPULATION)


def _unknown_listed(rel: str, where, location: tuple, value: str, known: dict, expected: str) -> Problem:
    """An unknown theme or area, with every valid one. Named as the schema names the place, so that for a
    value that is no valid id either, this message can stand in for the schema's
    (evidence.load.dataset.one_per_value)."""
    return Problem(f"data/{rel}", where(location), field_name(location), shown(value),
                   expected + ", ".join(known), nearest(value, list(known)))


def by_id(content) -> dict[str, dict]:
    return {item["id"]: item for item in items(content) if isinstance(item.get("id"), str)}
