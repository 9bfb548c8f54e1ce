"""The data contract: every file in data/ is governed by a schema and valid, and the contract is documented."""

from __future__ import annotations

import html
import re

import pytest
import yaml
from conftest import ROOT, page
from jsonschema import Draft202012Validator

from evidence.load.dataset import load_dataset
from evidence.load.files import data_files, read_all
from evidence.load.problems import DataInvalid
from evidence.load.schemas import FILE_SCHEMAS
from evidence.pages import contract_page

SCHEMA_DIR = ROOT / "data/schemas"
SCHEMAS = {p.name.removesuffix(".schema.yml"): p for p in sorted(SCHEMA_DIR.glob("*.schema.yml"))}
# The files an analyst adds by pull request; the field reference on /bidrag/ explains each of their fields.
CONTRIBUTED = ["wave", "questions", "figures", "populations", "publications", "quotes", "anonymity-review"]


def test_every_file_in_data_is_governed_by_a_schema():
    files, problems = data_files(ROOT / "data")
    assert not problems, "\n".join(map(str, problems))
    assert files


def test_every_file_in_data_is_valid_against_its_schema():
    _, problems = read_all(ROOT / "data")
    assert not problems, "\n".join(map(str, problems))


def test_the_real_data_pass_every_check():
    """Loading runs the checks across files and the word-for-word check of every quote against its source."""
    try:
        load_dataset(ROOT)
    except DataInvalid as error:
        pytest.fail(error.report(), pytrace=False)


@pytest.mark.parametrize("name", SCHEMAS, ids=list(SCHEMAS))
def test_every_schema_is_itself_a_valid_json_schema(name):
    schema = yaml.safe_load(SCHEMAS[name].read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == name, "a schema's $id is its file name, so references resolve"


def test_every_schema_governs_files_and_every_rule_has_a_schema():
    used = {schema for _, schema in FILE_SCHEMAS}
    assert used <= set(SCHEMAS), used - set(SCHEMAS)
    assert set(SCHEMAS) - used == {"_defs"}


def test_no_real_wave_is_synthetic():
    for wave in sorted((ROOT / "data/survey").glob("*/wave.yml")):
        assert not yaml.safe_load(wave.read_text(encoding="utf-8")).get("synthetic"), wave


@pytest.mark.parametrize("name", CONTRIBUTED)
def test_every_field_an_analyst_fills_in_is_explained_in_its_schema(name):
    """The explanation lives beside the rule (the schema's `description`), so the published field reference
    says what to write in every field and no hand-written table can fall behind the contract."""
    schema = yaml.safe_load(SCHEMAS[name].read_text(encoding="utf-8"))
    unexplained = [path for path, _, _, text in contract_page.fields(schema) if not text.strip()]
    assert not unexplained, f"data/schemas/{name}.schema.yml: these fields have no description: {unexplained}"


def test_contributing_guide_is_on_the_site_with_every_file(fixture_site):
    text = html.unescape(page(fixture_site, "bidrag/"))
    assert "Sådan bidrager du med data" in text
    assert "make new-wave WAVE=2027" in text
    for pattern, _ in FILE_SCHEMAS:
        assert f"data/{pattern}" in text, pattern
    schema = yaml.safe_load(SCHEMAS["questions"].read_text(encoding="utf-8"))
    reference = text[text.index("Alle filer og felter"):]
    row = re.search(r"<tr>\s*<td><code>previous_wording</code></td>.*?</tr>", reference, flags=re.S)
    assert row and schema["items"]["properties"]["previous_wording"]["description"].split("`")[0] in row.group(0)
