"""HTML that joins evidence across publications: theme hubs and proposals with their evidence.

Each statement is labelled with its own publication (its `label` in data/publications.yml), so a
reader never mistakes an older publication's testimony for a newer survey result.
"""

from __future__ import annotations

from markupsafe import Markup

from evidence.html.blocks import figure_html, quote_block
from evidence.html.templates import render
from evidence.html.theme_links import theme_items
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
    return render("theme_list.html", themes=[
        {"href": root + theme_url(theme_id), "name": theme["name"], "description": theme["description"],
         "count": len(quotes_on(dataset, theme_id))} for theme_id, theme in dataset.themes.items()])


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
    return render("figure_lines.html", lines=[_figure_line(dataset, row, root) for row in frame.itertuples()])


def _figure_line(dataset: Dataset, row, root: str) -> dict:
    wave = dataset.waves[row.wave]
    question = wave.questions[row.question]
    return {"value": percent(row.value), "answer": row.option_label, "question": question_title(question),
            "population": population_text(dataset, row.population), "measure": question["measure"],
            "href": root + question_url(row.wave, row.question), "source": label_of(dataset, wave.meta["publication"])}


def theme_insights(dataset: Dataset, theme_id: str, root: str) -> str:
    return insight_list(dataset, insights_on(dataset, theme_id), root)


def insight_list(dataset: Dataset, insights: list[tuple[str, dict]], root: str) -> str:
    return render("insight_list.html", insights=[
        {"href": root + insight_url(insight), "id": insight["id"], "headline": insight["headline"],
         "source": label_of(dataset, publication)} for publication, insight in insights])


def theme_proposals(dataset: Dataset, theme_id: str, root: str) -> str:
    return render("proposal_list.html", proposals=_proposal_items(dataset, theme_id, root))


def _proposal_items(dataset: Dataset, theme_id: str, root: str) -> list[dict]:
    return [{"href": root + proposal_url(p["id"]), "text": p["text"], "source": label_of(dataset, p["publication"]),
             "addressee": addressee_phrase(p)} for p in proposals_on(dataset, theme_id)]


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
    return render("theme_quote_count.html", count=len(quotes_on(dataset, theme_id)), href=finder_link(root, theme_id))


def proposal(dataset: Dataset, proposal_id: str, root: str) -> str:
    item = dataset.proposals[proposal_id]
    publication = dataset.publications[item["publication"]]
    chapter = next((c["title"] for c in dataset.booklet_texts.get(item["publication"], {}).get("chapters", [])
                    if c["chapter"] == item["chapter"]), f"kapitel {item['chapter']}")
    return render("proposal.html", id=proposal_id, text=item["text"], who=capitalised(addressee_phrase(item)),
                  note=item.get("note"), chapter=chapter, themes=theme_items(dataset, item["themes"], root),
                  citation=publication["citation"], box=section(publication, "forslag"))


def proposal_evidence(dataset: Dataset, proposal_id: str, root: str) -> str:
    """Evidence on the proposal's themes: per theme, what each publication says, newest publication first,
    every part labelled with the publication's own label. Quotes already chosen for the proposal itself are
    not shown again."""
    item = dataset.proposals[proposal_id]
    chosen = set(item["evidence"]["quotes"])
    sections = []
    for theme_id in item["themes"]:
        selection = quotes_on(dataset, theme_id)
        shown = [q for q in selection if q["id"] not in chosen]
        sections.append({"name": dataset.themes[theme_id]["name"], "finder_href": finder_link(root, theme_id),
                         "count": len(selection),
                         "publications": [_publication_evidence(dataset, publication, theme_id, shown, root)
                                          for publication in newest_first(dataset)]})
    return render("proposal_evidence.html", sections=sections)


def _publication_evidence(dataset: Dataset, publication: dict, theme_id: str, selection: list[dict],
                          root: str) -> dict:
    """One publication's evidence on a theme: its survey figures, insights, pointers and quotes."""
    frame = theme_figure_frame(dataset, theme_id)
    from_it = not frame.empty and dataset.waves[frame["wave"].iloc[0]].meta["publication"] == publication["id"]
    insights = [(pub, insight) for pub, insight in insights_on(dataset, theme_id) if pub == publication["id"]]
    own = [q for q in selection if q["publication"] == publication["id"] and q["kind"] not in REPRINT_KINDS]
    by_kind = {kind: [q for q in own if q["kind"] == kind][:2] for kind in unique(q["kind"] for q in own)}
    return {
        "label": label(publication),
        "figures": Markup(figure_lines(dataset, frame, root)) if from_it else None,
        "insights": Markup(insight_list(dataset, insights, root)) if insights else None,
        "see_also": [_see_also(dataset, ref, root) for ref in dataset.themes[theme_id].get("see_also", [])
                     if ref["publication"] == publication["id"]],
        "quotes": [{"kind": KIND_PLURALS[kind],
                    "cards": [Markup(quote_block(dataset, q["id"], root, 4, anchor=False)) for q in shown]}
                   for kind, shown in by_kind.items()],
    }


def _see_also(dataset: Dataset, ref: dict, root: str) -> dict:
    """A theme's pointer to where a publication describes the theme itself (`see_also` in data/themes.yml)."""
    insight = find_insight(dataset, ref["publication"], ref["insight"])
    return {"text": ref["text"], "href": root + insight_url(insight), "id": insight["id"]}


def proposals_by_theme(dataset: Dataset, root: str) -> str:
    groups = [{"href": root + theme_url(theme_id), "name": theme["name"],
               "proposals": _proposal_items(dataset, theme_id, root)} for theme_id, theme in dataset.themes.items()]
    return render("proposals_by_theme.html", groups=[g for g in groups if g["proposals"]])


def insight_quotes(dataset: Dataset, publication: str, insight_id: str, root: str) -> str:
    return render("insight_quotes.html", quotes=[
        Markup(quote_block(dataset, q["id"], root, 3, anchor=False)) for q in dataset.quotes.values()
        if q["publication"] == publication and q["locator"].get("insight") == insight_id])


def quote_teaser(dataset: Dataset, quote_id: str, root: str) -> str:
    return quote_block(dataset, quote_id, root, 3, anchor=False)
