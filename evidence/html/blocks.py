"""HTML blocks that pages embed: a survey figure, a quote, a citation box.

Blocks are HTML rather than Markdown so that data is never read as markup: each block is a template in
evidence/html/templates/ that this module hands data, autoescaped, and what a block returns is not parsed
again as a template or as Markdown.
"""

from __future__ import annotations

from markupsafe import Markup

from evidence.html.charts import bar_chart_svg, data_table, downloads, legend, scroll_box, text_alternative, with_not_stated
from evidence.html.quote_card import QuoteCard, copy_text, paragraphs
from evidence.html.templates import render
from evidence.html.uncertainty_blocks import group_differences
from evidence.load.dataset_types import Dataset
from evidence.model.quotes import quote_location
from evidence.model.survey import (
    SELF_SELECTION,
    base_figures,
    population_colours,
    population_text,
    question_frame,
    question_title,
    summary_areas,
    summary_frame,
)
from evidence.model.wording import capitalised, number_word
from evidence.urls import (
    METHOD,
    embed_path,
    figure_csv_path,
    permalink,
    question_url,
    slug,
    summary_csv_path,
)

GROUP_TITLES = {"område": "fordelt på område", "anciennitet": "fordelt på anciennitet", "alle": "alle respondenter"}


def partial_note(dataset: Dataset, wave_ids: list[str]) -> str:
    """The note beside a partial series, with why the waves' series are partial (`partial_reason` in wave.yml)."""
    return render("partial_note.html", reasons=partial_reasons(dataset, wave_ids))


def partial_reasons(dataset: Dataset, wave_ids: list[str]) -> str:
    return " ".join(dict.fromkeys(dataset.waves[w].meta["partial_reason"] for w in wave_ids
                                  if dataset.waves[w].meta.get("partial_reason")))


def survey_figure(dataset: Dataset, wave_id: str, question_id: str, group: str, root: str,
                  site_url: str | None = None) -> str:
    """A question's chart; with `site_url`, also the code to embed it on another site."""
    question = dataset.waves[wave_id].questions[question_id]
    frame = question_frame(dataset, wave_id, question_id, group)
    title = question_chart_title(question, group)
    return figure_html(
        dataset, wave_id, frame,
        title=title,
        measure=question["measure"],
        figure_id=f"fig-{wave_id}-{question_id}-{slug(group)}",
        csv_href=root + figure_csv_path(wave_id, question_id, group), root=root,
        partial=question["series"] == "partial",
        embed=(site_url + embed_path(wave_id, question_id, group), title) if site_url else None,
        titled_by_question=True,
    )


def question_chart_title(question: dict, group: str) -> str:
    return f"{question_title(question)} – {GROUP_TITLES.get(group, group)}"


def summary_chart_title(dataset: Dataset, wave_id: str) -> str:
    return f"Svar, som rapporten nævner for alle {number_word(len(summary_areas(dataset)))} områder, undersøgelsen {wave_id}"


def embed_page(dataset: Dataset, wave_id: str, question_id: str, group: str, site_name: str) -> str:
    """A standalone page with one chart, for an iframe on a newspaper's or a municipality's site."""
    root = "../../"
    return render("documents/embed_page.html", title=question_title(dataset.waves[wave_id].questions[question_id]),
                  figure=Markup(survey_figure(dataset, wave_id, question_id, group, root)),
                  site_href=f"{root}{question_url(wave_id, question_id)}", site_name=site_name)


def summary_chart(dataset: Dataset, wave_id: str, root: str) -> str:
    frame = summary_frame(dataset, wave_id)
    return figure_html(
        dataset, wave_id, frame,
        title=summary_chart_title(dataset, wave_id),
        measure="Andel i procent. Hvad andelen måler, står ved hvert spørgsmål.",
        figure_id=f"fig-{wave_id}-opsummering",
        csv_href=root + summary_csv_path(wave_id), root=root,
        partial=True,
    )


