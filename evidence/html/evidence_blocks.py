"""HTML that joins evidence across publications: theme hubs and proposals with their evidence.

Each statement is labelled with its own publication (its `label` in data/publications.yml), so a
reader never mistakes an older publication's testimony for a newer survey result.
"""

from __future__ import annotations

from evidence.html.blocks import esc, figure_html, quote_block
from evidence.html.templates import render
from evidence.load.dataset_types import Dataset
from evidence.model.formatting import percent
from evidence.model.proposals import addressee_phrase
from evidence.model.publications import label, label_of, newest_first, section
from evidence.model.quotes import KIND_PLURALS, REPRINT_KINDS, chapter_title
from evidence.model.survey import population_text, question_title
from evidence.model.themes import facts_on, find_insight, insights_on, proposals_on, quotes_on, theme_figure_frame
from evidence.model.wording import capitalised, unique
from evidence.urls import finder_link, insight_url, proposal_url, question_url, theme_csv_path, theme_url


def theme_list(dataset: Dataset, root: str) -> str:
    items = []
    for theme_id, theme in dataset.themes.items():
        count = len(quotes_on(dataset, theme_id))
        items.append(f'<li><a href="{root}{theme_url(theme_id)}"><strong>{esc(theme["name"])}</strong></a> – '
                     f'{esc(theme["description"])} <span class="ev-count">({count} citater og fortællinger)</span></li>')
    return f'<ul class="ev-themes">{"".join(items)}</ul>'


def theme_figures(dataset: Dataset, theme_id: str, root: str) -> str:
    frame = theme_figure_frame(dataset, theme_id)
    wave_id = frame["wave"].iloc[0]
    theme = dataset.themes[theme_id]
    return figure_html(
        dataset, wave_id, frame,
        title=theme_chart_title(theme, wave_id),
        measure="Andel i procent. Hvad andelen måler, står ved hvert spørgsmål.",
        figure_id=f"fig-tema-{theme_id}",
        csv_href=root + theme_csv_path(wave_id, theme_id), root=root,
        partial=True,
    ) + figure_lines(dataset, frame, root)


def theme_chart_title(theme: dict, wave_id: str) -> str:
    return f"Svar, som sitet har givet temaet »{theme['name']}«, undersøgelsen {wave_id}"


def figure_lines(dataset: Dataset, frame, root: str) -> str:
    """The same figures as sentences with links to their question pages."""
    items = []
    for row in frame.itertuples():
        wave = dataset.waves[row.wave]
        question = wave.questions[row.question]
        items.append(
            f'<li><strong>{percent(row.value)}</strong> – {esc(row.option_label)} '
            f'<span class="ev-locator">(svar på {esc(question_title(question))}; '
            f'{esc(population_text(dataset, row.population))}; {esc(question["measure"].lower())}; '
            f'<a href="{root}{question_url(row.wave, row.question)}">{esc(label_of(dataset, wave.meta["publication"]))}</a>)'
            "</span></li>"
        )
    return f'<ul class="ev-figure-lines">{"".join(items)}</ul>'


def theme_insights(dataset: Dataset, theme_id: str, root: str) -> str:
    return insight_list(dataset, insights_on(dataset, theme_id), root)


def insight_list(dataset: Dataset, insights: list[tuple[str, dict]], root: str) -> str:
    items = [
        f'<li><a href="{root}{insight_url(insight)}">Indsigt {esc(insight["id"])}</a>: '
        f'{esc(insight["headline"])} <span class="ev-locator">({esc(label_of(dataset, publication))})</span></li>'
        for publication, insight in insights
    ]
    return f"<ul>{''.join(items)}</ul>"


def theme_proposals(dataset: Dataset, theme_id: str, root: str) -> str:
    return "<ul>" + "".join(_proposal_item(dataset, p, root) for p in proposals_on(dataset, theme_id)) + "</ul>"


def _proposal_item(dataset: Dataset, proposal: dict, root: str) -> str:
    source = label_of(dataset, proposal["publication"])
    return (f'<li><a href="{root}{proposal_url(proposal["id"])}">{esc(proposal["text"])}</a> '
            f'<span class="ev-locator">({esc(source)}, {esc(addressee_phrase(proposal))})</span></li>')


def theme_facts(dataset: Dataset, theme_id: str) -> str:
    return "".join(fact_block(dataset, fact) for fact in facts_on(dataset, theme_id))


def fact_block(dataset: Dataset, fact: dict) -> str:
    """A fact with where and when it was printed, first – a foreword's words say they are the foreword's, and a
    fact box from one year can stand under another year's chart. The place names come from the publication
    (`fact_places` in data/publications.yml)."""
    publication = dataset.publications[fact["publication"]]
    chapter = chapter_title(dataset, fact) if fact["locator"]["part"].startswith("kapitel-") else None
    return render("fact.html", fact=fact, publication=publication, place=publication["fact_places"][fact["kind"]],
                  chapter=chapter, chapter_number=fact["locator"]["part"].removeprefix("kapitel-"))


