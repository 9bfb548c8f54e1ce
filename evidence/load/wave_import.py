"""From a survey spreadsheet to a wave's figures.csv, and the spreadsheet to fill in.

The people who add a wave work in spreadsheets and name things as the report does: »S6«, the
question's wording, »Børne- og familieområdet«. Mapping such names to ids by hand was most of the
work of a new wave, so a question, option or population is accepted by its id or by any name the
wave's questions.yml or data/survey/populations.yml gives it, without regard to case or spacing.
Every row is mapped before anything is written: a table with a row that cannot be mapped changes
nothing, and the person gets every such row at once, with a suggestion.
"""

from __future__ import annotations

import csv
import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from evidence.load.problems import Problem, shown
from evidence.load.safe_yaml import parse as parse_yaml
from evidence.load.spreadsheet import Table, number_text, read_number

COLUMNS = ["question", "option", "population", "value", "locator"]

# What a column's header may start with, per figures.csv column: the Danish words an analyst writes
# (»Placering i rapporten«, »Andel (%)«), then the ids figures.csv itself uses. CONTRIBUTING.md and the
# template's guide list them (`accepted_headers`).
HEADER_WORDS = {
    "question": ("spørgsmål", "spm", "question"),
    "option": ("svar", "option"),
    "population": ("population", "gruppe", "målgruppe", "område"),
    "value": ("andel", "procent", "pct", "værdi", "%", "value"),
    "locator": ("placering i rapporten", "sted i rapporten", "hvor i rapporten", "kilde", "side", "locator"),
}

# The template's columns, in the words of the person who fills it in.
TEMPLATE_HEADER = ["Spørgsmål (id)", "Spørgsmål", "Svar (id)", "Svar", "Population (id)", "Population",
                   "Værdi (%)", "Locator (hvor i rapporten)", "Forrige bølge {previous} (%)"]

EMPTY = {"", "-", "–", "—"}


def _key(text: object) -> str:
    return " ".join(str(text).split()).casefold()


@dataclass
class Names:
    """Everything a thing may be called, each name to its id; `shown` keeps the names as written."""

    ids: dict[str, str]
    shown: dict[str, str]

    @classmethod
    def of(cls, items: list[tuple[str, list]]) -> Names:
        ids, shown_names = {}, {}
        for item_id, names in items:
            for name in [item_id, *names]:
                if isinstance(name, str) and name.strip():
                    ids.setdefault(_key(name), item_id)
                    shown_names.setdefault(_key(name), name)
        return cls(ids, shown_names)

    def named(self, text: str) -> str:
        """For an id written as a name (»Børne- og familieområdet«): which id, and the way to write names."""
        known = self.ids.get(_key(text))
        return (f"skriv id'et '{known}' – eller læs tabellen ind med make import-wave, som forstår navnene"
                if known and known != text else "")

    def suggest(self, text: str) -> str:
        match = difflib.get_close_matches(_key(text), list(self.shown), n=1, cutoff=0.6)
        return f"mente du '{self.shown[match[0]]}'?" if match else ""


def accepted_headers() -> str:
    """The column names the importer reads, as the guide and the template's guide list them."""
    return "; ".join(f"{column}: " + ", ".join(f"»{word.capitalize()}«" for word in words)
                     for column, words in HEADER_WORDS.items())


def question_title(question: dict) -> str:
    """How the site and the template name a question: »S6: wording«; a question the report states without
    wording (type ukendt) by what it measures, since that is all the report says of it."""
    label = f"{question['label']}: " if question.get("label") else ""
    return label + str(question.get("wording") or question.get("measure") or "")


def question_names(question: dict) -> list:
    """A question's names: its number, its wording, its title as the template and a report's table print it,
    which names a question without number or wording too."""
    label, wording, instruction = question.get("label"), question.get("wording"), question.get("instruction")
    names = [label, wording, question_title(question)]
    if instruction and wording:
        names += [f"{wording} ({instruction})", f"{label}: {wording} ({instruction})" if label else None]
    return names


@dataclass(frozen=True)
class WaveNames:
    wave: str
    questions: Names
    options: dict[str, Names]
    populations: Names

    @classmethod
    def read(cls, root: Path, wave: str) -> WaveNames:
        return cls.of(wave, _yaml_list(root / "data" / "survey" / wave / "questions.yml"),
                      _yaml_list(root / "data" / "survey" / "populations.yml"))

    @classmethod
    def of(cls, wave: str, questions: list[dict], populations: list[dict]) -> WaveNames:
        return cls(
            wave,
            Names.of([(q["id"], question_names(q)) for q in questions]),
            {q["id"]: Names.of([(o["id"], [o.get("label")]) for o in items(q.get("options"))]) for q in questions},
            Names.of([(p["id"], [p.get("name")]) for p in populations]),
        )


def _yaml_list(path: Path) -> list[dict]:
    """The file's items; none when it cannot be read safely (validation names why)."""
    parsed = parse_yaml(path.read_text(encoding="utf-8", errors="replace"))
    return items(parsed[0]) if isinstance(parsed, tuple) else []


def items(content) -> list[dict]:
    """The items of a list with a string id; anything else is the schema's to report."""
    return [i for i in content if isinstance(i, dict) and isinstance(i.get("id"), str)] if isinstance(content, list) else []


def header_columns(header: list[str]) -> dict[str, list[int]]:
    """The table's columns per figures.csv column, in the table's order (an id column and a name column
    may both be there)."""
    found: dict[str, list[int]] = {column: [] for column in COLUMNS}
    for index, cell in enumerate(header):
        column = next((c for c, words in HEADER_WORDS.items() if _key(cell).startswith(words)), None)
        if column:
            found[column].append(index)
    return found


