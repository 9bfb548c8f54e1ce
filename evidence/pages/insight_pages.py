"""The report's own structure: its purpose and main points (data/framing/), main insights with their insights,
seniority, and its conclusion."""

from __future__ import annotations

from evidence.load.dataset_types import Dataset
from evidence.model.wording import capitalised, number_word
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page
from evidence.urls import INSIGHTS, index_page, insight_anchor, insight_file, question_url

# The report's extra material, shown under the insight that `includes` it (data/insights/<publication>.yml),
# or on the overview when no insight does.
EXTRAS = ("leadership", "stress_cycle", "reorganisation_examples")


def insight_pages(dataset: Dataset) -> list[Page]:
    pages = []
    for publication, doc in dataset.insights.items():
        pages.append(overview(dataset, publication, doc))
        pages += [main_insight_page(dataset, publication, doc, main) for main in doc["main_insights"]]
    return pages


def overview(dataset: Dataset, publication: str, doc: dict) -> Page:
    pub = dataset.publications[publication]
    count = len(doc["main_insights"])
    lines = [
        front_matter(title="Indsigter", description=f"Hovedpointer og indsigter fra {pub['title']} ({pub['year']})."),
        "# Indsigter fra rapporten\n",
        f"Rapportens egne hovedpointer og indsigter, gengivet ordret. Kilde: {md_text(pub['citation'])}\n",
        macro("framing", "indsigter", publication) + "\n",
        "## Hovedindsigten\n" if count == 1 else f"## De {number_word(count)} hovedindsigter\n",
    ]
    for main in doc["main_insights"]:
        lines.append(f"{main['id']}. [{md_text(main['title'])}]({main['id']}.md) – {md_text(main['headline'])}")
    lines += ["", "## Indsigter og anciennitet\n", macro("seniority_findings", publication) + "\n",
              *_see_also(dataset, publication, doc.get("seniority", {}).get("see_also"))]
    included = {extra for insight in doc["insights"] for extra in insight.get("includes", [])}
    for extra in EXTRAS:
        if extra not in included:
            lines += _extra(publication, doc, extra, "##")
    lines.append(macro("framing", "indsigter-afslutning", publication) + "\n")
    return Page(index_page(INSIGHTS), "\n".join(lines), "Indsigter")


def _see_also(dataset: Dataset, publication: str, ref: dict | None) -> list[str]:
    """A link to a question's figures that the report's text points to, in the newest wave of the report
    that asked it (or, failing that, the newest wave that did)."""
    if not ref:
        return [""]
    asked = [w for w, wave in dataset.waves.items() if ref["question"] in wave.questions]
    own = [w for w in asked if dataset.waves[w].meta["publication"] == publication]
    if not asked:
        return [""]
    path = question_url((own or asked)[-1], ref["question"]).rstrip("/")
    return [f"Se også tallene for [{md_text(ref['text'])}](../{path}.md).\n"]


def _extra(publication: str, doc: dict, extra: str, level: str) -> list[str]:
    if not doc.get(extra):
        return []
    if extra == "leadership":
        return [f"{level} God og dårlig ledelse – rapportens beskrivelse\n", macro("leadership_tables", publication) + "\n"]
    if extra == "stress_cycle":
        return [f"{level} Stress-cirklen\n", f"{md_text(doc['stress_cycle'])}\n"]
    count = len(doc["reorganisation_examples"])
    examples = f"{capitalised(number_word(count, neuter=True))} {'eksempel' if count == 1 else 'eksempler'}"
    return [f"{level} {examples} på omorganisering\n", macro("reorganisation_examples", publication) + "\n"]


def main_insight_page(dataset: Dataset, publication: str, doc: dict, main: dict) -> Page:
    title = f"Indsigt {main['id']}: {main['title']}"
    lines = [front_matter(title=title, description=main["headline"]), f"# {md_text(title)}\n",
             macro("insight", publication, main["id"]) + "\n"]
    for insight in (i for i in doc["insights"] if i["parent"] == main["id"]):
        topic = f" – {md_text(insight['topic'])}" if insight.get("topic") else ""
        lines += [f"## Indsigt {insight['id']}{topic} {{ #{insight_anchor(insight['id'])} }}\n",
                  macro("insight", publication, insight["id"]) + "\n"]
        for extra in insight.get("includes", []):
            lines += _extra(publication, doc, extra, "###")
        lines.append(macro("insight_quotes", publication, insight["id"]) + "\n")
    return Page(insight_file(main['id']), "\n".join(lines), title)
