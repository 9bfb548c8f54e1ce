"""The site's 'Bidrag med data' page: CONTRIBUTING.md plus every file and field, read from the schemas.

The guide is written once, in CONTRIBUTING.md, where contributors on GitHub find it; the
site shows the same text. The field reference is generated from data/schemas/ so that it
can never disagree with what validation enforces.
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml

from evidence.load.dataset_types import Dataset
from evidence.load.schemas import FILE_SCHEMAS, SAFE_LOADER, SLUG_PATTERN, TYPE_NAMES
from evidence.pages.markdown import front_matter
from evidence.pages.page import Page
from evidence.urls import CONTRACT_PAGE

NAMED_DEFS = {
    "slug": "et id (små bogstaver, tal og bindestreger)",
    "text": "tekst, ikke tom",
    "percent": "et tal fra 0 til 100",
    "theme_ids": "en liste med 1–4 tema-id'er fra data/themes.yml",
}


def contract_page(dataset: Dataset) -> Page:
    guide = (dataset.root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    title = "Bidrag med data"
    lines = [
        front_matter(title=title, description="Sådan lægger du en ny bølge af undersøgelsen eller en ny "
                                              "samling af fortællinger på sitet – uden at skrive kode."),
        # The guide shows template syntax and paths as text; Jinja must not read it.
        "{% raw %}",
        guide.rstrip() + "\n",
        "## Alle filer og felter\n",
        "Lavet direkte ud fra datakontrakten i `data/schemas/`. »Ja« betyder, at feltet skal udfyldes.\n",
        *reference(dataset.root / "data" / "schemas"),
        "{% endraw %}",
    ]
    return Page(CONTRACT_PAGE, "\n".join(lines), title)


def reference(schema_dir: Path) -> list[str]:
    schemas = {p.name.removesuffix(".schema.yml"): yaml.load(p.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
               for p in sorted(schema_dir.glob("*.schema.yml"))}
    lines = []
    for pattern, name in FILE_SCHEMAS:
        schema = schemas[name]
        rows = fields(schema)
        lines += [f"### `data/{pattern}`\n", f"Schema: `data/schemas/{name}.schema.yml`. {_shape(schema)}\n",
                  "| Felt | Skal udfyldes | Regel | Hvad du skriver |", "| --- | --- | --- | --- |"]
        lines += [f"| `{path}` | {'ja' if required else 'nej'} | {_cell(rule)} | {_cell(text)} |"
                  for path, required, rule, text in rows]
        lines.append("")
    return lines


def _shape(schema: dict) -> str:
    if schema.get("type") == "array":
        return "Filen er en liste; hvert punkt har felterne herunder."
    if "question" in schema.get("properties", {}) and "value" in schema.get("properties", {}):
        return "Hver række i CSV-filen har kolonnerne herunder."
    return "Filen har felterne herunder."


def _resolve(prop: dict, root: dict) -> tuple[dict, str | None]:
    ref = prop.get("$ref")
    if ref is None:
        return prop, None
    name = ref.rsplit("/", 1)[-1]
    if ref.startswith("#/"):
        return root["$defs"][name], name
    return prop, name


def fields(schema: dict) -> list[tuple[str, bool, str, str]]:
    """Every field of a schema, nested ones as `a.b` and `a[].b`: (path, required, rule, what to write)."""
    return list(_fields(schema, schema, "", set()))


def _fields(schema: dict, root: dict, prefix: str, seen: set[str]):
    node = schema["items"] if schema.get("type") == "array" and isinstance(schema.get("items"), dict) else schema
    node, _ = _resolve(node, root)
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        resolved, ref_name = _resolve(prop, root)
        yield path, name in required, _rule(prop, root), _description(prop, resolved)
        if ref_name and prop["$ref"].startswith("#/") and ref_name in seen:
            continue
        inner = resolved.get("items") if resolved.get("type") == "array" else resolved
        inner, inner_ref = _resolve(inner, root) if isinstance(inner, dict) else ({}, None)
        if inner.get("properties"):
            marker = "[]." if resolved.get("type") == "array" else "."
            yield from _fields(inner, root, path + marker, seen | {n for n in (ref_name, inner_ref) if n})


def _description(prop: dict, resolved: dict) -> str:
    """What the maintainer writes in the field: the schema's own description, beside the rule it states."""
    return _text_with_code(prop.get("description") or (resolved.get("description") if resolved is not prop else "") or "")


def _text_with_code(text: str) -> str:
    """A schema's description as Markdown: its `code` spans stay code, and the rest is text, so a placeholder
    such as <publikation> is shown, never read as a tag."""
    return "`".join(part if index % 2 else html.escape(part, quote=False) for index, part in enumerate(text.split("`")))


def _rule(prop: dict, root: dict) -> str:
    ref = prop.get("$ref", "")
    name = ref.rsplit("/", 1)[-1] if ref else ""
    if ref and not ref.startswith("#/"):
        return NAMED_DEFS.get(name, name)
    prop, _ = _resolve(prop, root)
    if "enum" in prop:
        return "en af: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "anyOf" in prop:
        return " eller ".join(_rule(option, root) for option in prop["anyOf"])
    kinds = prop.get("type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    text = " eller ".join(TYPE_NAMES.get(k, k) for k in kinds if k)
    if "array" in kinds and isinstance(prop.get("items"), dict):
        items = prop["items"]
        structured = items.get("properties") or items.get("$ref", "").startswith("#/")
        text = "en liste (felterne står herunder)" if structured else f"en liste af {_rule(items, root)}"
        if prop.get("minItems"):
            text += f", mindst {prop['minItems']}"
    if "pattern" in prop:
        text += " – et id (små bogstaver, tal og bindestreger)" if prop["pattern"] == SLUG_PATTERN else \
            f" på formen `{prop['pattern']}`"
    if "minimum" in prop:
        text += f", mindst {prop['minimum']}"
    if "maximum" in prop:
        text += f", højst {prop['maximum']}"
    return text or "se schemaet"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
