"""The report's own structure: main points, insights 1–3 with 1.1–3.4, seniority and conclusion."""

from __future__ import annotations

from evidence.html.insight_blocks import insight_anchor
from evidence.model.dataset import Dataset
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page


def insight_pages(dataset: Dataset) -> list[Page]:
    pages = []
    for publication, doc in dataset.insights.items():
        pages.append(overview(dataset, publication, doc))
        pages += [main_insight_page(dataset, publication, doc, main) for main in doc["main_insights"]]
    return pages


def overview(dataset: Dataset, publication: str, doc: dict) -> Page:
    pub = dataset.publications[publication]
    lines = [
        front_matter(title="Indsigter", description=f"Hovedpointer og indsigter fra {pub['title']} ({pub['year']})."),
        "# Indsigter fra rapporten\n",
        f"Rapportens egne hovedpointer og indsigter, gengivet ordret. Kilde: {md_text(pub['citation'])}\n",
        "## Hovedpointer\n", f"> {md_text(doc['main_points'])}\n",
        "## De tre hovedindsigter\n",
    ]
    for main in doc["main_insights"]:
        lines.append(f"{main['id']}. [{md_text(main['title'])}]({main['id']}.md) – {md_text(main['headline'])}")
    lines += ["", "## Indsigter og anciennitet\n", macro("seniority_findings", publication) + "\n",
              "Se også tallene for [faglig identitet fordelt på anciennitet](../tal/2025/faglig-identitet.md).\n"
              if _has_identity_question(dataset) else "",
              "## Overordnet konklusion\n", f"> {md_text(doc['conclusion'])}\n"]
    return Page("indsigter/index.md", "\n".join(lines), "Indsigter")


def _has_identity_question(dataset: Dataset) -> bool:
    return "2025" in dataset.waves and "faglig-identitet" in dataset.waves["2025"].questions


def main_insight_page(dataset: Dataset, publication: str, doc: dict, main: dict) -> Page:
    title = f"Indsigt {main['id']}: {main['title']}"
    lines = [front_matter(title=title, description=main["headline"]), f"# {md_text(title)}\n",
             macro("insight", publication, main["id"]) + "\n"]
    for insight in (i for i in doc["insights"] if i["parent"] == main["id"]):
        topic = f" – {md_text(insight['topic'])}" if insight.get("topic") else ""
        lines += [f"## Indsigt {insight['id']}{topic} {{ #{insight_anchor(insight['id'])} }}\n",
                  macro("insight", publication, insight["id"]) + "\n"]
        if insight["id"] == "3.1" and doc.get("leadership"):
            lines += ["### God og dårlig ledelse – rapportens beskrivelse\n", macro("leadership_tables", publication) + "\n"]
        if insight["id"] == "3.3" and doc.get("stress_cycle"):
            lines += ["### Stress-cirklen\n", f"{md_text(doc['stress_cycle'])}\n"]
        if insight["id"] == "3.4" and doc.get("reorganisation_examples"):
            lines += ["### To eksempler på omorganisering\n", macro("reorganisation_examples", publication) + "\n"]
        lines.append(macro("insight_quotes", publication, insight["id"]) + "\n")
    return Page(f"indsigter/{main['id']}.md", "\n".join(lines), title)
