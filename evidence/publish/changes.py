"""What a data change does for readers, as a Danish Markdown summary for the reviewer of a pull request
(`make diff`, scripts/data_diff.py).

A reviewer sees YAML and CSV diffs; this names the same change as a reader meets it: which figures
changed (old → new, with the question, the answer and the population in words), which quotes came or
went, new publications and waves, how many quotes and figures each theme has, and the pages that
appear or disappear. Both sides are validated datasets (evidence.load.dataset), so the summary
compares what the site would show, not the files' spelling.
"""

from __future__ import annotations

from collections.abc import Iterable

from evidence.load.dataset_types import Dataset
from evidence.model.formatting import percent
from evidence.model.survey import question_title
from evidence.publish.generate import PAGES, part

# A long list (every page of a new wave) is cut after this many lines, with the number left out.
MAX_LINES = 25
# A quote is shown by its first words: enough to recognise it in the data file.
EXCERPT = 90

Key = tuple[str, str, str, str]  # wave, question, option, population


def summary(before: Dataset, after: Dataset, base: str) -> str:
    """The whole summary; `base` names the revision compared with (e.g. origin/main)."""
    sections = [section for section in (
        publications_section(before, after), counts_section(before, after), waves_section(before, after),
        figures_section(before, after),
        quotes_section(before, after), themes_section(before, after), pages_section(before, after),
        other_section(before, after),
    ) if section]
    head = f"## Hvad ændringen betyder for læserne\n\nSammenlignet med `{base}`.\n"
    if not sections:
        return head + "\nIngen ændringer i tal, citater, publikationer, temaer eller sider.\n"
    return as_plain_markdown(head + "\n" + "\n".join(sections))


