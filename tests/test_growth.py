"""The site stays right as it grows: a maintainer's next year, added to a copy of the real data the way
CONTRIBUTING.md describes it, and then every page and download of every wave checked.

The next wave is started with `make new-wave`; one question is dropped, one reworded, one added; its figures
come from a spreadsheet an analyst made in Danish Excel (own column names, decimal commas) through
`make import-wave`; its report gets a source text and an entry in publications.yml; a new booklet brings a
few testimonies. Then the generation step writes the pages and downloads, and each page's macros are
rendered as MkDocs renders them (without MkDocs, to stay fast). Checked on every page of every wave: no
heading with nothing under it, no chart without marks, every figure labelled with its own wave's report
(never a later one); on every download: rows beneath the header, each row naming its own wave's report.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml
from conftest import article_of, copy_built, plain, read_csv, read_yaml, run_script
from openpyxl import Workbook, load_workbook

from evidence.load.dataset import load_dataset
from evidence.model import quotes as quote_pages
from evidence.publish.build import generate_pages

SITE_URL = "https://example.org/"


@dataclass
class Grown:
    project: Path
    wave: str
    previous: str
    dropped: str
    reworded: str
    new: str
    booklet: dict
    testimonies: list[dict]
    pages: dict[str, str]     # address → the page's Markdown with its macros rendered


def append_yaml(path: Path, items: list) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write("\n" + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000))


def dump_yaml(path: Path, content) -> None:
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def title(question: dict) -> str:
    """A question as the analyst's sheet names it: »S6: wording«, or what it measures when it has neither."""
    return ": ".join(str(part) for part in (question["label"], question["wording"]) if part) or question["measure"]


def percent(value: float) -> str:
    return f"{value:g}".replace(".", ",") + " %"


def start_wave(project: Path) -> dict:
    """`make new-wave`, then questions.yml edited as the new questionnaire has it and wave.yml filled in."""
    survey = project / "data/survey"
    previous = sorted(p.parent.name for p in survey.glob("*/wave.yml"))[-1]
    wave = str(int(previous[:4]) + 2)
    started = run_script(project, "scripts.new_wave", wave)
    assert started.returncode == 0, started.stderr
    assert "make import-wave" in started.stdout
    meta = read_yaml(survey / previous / "wave.yml")
    headlined = {h["question"] for h in meta.get("headlines", [])}
    questions = read_yaml(survey / wave / "questions.yml")
    dropped = next(q["id"] for q in reversed(questions) if q["id"] not in headlined)
    reworded = next(q for q in questions if q["wording"] and q["id"] not in headlined | {dropped})
    reworded["previous_wording"], reworded["wording"] = reworded["wording"], f"{reworded['wording'][:-1]} i dag?"
    new = {"id": f"tid-til-borgerne-{wave}", "label": "N1", "wording": "Har du tid nok til den enkelte borger?",
           "type": "enkeltvalg", "measure": "Andel, der svarer ja", "series": "partial",
           "options": [{"id": "ja", "label": "Ja", "themes": [read_yaml(project / "data/themes.yml")[0]["id"]]}]}
    questions = [q for q in questions if q["id"] != dropped] + [new]
    dump_yaml(survey / wave / "questions.yml", questions)
    return {"wave": wave, "previous": previous, "dropped": dropped, "reworded": reworded["id"], "new": new["id"],
            "questions": questions}


def fill_wave_yml(project: Path, wave: str, report: dict, dropped: str) -> None:
    path = project / f"data/survey/{wave}/wave.yml"
    text = path.read_text(encoding="utf-8")
    assert "TODO" in text
    meta = yaml.safe_load(text.replace("value: TODO", "value: 1000"))
    meta |= {"publication": report["id"], "title": f"Opdigtet spørgeskemaundersøgelse {wave}", "prepared_by": None,
             "fieldwork": f"september {wave}", "respondents_description": "Opdigtede socialrådgivere.",
             "citation": report["citation"]}
    meta["method"][0]["locator"] = "Metode"
    meta["headlines"] = [h for h in meta.get("headlines", []) if h["question"] != dropped]
    dump_yaml(path, meta)