def theme_quote_count(dataset: Dataset, theme_id: str, root: str) -> str:
    count = len(quotes_on(dataset, theme_id))
    return (f'<p>{count} citater og fortællinger har temaet. Her er et udvalg. '
            f'<a href="{finder_link(root, theme_id)}">Se alle {count} i citatsøgningen</a>.</p>')


def proposal(dataset: Dataset, proposal_id: str, root: str) -> str:
    item = dataset.proposals[proposal_id]
    publication = dataset.publications[item["publication"]]
    chapter = next((c["title"] for c in dataset.booklet_texts.get(item["publication"], {}).get("chapters", [])
                    if c["chapter"] == item["chapter"]), f"kapitel {item['chapter']}")
    note = f' {esc(item["note"])}' if item.get("note") else ""
    themes = ", ".join(f'<a href="{root}{theme_url(t)}">{esc(dataset.themes[t]["name"])}</a>' for t in item["themes"])
    box = section(publication, "forslag")
    place = f"Boksen »{box}«, {chapter}" if box else chapter
    return (
        f'<div class="ev-proposal" id="{esc(proposal_id)}">'
        f"<blockquote><p>{esc(item['text'])}</p></blockquote>"
        f'<p class="ev-proposal__who"><strong>{esc(capitalised(addressee_phrase(item)))}.</strong>{note}</p>'
        f'<p class="ev-proposal__about"><span class="ev-label">Kapitel:</span> {esc(chapter)} · '
        f'<span class="ev-label">Temaer:</span> {themes}</p>'
        f'<p class="ev-quote__cite"><span>Kilde:</span> {esc(publication["citation"])} {esc(place)}.</p></div>'
    )


def proposal_evidence(dataset: Dataset, proposal_id: str, root: str) -> str:
    """Evidence on the proposal's themes: per theme, what each publication says, newest publication first,
    every part labelled with the publication's own label. Quotes already chosen for the proposal itself are
    not shown again."""
    item = dataset.proposals[proposal_id]
    chosen = set(item["evidence"]["quotes"])
    parts = []
    for theme_id in item["themes"]:
        theme = dataset.themes[theme_id]
        selection = quotes_on(dataset, theme_id)
        shown = [q for q in selection if q["id"] not in chosen]
        section_parts = [f'<h3>{esc(theme["name"])}</h3>']
        for publication in newest_first(dataset):
            section_parts += _publication_evidence(dataset, publication, theme_id, shown, root)
        section_parts.append(f'<p><a href="{finder_link(root, theme_id)}">Se alle {len(selection)} citater og '
                             f'fortællinger om {esc(theme["name"].lower())}</a></p>')
        parts.append(f'<section class="ev-evidence">{"".join(section_parts)}</section>')
    return "".join(parts)


def _publication_evidence(dataset: Dataset, publication: dict, theme_id: str, selection: list[dict],
                          root: str) -> list[str]:
    """One publication's evidence on a theme: its survey figures, insights, pointers and quotes."""
    name = esc(label(publication))
    parts = []
    frame = theme_figure_frame(dataset, theme_id)
    if not frame.empty and dataset.waves[frame["wave"].iloc[0]].meta["publication"] == publication["id"]:
        parts.append(f'<p class="ev-label">Tal fra undersøgelsen ({name})</p>' + figure_lines(dataset, frame, root))
    insights = [(pub, insight) for pub, insight in insights_on(dataset, theme_id) if pub == publication["id"]]
    if insights:
        parts.append(f'<p class="ev-label">Indsigter fra rapporten ({name})</p>' + insight_list(dataset, insights, root))
    parts += [_see_also(dataset, ref, root) for ref in dataset.themes[theme_id].get("see_also", [])
              if ref["publication"] == publication["id"]]
    own = [q for q in selection if q["publication"] == publication["id"] and q["kind"] not in REPRINT_KINDS]
    for kind in unique(q["kind"] for q in own):
        chosen = [q for q in own if q["kind"] == kind][:2]
        parts.append(f'<p class="ev-label">{esc(KIND_PLURALS[kind])} ({name})</p>'
                     + "".join(quote_block(dataset, q["id"], root, 4, anchor=False) for q in chosen))
    return parts


def _see_also(dataset: Dataset, ref: dict, root: str) -> str:
    """A theme's pointer to where a publication describes the theme itself (`see_also` in data/themes.yml)."""
    insight = find_insight(dataset, ref["publication"], ref["insight"])
    return (f'<p>{esc(ref["text"])}: <a href="{root}{insight_url(insight)}">se rapportens beskrivelse i '
            f'indsigt {esc(insight["id"])}</a>.</p>')




def proposals_by_theme(dataset: Dataset, root: str) -> str:
    blocks = []
    for theme_id, theme in dataset.themes.items():
        on_theme = proposals_on(dataset, theme_id)
        if on_theme:
            blocks.append(f'<p class="ev-label"><a href="{root}{theme_url(theme_id)}">{esc(theme["name"])}</a></p>'
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
