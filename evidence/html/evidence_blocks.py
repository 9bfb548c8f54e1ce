"""HTML that joins evidence across publications: theme hubs and proposals with their evidence.

Each statement says which publication and year it comes from, so a reader never mistakes
a 2020 testimony for a 2025 survey result.
"""

from __future__ import annotations

from evidence.html.blocks import esc, figure_html, quote_block
from evidence.html.insight_blocks import insight_anchor
from evidence.model.dataset import Dataset
from evidence.model.formatting import percent
from evidence.model.themes import facts_on, insights_on, proposals_on, quotes_on, theme_figure_frame
from evidence.urls import finder_link, theme_csv_path


def theme_list(dataset: Dataset, root: str) -> str:
    items = []
    for theme_id, theme in dataset.themes.items():
        count = len(quotes_on(dataset, theme_id))
        items.append(f'<li><a href="{root}temaer/{theme_id}/"><strong>{esc(theme["name"])}</strong></a> – '
                     f'{esc(theme["description"])} <span class="ev-count">({count} citater og fortællinger)</span></li>')
    return f'<ul class="ev-themes">{"".join(items)}</ul>'


def theme_figures(dataset: Dataset, theme_id: str, root: str) -> str:
    frame = theme_figure_frame(dataset, theme_id)
    wave_id = frame["wave"].iloc[0]
    theme = dataset.themes[theme_id]
    return figure_html(
        dataset, wave_id, frame,
        title=f"{theme['name']}: tal fra undersøgelsen {wave_id}",
        measure="Andel i procent; spørgsmålets nummer står foran svaret",
        figure_id=f"fig-tema-{theme_id}",
        csv_href=root + theme_csv_path(wave_id, theme_id),
        partial=True,
    ) + figure_lines(dataset, frame, root)


def figure_lines(dataset: Dataset, frame, root: str) -> str:
    """The same figures as sentences with links to their question pages."""
    items = []
    for row in frame.itertuples():
        question = dataset.waves[row.wave].questions[row.question]
        items.append(
            f'<li><strong>{percent(row.value)}</strong> – {esc(row.option_label)} '
            f'<span class="ev-locator">({esc(row.population_label)}; {esc(question["measure"].lower())}; '
            f'<a href="{root}tal/{row.wave}/{row.question}/">KL og DS {esc(row.wave)}</a>)</span></li>'
        )
    return f'<ul class="ev-figure-lines">{"".join(items)}</ul>'


def theme_insights(dataset: Dataset, theme_id: str, root: str) -> str:
    items = []
    for publication, insight in insights_on(dataset, theme_id):
        year = dataset.publications[publication]["year"]
        main = insight.get("parent", insight["id"])
        anchor = f"#{insight_anchor(insight['id'])}" if "parent" in insight else ""
        items.append(f'<li><a href="{root}indsigter/{main}/{anchor}">Indsigt {esc(insight["id"])}</a>: '
                     f'{esc(insight["headline"])} <span class="ev-locator">(KL og DS {year})</span></li>')
    return f"<ul>{''.join(items)}</ul>"


def theme_proposals(dataset: Dataset, theme_id: str, root: str) -> str:
    return "<ul>" + "".join(_proposal_item(dataset, p, root) for p in proposals_on(dataset, theme_id)) + "</ul>"


def _proposal_item(dataset: Dataset, proposal: dict, root: str) -> str:
    year = dataset.publications[proposal["publication"]]["year"]
    return (f'<li><a href="{root}anbefalinger/{proposal["id"]}/">{esc(proposal["text"])}</a> '
            f'<span class="ev-locator">(DS {year}, rettet til {esc(proposal["addressee_label"])})</span></li>')


def theme_facts(dataset: Dataset, theme_id: str) -> str:
    return "".join(fact_block(dataset, fact) for fact in facts_on(dataset, theme_id))


FACT_PLACES = {"vidste-du": "Boksen »Vidste du …?«", "forord": "Forordet", "kapitel-intro": "Kapitlets indledning"}


def fact_block(dataset: Dataset, fact: dict) -> str:
    publication = dataset.publications[fact["publication"]]
    cited = f'<p class="ev-locator">{esc(fact["cited_source"])}</p>' if fact.get("cited_source") else ""
    return (f'<div class="ev-fact"><p>{esc(fact["text"])}</p>{cited}'
            f'<p class="ev-quote__cite"><span>Kilde:</span> {esc(publication["citation"])} '
            f'{esc(FACT_PLACES[fact["kind"]])}.'
            "</p></div>")


def theme_quote_count(dataset: Dataset, theme_id: str, root: str) -> str:
    count = len(quotes_on(dataset, theme_id))
    return (f'<p>{count} citater og fortællinger har temaet. Her er et udvalg. '
            f'<a href="{finder_link(root, theme_id)}">Se alle {count} i citatsøgningen</a>.</p>')


