"""The data contract: which schema governs which file in `data/`, and what a schema error means to a
person.

The schemas live in `data/schemas/` beside the data, so maintainers read the contract where they edit.
Any file in `data/` that no schema governs is itself a problem: a file nobody validates would be a
file nobody publishes correctly.
"""

from __future__ import annotations

import fnmatch
import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from evidence.load.problems import Problem, nearest, shown

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
    ("framing/*.yml", "framing"),
    ("facts/*-chapters.yml", "booklet-texts"),
    ("facts/*.yml", "facts"),
    ("proposals/*.yml", "proposals"),
    ("anonymity/places.yml", "places"),
    ("anonymity/words.yml", "anonymity-words"),
    ("anonymity/review.yml", "anonymity-review"),
    ("withdrawn.yml", "withdrawn"),
    ("site.yml", "site"),
]


# Not data: the contract itself, the evidence texts and the maintainers' notes; the record of published
# addresses is a plain list the build itself checks (evidence.publish.addresses).
UNGOVERNED = ["schemas/*", "sources/*", "*.md", "published-addresses.txt"]


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


def schema_for(rel: str) -> str | None:
    for pattern, schema in FILE_SCHEMAS:
        if fnmatch.fnmatch(rel, pattern):
            return schema
    return None


def schema_sources(schema_dir: Path) -> tuple[dict[str, bytes], bytes]:
    """The schema files' bytes by name, and their digest."""
    raw = {p.name.removesuffix(".schema.yml"): p.read_bytes() for p in sorted(schema_dir.glob("*.schema.yml"))}
    return raw, hashlib.sha256(pickle.dumps(raw)).digest()


def compiled_validators(digest: bytes) -> dict[str, Draft202012Validator] | None:
    """The validators of schemas with this digest, if they have been compiled."""
    return _validators.get(digest)


def load_validators(schemas: dict[str, dict], digest: bytes) -> dict[str, Draft202012Validator]:
    """The validators of the parsed schemas (whose files have this digest); compiled once per digest."""
    if digest not in _validators:
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


def _as_problem(error: ValidationError, shown_path: str, where: Callable[[tuple], str], prefix: tuple = ()) -> Problem:
    location = prefix + tuple(error.absolute_path)
    field = field_name(location)
    found = shown(error.instance)
    hint = ""
    kind, rule = error.validator, error.validator_value
    if kind == "required":
        missing = [name for name in rule if name not in error.instance]
        field = field_name(location + (missing[0],)) if missing else field
        found, expected = "intet", "at feltet er udfyldt"
    elif kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        field = field_name(location + (extra[0],)) if extra else field
        found = "et ukendt felt"
        known = list(error.schema.get("properties", {}))
        expected = "kun felterne " + ", ".join(known)
        hint = nearest(extra[0], known) if extra else ""
        missing = [name for name in error.schema.get("required", []) if name not in error.instance]
        if hint and hint.removeprefix("mente du '").removesuffix("'?") in missing:
            hint += " – det felt mangler"
    elif kind == "type":
        wanted = rule if isinstance(rule, list) else [rule]
        expected = " eller ".join(TYPE_NAMES.get(t, t) for t in wanted)
    elif kind == "enum":
        expected = "en af: " + ", ".join(str(v) for v in rule)
        hint = nearest(error.instance, [str(v) for v in rule])
    elif kind == "pattern":
        expected = ("et id med små bogstaver, tal og bindestreger (fx 'mit-nye-id')"
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


def field_name(location: tuple) -> str:
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
        Problem(shown_path, where(location), field_name(location), shown(value),
                "en rigtig værdi i stedet for pladsholderen TODO", "udfyld feltet – se CONTRIBUTING.md")
        for location, value in todo
    ]
    for prefix, error in _schema_errors(validator, instance):
        if prefix + tuple(error.absolute_path) not in todo_at:
            problems.append(_as_problem(error, shown_path, where, prefix))
    return _one_per_misspelling(problems)


def _one_per_misspelling(problems: list[Problem]) -> list[Problem]:
    """A misspelt field is one mistake: its »unknown field« message already names the missing field
    (»mente du 'wording'? – det felt mangler«), so the »missing« message for that field is left out."""
    misspelt = {(p.where, p.field.rpartition(".")[0], p.hint) for p in problems if p.found == "et ukendt felt"}
    kept = []
    for problem in problems:
        parent, _, name = problem.field.rpartition(".")
        if problem.found == "intet" and (problem.where, parent, f"mente du '{name}'? – det felt mangler") in misspelt:
            continue
        kept.append(problem)
    return kept


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