@dataclass(frozen=True)
class Imported:
    figures: list[dict]
    rows: list[int]        # the table's row number of each figure
    problems: list[Problem]


def map_table(table: Table, names: WaveNames, shown_path: str) -> Imported:
    columns = header_columns(table.header)
    missing = [c for c in COLUMNS if not columns[c]]
    if missing:
        return Imported([], [], [Problem(
            shown_path, f"række {table.header_row}", "(kolonner)", shown("; ".join(table.header)),
            "en kolonne for hver af " + ", ".join(COLUMNS) + ", hvis navn begynder med et af ordene (" + accepted_headers() + ")",
            "mangler: " + ", ".join(missing) + " – brug skabelonen fra make wave-template")])
    figures, rows, problems, seen = [], [], [], {}
    for number, cells in table.rows:
        def cell(index: int, cells=cells) -> str:
            return cells[index].strip() if index < len(cells) and cells[index] is not None else ""

        value_text = next((cell(i) for i in columns["value"] if cell(i) not in EMPTY), "")
        if not value_text:
            continue  # a row of the template nobody filled in: the report has no such figure
        where = f"række {number}"
        row_problems: list[Problem] = []
        question = _pick(cells, columns["question"], names.questions, cell, shown_path, where, table.header,
                         f"et spørgsmål fra data/survey/{names.wave}/questions.yml: id, nummer eller ordlyd", row_problems)
        option = None
        if question:
            option = _pick(cells, columns["option"], names.options[question], cell, shown_path, where, table.header,
                           f"et svar til spørgsmålet '{question}': id eller tekst", row_problems)
        population = _pick(cells, columns["population"], names.populations, cell, shown_path, where, table.header,
                           "en population fra data/survey/populations.yml: id eller navn", row_problems)
        value = read_number(value_text)
        if value is None or not 0 <= value <= 100:
            row_problems.append(Problem(shown_path, where, table.header[columns["value"][0]], shown(value_text),
                                        "en andel i procent fra 0 til 100, fx 64 eller 64,5 %"))
        locator = next((cell(i) for i in columns["locator"] if cell(i)), "")
        if not locator:
            row_problems.append(Problem(shown_path, where, table.header[columns["locator"][0]], "intet",
                                        "hvor i rapporten tallet står, fx overskriften over tallet (se CONTRIBUTING.md)"))
        key = (question, option, population)
        if None not in key and key in seen:
            row_problems.append(Problem(shown_path, where, "spørgsmål/svar/population", shown(" × ".join(key)),
                                        f"ét tal pr. spørgsmål × svar × population (står også i række {seen[key]})"))
        problems += row_problems
        if not row_problems:
            seen[key] = number
            figures.append(dict(zip(COLUMNS, [question, option, population, number_text(value), locator], strict=True)))
            rows.append(number)
    return Imported(figures, rows, problems)


def _pick(cells, indexes, known: Names, cell, shown_path, where, header, expected, problems) -> str | None:
    """The id the row's first filled column of this kind maps to; a problem if none maps."""
    filled = [(i, cell(i)) for i in indexes if cell(i)]
    for _, text in filled:
        if _key(text) in known.ids:
            return known.ids[_key(text)]
    field = header[filled[0][0]] if filled else header[indexes[0]]
    text = filled[0][1] if filled else ""
    problems.append(Problem(shown_path, where, field, shown(text), expected, known.suggest(text) if text else ""))
    return None


def figures_csv(figures: list[dict]) -> str:
    """figures.csv as the maintainers write it by hand: ids bare, the locator always in quotes."""
    lines = [",".join(COLUMNS)]
    for row in figures:
        locator = row["locator"].replace('"', '""')
        lines.append(",".join(row[c] for c in COLUMNS[:-1]) + f',"{locator}"')
    return "\n".join(lines) + "\n"


def write_whole(path: Path, text: str) -> None:
    """Write the file in one step: a reader (or a failed run) never sees half of it."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def previous_wave(survey_dir: Path, before: str) -> str | None:
    """The newest wave before `before`: the one a new wave continues."""
    waves = sorted(p.name for p in survey_dir.iterdir() if p.is_dir() and (p / "wave.yml").exists() and p.name < before)
    return waves[-1] if waves else None


def template_rows(root: Path, wave: str) -> tuple[str, list[list]]:
    """One row per question × population × option of the wave (or, before it is started, of the previous
    wave), with names and ids, the previous wave's locator and value, and the value left empty."""
    survey = root / "data" / "survey"
    previous = previous_wave(survey, wave)
    own = survey / wave / "questions.yml"
    questions = _yaml_list(own if own.exists() else survey / str(previous) / "questions.yml")
    populations = _yaml_list(survey / "populations.yml")
    before = {}
    if previous and (survey / previous / "figures.csv").exists():
        with (survey / previous / "figures.csv").open(encoding="utf-8", newline="") as file:
            before = {(r["question"], r["option"], r["population"]): r for r in csv.DictReader(file)}
    rows = []
    for question in questions:
        title = question_title(question)
        for population in populations:
            for option in question.get("options") or []:
                earlier = before.get((question["id"], option["id"], population["id"]), {})
                rows.append([question["id"], title, option["id"], option.get("label"), population["id"],
                             population.get("name"), None, earlier.get("locator"),
                             read_number(earlier["value"]) if earlier.get("value") else None])
    return str(previous), rows
