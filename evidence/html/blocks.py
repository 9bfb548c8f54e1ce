"""HTML blocks that pages embed: a survey figure, a quote, a citation box.

Blocks are HTML rather than Markdown so that data is never read as markup: every
string from `data/` is escaped here, and what a block returns is not parsed again as
a template or as Markdown.
"""

from __future__ import annotations

import html

from evidence.html.charts import bar_chart_svg, data_table, downloads, legend, scroll_box, text_alternative, with_not_stated
from evidence.html.templates import render
from evidence.model.dataset import Dataset
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
    embed_path,
    figure_csv_path,
    group_slug,
    permalink,
    quote_location,
    summary_csv_path,
)

GROUP_TITLES = {"område": "fordelt på område", "anciennitet": "fordelt på anciennitet", "alle": "alle respondenter"}


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def partial_note(dataset: Dataset, wave_ids: list[str]) -> str:
    """The note beside a partial series, with why the waves' series are partial (`partial_reason` in wave.yml)."""
    reasons = " ".join(dict.fromkeys(dataset.waves[w].meta["partial_reason"] for w in wave_ids
                                     if dataset.waves[w].meta.get("partial_reason")))
    return (
        f'<p class="ev-partial"><strong>Delvis serie:</strong> {esc(reasons) + " " if reasons else ""}'
        "Her vises kun de tal, som rapportens tekst selv nævner – de øvrige svar er ikke gengivet og er ikke "
        "anslået.</p>"
    )


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
        figure_id=f"fig-{wave_id}-{question_id}-{group_slug(group)}",
        csv_href=root + figure_csv_path(wave_id, question_id, group), root=root,
        partial=question["series"] == "partial",
        embed=(site_url + embed_path(wave_id, question_id, group), title) if site_url else None,
        titled_by_question=True,
    )


def question_chart_title(question: dict, group: str) -> str:
    return f"{question_title(question)} – {GROUP_TITLES.get(group, group)}"


def summary_chart_title(dataset: Dataset, wave_id: str) -> str:
    return f"Svar, som rapporten nævner for alle {number_word(len(summary_areas(dataset)))} områder, undersøgelsen {wave_id}"


def embed_page(dataset: Dataset, wave_id: str, question_id: str, group: str) -> str:
    """A standalone page with one chart, for an iframe on a newspaper's or a municipality's site."""
    root = "../../"
    figure = survey_figure(dataset, wave_id, question_id, group, root)
    title = esc(question_title(dataset.waves[wave_id].questions[question_id]))
    return (
        '<!doctype html><html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{EMBED_CSS}</style></head><body>{figure}"
        f'<p class="ev-download"><a href="{root}tal/{wave_id}/{question_id}/" target="_top">'
        "Se alle tal og kilder på sitet om socialrådgivernes arbejdsvilkår</a></p></body></html>\n"
    )


EMBED_CSS = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;background:#fff;"
    "margin:0;padding:12px;font-size:15px;line-height:1.45}svg{width:100%;height:auto}"
    "figure{margin:0}figcaption{margin-bottom:8px}.ev-figure__measure{display:block;font-size:13px}"
    ".ev-chart__wide{display:none}@media (min-width:600px){.ev-chart__wide{display:block}.ev-chart__narrow{display:none}}"
    ".ev-legend{list-style:none;padding:0;margin:0 0 8px;font-size:13px}.ev-legend li{display:inline-block;margin-right:12px}"
    ".ev-legend__key{display:inline-block;width:12px;height:12px;margin-right:4px}"
    ".ev-figure__source,.ev-partial{font-size:13px}table{border-collapse:collapse;font-size:13px}"
    "th,td{border:1px solid #ccc;padding:4px 6px;text-align:left}a{color:#0b5c7d}"
    "@media (prefers-color-scheme: dark){body{background:#1e2129;color:#e6e6e6}a{color:#7cc4e4}}"
)


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
    return render("figure_base.html", survey=f"{meta['title']} ({meta['fieldwork']})", caveat=SELF_SELECTION,
                  questions=[{"wording": q["wording"], "instruction": q.get("instruction", "")} for q in questions],
                  populations=populations, base=base_figures(meta), method_href=f"{root}metode/")


