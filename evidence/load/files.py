"""Reading the files of `data/`: YAML and CSV with the line of every value, each checked against its
schema, every problem collected rather than the first one raised."""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import io
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from evidence.load.problems import Problem, shown
from evidence.load.schemas import (
    SAFE_LOADER,
    TYPE_NAMES,
    UNGOVERNED,
    load_validators,
    placeholder_problems,
    schema_for,
    schema_sources,
    yaml_where,
)
from evidence.load.spreadsheet import number_text, read_number


@dataclass
class DataFile:
    """A parsed data file plus a way to find the line of any value in it."""

    path: Path
    rel: str
    schema: str
    content: Any
    line_of: Callable[[tuple], int]


def data_files(data_dir: Path) -> tuple[list[tuple[Path, str, str]], list[Problem]]:
    """Every file under data/ with its schema; ungoverned files are reported."""
    found, problems = [], []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        if any(fnmatch.fnmatch(rel, pattern) for pattern in UNGOVERNED):
            continue
        schema = schema_for(rel)
        if schema is None:
            problems.append(
                Problem(_shown_path(data_dir, path), "hele filen", "(filnavn)", f"'{rel}'",
                        "en fil, som datakontrakten kender (se CONTRIBUTING.md)")
            )
        else:
            found.append((path, rel, schema))
    return found, problems


def _shown_path(data_dir: Path, path: Path) -> str:
    return f"data/{path.relative_to(data_dir).as_posix()}"


def read_utf8(raw: bytes, shown_path: str) -> str | Problem:
    """The file's text, or a problem at the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        hint = _import_command(shown_path, "gemt af Excel uden UTF-8") if shown_path.endswith(".csv") else ""
        return Problem(shown_path, f"linje {line}", "(tegnsæt)", f"bytes, der ikke er UTF-8 ({raw[error.start:error.end]!r})",
                       "tekst gemt som UTF-8", hint)


def read_yaml(raw: bytes, shown_path: str) -> tuple[Any, LineMap] | Problem:
    text = read_utf8(raw, shown_path)
    if isinstance(text, Problem):
        return text
    loader = SAFE_LOADER(text)
    try:
        # The values are built from the same nodes that give the line marks: one parse, not two.
        root = loader.get_single_node()
        content = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"linje {mark.line + 1}" if mark else "hele filen"
        reason = getattr(error, "problem", None) or "ukendt fejl"
        return Problem(shown_path, where, "(YAML)", f"ugyldig YAML ({reason})",
                       "gyldig YAML – tjek indrykning, kolon og anførselstegn")
    finally:
        loader.dispose()

    lines: dict[tuple, int] = {}
    if root is not None:
        _node_lines(root, (), lines)
    return content, LineMap(lines)


@dataclass(frozen=True)
class LineMap:
    """The file line of every value by its location (keys and list indexes). Plain data, so a
    file's check can be stored between builds; a location deeper than the file's values (a
    missing field) gets the line of the nearest value around it."""

    lines: dict[tuple, int]

    def __call__(self, location: tuple) -> int:
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1


def _node_lines(node: yaml.Node, location: tuple, lines: dict[tuple, int]) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _node_lines(child, location + (index,), lines)
    elif isinstance(node, yaml.MappingNode):
        for key, child in node.value:
            if location + (key.value,) not in lines:  # a repeated key: the first one counts
                _node_lines(child, location + (key.value,), lines)


def read_csv(raw: bytes, shown_path: str, validator: Draft202012Validator) -> tuple[list[dict], dict[int, int], list[Problem]]:
    """Rows typed per the schema; `lines[i]` is the file line of row i."""
    schema = validator.schema
    columns = list(schema["properties"])
    problems: list[Problem] = []
    rows, lines = [], {}
    text = read_utf8(raw, shown_path)
    if isinstance(text, Problem):
        return [], {}, [text]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
        if header != columns:
            problems.append(Problem(shown_path, "linje 1", "(kolonner)", shown(text.split("\n", 1)[0]),
                                    f"kolonnerne {','.join(columns)} i den rækkefølge, adskilt af komma",
                                    _excel_hint(text, shown_path)))
            return [], {}, problems
        for row in reader:
            line = reader.line_num
            typed, row_problems = _typed_row(row, schema, shown_path, line)
            problems += row_problems
            lines[len(rows)] = line
            rows.append(typed)
    except csv.Error as error:
        problems.append(Problem(shown_path, f"linje {reader.line_num}", "(CSV)", f"ugyldig CSV ({error})",
                                "gyldig CSV – tjek anførselstegn og kommaer"))
    return rows, lines, problems


def _excel_hint(text: str, shown_path: str) -> str:
    """Name a file Excel saved (with semicolons, a byte-order mark) as such, with the fix."""
    first = text.split("\n", 1)[0]
    traits = [trait for trait, present in (("semikolon som skilletegn", first.count(";") > first.count(",")),
                                           ("et usynligt BOM-tegn (\\ufeff) først i filen", text.startswith("\ufeff")))
              if present]
    return _import_command(shown_path, f"gemt af Excel med {' og '.join(traits)}") if traits else ""


def _import_command(shown_path: str, how: str) -> str:
    """The command that reads a wave's figures.csv as Excel saved it and writes it as the site reads it."""
    return (f"filen er {how}: læs den ind med make import-wave WAVE={shown_path.split('/')[-2]} FILE={shown_path}, "
            "som skriver den om, så sitet kan læse den")


