"""Reading the files of `data/`: YAML and CSV with the line of every value, each checked against its
schema, every problem collected rather than the first one raised."""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import io
import os
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from evidence.load.problems import Problem, shown
from evidence.load.safe_yaml import MAX_TEXT_CHARS, Refusal, parse_shared
from evidence.load.safe_yaml import parse as parse_yaml
from evidence.load.schemas import (
    TYPE_NAMES,
    UNGOVERNED,
    compiled_validators,
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
    """Every file under data/ with its schema; ungoverned files and symbolic links are reported.

    A link is never followed: it could show a file outside the repository (its content in a message or
    on the site) that no reviewer of the data sees in the pull request."""
    found, problems = [], []
    for path, is_link in _entries(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        if is_link:
            problems.append(Problem(_shown_path(data_dir, path), "hele filen", "(fil)", "en symbolsk lænke",
                                    "en almindelig fil eller mappe i data/ – lænker følges ikke",
                                    "læg filen selv i data/ i stedet for en lænke til den"))
            continue
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


def _entries(data_dir: Path) -> list[tuple[Path, bool]]:
    """Files under data/ in name order, and symbolic links (to files or folders) as such, not followed."""
    entries = []
    for folder, folders, names in os.walk(data_dir):
        here = Path(folder)
        entries += [(here / name, True) for name in folders if (here / name).is_symlink()]
        folders[:] = [name for name in folders if not (here / name).is_symlink()]
        entries += [(here / name, (here / name).is_symlink()) for name in names]
    return sorted(entries)


# A number as figures.csv writes it; Python would also read »4_5«, »4.5e1«, »nan« and »inf«.
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")

# Characters no data text needs: NUL and the other control characters (tab and line ends aside), and the
# bidi controls that show a text in another order than it is stored (the embeddings and overrides, the
# isolates, the Arabic letter mark).
_BIDI = "\u061c\u202a-\u202e\N{LEFT-TO-RIGHT ISOLATE}-\N{POP DIRECTIONAL ISOLATE}"
_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f{_BIDI}]")
# Source texts keep the page breaks (\f) of the report's conversion.
SOURCE_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f{_BIDI}]")
_CONTROL_NAMES = {"\x00": "en NUL-byte", "\u202e": "et retningstegn, der vender teksten (RIGHT-TO-LEFT OVERRIDE)",
                  "\u202d": "et retningstegn (LEFT-TO-RIGHT OVERRIDE)"}

# Far above any file of data/ (the largest is about 0.3 MB); a bigger file is a mistake, not data.
MAX_FILE_BYTES = 5_000_000
MAX_SOURCE_BYTES = 20_000_000


def _shown_path(data_dir: Path, path: Path) -> str:
    return f"data/{path.relative_to(data_dir).as_posix()}"


