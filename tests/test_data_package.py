"""Data a machine can read: the published Data Package validates with Frictionless and describes every CSV,
and the download page's schema.org Dataset markup parses as JSON-LD with the properties dataset search
engines require (name, description) and recommend."""

from __future__ import annotations

import json
import re

from frictionless import Package, validate
from pyld import jsonld

from tests.conftest import page

SCHEMA = "https://schema.org/"


def test_the_data_package_validates_and_describes_every_csv(fixture_site):
    folder = fixture_site / "hent-data"
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    described = {resource.path for resource in Package(str(folder / "datapackage.json")).resources}
    assert described == {p.relative_to(folder).as_posix() for p in folder.rglob("*.csv")}
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    share = next(f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "andel_procent")
    assert share["type"] == "number" and share["unit"] == "procent"
    assert package["sources"] and "licenses" not in package  # the data name no licence


def _schema_org_context(url, options=None):
    """schema.org's context without fetching it: every term is in the schema.org vocabulary."""
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def test_the_download_page_describes_the_dataset_for_search_engines(fixture_site, fixture_dataset):
    markup = page(fixture_site, "hent-data/")
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', markup, re.S)
    assert len(found) == 1
    jsonld.set_document_loader(_schema_org_context)
    [dataset] = jsonld.expand(json.loads(found[0]))
    assert dataset["@type"] == [SCHEMA + "Dataset"]
    for required in ["name", "description"]:
        assert dataset[SCHEMA + required][0]["@value"]
    for recommended in ["url", "creator", "citation", "keywords", "temporalCoverage", "variableMeasured", "distribution"]:
        assert dataset.get(SCHEMA + recommended), recommended
    citations = {c["@value"] for c in dataset[SCHEMA + "citation"]}
    assert citations == {p["citation"] for p in fixture_dataset.publications.values()}
    formats = {d[SCHEMA + "encodingFormat"][0]["@value"] for d in dataset[SCHEMA + "distribution"]}
    assert "text/csv" in formats and "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" in formats