def analysts_sheet(project: Path, wave: str, previous: str, questions: list[dict], path: Path) -> list[dict]:
    """The figures as an analyst types them into Danish Excel: her own column names, the question by its
    title, answers and groups by name, shares as text with decimal commas; one point below the previous
    wave's figure (so no question's shares can pass 100 %), and one figure for the new question."""
    names = {p["id"]: p["name"] for p in read_yaml(project / "data/survey/populations.yml")}
    by_id = {q["id"]: q for q in questions}
    tables = {q["id"]: f"Tabel {n}" for n, q in enumerate(questions, 1)}
    figures = [{**row, "value": max(float(row["value"]) - 1, 0)}
               for row in read_csv(project / f"data/survey/{previous}/figures.csv") if row["question"] in by_id]
    figures.append({"question": questions[-1]["id"], "option": "ja", "population": figures[0]["population"], "value": 41.5})
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Spm.", "Svarmulighed", "Målgruppe", "Andel (%)", "Placering i rapporten"])
    for row in figures:
        question = by_id[row["question"]]
        option = next(o["label"] for o in question["options"] if o["id"] == row["option"])
        sheet.append([title(question), option, names[row["population"]], percent(row["value"]), tables[row["question"]]])
    workbook.save(path)
    return [{**row, "locator": tables[row["question"]]} for row in figures]


def add_report(project: Path, wave: str, questions: list[dict], figures: list[dict]) -> dict:
    """The report's entry and its text: each table under its own heading, with the figures as it prints them."""
    report = {"id": f"opdigtet-rapport-{wave}", "title": f"Opdigtet rapport om socialrådgivernes arbejde {wave}",
              "kind": "rapport", "publishers": ["Testholdet"], "prepared_by": None, "year": int(wave),
              "date": f"Oktober {wave}", "added": f"{wave}-12-01",
              "citation": f"Testholdet ({wave}): Opdigtet rapport om socialrådgivernes arbejde {wave}. Aldrig udgivet.",
              "short": f"Opdigtet rapport {wave}", "text_file": f"opdigtet-rapport-{wave}.txt"}
    append_yaml(project / "data/publications.yml", [report])
    parts = [report["title"], "Denne rapport er opdigtet og findes kun for at teste sitet."]
    for n, question in enumerate(questions, 1):
        stated = [percent(f["value"]) for f in figures if f["question"] == question["id"]]
        parts += [f"Tabel {n}", f"{title(question)}\n" + ", ".join(stated) + "."]
    parts += ["Metode", "Spørgeskemaet gav 1000 besvarelser."]
    (project / "data/sources" / report["text_file"]).write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return report


TESTIMONIES = [
    "Om mandagen ligger der flere nye underretninger i bakken, end jeg kan nå at læse før frokost.",
    "Min kollega ved siden af deler altid sin termokande, når dagen har været hård.",
    "Jeg har lært mere af de erfarne kolleger ved kaffemaskinen end af nogen introduktion.",
]


def add_booklet(project: Path, wave: str) -> tuple[dict, list[dict]]:
    """A booklet of three testimonies: its entry, its source text and its quotes file."""
    booklet = {"id": f"opdigtet-haefte-{wave}", "title": f"Opdigtet hæfte med fortællinger {wave}", "kind": "fortællinger",
               "publishers": ["Testholdet"], "prepared_by": None, "year": int(wave), "date": f"Foråret {wave}",
               "added": f"{wave}-06-01", "citation": f"Testholdet ({wave}): Opdigtet hæfte med fortællinger. Aldrig udgivet.",
               "short": f"Testholdet, hæfte {wave}", "label": f"Opdigtet hæfte {wave}",
               "text_file": f"opdigtet-haefte-{wave}.txt",
               # its shape, as CONTRIBUTING.md asks: one part, on one collection
               "parts": [{"id": "fortaellinger", "collection": "fortaellinger", "section": "Fortællinger", "item": "fortælling"}],
               "collections": [{"id": "fortaellinger", "title": "Fortællinger"}]}
    append_yaml(project / "data/publications.yml", [booklet])
    (project / "data/sources" / booklet["text_file"]).write_text(
        "\n\n".join([booklet["title"].upper(), "FORTÆLLINGER", *TESTIMONIES]) + "\n", encoding="utf-8")
    themes = [t["id"] for t in read_yaml(project / "data/themes.yml")]
    testimonies = [{"id": f"opdigtethaefte{wave}-t{n:02d}", "kind": "testimony",
                    "locator": {"part": "fortaellinger", "order": n}, "text": text, "themes": [themes[n % len(themes)]]}
                   for n, text in enumerate(TESTIMONIES, 1)]
    (project / "data/quotes" / booklet["id"]).mkdir(parents=True)
    dump_yaml(project / "data/quotes" / booklet["id"] / "testimonies.yml", testimonies)
    return booklet, testimonies


