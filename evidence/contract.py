"""The data contract: which schema governs which file in `data/`, and checking files against it.

The schemas live in `data/schemas/` beside the data, so maintainers read the contract
where they edit. Any file in `data/` that no schema governs is itself a problem: a file
nobody validates would be a file nobody publishes correctly.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from evidence.problems import Problem, nearest, shown

# First match wins. Paths are relative to `data/`.
FILE_SCHEMAS: list[tuple[str, str]] = [
    ("themes.yml", "themes"),
    ("areas.yml", "areas"),
    ("publications.yml", "publications"),
    ("survey/populations.yml", "populations"),
    ("survey/*/wave.yml", "wave"),
    ("survey/*/questions.yml", "questions"),
    ("survey/*/figures.csv", "figures"),
    ("quotes/*/*.yml", "quotes"),
    ("insights/*.yml", "insights"),
    ("facts/*-chapters.yml", "booklet-texts"),
    ("facts/*.yml", "facts"),
    ("proposals/*.yml", "proposals"),
]
# Not data: the contract itself, the evidence texts and the maintainers' notes.
UNGOVERNED = ["schemas/*", "sources/*", "*.md"]

TYPE_NAMES = {
    "string": "tekst",
    "integer": "et heltal",
    "number": "et tal",
    "array": "en liste",
    "object": "et opslag (felt: værdi)",
    "null": "tomt",
    "boolean": "true eller false",
}
# libyaml when PyYAML has it: the same safe subset of YAML, with line marks, ~15× faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
# `make new-wave` writes this in front of every value a person must fill in.
PLACEHOLDER = "TODO"


@dataclass
class DataFile:
    """A parsed data file plus a way to find the line of any value in it."""

    path: Path
    rel: str
    schema: str
    content: Any
    line_of: Callable[[tuple], int]


def schema_for(rel: str) -> str | None:
    for pattern, schema in FILE_SCHEMAS:
        if fnmatch.fnmatch(rel, pattern):
            return schema
    return None


def schema_sources(schema_dir: Path) -> tuple[dict[str, bytes], bytes]:
    """The schema files' bytes by name, and their digest."""
    raw = {p.name.removesuffix(".schema.yml"): p.read_bytes() for p in sorted(schema_dir.glob("*.schema.yml"))}
    return raw, hashlib.sha256(pickle.dumps(raw)).digest()


def load_validators(raw: dict[str, bytes], digest: bytes) -> dict[str, Draft202012Validator]:
    """Schemas that have not changed are not compiled again."""
    if digest not in _validators:
        schemas = {name: yaml.load(text.decode("utf-8"), Loader=SAFE_LOADER) for name, text in raw.items()}
        registry = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema, default_specification=_draft()))
            for schema in schemas.values()
        )
        _validators.clear()
        _item_errors.clear()
        _validators[digest] = {name: Draft202012Validator(schema, registry=registry) for name, schema in schemas.items()}
    return _validators[digest]


_validators: dict[bytes, dict[str, Draft202012Validator]] = {}


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


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
        return Problem(shown_path, f"linje {line}", "(tegnsæt)", f"bytes, der ikke er UTF-8 ({raw[error.start:error.end]!r})",
                       "tekst gemt som UTF-8")


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
            problems.append(Problem(shown_path, "linje 1", "(kolonner)", shown(",".join(header)),
                                    f"kolonnerne {','.join(columns)} i den rækkefølge"))
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
                hint = "brug punktum som decimaltegn" if "," in value else (
                    "skriv tallet uden %" if "%" in value else "")
                problems.append(Problem(shown_path, f"række {line}", column, shown(value), TYPE_NAMES[wanted], hint))
        else:
            typed[column] = value
    return typed, problems


def _resolved_type(prop: dict) -> str:
    if "$ref" in prop and prop["$ref"].endswith("percent"):
        return "number"
    return prop.get("type", "string")