def figure_base(dataset: Dataset, wave_id: str, frame, root: str) -> str:
    """What the figure's numbers rest on, beside the chart: the survey and when, each question as asked (with
    its instruction, e.g. »Vælg op til fem«), the groups, the answers in all and the response rate (the wave's
    method figures marked `base`), what the report says of each group's share, and the self-selection caveat."""
    from evidence.model.formatting import count

    meta = dataset.waves[wave_id].meta
    questions = [dataset.waves[wave_id].questions[q] for q in dict.fromkeys(frame["question"])]
    shares = {m["population"]: m for m in meta["method"] if m.get("population")}
    populations = []
    for population_id, label in dict.fromkeys(zip(frame["population"], frame["population_label"], strict=True)):
        share = shares.get(population_id)
        if dataset.populations[population_id].get("figure_label"):  # a group the report does not state
            label = capitalised(population_text(dataset, population_id))
        populations.append(f"{label} ({count(share['value'], share['unit'], share.get('approximate', False))}"
                           " af besvarelserne)" if share else label)
    return render("figure_base.html", survey=f"{meta['title']} ({meta['fieldwork']})",
                  questions=[{"wording": q["wording"], "instruction": q.get("instruction", "")} for q in questions],
                  populations=populations, base=base_figures(meta), caveat=SELF_SELECTION, method_href=f"{root}{METHOD}")


def figure_html(dataset: Dataset, wave_id: str, frame, *, title: str, measure: str, figure_id: str,
                csv_href: str, root: str, partial: bool, embed: tuple[str, str] | None = None,
                titled_by_question: bool = False) -> str:
    """A figure as a statistics office shows one: title and what the numbers measure above, the legend
    above the bars, the question above each group of bars when the figure joins several, note and source
    directly under the chart, then the table, the download and how to cite."""
    publication = dataset.publications[dataset.waves[wave_id].meta["publication"]]
    colours = population_colours(dataset)
    groups = question_groups(dataset, wave_id, frame, titled_by_question)
    # Markup the chart code draws (charts.py) and the base beside it (figure_base.html) go in as they are.
    return render(
        "figure.html", id=figure_id, title=title, measure=measure, legend=Markup(figure_legend(dataset, frame)),
        groups=[{"heading": heading, "measure": group_measure, "description": text_alternative(heading or title, rows),
                 "chart": Markup(bar_chart_svg(rows[CHART_COLUMNS], colours))} for heading, group_measure, rows in groups],
        citation=publication["citation"],
        locators="; ".join(dict.fromkeys(part for loc in frame["locator"] for part in loc.split("; "))),
        partial=partial_reasons(dataset, [wave_id]) if partial else None,
        base=Markup(figure_base(dataset, wave_id, frame, root) + group_differences(dataset, wave_id, frame, root)),
        table=Markup(data_table([(heading, rows) for heading, _, rows in groups], title)),
        downloads=Markup(downloads(csv_href)),
        embed={"src": embed[0], "title": embed[1]} if embed else None)


def figure_legend(dataset: Dataset, frame) -> str:
    """The legend of a figure's populations, in the order of populations.yml."""
    present = set(frame["population_label"])
    return legend([p["name"] for p in dataset.populations.values() if p["name"] in present], population_colours(dataset))


# What a bar chart is drawn from (and named by in the chart cache).
CHART_COLUMNS = ["option_label", "population_label", "value", "text"]


def question_groups(dataset: Dataset, wave_id: str, frame,
                    titled_by_question: bool = False) -> list[tuple[str | None, str | None, object]]:
    """The figure's rows by question, each with every option × population it shows (»ikke oplyst« where
    the source states no figure). Bars never stand without their question: only a figure whose title is
    the question's own wording goes without the question above its bars."""
    questions = list(dict.fromkeys(frame["question"]))
    if titled_by_question:
        return [(None, None, with_not_stated(frame))]
    return [(question_title(dataset.waves[wave_id].questions[q]), dataset.waves[wave_id].questions[q]["measure"],
             with_not_stated(frame[frame["question"] == q])) for q in questions]


def method_summary(dataset: Dataset, wave_id: str) -> str:
    """The wave's method figures as a definition list, each with where the report says it, and the wave's
    note on them (`method_note`)."""
    from evidence.model.formatting import count

    meta = dataset.waves[wave_id].meta
    items = [{"label": m["label"], "value": count(m["value"], m["unit"], m.get("approximate", False), m.get("up_to")),
              "locator": m["locator"]} for m in meta["method"]]
    return render("method_summary.html", items=items, note=meta.get("method_note", ""))