def _typed_row(row: dict, schema: dict, shown_path: str, line: int) -> tuple[dict, list[Problem]]:
    typed, problems = {}, []
    for column, value in row.items():
        if column is None:
            problems.append(Problem(shown_path, f"række {line}", "(kolonner)", "for mange felter",
                                    "et felt pr. kolonne – sæt tekst med komma i anførselstegn"))
            continue
        if value is None or value.strip() == "":
            continue
        wanted = _resolved_type(schema["properties"][column])
        if wanted in ("number", "integer"):
            try:
                typed[column] = int(value) if wanted == "integer" else float(value)
            except ValueError:
                problems.append(Problem(shown_path, f"række {line}", column, shown(value), TYPE_NAMES[wanted],
                                        _number_hint(value)))
        else:
            typed[column] = value
    return typed, problems


def _number_hint(value: str) -> str:
    """Everything wrong with a number as a person wrote it, in one message (»64,5 %« → »skriv 64.5«)."""
    number = read_number(value)
    if number is None:
        return ""
    fixes = [fix for fix, wrong in (("punktum som decimaltegn", "," in value), ("uden %", "%" in value),
                                    ("uden mellemrum", bool(re.search(r"\d\s+\d", value)))) if wrong]
    return f"skriv {number_text(number)}" + (f" – {', '.join(fixes)}" if fixes else "")


def _resolved_type(prop: dict) -> str:
    if "$ref" in prop and prop["$ref"].endswith("percent"):
        return "number"
    return prop.get("type", "string")


def read_all(data_dir: Path) -> tuple[dict[str, DataFile], list[Problem]]:
    """Parse and schema-check every data file, collecting every problem.

    A file's result is kept in memory for as long as its bytes and the schemas stay the same, so a
    rebuild under `make serve` parses and checks only the file that was edited. The checks that join
    files (evidence.load.cross_checks) see every file anew each time.
    """
    raw_schemas, schemas_digest = schema_sources(data_dir / "schemas")
    files, problems = data_files(data_dir)
    parsed: dict[str, DataFile] = {}
    kept: dict[tuple, _Checked] = {}
    for path, rel, schema in files:
        raw = path.read_bytes()
        key = (rel, schema, hashlib.sha256(raw).digest(), schemas_digest)
        checked = _checked.get(key) or _check(raw, _shown_path(data_dir, path), path.suffix,
                                              load_validators(raw_schemas, schemas_digest)[schema])
        kept[key] = checked
        problems += checked.problems
        if checked.line_of is not None:
            parsed[rel] = DataFile(path, rel, schema, pickle.loads(checked.content), checked.line_of)
    # Only the versions just read can be asked for next: older versions of edited files are let go.
    _checked.clear()
    _checked.update(kept)
    return parsed, problems


@dataclass(frozen=True)
class _Checked:
    """One file's parse and schema check. The content is kept pickled, so every load hands out
    values of its own and nothing a build does to them reaches the next build."""

    content: bytes
    line_of: LineMap | None  # None: the file could not be read, no check may rely on it
    problems: tuple[Problem, ...]


_checked: dict[tuple, _Checked] = {}


def _check(raw: bytes, shown_path: str, suffix: str, validator: Draft202012Validator) -> _Checked:
    if suffix == ".csv":
        rows, lines, csv_problems = read_csv(raw, shown_path, validator)
        if any(p.field == "(kolonner)" and p.where == "linje 1" for p in csv_problems):
            return _Checked(b"", None, tuple(csv_problems))  # columns unknown: the rows cannot be read
        problems = list(csv_problems)
        for index, row in enumerate(rows):
            where = f"række {lines[index]}"
            # A value that could not be read as a number was reported already; "missing" would repeat it.
            reported = {p.field for p in csv_problems if p.where == where}
            problems += [p for p in placeholder_problems(validator, row, shown_path, lambda loc, where=where: where)
                         if p.field not in reported]
        return _Checked(pickle.dumps(rows), LineMap({(): 1} | {(index,): line for index, line in lines.items()}),
                        tuple(problems))
    result = read_yaml(raw, shown_path)
    if isinstance(result, Problem):
        return _Checked(b"", None, (result,))
    content, line_of = result
    return _Checked(pickle.dumps(content), line_of,
                    tuple(placeholder_problems(validator, content, shown_path, yaml_where(content, line_of))))