def read_utf8(raw: bytes, shown_path: str, controls: re.Pattern | None = None) -> str | Problem:
    """The file's text, or a problem at the line of the first byte that is not UTF-8 or of the first
    character that must not be in it (a NUL byte, a control character, a bidi override that makes a
    text read differently on screen than it is stored)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        hint = _import_command(shown_path, "gemt af Excel uden UTF-8") if shown_path.endswith(".csv") else ""
        return Problem(shown_path, f"linje {line}", "(tegnsæt)", f"bytes, der ikke er UTF-8 ({raw[error.start:error.end]!r})",
                       "tekst gemt som UTF-8", hint)
    bad = (controls or _CONTROLS).search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        char = bad.group()
        return Problem(shown_path, f"linje {line}", "(tegn)",
                       f"{_CONTROL_NAMES.get(char, 'et usynligt styretegn')} (U+{ord(char):04X}) i kolonne {column}",
                       "tekst uden kontrol- og retningstegn", "slet tegnet – det ses ikke på skærmen")
    return text


def read_yaml(raw: bytes, shown_path: str) -> tuple[Any, LineMap] | list[Problem]:
    text = read_utf8(raw, shown_path)
    if isinstance(text, Problem):
        return [text]
    parsed = parse_yaml(text)
    if isinstance(parsed, list):
        return [Problem(shown_path, f"linje {r.line}", r.field, r.found, r.expected) for r in parsed]
    content, lines = parsed
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
            if _NUMBER.fullmatch(value) and (wanted == "number" or "." not in value):
                typed[column] = int(value) if wanted == "integer" else float(value)
            else:
                problems.append(Problem(shown_path, f"række {line}", column, shown(value), TYPE_NAMES[wanted],
                                        _number_hint(value)))
        elif len(value) > MAX_TEXT_CHARS:
            problems.append(Problem(shown_path, f"række {line}", column, shown(value),
                                    f"højst {MAX_TEXT_CHARS:,} tegn pr. felt".replace(",", ".")))
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


# The files every other file refers to: without one of them, only it is named (its absence would otherwise
# be reported once for every reference to it, hundreds of times).
CORE_FILES = ["themes.yml", "areas.yml", "publications.yml", "survey/populations.yml"]


def read_all(data_dir: Path, replaced: dict[str, bytes] | None = None) -> tuple[dict[str, DataFile], list[Problem]]:
    """Parse and schema-check every data file, collecting every problem.

    `replaced` gives files (by their path in data/) the bytes they are about to be written with, so an
    import can be checked with all data before it writes anything.

    A file's result is kept in memory for as long as its bytes and the schemas stay the same, so a
    rebuild under `make serve` parses and checks only the file that was edited. The checks that join
    files (evidence.load.cross_checks) see every file anew each time.
    """
    replaced = replaced or {}
    raw_schemas, schemas_digest = schema_sources(data_dir / "schemas")
    files, problems = data_files(data_dir)
    files += [(data_dir / rel, rel, schema_for(rel)) for rel in sorted(set(replaced) - {f[1] for f in files})]
    if not files:
        return {}, problems or [Problem("data/", "hele mappen", "(datafiler)", "ingen datafiler",
                                        "temaer, publikationer, bølger og citater i data/ (se CONTRIBUTING.md)")]
    missing_schemas = sorted({schema for _, _, schema in files if schema not in raw_schemas})
    if missing_schemas:
        return {}, problems + [Problem(f"data/schemas/{schema}.schema.yml", "hele filen", "(fil)", "intet (filen mangler)",
                                       "datakontraktens skema for filerne i data/") for schema in missing_schemas]
    validators = compiled_validators(schemas_digest)
    if validators is None:
        schemas, schema_problems = _read_schemas(raw_schemas)
        if schema_problems:
            return {}, problems + schema_problems
        validators = load_validators(schemas, schemas_digest)
    parsed: dict[str, DataFile] = {}
    kept: dict[tuple, _Checked] = {}
    for path, rel, schema in files:
        raw = replaced.get(rel) or path.read_bytes()
        key = (rel, schema, hashlib.sha256(raw).digest(), schemas_digest)
        shown_path = _shown_path(data_dir, path)
        checked = _checked.get(key) or (
            _Checked(b"", None, (_too_big(shown_path, len(raw), MAX_FILE_BYTES),)) if len(raw) > MAX_FILE_BYTES
            else _check(raw, shown_path, path.suffix, validators[schema]))
        kept[key] = checked
        problems += checked.problems
        if checked.line_of is not None:
            parsed[rel] = DataFile(path, rel, schema, pickle.loads(checked.content), checked.line_of)
    # Only the versions just read can be asked for next: older versions of edited files are let go.
    _checked.clear()
    _checked.update(kept)
    problems += [problem for path in sorted((data_dir / "sources").glob("*.txt")) if not path.is_symlink()
                 for problem in [source_problem(path, _shown_path(data_dir, path))] if problem]
    named = {problem.file for problem in problems}
    problems += [_missing(data_dir, rel) for rel in CORE_FILES if rel not in parsed and f"data/{rel}" not in named]
    return parsed, problems


def _read_schemas(raw_schemas: dict[str, bytes]) -> tuple[dict[str, dict], list[Problem]]:
    """The schema files parsed; a schema that cannot be read is a problem like any data file's."""
    schemas, problems = {}, []
    for name, raw in raw_schemas.items():
        shown_path = f"data/schemas/{name}.schema.yml"
        text = read_utf8(raw, shown_path)
        content = text if isinstance(text, Problem) else parse_shared(text)
        if isinstance(content, Refusal):
            problems.append(Problem(shown_path, f"linje {content.line}", content.field, content.found, content.expected))
        elif isinstance(content, Problem):
            problems.append(content)
        elif not isinstance(content, dict) or not isinstance(content.get("$id"), str):
            problems.append(Problem(shown_path, "hele filen", "$id", shown(content if not isinstance(content, dict) else ""),
                                    "et JSON Schema (et opslag med $id)"))
        else:
            schemas[name] = content
    return schemas, problems


def core_missing(files: dict[str, DataFile]) -> bool:
    """Whether a file every other file refers to could not be read (its problem is reported): the checks
    across files would then only say, once per reference, that its ids are unknown."""
    return any(rel not in files for rel in CORE_FILES)


def publication_of(rel: str) -> str:
    """The publication a data file belongs to, from its place in data/: a folder under quotes/, or the file's
    name (»<publication>.yml«, »<publication>-chapters.yml«)."""
    path = Path(rel)
    return path.parent.name if rel.startswith("quotes/") else path.stem.removesuffix("-chapters")


def _missing(data_dir: Path, rel: str) -> Problem:
    found = "en mappe" if (data_dir / rel).is_dir() else "intet (filen mangler)"
    return Problem(f"data/{rel}", "hele filen", "(fil)", found,
                   "filen – de andre filer i data/ henviser til dens id'er", "hent den igen fra git, fx git checkout -- "
                   f"data/{rel}")


def _too_big(shown_path: str, size: int, limit: int) -> Problem:
    return Problem(shown_path, "hele filen", "(fil)", f"en fil på {size / 1e6:.1f} MB",
                   f"højst {limit / 1e6:.0f} MB – en så stor fil er ikke data, som nogen har skrevet")


def source_problem(path: Path, shown_path: str) -> Problem | None:
    """Why a source text in data/sources/ cannot be read (too big, not UTF-8, a NUL byte), if it cannot."""
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        return _too_big(shown_path, size, MAX_SOURCE_BYTES)
    text = read_utf8(path.read_bytes(), shown_path, SOURCE_CONTROLS)
    return text if isinstance(text, Problem) else None


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
        if any(p.field in ("(tegnsæt)", "(tegn)") or (p.field == "(kolonner)" and p.where == "linje 1")
               for p in csv_problems):
            return _Checked(b"", None, tuple(csv_problems))  # text or columns unknown: the rows cannot be read
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
    if isinstance(result, list):
        return _Checked(b"", None, tuple(result))
    content, line_of = result
    return _Checked(pickle.dumps(content), line_of,
                    tuple(placeholder_problems(validator, content, shown_path, yaml_where(content, line_of))))