def summary_table(dataset: Dataset, wave_id: str) -> str:
    """The report's cross-area summary: per question, the figures stated for each area."""
    from evidence.model.formatting import percent

    wave = dataset.waves[wave_id]
    areas = summary_areas(dataset)
    figures = wave.figures[wave.figures["population"].isin(areas)]
    rows = []
    for qid, question in wave.questions.items():
        subset = figures[figures["question"] == qid]
        if subset.empty:
            continue
        labels = {o["id"]: o["label"] for o in question["options"]}
        rows.append({"question": question_title(question),
                     "cells": [[{"value": percent(r.value), "answer": labels[r.option]}
                                for r in subset[subset["population"] == area].itertuples()] for area in areas]})
    table = render("summary_table.html", wave=wave_id, areas=[dataset.populations[a]["name"] for a in areas], rows=rows)
    return scroll_box(table, "Opsummering på tværs af områder")


def headline_figures(dataset: Dataset, root: str) -> str:
    """Key numbers of the newest wave, each linked to its question page."""
    from evidence.model.formatting import percent

    wave_id, wave = list(dataset.waves.items())[-1]
    figures = wave.figures.set_index(["question", "option", "population"])["value"]
    cards = []
    for headline in wave.meta.get("headlines", []):
        question = wave.questions[headline["question"]]
        cards.append({"href": f"{root}{question_url(wave_id, headline['question'])}",
                      "value": percent(figures[(headline["question"], headline["option"], headline["population"])]),
                      "text": headline["text"], "population": capitalised(population_text(dataset, headline["population"])),
                      "label": question["label"] or "", "instruction": question.get("instruction", "")})
    shown = {(h["question"], h["option"], h["population"]) for h in wave.meta.get("headlines", [])}
    frame = wave.figures[[key in shown for key in zip(wave.figures["question"], wave.figures["option"],
                                                        wave.figures["population"], strict=True)]].copy()
    frame["population_label"] = frame["population"].map(lambda p: dataset.populations[p]["name"])
    base = Markup(figure_base(dataset, wave_id, frame, root)) if len(frame) else ""
    return render("headline_figures.html", synthetic=wave.synthetic, title=SYNTHETIC_TITLE, cards=cards, wave=wave_id,
                  base=base)


def quote_block(dataset: Dataset, quote_id: str, root: str, heading_level: int = 3, anchor: bool = True) -> str:
    """One quote with everything needed to cite it; the copy button only appears with JavaScript.

    Only the quote's canonical page carries its id as anchor; its page names the source once, so the quote
    gives only its place in it, and the site search indexes the quote there (with its opening words as
    the hit's title, `q-<id>` in the page's Pagefind meta). Elsewhere (theme hubs, insights) the same quote
    has its full source and links to that page, and search skips it, so search finds each quote once.
    The copied text always has the full citation and the permanent link.
    """
    from evidence.html.theme_links import theme_items
    from evidence.model import quotes

    item = dataset.quotes[quote_id]
    links = []
    if item.get("full_text"):
        links.append({"href": root + quote_location(dataset.quotes[item["full_text"]], dataset),
                      "text": "Læs hele fortællingen"})
    for excerpt in quotes.excerpts_of(dataset, quote_id):
        links.append({"href": root + quote_location(excerpt, dataset),
                      "text": f"Også gengivet som {quotes.KIND_NAMES[excerpt['kind']].lower()} "
                              f"({quotes.locator_text(dataset, excerpt)})"})
    citation = quotes.citation_text(dataset, item)
    card = QuoteCard(
        title=quotes.heading(dataset, item), paragraphs=paragraphs(item["text"]), attribution=quotes.attribution(item),
        permalink=root + permalink(item), id=quote_id, copy=copy_text(item["text"], quotes.attribution(item), citation),
        level=heading_level, aria_label=quotes.heading(dataset, item), lead_in=item.get("lead_in", ""),
        note=item.get("note", ""), themes=theme_items(dataset, item["themes"], root), links=links,
        **({"anchor_id": quote_id, "first_words": quotes.first_words(item),
            "place": quotes.locator_text(dataset, item, short=True)} if anchor
           else {"search_ignore": True, "citation": citation}))
    return render("quote_card.html", card=card)


SYNTHETIC_TITLE = "Syntetiske testdata – ikke rigtige tal"


def synthetic_banner() -> str:
    return render("synthetic_banner.html", title=SYNTHETIC_TITLE)
