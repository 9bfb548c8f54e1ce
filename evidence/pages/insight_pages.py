"""The report's own structure: its purpose and main points (data/framing/), main insights with their insights,
its extra material as blocks (data/insights/), and its conclusion."""

from __future__ import annotations

from evidence.load.dataset_types import Dataset
from evidence.model.wording import number_word
from evidence.pages.markdown import front_matter, macro, md_text, publication_link
from evidence.pages.page import Page
from evidence.urls import INSIGHTS, block_anchor, index_page, insight_anchor, insight_file, question_url


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
        f"Rapportens egne hovedpointer og indsigter, gengivet ordret. Kilde: {md_text(pub['citation'])}{publication_link(pub)}\n",
        macro("framing", "indsigter", publication) + "\n",
        "## Hovedindsigten\n" if count == 1 else f"## De {number_word(count)} hovedindsigter\n",
    ]
    for main in doc["main_insights"]:
        lines.append(f"{main['id']}. [{md_text(main['title'])}]({main['id']}.md) – {md_text(main['headline'])}")
    lines.append("")
    included = {block for insight in doc["insights"] for block in insight.get("includes", [])}
    for block in doc.get("blocks", []):
        if block["id"] not in included:
            lines += _block(dataset, publication, block, "##")
    lines.append(macro("framing", "indsigter-afslutning", publication) + "\n")
    return Page(index_page(INSIGHTS), "\n".join(lines), "Indsigter")


def _see_also(dataset: Dataset, publication: str, ref: dict | None) -> list[str]:
    """A link to a question's figures that the report's text points to, in the newest wave of the report
    that asked it (or, failing that, the newest wave that did)."""
    asked = [w for w, wave in dataset.waves.items() if ref["question"] in wave.questions] if ref else []
    if not asked:
        return []
    own = [w for w in asked if dataset.waves[w].meta["publication"] == publication]
    path = question_url((own or asked)[-1], ref["question"]).rstrip("/")
    return [f"Se også tallene for [{md_text(ref['text'])}](../{path}.md).\n"]


def _block(dataset: Dataset, publication: str, block: dict, level: str) -> list[str]:
    """A block of the report's extra material under its heading: a text as Markdown, any other kind drawn
    by its template (evidence.html.insight_blocks), and the site's link to the figures it points to."""
    body = md_text(block["text"]) if block["kind"] == "text" else macro("insight_block", publication, block["id"])
    return [f"{level} {md_text(block['heading'])} {{ #{block_anchor(block['id'])} }}\n", body + "\n",
            *_see_also(dataset, publication, block.get("see_also"))]


def main_insight_page(dataset: Dataset, publication: str, doc: dict, main: dict) -> Page:
    title = f"Indsigt {main['id']}: {main['title']}"
    lines = [front_matter(title=title, description=main["headline"]), f"# {md_text(title)}\n",
             macro("insight", publication, main["id"]) + "\n"]
    for insight in (i for i in doc["insights"] if i["parent"] == main["id"]):
        topic = f" – {md_text(insight['topic'])}" if insight.get("topic") else ""
        lines += [f"## Indsigt {insight['id']}{topic} {{ #{insight_anchor(insight['id'])} }}\n",
                  macro("insight", publication, insight["id"]) + "\n"]
        for block in (b for b in doc.get("blocks", []) if b["id"] in insight.get("includes", [])):
            lines += _block(dataset, publication, block, "###")
        lines.append(macro("insight_quotes", publication, insight["id"]) + "\n")
    return Page(insight_file(main['id']), "\n".join(lines), title)