def figure_html(dataset: Dataset, wave_id: str, frame, *, title: str, measure: str, figure_id: str,
                csv_href: str, root: str, partial: bool, embed: tuple[str, str] | None = None,
                titled_by_question: bool = False) -> str:
    """A figure as a statistics office shows one: title and what the numbers measure above, the legend
    above the bars, the question above each group of bars when the figure joins several, note and source
    directly under the chart, then the table, the download and how to cite."""
    publication = dataset.publications[dataset.waves[wave_id].meta["publication"]]
    locators = "; ".join(dict.fromkeys(part for loc in frame["locator"] for part in loc.split("; ")))
    colours = population_colours(dataset)
    groups = question_groups(dataset, wave_id, frame, titled_by_question)
    charts = "".join(
        '<div class="ev-chart-group">'
        + (f'<p class="ev-chart-group__question"><strong>{esc(heading)}</strong> '
           f'<span class="ev-figure__measure">{esc(group_measure)}</span></p>' if heading else "")
        + f'<div class="ev-chart" role="img" aria-label="{esc(text_alternative(heading or title, rows))}">'
        f"{bar_chart_svg(rows[CHART_COLUMNS], colours)}</div></div>"
        for heading, group_measure, rows in groups)
    cite = (
        '<details class="ev-cite"><summary>Sådan citerer du</summary>'
        f"<p>Kilde: {esc(publication['citation'])} Sted i rapporten: {esc(locators)}.</p>"
        f'<p>Link direkte til diagrammet: <a href="#{esc(figure_id)}">#{esc(figure_id)}</a></p></details>'
    )
    if embed:
        snippet = (f'<iframe src="{embed[0]}" title="{esc(embed[1])}" width="100%" height="720" '
                   'loading="lazy" style="border:0"></iframe>')
        cite += ('<details class="ev-cite"><summary>Indlejr diagrammet</summary>'
                 "<p>Kopiér koden og sæt den ind på din egen side. Diagrammet viser kilden.</p>"
                 f"<pre><code>{esc(snippet)}</code></pre></details>")
    table = data_table([(heading, rows) for heading, _, rows in groups], title)
    return (
        f'<figure class="ev-figure" id="{esc(figure_id)}">'
        f'<figcaption class="ev-figure__title"><strong>{esc(title)}</strong> '
        f'<span class="ev-figure__measure">{esc(measure)}</span></figcaption>'
        f"{figure_legend(dataset, frame)}{charts}"
        f'<p class="ev-figure__source"><span>Kilde:</span> {esc(publication["citation"])} '
        f"Sted i rapporten: {esc(locators)}.</p>"
        f"{partial_note(dataset, [wave_id]) if partial else ''}"
        f"{figure_base(dataset, wave_id, frame, root)}"
        f'<details class="ev-data"><summary>Se tallene som tabel</summary>{table}</details>'
        f"{downloads(csv_href)}{cite}</figure>"
    )


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
    items = "".join(
        f"<dt>{esc(m['label'])}</dt><dd>{esc(count(m['value'], m['unit'], m.get('approximate', False), m.get('up_to')))}"
        f' <span class="ev-locator">({esc(m["locator"])})</span></dd>'
        for m in meta["method"]
    )
    note = f'<p class="ev-note"><strong>Bemærk:</strong> {esc(meta["method_note"])}</p>' if meta.get("method_note") else ""
    return f'<dl class="ev-method">{items}</dl>{note}'


