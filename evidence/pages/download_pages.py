"""Hent data: every figure and every quote in open formats, with how to cite them."""

from __future__ import annotations

import json

import pandas as pd

from evidence.load.dataset_types import Dataset
from evidence.model import quotes
from evidence.model.formatting import number
from evidence.model.publications import proposals_phrase
from evidence.model.survey import SELF_SELECTION, base_figures, csv_rows, csv_text, question_frame
from evidence.model.tables import csv_table
from evidence.model.uncertainty import wave_samples
from evidence.model.wording import capitalised
from evidence.pages.data_package import rights_text
from evidence.pages.markdown import front_matter, md_text
from evidence.pages.page import Page
from evidence.pages.workbooks import workbook_bytes
from evidence.urls import DOWNLOADS, download_path, index_page, permalink

DOWNLOAD_PAGE = index_page(DOWNLOADS)


def files_described(dataset: Dataset) -> dict[str, str]:
    return {
        download_path("alle-tal.xlsx"): "Alle tal som Excel-projektmappe: andele som procenter, og et ark »Om tallene« med "
                                   "spørgsmål, grupper, undersøgelse, kilde og rettigheder.",
        download_path("alle-tal.csv"): "Alle tal fra undersøgelsen, én række pr. spørgsmål × svar × gruppe, med kildehenvisning.",
        download_path("citater.xlsx"): "Alle citater og fortællinger som Excel-projektmappe, med et ark om kilderne.",
        download_path("citater.csv"): "Alle citater og fortællinger med id, type, tilskrivning, kilde, sted i kilden, "
                                      "temaer og link.",
        download_path("citater.json"): "De samme citater som JSON.",
        download_path("anbefalinger.csv"): f"{capitalised(proposals_phrase(dataset))} med adressat, kapitel og temaer.",
        download_path("datapackage.json"): "Beskrivelse af alle CSV-filer til programmer (Frictionless Data Package): "
                                      "kolonner, typer, enheder og kilder.",
    }


def figure_files(dataset: Dataset) -> dict[str, str | bytes]:
    figures = pd.concat(
        [question_frame(dataset, wave_id, qid) for wave_id, wave in dataset.waves.items() for qid in wave.questions],
        ignore_index=True,
    )
    return {
        download_path("alle-tal.csv"): csv_text(dataset, figures),
        download_path("alle-tal.xlsx"): workbook_bytes(csv_rows(dataset, figures), "Tal", figures_about(dataset, figures),
                                                  "Om tallene", data_day(dataset)),
    }


def figures_about(dataset: Dataset, figures: pd.DataFrame) -> list[tuple[str, str]]:
    """What the figures are: each survey wave and each question with its measure and groups, and the rights."""
    about: list[tuple[str, str]] = []
    for wave_id in dict.fromkeys(figures["wave"]):
        meta = dataset.waves[wave_id].meta
        about += [("Undersøgelse", f"{wave_id}: {meta['title']}"), ("Indsamlet", meta["fieldwork"]),
                  ("Hvem har svaret", meta["respondents_description"]),
                  *(("Grundlag", base) for base in base_figures(meta)), ("Forbehold", SELF_SELECTION),
                  ("Usikkerhed", sample_sentence(dataset, wave_id))]
        about += [("Bemærkning", meta["method_note"])] if meta.get("method_note") else []
        about += [("Kilde", dataset.publications[meta["publication"]]["citation"])]
        in_wave = figures[figures["wave"] == wave_id]
        for question_id in dict.fromkeys(in_wave["question"]):
            question = dataset.waves[wave_id].questions[question_id]
            groups = ", ".join(dict.fromkeys(in_wave[in_wave["question"] == question_id]["population_label"]))
            instruction = f" ({question['instruction']})" if question.get("instruction") else ""
            about += [("Spørgsmål", f"{question_id}: {question['wording'] or question['measure']}{instruction}"),
                      ("Tallene viser", f"{question['measure']} (grupper: {groups})")]
            about += [("Besvaret af", question["answered_by"])] if question.get("answered_by") else []
            about += [("Bemærkning", question["note"])] if question.get("note") else []
        about.append(("", ""))
    return about + [("Rettigheder", rights_text(dataset))]