def as_plain_markdown(text: str) -> str:
    """The summary shows data texts as text: GitHub renders HTML and links in a job summary, so a changed text
    holding `<!--` would hide the lines after it from the reviewer, and a link or image would be live. The
    summary's own format uses neither, so every `<`, `>`, `[`, `]` and `!` is escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").translate(
        {ord("["): "\\[", ord("]"): "\\]", ord("!"): "\\!"})


# --- publications and waves ----------------------------------------------------------------------

def publications_section(before: Dataset, after: Dataset) -> str:
    added, removed, _ = compare(before.publications, after.publications)
    lines = [f"- Ny: {after.publications[p]['title']} (`{p}`)" for p in added]
    lines += [f"- Fjernet: {before.publications[p]['title']} (`{p}`)" for p in removed]
    return section("Publikationer", lines)


def quote_counts(dataset: Dataset) -> dict[str, int]:
    counts = dict.fromkeys(dataset.publications, 0)
    for quote in dataset.quotes.values():
        counts[quote["publication"]] = counts.get(quote["publication"], 0) + 1
    return counts


def counts_section(before: Dataset, after: Dataset) -> str:
    """The number of quotes of each publication whose number changes: what a reviewer checks so that
    nothing was lost or doubled (the real data's size is pinned nowhere else)."""
    old, new = quote_counts(before), quote_counts(after)
    titles = {**{p: v["title"] for p, v in before.publications.items()},
              **{p: v["title"] for p, v in after.publications.items()}}
    changed = [p for p in titles if old.get(p, 0) != new.get(p, 0)]
    if not changed:
        return ""
    rows = ["| Publikation | Citater før | Citater nu |", "| --- | ---: | ---: |"]
    rows += [f"| {titles[p]} (`{p}`) | {old.get(p, 0)} | {new.get(p, 0)} |" for p in changed]
    return ("### Antal citater pr. publikation\n\nTjek, at intet er tabt eller kommet med to gange:\n\n"
            + "\n".join(rows) + "\n")


def waves_section(before: Dataset, after: Dataset) -> str:
    added, removed, _ = compare(before.waves, after.waves)

    def line(word: str, dataset: Dataset, wave_id: str) -> str:
        wave = dataset.waves[wave_id]
        return (f"- {word}: bølge {wave_id}, {wave.meta['title']} – {len(wave.questions)} spørgsmål, "
                f"{len(wave.rows)} tal (`data/survey/{wave_id}/`)")

    return section("Bølger af undersøgelsen",
                   [line("Ny", after, w) for w in added] + [line("Fjernet", before, w) for w in removed])


# --- figures ---------------------------------------------------------------------------------------

def figures(dataset: Dataset, waves: Iterable[str]) -> dict[Key, dict]:
    return {(wave_id, row["question"], row["option"], row["population"]): row
            for wave_id in waves for row in dataset.waves[wave_id].rows}


def figures_section(before: Dataset, after: Dataset) -> str:
    """Figures of the waves on both sides; a new or removed wave's figures are counted under Bølger."""
    shared = [w for w in after.waves if w in before.waves]
    old, new = figures(before, shared), figures(after, shared)
    added, removed, kept = compare(old, new)
    changed = [k for k in kept if (old[k]["value"], old[k]["locator"]) != (new[k]["value"], new[k]["locator"])]

    def change(key: Key) -> str:
        a, b = old[key], new[key]
        values = f"**{percent(a['value'])} → {percent(b['value'])}**" if a["value"] != b["value"] \
            else f"{percent(b['value'])} (uændret)"
        where = f"kilde: {b['locator']}" if a["locator"] == b["locator"] \
            else f"kilde: {a['locator']} → {b['locator']}"
        return f"- {figure_label(after, key)}: {values} ({where})"

    lines = [change(k) for k in changed]
    lines += [f"- Nyt: {figure_label(after, k)}: {percent(new[k]['value'])} (kilde: {new[k]['locator']})" for k in added]
    lines += [f"- Fjernet: {figure_label(before, k)}: {percent(old[k]['value'])}" for k in removed]
    return section("Tal", lines)


def figure_label(dataset: Dataset, key: Key) -> str:
    """A figure in words: wave, question, answer and population, as the site names them."""
    wave_id, question_id, option_id, population_id = key
    question = dataset.waves[wave_id].questions[question_id]
    option = next(o for o in question["options"] if o["id"] == option_id)
    population = dataset.populations[population_id]["name"]
    return f"Bølge {wave_id}, {question_title(question)} – svaret »{option['label']}« – {population}"


# --- quotes ----------------------------------------------------------------------------------------

def quotes_section(before: Dataset, after: Dataset) -> str:
    added, removed, kept = compare(before.quotes, after.quotes)
    lines = [f"- Nyt: {quote_line(after, q)}" for q in added]
    lines += [f"- Fjernet: {quote_line(before, q)}" for q in removed]
    for quote_id in kept:
        old, new = before.quotes[quote_id], after.quotes[quote_id]
        fields = changed_fields(old, new)
        if not fields:
            continue
        line = f"- Ændret: `{quote_id}` ({new['file']}): {', '.join(fields)}"
        if "text" in fields:
            line += f"\n  - før: »{excerpt(old['text'])}«\n  - nu: »{excerpt(new['text'])}«"
        lines.append(line)
    return section("Citater og fortællinger", lines)


def quote_line(dataset: Dataset, quote_id: str) -> str:
    item = dataset.quotes[quote_id]
    who = item.get("attribution") or "uden navn"
    source = dataset.publications[item["publication"]]["short"]
    return f"»{excerpt(item['text'])}« – {who}, {source} (`{quote_id}`, {item['file']})"


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"


# --- themes ----------------------------------------------------------------------------------------

def theme_counts(dataset: Dataset) -> dict[str, tuple[int, int]]:
    """Per theme: quotes tagged with it, and figures of the newest wave whose answer is tagged with it
    (what the theme's page shows)."""
    newest = list(dataset.waves.values())[-1:]
    tagged = {(w.id, q, o["id"]): o.get("themes", []) for w in newest
              for q, question in w.questions.items() for o in question["options"]}
    counts = {}
    for theme_id in dataset.themes:
        quotes = sum(theme_id in q["themes"] for q in dataset.quotes.values())
        figures = sum(theme_id in tagged.get((w.id, r["question"], r["option"]), []) for w in newest for r in w.rows)
        counts[theme_id] = (quotes, figures)
    return counts


def themes_section(before: Dataset, after: Dataset) -> str:
    old, new = theme_counts(before), theme_counts(after)
    names = {**{t: v["name"] for t, v in before.themes.items()}, **{t: v["name"] for t, v in after.themes.items()}}
    changed = [t for t in names if old.get(t) != new.get(t)]
    if not changed:
        return ""

    def cell(counts: dict, theme_id: str, index: int) -> str:
        return str(counts[theme_id][index]) if theme_id in counts else "–"

    rows = ["| Tema | Citater før | Citater nu | Tal før | Tal nu |", "| --- | ---: | ---: | ---: | ---: |"]
    rows += [f"| {names[t].replace('|', '/')} | {cell(old, t, 0)} | {cell(new, t, 0)} | {cell(old, t, 1)} | {cell(new, t, 1)} |"
             for t in changed]
    return ("### Temaer\n\nTemaer, hvis antal citater eller tal (fra den nyeste bølge) ændres:\n\n"
            + "\n".join(rows) + "\n")


# --- pages -----------------------------------------------------------------------------------------

def pages(dataset: Dataset) -> dict[str, str]:
    """The generated pages, address → title (the hand-written pages do not change with the data)."""
    return {url_of(page.path): page.title for name in PAGES for page in part(dataset, "pages", name)[0]}


def url_of(path: str) -> str:
    stem = path.removesuffix(".md")
    return "/" + ("" if stem == "index" else stem.removesuffix("/index") + "/")


def pages_section(before: Dataset, after: Dataset) -> str:
    old, new = pages(before), pages(after)
    added, removed, _ = compare(old, new)
    lines = [f"- Ny: `{url}` – {new[url]}" for url in added] + [f"- Fjernet: `{url}` – {old[url]}" for url in removed]
    return section("Sider", lines)


# --- everything else ---------------------------------------------------------------------------------

def described(dataset: Dataset) -> dict[str, dict]:
    """Every other item a page shows, by a name a reviewer can find in data/ (publications and waves
    that came or went are named above; here only their changed fields)."""
    items = {f"publikation `{k}`": v for k, v in dataset.publications.items()}
    items |= {f"tema `{k}`": v for k, v in dataset.themes.items()}
    items |= {f"population `{k}`": v for k, v in dataset.populations.items()}
    items |= {f"område `{k}`": v for k, v in dataset.areas.items()}
    items |= {f"forslag `{k}`": v for k, v in dataset.proposals.items()}
    items |= {f"faktaboks `{k}`": v for k, v in dataset.facts.items()}
    items |= {f"indsigter i `{k}`": v for k, v in dataset.insights.items()}
    items |= {f"tekster i `{k}`": v for k, v in dataset.booklet_texts.items()}
    items |= {f"udgiverens tekst `{p['id']}` i `{k}`": p for k, passages in dataset.framing.items() for p in passages}
    for wave_id, wave in dataset.waves.items():
        items[f"bølge {wave_id} (wave.yml)"] = wave.meta
        items |= {f"spørgsmål `{k}` i bølge {wave_id}": v for k, v in wave.questions.items()}
    return items


def other_section(before: Dataset, after: Dataset) -> str:
    """Changed texts and settings that the sections above do not show: the fields that differ."""
    old, new = described(before), described(after)
    lines = [f"- Ændret: {name}: {'; '.join(field_change(old[name], new[name], f) for f in changed_fields(old[name], new[name]))}"
             for name in new if name in old and old[name] != new[name]]
    return section("Andre tekster og oplysninger", lines)


# --- shared ----------------------------------------------------------------------------------------

def field_change(old: dict, new: dict, field: str) -> str:
    """The field's name, with the old and new value when both are short texts or numbers."""
    a, b = old.get(field), new.get(field)
    if all(isinstance(v, (str, int, float)) and len(str(v)) <= EXCERPT for v in (a, b)):
        return f"{field} »{a}« → »{b}«"
    return field


def changed_fields(old: dict, new: dict) -> list[str]:
    """The fields a reader would see changed; a quote's line moves whenever one above it is added."""
    return sorted(k for k in old.keys() | new.keys() if k != "line" and old.get(k) != new.get(k))


def compare(old: dict, new: dict) -> tuple[list, list, list]:
    """Keys only in new, only in old, and in both, each in the order of its dataset."""
    return [k for k in new if k not in old], [k for k in old if k not in new], [k for k in new if k in old]


def section(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    shown = lines[:MAX_LINES]
    if len(lines) > MAX_LINES:
        shown.append(f"- … og {len(lines) - MAX_LINES} mere")
    return f"### {title}\n\n" + "\n".join(shown) + "\n"
