"""What a machine needs to read the downloads: a Frictionless Data Package (hent-data/datapackage.json)
describing every CSV, and schema.org Dataset markup for the download page, which data portals and dataset
search engines read. Both say only what data/ says: the data name no licence, so neither claims one."""

from __future__ import annotations

import json

from evidence.load.dataset_types import Dataset
from evidence.model.publications import publishers
from evidence.urls import DOWNLOADS as DOWNLOAD_FOLDER
from evidence.urls import download_path, slug

PACKAGE_PATH = download_path("datapackage.json")

_TEXT = "string"
FIGURE_FIELDS = [
    ("bølge", _TEXT, "Undersøgelsens id (bølge), normalt året"),
    ("spørgsmål_id", _TEXT, "Spørgsmålets id, det samme i alle bølger"),
    ("spørgsmål", _TEXT, "Spørgsmålets ordlyd, eller hvad tallet måler, hvis rapporten ikke oplyser spørgsmålet"),
    ("svar_id", _TEXT, "Svarets id"),
    ("svar", _TEXT, "Svarmuligheden, som rapporten skriver den"),
    ("population_id", _TEXT, "Gruppens id"),
    ("population", _TEXT, "Gruppen af svarpersoner, tallet gælder for"),
    ("andel_procent", "number", "Andel i procent, 0–100, med punktum som decimaltegn (45.0 betyder 45 %)"),
    ("kildehenvisning", _TEXT, "Hvor i publikationen tallet står"),
    ("publikation", _TEXT, "Publikationen, tallet kommer fra, som den skal citeres"),
]
QUOTE_FIELDS = [
    ("id", _TEXT, "Citatets faste id"), ("type", _TEXT, "Citat, fortælling eller anden slags tekst"),
    ("tekst", _TEXT, "Teksten, ordret som i kilden"), ("indledning", _TEXT, "Kildens indledning til teksten, hvis der er en"),
    ("tilskrivning", _TEXT, "Hvem der siger det, som kilden angiver det"),
    ("kilde", _TEXT, "Publikationen, som den skal citeres"), ("sted_i_kilden", _TEXT, "Hvor i publikationen teksten står"),
    ("temaer", _TEXT, "Sitets temaer, adskilt af semikolon"), ("arbejdsomraade", _TEXT, "Arbejdsområder, adskilt af semikolon"),
    ("fuld_fortaelling", _TEXT, "Hele fortællingen, hvis teksten er et uddrag"),
    ("link", _TEXT, "Citatets faste adresse, relativt til sitets adresse"),
]
PROPOSAL_FIELDS = [
    ("id", _TEXT, "Forslagets id"), ("forslag", _TEXT, "Forslaget, ordret"),
    ("rettet_til", _TEXT, "Hvem forslaget er rettet til"),
    ("kapitel", _TEXT, "Kapitlet i publikationen"), ("temaer", _TEXT, "Sitets temaer, adskilt af semikolon"),
    ("kilde", _TEXT, "Publikationen, som den skal citeres"),
]
SCHEMAS = {download_path("citater.csv"): QUOTE_FIELDS, download_path("anbefalinger.csv"): PROPOSAL_FIELDS}


def rights_text(dataset: Dataset) -> str:
    """What is true about reuse: the data name no licence, so the files say who holds the rights."""
    return ("Citaterne gengives ordret med kildeangivelse efter citatretten. Rettighederne til teksterne og tallene "
            f"ligger hos udgiverne ({publishers(list(dataset.publications.values()))}).")


def package_json(dataset: Dataset, csv_paths: list[str], site_name: str) -> str:
    """Every CSV as a resource; the figure CSVs share one table schema, as they share their columns."""
    resources = []
    for path in sorted(csv_paths):
        relative = path.removeprefix(DOWNLOAD_FOLDER)
        fields = SCHEMAS.get(path, FIGURE_FIELDS)
        schema = {"fields": [_field(name, kind, text) for name, kind, text in fields]}
        resources.append({"name": relative.removesuffix(".csv").replace("/", "-").lower(), "path": relative,
                          "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "dialect": {"delimiter": ",", "header": True}, "schema": schema})
    package = {
        "profile": "tabular-data-package",
        "name": slug(site_name),
        "title": site_name,
        "description": f"Tal og citater fra sitet »{site_name}«, ordret fra publikationerne med "
                       f"kildehenvisning. {rights_text(dataset)}",
        "sources": [{"title": p["citation"]} for p in dataset.publications.values()],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def _field(name: str, kind: str, text: str) -> dict:
    field = {"name": name, "type": kind, "description": text}
    if name == "andel_procent":
        field |= {"unit": "procent", "constraints": {"minimum": 0, "maximum": 100}}
    return field


DOWNLOADS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "json": "application/json"}


def dataset_metadata(dataset: Dataset, download_paths: list[str], site_url: str, site_name: str) -> dict:
    """schema.org Dataset metadata for the download page's JSON-LD: name and description (required by dataset
    search engines), and creator, citation, keywords, variables, years and every download (recommended)."""
    page_url = f"{site_url}{DOWNLOAD_FOLDER}"
    years = sorted(p["year"] for p in dataset.publications.values())
    questions = dict.fromkeys(q["wording"] or q["measure"] for wave in dataset.waves.values() for q in wave.questions.values())
    metadata = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": f"{site_name}: tal og citater",
        "description": "Tal fra spørgeskemaundersøgelser og ordrette citater og fortællinger fra sitet "
                       f"»{site_name}«, hver med kildehenvisning til publikationen. {rights_text(dataset)}",
        "url": page_url,
        "inLanguage": "da",
        "isAccessibleForFree": True,
        "creator": [{"@type": "Organization", "name": name}
                    for name in dict.fromkeys(n for p in dataset.publications.values() for n in p["publishers"])],
        "citation": [p["citation"] for p in dataset.publications.values()],
        "keywords": [theme["name"] for theme in dataset.themes.values()],
        "temporalCoverage": f"{years[0]}/{years[-1]}" if years[0] != years[-1] else str(years[0]),
        "variableMeasured": list(questions),
        "distribution": [{"@type": "DataDownload", "encodingFormat": DOWNLOADS[path.rsplit(".", 1)[1]],
                          "contentUrl": site_url + path} for path in download_paths if path.rsplit(".", 1)[1] in DOWNLOADS],
    }
    return metadata