def sample_sentence(dataset: Dataset, wave_id: str) -> str:
    """The n the pages' statistical uncertainty rests on, as the method page states it (»ca.« where derived)."""
    total, groups = wave_samples(dataset, wave_id)
    if total is None:
        return "Rapporten oplyser ikke et antal svar, den statistiske usikkerhed kan beregnes ud fra."
    shares = "".join(f"; {population['name']}: {found.text}" for _, population, found in groups)
    return (f"Den statistiske usikkerhed på sitet er beregnet ud fra {number(total['value'])} svar "
            f"({total['label'].lower()}){shares}.")


def quote_files(dataset: Dataset) -> dict[str, str | bytes]:
    """Written with the standard library: a build after an edited quote need not load pandas."""
    rows = [quote_row(dataset, item) for item in dataset.quotes.values()]
    proposals = [
        {"id": p["id"], "forslag": p["text"], "rettet_til": p["addressee_label"], "kapitel": p["chapter"],
         "temaer": "; ".join(dataset.themes[t]["name"] for t in p["themes"]),
         "kilde": dataset.publications[p["publication"]]["citation"]}
        for p in dataset.proposals.values()
    ]
    return {
        download_path("citater.csv"): csv_table(rows),
        download_path("citater.json"): json.dumps(rows, ensure_ascii=False, indent=1) + "\n",
        download_path("citater.xlsx"): workbook_bytes(rows, "Citater", quotes_about(dataset), "Om citaterne",
                                                 data_day(dataset)),
        download_path("anbefalinger.csv"): csv_table(proposals),
    }


def data_day(dataset: Dataset) -> str:
    """The day the data were last added to: the date of the workbooks, so a rebuild gives the same bytes."""
    return max(p["added"] for p in dataset.publications.values())


def quotes_about(dataset: Dataset) -> list[tuple[str, str]]:
    return [("Kilde", p["citation"]) for p in dataset.publications.values()] + [
        ("Links", "Linkene i kolonnen link er relative til sitets adresse."), ("Rettigheder", rights_text(dataset))]


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
        front_matter(title="Hent data", description="Alle tal og citater som Excel, CSV og JSON, med kildehenvisning."),
        "# Hent data\n",
        "Alle tal og citater på sitet kan hentes i åbne formater. Under hvert diagram kan du desuden hente præcis "
        "de tal, diagrammet viser, som Excel-fil og CSV, og selve diagrammet som billede (PNG) og SVG med titel, "
        "kilde og sitets adresse i billedet.\n",
        "Excel-filerne (.xlsx) åbner direkte i Excel, LibreOffice og Numbers med tal som tal og æ, ø og å i orden. "
        "CSV-filerne er til programmer: UTF-8, komma mellem felterne og punktum som decimaltegn (45.0 betyder "
        "45 %). Dansk Excel læser dem forkert, hvis du dobbeltklikker; brug Excel-filen eller »Data > Fra tekst/CSV«.\n",
        "| Fil | Indhold |", "| --- | --- |",
    ]
    lines += [f"| [{path.removeprefix(DOWNLOADS)}]({path.removeprefix(DOWNLOADS)}) | {md_text(text)} |"
              for path, text in files_described(dataset).items()]
    lines += [
        "",
        "## Sådan citerer du\n",
        "Angiv altid den oprindelige publikation – ikke kun dette site:\n",
    ]
    lines += [f"- {md_text(p['citation'])}" for p in dataset.publications.values()]
    lines += [
        "",
        f"{md_text(rights_text(dataset))} Linkene i filerne er relative til sitets adresse.\n",
    ]
    return Page(DOWNLOAD_PAGE, "\n".join(lines), "Hent data")