def rendered_pages(project: Path) -> dict[str, str]:
    """Every page in docs/ with its macros rendered by the project's own macros module, as MkDocs would."""
    spec = importlib.util.spec_from_file_location("growth_macros", project / "macros/main.py")
    module = importlib.util.module_from_spec(spec)
    search_path = list(sys.path)
    spec.loader.exec_module(module)
    sys.path[:] = search_path  # the module puts its project first; the session's imports stay the worktree's
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    module.define_env(SimpleNamespace(macro=lambda function, name: environment.globals.__setitem__(name, function)))
    pages = {}
    for path in sorted((project / "docs").rglob("*.md")):
        rel = path.relative_to(project / "docs").with_suffix("")
        url = (rel.parent if rel.name == "index" else rel).as_posix().removeprefix(".") + "/"
        body = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), count=1, flags=re.S)
        pages[url.lstrip("/")] = environment.from_string(body).render(
            page=SimpleNamespace(url=url.lstrip("/")), config={"site_url": SITE_URL})
    return pages


@pytest.fixture(scope="module")
def grown(site, real_project, tmp_path_factory) -> Grown:
    """The session's real project, copied once it is built (`site`): its chart cache is warm, so only the
    new wave's charts are drawn."""
    project = copy_built(real_project, tmp_path_factory.mktemp("growth") / "project")
    started = start_wave(project)
    wave, previous, questions = started["wave"], started["previous"], started["questions"]
    sheet = project.parent / f"tal-{wave}.xlsx"
    figures = analysts_sheet(project, wave, previous, questions, sheet)
    report = add_report(project, wave, questions, figures)
    fill_wave_yml(project, wave, report, started["dropped"])
    imported = run_script(project, "scripts.import_wave", wave, str(sheet))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    booklet, testimonies = add_booklet(project, wave)
    validated = run_script(project, "scripts.validate")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    generate_pages(project)
    return Grown(project, wave, previous, started["dropped"], started["reworded"], started["new"], booklet, testimonies,
                 rendered_pages(project))


def test_the_imported_wave_holds_the_analysts_figures(grown):
    stated = {(r["question"], r["option"], r["population"]): float(r["value"])
              for r in read_csv(grown.project / f"data/survey/{grown.wave}/figures.csv")}
    assert stated[(grown.new, "ja", next(iter(stated))[2])] == 41.5
    assert not any(question == grown.dropped for question, _, _ in stated)


def empty_sections(markdown: str) -> list[str]:
    """Headings with nothing under them before the next heading of the same or a higher level."""
    outside_code = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    headings = list(re.finditer(r"^(#{1,6}) +(.+)$", outside_code, flags=re.M))
    empty = []
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        below = outside_code[heading.end():following.start() if following else None]
        if (following is None or len(following.group(1)) <= len(heading.group(1))) and not below.strip():
            empty.append(heading.group(2))
    html_empty = re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>\s*(?=</(?:section|div|article)>|<h\1\b|\Z)", markdown, flags=re.S)
    return empty + [plain(text) for _, text in html_empty]


def test_no_page_of_any_wave_has_a_heading_with_nothing_under_it(grown):
    empty = {url: found for url, markdown in grown.pages.items() if (found := empty_sections(markdown))}
    assert not empty, empty
    for wave in (grown.previous, grown.wave):
        assert any(url.startswith(f"tal/{wave}/") for url in grown.pages), f"no page of wave {wave}"


def charts_without_marks(markup: str) -> int:
    charts = re.findall(r'<svg\b[^>]*class="marks[^"]*".*?</svg>', markup, flags=re.S)
    drawn = re.compile(r'class="mark-(?:rect|line|symbol|arc|area|rule)\b[^"]*"[^>]*>\s*<(?:path|line|circle|rect)\b')
    return sum(1 for chart in charts if not drawn.search(chart))