def _as_problem(error: ValidationError, shown_path: str, where: Callable[[tuple], str], prefix: tuple = ()) -> Problem:
    location = prefix + tuple(error.absolute_path)
    field = _field_name(location)
    found = shown(error.instance)
    hint = ""
    kind, rule = error.validator, error.validator_value
    if kind == "required":
        missing = [name for name in rule if name not in error.instance]
        field = _field_name(location + (missing[0],)) if missing else field
        found, expected = "intet", "at feltet er udfyldt"
    elif kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        field = _field_name(location + (extra[0],)) if extra else field
        found = "et ukendt felt"
        known = list(error.schema.get("properties", {}))
        expected = "kun felterne " + ", ".join(known)
        hint = nearest(extra[0], known) if extra else ""
    elif kind == "type":
        wanted = rule if isinstance(rule, list) else [rule]
        expected = " eller ".join(TYPE_NAMES.get(t, t) for t in wanted)
    elif kind == "enum":
        expected = "en af: " + ", ".join(str(v) for v in rule)
        hint = nearest(error.instance, [str(v) for v in rule])
    elif kind == "pattern":
        expected = ("et id med små bogstaver, tal og bindestreger (fx 'gode-kollegaer')"
                    if rule == SLUG_PATTERN else f"tekst på formen {rule}")
    elif kind == "minimum":
        expected = f"et tal på mindst {rule}"
    elif kind == "maximum":
        expected = f"et tal på højst {rule}"
        if rule == 100:
            hint = "andele skrives i procent fra 0 til 100"
    elif kind == "minLength":
        expected = "tekst, der ikke er tom"
    elif kind == "minItems":
        expected = f"mindst {rule} element(er)"
    elif kind == "maxItems":
        expected = f"højst {rule} element(er)"
    elif kind == "uniqueItems":
        expected = "en liste uden gentagelser"
    else:
        expected = error.message
    return Problem(shown_path, where(location), field, found, expected, hint)


def _field_name(location: tuple) -> str:
    parts = []
    for step in location:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts) or "(hele filen)"


def yaml_where(content: Any, line_of: Callable[[tuple], int]) -> Callable[[tuple], str]:
    """Name a place by its line and, inside a list of items, the item's id."""

    def where(location: tuple) -> str:
        text = f"linje {line_of(location)}"
        if location and isinstance(location[0], int) and isinstance(content, list):
            item = content[location[0]] if location[0] < len(content) else None
            if isinstance(item, dict) and "id" in item:
                text += f" (id '{item['id']}')"
        return text

    return where


def placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def placeholders(content: Any, location: tuple = ()) -> list[tuple[tuple, str]]:
    """Every value still holding the scaffold's TODO, with where it is."""
    if placeholder(content):
        return [(location, content)]
    if isinstance(content, dict):
        return [found for key, value in content.items() for found in placeholders(value, location + (key,))]
    if isinstance(content, list):
        return [found for index, value in enumerate(content) for found in placeholders(value, location + (index,))]
    return []


def placeholder_problems(validator: Draft202012Validator, instance: Any, shown_path: str,
                         where: Callable[[tuple], str]) -> list[Problem]:
    """A TODO gets one plain message; schema complaints about the same value would only repeat it."""
    todo = placeholders(instance)
    todo_at = {location for location, _ in todo}
    problems = [
        Problem(shown_path, where(location), _field_name(location), shown(value),
                "en rigtig værdi i stedet for pladsholderen TODO", "udfyld feltet – se CONTRIBUTING.md")
        for location, value in todo
    ]
    for prefix, error in _schema_errors(validator, instance):
        if prefix + tuple(error.absolute_path) not in todo_at:
            problems.append(_as_problem(error, shown_path, where, prefix))
    return problems


# Keywords a list file's schema may have beside `items` and still be checked without its items.
_LIST_KEYWORDS = {"$id", "$schema", "description", "type", "minItems", "maxItems"}


def _schema_errors(validator: Draft202012Validator, instance: Any) -> list[tuple[tuple, ValidationError]]:
    """Every schema error, with the location its path is relative to.

    The items of a list file are checked one by one and their errors kept by the item's content, so
    after an edit only the edited items are checked again: the largest files are lists of hundreds.
    """
    schema = validator.schema
    items = schema.get("items")
    if not isinstance(instance, list) or not isinstance(items, dict) or set(schema) - {"items"} - _LIST_KEYWORDS:
        return [((), error) for error in validator.iter_errors(instance)]
    whole = validator.evolve(schema={key: value for key, value in schema.items() if key != "items"})
    errors = [((), error) for error in whole.iter_errors(instance)]
    for index, item in enumerate(instance):
        key = (schema.get("$id"), pickle.dumps(item))
        if key not in _item_errors:
            _item_errors[key] = list(validator.descend(item, items))
        errors += [((index,), error) for error in _item_errors[key]]
    return errors


_item_errors: dict[tuple[str, bytes], list[ValidationError]] = {}


def read_all(data_dir: Path) -> tuple[dict[str, DataFile], list[Problem]]:
    """Parse and schema-check every data file, collecting every problem.

    A file's result is kept in memory for as long as its bytes and the schemas stay the same, so a
    rebuild under `make serve` parses and checks only the file that was edited. The checks that join
    files (evidence.dataset) see every file anew each time.
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
