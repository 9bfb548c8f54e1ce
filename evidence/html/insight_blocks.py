"""HTML for a report's own findings: its insights and its extra material as general blocks (a comparison
by group, tables, examples), each drawn by its template in evidence/html/templates/.

Everything in them is the report's wording or the site's headings from data/insights/; the site only adds
labels and links, and says so.
"""

from __future__ import annotations

from markupsafe import Markup

from evidence.html.charts import scroll_box
from evidence.html.templates import render
from evidence.html.theme_links import theme_links
from evidence.load.dataset_types import Dataset
from evidence.model.themes import find_insight
from evidence.urls import question_url


def question_for_label(dataset: Dataset, label: str) -> tuple[str, str] | None:
    """Map the report's 'S6' to the wave and question page that hold its figures."""
    for wave_id, wave in reversed(dataset.waves.items()):
        for qid, question in wave.questions.items():
            if question.get("label") == label and wave.meta["publication"] in dataset.insights:
                return wave_id, qid
    return None


def insight_body(dataset: Dataset, publication: str, insight_id: str, root: str) -> str:
    insight = find_insight(dataset, publication, insight_id)
    figures = [(figure, target and root + question_url(*target))
               for figure in insight.get("figures", []) for target in [question_for_label(dataset, figure["question"])]]
    return render("insight_body.html", insight=insight, insight_id=insight_id, figures=figures, root=root,
                  note=dataset.insights[publication].get("figures_note"),
                  themes=Markup(theme_links(dataset, insight["themes"], root)),
                  citation=dataset.publications[publication]["citation"])


def block(dataset: Dataset, publication: str, block_id: str) -> str:
    """One of the report's blocks (`blocks` in data/insights/<publication>.yml), drawn as its kind says;
    a `text` block is plain Markdown on its page (evidence.pages.insight_pages)."""
    found = find_block(dataset, publication, block_id)
    if found["kind"] == "tables":
        return "".join(scroll_box(render("insight_table.html", table=table, columns=found["columns"]), table["caption"])
                       for table in found["tables"])
    return render(f"insight_{found['kind']}.html", block=found)


def find_block(dataset: Dataset, publication: str, block_id: str) -> dict:
    return next(b for b in dataset.insights[publication].get("blocks", []) if b["id"] == block_id)