def test_no_chart_on_any_page_or_in_any_download_is_without_marks(grown):
    pages = {url: n for url, markdown in grown.pages.items() if (n := charts_without_marks(markdown))}
    assert not pages, pages
    svgs = sorted((grown.project / "docs/hent-data").rglob("*.svg"))
    assert svgs
    blank = [svg.name for svg in svgs if charts_without_marks(svg.read_text(encoding="utf-8"))
             or "role-mark" not in svg.read_text(encoding="utf-8")]
    assert not blank, blank
    assert any(f"tal/{grown.previous}/" in p.as_posix() for p in svgs) and any(f"tal/{grown.wave}/" in p.as_posix() for p in svgs)


def citations(project: Path) -> dict[str, str]:
    """Each wave's report citation, as every figure from the wave must name it."""
    dataset = load_dataset(project)
    return {wave_id: dataset.publications[wave.meta["publication"]]["citation"] for wave_id, wave in dataset.waves.items()}


def test_every_question_page_of_every_wave_names_its_own_report_and_no_later_one(grown):
    cited = citations(grown.project)
    titles = {w: read_yaml(grown.project / f"data/survey/{w}/wave.yml")["title"] for w in cited}
    for wave, citation in cited.items():
        pages = {url: text for url, text in grown.pages.items() if re.fullmatch(rf"tal/{wave}/[^/]+/", url)}
        assert pages, f"wave {wave} has no question pages"
        for url, markdown in pages.items():
            text = plain(markdown)
            assert citation in text and titles[wave] in text, url
            later = [w for w in cited if w > wave and cited[w] in text]
            assert not later, f"{url} names the report of {later}"


def test_every_csv_download_of_every_wave_has_rows_each_naming_its_own_wave_and_report(grown):
    cited = citations(grown.project)
    files = sorted((grown.project / "docs/hent-data").rglob("*.csv"))
    header_only = [f.relative_to(grown.project / "docs").as_posix() for f in files
                   if len(f.read_text(encoding="utf-8").strip().splitlines()) < 2]
    assert not header_only, header_only
    for wave in cited:
        own = [f for f in files if f.parent.name == wave]
        assert own, f"wave {wave} has no CSV downloads"
        for file in own:
            rows = list(csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))))
            assert all(row["bølge"] <= wave and row["publikation"] == cited[row["bølge"]] for row in rows), file.name


def test_every_workbook_sheet_has_rows(grown):
    workbooks = sorted((grown.project / "docs/hent-data").rglob("*.xlsx"))
    assert workbooks
    for path in workbooks:
        workbook = load_workbook(path, read_only=True)
        empty = [sheet.title for sheet in workbook.worksheets if sheet.max_row < 2]
        workbook.close()
        assert not empty, f"{path.name}: {empty}"


def test_the_reworded_question_shows_both_wordings_over_time(grown):
    trend = grown.pages[f"tal/spoergsmaal/{grown.reworded}/"]
    questions = {w: {q["id"]: q for q in read_yaml(grown.project / f"data/survey/{w}/questions.yml")}
                 for w in (grown.previous, grown.wave)}
    assert questions[grown.wave][grown.reworded]["wording"] in plain(trend)
    assert questions[grown.previous][grown.reworded]["wording"] in plain(trend)


def test_the_new_booklets_testimonies_stand_with_its_own_title_and_year_wherever_they_are_shown(grown):
    dataset = load_dataset(grown.project)
    named = (grown.booklet["label"], grown.booklet["citation"])
    for testimony in grown.testimonies:
        home = quote_pages.canonical_page(dataset.quotes[testimony["id"]], dataset)
        assert testimony["text"] in plain(article_of(grown.pages[home], testimony["id"]))
        shown = [url for url, markdown in grown.pages.items() if testimony["text"] in plain(markdown)]
        assert home in shown
        unnamed = [url for url in shown if not any(name in plain(grown.pages[url]) for name in named)]
        assert not unnamed, f"{testimony['id']} stands without its booklet's label on {unnamed}"