def summary_table(dataset: Dataset, wave_id: str) -> str:
    """The report's cross-area summary: per question, the figures stated for each area."""
    from evidence.model.formatting import percent

    wave = dataset.waves[wave_id]
    areas = summary_areas(dataset)
    figures = wave.figures[wave.figures["population"].isin(areas)]
    head = "".join(f'<th scope="col">{esc(dataset.populations[a]["name"])}</th>' for a in areas)
    rows = []
    for qid, question in wave.questions.items():
        subset = figures[figures["question"] == qid]
        if subset.empty:
            continue
        labels = {o["id"]: o["label"] for o in question["options"]}
        cells = "".join(
            "<td><ul>" + "".join(
                f"<li>{percent(r.value)} {esc(labels[r.option])}</li>"
                for r in subset[subset["population"] == area].itertuples()) + "</ul></td>"
            for area in areas
        )
        rows.append(f'<tr><th scope="row">{esc(question_title(question))}</th>{cells}</tr>')
    return scroll_box(
        f'<table class="ev-table ev-summary"><caption>Opsummering på tværs af områder, undersøgelsen {esc(wave_id)}'
        f'</caption><thead><tr><th scope="col">Spørgsmål</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table>", "Opsummering på tværs af områder")


def headline_figures(dataset: Dataset, root: str) -> str:
    """Key numbers of the newest wave, each linked to its question page."""
    from evidence.model.formatting import percent

    wave_id, wave = list(dataset.waves.items())[-1]
    figures = wave.figures.set_index(["question", "option", "population"])["value"]
    cards = []
    for headline in wave.meta.get("headlines", []):
        value = figures[(headline["question"], headline["option"], headline["population"])]
        question = wave.questions[headline["question"]]
        population = capitalised(population_text(dataset, headline["population"]))
        cards.append(
            f'<li class="ev-keyfig"><a href="{root}tal/{wave_id}/{headline["question"]}/">'
            f'<span class="ev-keyfig__value">{percent(value)}</span> '
            f'<span class="ev-keyfig__text">{esc(headline["text"])}</span></a>'
            f'<span class="ev-keyfig__source">{esc(population)} · {esc(question["label"] or "")}'
            f'{" (" + esc(question["instruction"]) + ")" if question.get("instruction") else ""} · undersøgelsen {esc(wave_id)}'
            "</span></li>"
        )
    banner = ""
    if wave.synthetic:
        banner = synthetic_banner()
    shown = {(h["question"], h["option"], h["population"]) for h in wave.meta.get("headlines", [])}
    frame = wave.figures[[key in shown for key in zip(wave.figures["question"], wave.figures["option"],
                                                        wave.figures["population"], strict=True)]].copy()
    frame["population_label"] = frame["population"].map(lambda p: dataset.populations[p]["name"])
    base = figure_base(dataset, wave_id, frame, root) if len(frame) else ""
    return f'{banner}<ul class="ev-keyfigs">{"".join(cards)}</ul>{base}'


def quote_block(dataset: Dataset, quote_id: str, root: str, heading_level: int = 3, anchor: bool = True) -> str:
    """One quote with everything needed to cite it; the copy button only appears with JavaScript.

    Only the quote's canonical page carries its id as anchor; its page names the source once, so the quote
    gives only its place in it, and the site search indexes the quote there (with its opening words as
    the hit's title, `q-<id>` in the page's Pagefind meta). Elsewhere (theme hubs, insights) the same quote
    has its full source and links to that page, and search skips it, so search finds each quote once.
    The copied text always has the full citation and the permanent link.
    """
    from evidence.html.theme_links import theme_links
    from evidence.model import quotes

    item = dataset.quotes[quote_id]
    link = root + permalink(item)
    paragraphs = "".join(f"<p>{esc(p)}</p>" for p in item["text"].split("\n\n"))
    lead = f'<p class="ev-quote__lead">{esc(item["lead_in"])}</p>' if item.get("lead_in") else ""
    heading = quotes.heading(item)
    themes = theme_links(dataset, item["themes"], root)
    extra = []
    if item.get("full_text"):
        full = dataset.quotes[item["full_text"]]
        extra.append(f'<a href="{root}{quote_location(full, dataset)}">Læs hele fortællingen</a>')
    for excerpt in quotes.excerpts_of(dataset, quote_id):
        extra.append(f'<a href="{root}{quote_location(excerpt, dataset)}">Også gengivet som '
                     f'{esc(quotes.KIND_NAMES[excerpt["kind"]].lower())} ({esc(quotes.locator_text(dataset, excerpt))})</a>')
    copy_text = (
        f"»{item['text'].replace(chr(10) + chr(10), ' ')}« – {quotes.attribution(item)}. "
        f"Kilde: {quotes.citation_text(dataset, item)}"
    )
    h = f"h{heading_level}"
    if anchor:
        title_id = f' id="{esc(quote_id)}"'
        source = f'<span>Sted i kilden:</span> {esc(quotes.locator_text(dataset, item, short=True))}'
        search = f'<span data-pagefind-meta="q-{esc(quote_id)}:{esc(quotes.first_words(item))}"></span>'
        ignore = ""
    else:
        title_id, search, ignore = "", "", ' data-pagefind-ignore="all"'
        source = f'<span>Kilde:</span> {esc(quotes.citation_text(dataset, item))}'
    return (
        f'<article class="ev-quote" aria-label="{esc(heading)}"{ignore}>'
        f'<{h} class="ev-quote__title"{title_id}>{esc(heading)}</{h}>{search}'
        f"{lead}<blockquote>{paragraphs}</blockquote>"
        f'<p class="ev-quote__who">– {esc(quotes.attribution(item))}</p>'
        + (f'<p class="ev-quote__note"><span>Bemærk:</span> {esc(item["note"])}</p>' if item.get("note") else "")
        + f'<p class="ev-quote__cite">{source}</p>'
        f'<p class="ev-quote__themes"><span>Temaer:</span> {themes}</p>'
        + (f'<p class="ev-quote__links">{" · ".join(extra)}</p>' if extra else "")
        + f'<p class="ev-quote__actions"><a class="ev-permalink" href="{link}">Fast link: {esc(quote_id)}</a> '
        f'<button type="button" class="ev-copy md-button" hidden data-copy="{esc(copy_text)}" '
        f'data-permalink="{link}">Kopiér citat</button>'
        f'<span class="ev-copy__status" role="status" aria-live="polite"></span></p>'
        "</article>"
    )


SYNTHETIC_TITLE = "Syntetiske testdata – ikke rigtige tal"


def synthetic_banner() -> str:
    return (
        '<div class="admonition danger ev-synthetic" role="note">'
        f'<p class="admonition-title">{esc(SYNTHETIC_TITLE)}</p>'
        "<p>Tallene her er opdigtede og bruges kun til at teste sitet. De må ikke citeres.</p></div>"
    )