def proposal(dataset: Dataset, proposal_id: str, root: str) -> str:
    item = dataset.proposals[proposal_id]
    publication = dataset.publications[item["publication"]]
    chapter = next((c["title"] for c in dataset.booklet_texts.get(item["publication"], {}).get("chapters", [])
                    if c["chapter"] == item["chapter"]), f"kapitel {item['chapter']}")
    note = f'<p class="ev-locator">{esc(item["note"])}</p>' if item.get("note") else ""
    themes = ", ".join(f'<a href="{root}temaer/{t}/">{esc(dataset.themes[t]["name"])}</a>' for t in item["themes"])
    return (
        f'<div class="ev-proposal" id="{esc(proposal_id)}">'
        f"<blockquote><p>{esc(item['text'])}</p></blockquote>"
        f'<p><span class="ev-label">Rettet til:</span> {esc(item["addressee_label"])} · '
        f'<span class="ev-label">Kapitel:</span> {esc(chapter)} · <span class="ev-label">Temaer:</span> {themes}</p>'
        f"{note}"
        f'<p class="ev-quote__cite"><span>Kilde:</span> {esc(publication["citation"])} Boksen »Dansk '
        f"Socialrådgiverforening foreslår«, {esc(chapter)}.</p></div>"
    )


def proposal_evidence(dataset: Dataset, proposal_id: str, root: str, mode: str = "fuld") -> str:
    """Evidence on the proposal's themes, newest publication first, each part labelled with its source."""
    item = dataset.proposals[proposal_id]
    short = mode == "kort"
    parts = []
    for theme_id in item["themes"]:
        theme = dataset.themes[theme_id]
        section = [f'<h3>{esc(theme["name"])}</h3>']
        section.append(_theme_figure_lines(dataset, theme_id, root))
        if insights_on(dataset, theme_id):
            section.append('<p class="ev-label">Indsigter fra rapporten (KL og DS 2025)</p>'
                           + theme_insights(dataset, theme_id, root))
        if theme_id == "ledelse" and not short:
            section.append(f'<p>Rapporten beskriver selv, hvad der kendetegner god og dårlig ledelse: '
                           f'<a href="{root}indsigter/3/#indsigt-3-1">se rapportens beskrivelse i indsigt 3.1</a>.</p>')
        selection = quotes_on(dataset, theme_id)
        interviews = [q for q in selection if q["kind"] == "interview-quote"][: 1 if short else 2]
        testimonies = [q for q in selection if q["kind"] == "testimony"][: 1 if short else 2]
        if interviews:
            section.append('<p class="ev-label">Interviewcitater (KL og DS 2025)</p>'
                           + "".join(quote_block(dataset, q["id"], root, 4, anchor=False) for q in interviews))
        if testimonies:
            section.append('<p class="ev-label">Fortællinger (DS 2020)</p>'
                           + "".join(quote_block(dataset, q["id"], root, 4, anchor=False) for q in testimonies))
        count = len(selection)
        section.append(f'<p><a href="{finder_link(root, theme_id)}">Se alle {count} citater og fortællinger om '
                       f'{esc(theme["name"].lower())}</a></p>')
        parts.append(f'<section class="ev-evidence">{"".join(section)}</section>')
    return "".join(parts)


def _theme_figure_lines(dataset: Dataset, theme_id: str, root: str) -> str:
    frame = theme_figure_frame(dataset, theme_id)
    if frame.empty:
        return ""
    return '<p class="ev-label">Tal fra KL og DS\' undersøgelse (2025)</p>' + figure_lines(dataset, frame, root)


def proposals_by_addressee(dataset: Dataset, root: str) -> str:
    groups: dict[str, list[dict]] = {}
    for item in dataset.proposals.values():
        groups.setdefault(item["addressee_label"], []).append(item)
    return "".join(
        f'<p class="ev-label">{esc(label)}</p><ul>{"".join(_proposal_item(dataset, p, root) for p in items)}</ul>'
        for label, items in groups.items()
    )


def proposals_by_theme(dataset: Dataset, root: str) -> str:
    blocks = []
    for theme_id, theme in dataset.themes.items():
        on_theme = proposals_on(dataset, theme_id)
        if on_theme:
            blocks.append(f'<p class="ev-label"><a href="{root}temaer/{theme_id}/">{esc(theme["name"])}</a></p>'
                          f'<ul>{"".join(_proposal_item(dataset, p, root) for p in on_theme)}</ul>')
    return "".join(blocks)


def insight_quotes(dataset: Dataset, publication: str, insight_id: str, root: str) -> str:
    items = [q for q in dataset.quotes.values()
             if q["publication"] == publication and q["locator"].get("insight") == insight_id]
    if not items:
        return ""
    return ('<p class="ev-label">Citater fra interviewene</p>'
            + "".join(quote_block(dataset, q["id"], root, 3, anchor=False) for q in items))


def quote_teaser(dataset: Dataset, quote_id: str, root: str) -> str:
    return quote_block(dataset, quote_id, root, 3, anchor=False)
