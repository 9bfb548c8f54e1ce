"""Hent data: every figure and every quote in open formats, with how to cite them."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from evidence.model import quotes
from evidence.model.dataset import Dataset
from evidence.model.publications import proposals_phrase, publishers
from evidence.model.survey import csv_text, question_frame
from evidence.model.wording import capitalised
from evidence.pages.markdown import front_matter
from evidence.pages.page import Page
from evidence.urls import permalink


def files_described(dataset: Dataset) -> dict[str, str]:
    return {
        "hent-data/alle-tal.csv": "Alle tal fra undersøgelsen, én række pr. spørgsmål × svar × gruppe, med kildehenvisning.",
        "hent-data/citater.csv": "Alle citater og fortællinger med id, type, tilskrivning, kilde, sted i kilden, temaer og link.",
        "hent-data/citater.json": "De samme citater som JSON.",
        "hent-data/anbefalinger.csv": f"{capitalised(proposals_phrase(dataset))} med adressat, kapitel og temaer.",
    }


def figure_files(dataset: Dataset) -> dict[str, str]:
    figures = pd.concat(
        [question_frame(dataset, wave_id, qid) for wave_id, wave in dataset.waves.items() for qid in wave.questions],
        ignore_index=True,
    )
    return {"hent-data/alle-tal.csv": csv_text(dataset, figures)}


def quote_files(dataset: Dataset) -> dict[str, str]:
    """Written with the standard library: a build after an edited quote need not load pandas."""
    rows = [quote_row(dataset, item) for item in dataset.quotes.values()]
    proposals = [
        {"id": p["id"], "forslag": p["text"], "rettet_til": p["addressee_label"], "kapitel": p["chapter"],
         "temaer": "; ".join(dataset.themes[t]["name"] for t in p["themes"]),
         "kilde": dataset.publications[p["publication"]]["citation"]}
        for p in dataset.proposals.values()
    ]
    return {
        "hent-data/citater.csv": csv_table(rows),
        "hent-data/citater.json": json.dumps(rows, ensure_ascii=False, indent=1) + "\n",
        "hent-data/anbefalinger.csv": csv_table(proposals),
    }


def csv_table(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def quote_row(dataset: Dataset, item: dict) -> dict:
    return {
        "id": item["id"],
        "type": quotes.KIND_NAMES[item["kind"]],
        "tekst": item["text"],
        "indledning": item.get("lead_in", ""),
        "tilskrivning": quotes.attribution(item),
        "kilde": dataset.publications[item["publication"]]["citation"],
        "sted_i_kilden": quotes.locator_text(dataset, item),
        "temaer": "; ".join(dataset.themes[t]["name"] for t in item["themes"]),
        "arbejdsomraade": "; ".join(dataset.areas[a]["name"] for a in item.get("areas", [])),
        "fuld_fortaelling": item.get("full_text", ""),
        "link": permalink(item),
    }


def download_page(dataset: Dataset) -> Page:
    lines = [
        front_matter(title="Hent data", description="Alle tal og citater som CSV og JSON, med kildehenvisning."),
        "# Hent data\n",
        "Alle tal og citater på sitet kan hentes i åbne formater. Hvert diagram har desuden sin egen CSV-fil "
        "med præcis de tal, diagrammet viser.\n",
        "| Fil | Indhold |", "| --- | --- |",
    ]
    lines += [f"| [{path.removeprefix('hent-data/')}]({path.removeprefix('hent-data/')}) | {text} |"
              for path, text in files_described(dataset).items()]
    lines += [
        "",
        "## Sådan citerer du\n",
        "Angiv altid den oprindelige publikation – ikke kun dette site:\n",
    ]
    lines += [f"- {p['citation']}" for p in dataset.publications.values()]
    lines += [
        "",
        "Citaterne gengives ordret med kildeangivelse efter citatretten. Rettighederne til teksterne og tallene "
        f"ligger hos udgiverne ({publishers(list(dataset.publications.values()))}). Linkene i filerne er relative "
        "til sitets adresse.\n",
    ]
    return Page("hent-data/index.md", "\n".join(lines), "Hent data")
