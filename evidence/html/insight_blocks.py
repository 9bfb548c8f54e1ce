"""HTML for the report's own findings: insights, leadership tables, examples and seniority findings.

Everything here is the report's wording; the site only adds labels and links, and says so.
"""

from __future__ import annotations

from evidence.html.blocks import esc
from evidence.html.charts import scroll_box
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


def _points(points: list) -> str:
    items = []
    for point in points:
        if isinstance(point, str):
            items.append(f"<li>{esc(point)}</li>")
            continue
        sub = f"<ul>{_points(point['sub'])}</ul>" if point.get("sub") else ""
        items.append(f"<li>{esc(point['text'])}{sub}</li>")
    return "".join(items)


def insight_body(dataset: Dataset, publication: str, insight_id: str, root: str) -> str:
    insight = find_insight(dataset, publication, insight_id)
    parts = [f'<p class="ev-insight__headline">{esc(insight["headline"])}</p>']
    if insight.get("summary"):
        parts.append(f"<p>{esc(insight['summary'])}</p>")
    if insight.get("points"):
        parts.append(f'<ul class="ev-insight__points">{_points(insight["points"])}</ul>')
    if insight.get("figures"):
        figure_items = []
        for figure in insight["figures"]:
            target = question_for_label(dataset, figure["question"])
            link = (f' <a href="{root}{question_url(*target)}">Se tallene for {esc(figure["question"])}</a>'
                    if target else "")
            figure_items.append(f"<li>{esc(figure['headline'])}.{link}</li>")
        parts.append(f'<p class="ev-label">Tal fra rapportens spørgeskemaundersøgelse:</p><ul>{"".join(figure_items)}</ul>')
        note = dataset.insights[publication].get("figures_note")
        if note:
            parts.append(f'<p class="ev-note"><strong>Bemærk:</strong> {esc(note)}</p>')
    parts.append(f'<p class="ev-quote__themes"><span>Temaer:</span> {theme_links(dataset, insight["themes"], root)}</p>')
    source = dataset.publications[publication]
    parts.append(f'<p class="ev-quote__cite"><span>Kilde:</span> {esc(source["citation"])} Indsigt {esc(insight_id)}.</p>')
    return f'<div class="ev-insight">{"".join(parts)}</div>'


def leadership_tables(dataset: Dataset, publication: str) -> str:
    tables = []
    for key, caption in (("good", "God ledelse"), ("bad", "Dårlig ledelse")):
        table = dataset.insights[publication].get("leadership", {}).get(key)
        if not table:
            continue
        rows = "".join(
            f'<tr><th scope="row">{esc(row["dimension"])}</th><td><ul>'
            + "".join(f"<li>{esc(t)}</li>" for t in row["traits"]) + "</ul></td></tr>"
            for row in table["rows"]
        )
        tables.append(scroll_box(
            f'<table class="ev-table"><caption>{caption}: {esc(table["intro"])}</caption>'
            f'<thead><tr><th scope="col">Område</th><th scope="col">Kendetegn (rapportens ord)</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>", caption))
    return "".join(tables)


def reorganisation_examples(dataset: Dataset, publication: str) -> str:
    examples = dataset.insights[publication].get("reorganisation_examples", [])
    return "".join(
        f'<div class="ev-example"><p><strong>{esc(e["title"])}</strong></p>'
        f'<dl><dt>Før</dt><dd>{esc(e["before"])}</dd><dt>Nu</dt><dd>{esc(e["after"])}</dd></dl></div>'
        for e in examples
    )


def seniority_findings(dataset: Dataset, publication: str) -> str:
    seniority = dataset.insights[publication].get("seniority")
    if not seniority:
        return ""
    columns = []
    for key, heading in (("stay", "Vigtigt for at blive i jobbet"), ("leave", "Kan få dem til at forlade jobbet")):
        groups = "".join(
            f'<li><strong>{esc(g["label"])}</strong> ({esc(g["definition"])}): '
            + (f"<ul>{''.join(f'<li>{esc(f)}</li>' for f in g['factors'])}</ul>" if g.get("factors")
               else esc(g.get("text", "")))
            + "</li>"
            for g in seniority.get(key, [])
        )
        columns.append(f'<div><p class="ev-label">{heading}</p><ul>{groups}</ul></div>')
    identity = (f'<p class="ev-insight__headline">{esc(seniority["identity_headline"])}</p>'
                if seniority.get("identity_headline") else "")
    note = f'<p class="ev-note"><strong>Bemærk:</strong> {esc(seniority["note"])}</p>' if seniority.get("note") else ""
    return (f'<p class="ev-insight__headline">{esc(seniority["headline"])}</p>'
            f'<div class="ev-columns">{"".join(columns)}</div>{identity}{note}')
