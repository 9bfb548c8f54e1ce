"""The next publication, added to a copy of the real project by data only: a synthetic survey wave written
from the newest real wave (one question continued, one re-worded, one dropped and one new, with its own
report) and a made-up booklet of testimonies (tests/fixtures/next-publication/). Used by
tests/test_next_publication.py and by the browser journeys, which run on this site too."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from conftest import ROOT, read_csv, read_yaml

NEXT = ROOT / "tests/fixtures/next-publication"


@dataclass
class Added:
    project: Path
    wave: str                 # the synthetic wave's id
    previous: str             # the newest real wave
    meta: dict                # its wave.yml
    figures: list[dict]       # its figures.csv
    continued: str            # question ids
    reworded: dict
    dropped: str
    new: str
    report: dict              # the wave's publication
    booklet: dict             # the booklet's publication
    testimonies: list[dict]


def append_yaml(path: Path, items: list) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write("\n" + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000))


def add_wave(project: Path) -> dict:
    """A synthetic wave two years after the newest real one, with its own (synthetic) report."""
    survey = project / "data/survey"
    previous = sorted(p.parent.name for p in survey.glob("*/wave.yml"))[-1]
    wave = str(int(previous[:4]) + 2)
    old_questions = read_yaml(survey / previous / "questions.yml")
    old_figures = read_csv(survey / previous / "figures.csv")
    old_meta = read_yaml(survey / previous / "wave.yml")
    dropped = old_questions[-1]["id"]
    reworded = next(q for q in old_questions[:-1] if q.get("wording"))
    continued = next(q["id"] for q in old_questions[:-1] if q["id"] != reworded["id"])
    new = f"testspoergsmaal-{wave}"

    questions = []
    for question in old_questions[:-1]:
        question = dict(question)
        question.pop("previous_wording", None)
        if question["id"] == reworded["id"]:
            question["previous_wording"] = question["wording"]
            question["wording"] = f"Opdigtet ny formulering fra {wave}: {question['wording']}"
        questions.append(question)
    area = next(p["id"] for p in read_yaml(survey / "populations.yml")
                if p["group"] == "område" and p.get("in_summary", True))
    questions.append({"id": new, "label": "S99", "wording": f"Et opdigtet spørgsmål, som kun testbølgen {wave} stiller?",
                      "type": "enkeltvalg", "measure": "Andel, der svarer ja", "series": "partial",
                      "options": [{"id": "ja", "label": "Ja"}]})
    figures = [{**row, "value": f"{float(row['value']) + (3 if float(row['value']) <= 97 else -3):g}", "locator": "Opdigtet"}
               for row in old_figures if row["question"] != dropped]
    figures.append({"question": new, "option": "ja", "population": area, "value": "42", "locator": "Opdigtet"})

    stated = {(r["question"], r["option"], r["population"]) for r in figures}
    headlines = [{**h, "text": f"opdigtet nøgletal fra testbølgen {wave}: {h['text']}"} for h in old_meta.get("headlines", [])
                 if (h["question"], h["option"], h["population"]) in stated]
    if not headlines:
        first = figures[0]
        headlines = [{"question": first["question"], "option": first["option"], "population": first["population"],
                      "text": f"opdigtet nøgletal fra testbølgen {wave}"}]
    report = {"id": f"test-rapport-{wave}", "title": f"Syntetisk testrapport {wave}", "kind": "rapport",
              "publishers": ["Testholdet"], "prepared_by": None, "year": int(wave), "date": f"{wave} (opdigtet)",
              "added": f"{wave}-12-01",
              "citation": f"Testholdet ({wave}): Syntetisk testrapport {wave}. Opdigtede tal, aldrig udgivet.",
              "short": f"Testholdet, rapport {wave}", "label": f"Testrapport {wave}", "text_file": f"test-rapport-{wave}.txt"}
    meta = {"id": wave, "synthetic": True, "publication": report["id"], "title": f"Syntetisk testbølge {wave} (opdigtede tal)",
            "publishers": ["Testholdet"], "prepared_by": None, "fieldwork": "Aldrig – tallene er opdigtede",
            "respondents_description": "Ingen. Bølgen findes kun for at teste sitet.", "citation": report["citation"],
            "method": [{"id": "respondenter", "label": "Besvarelser i alt", "value": 1000, "unit": "personer",
                        "locator": "Opdigtet"}],
            "headlines": headlines}

    folder = survey / wave
    folder.mkdir()
    (folder / "wave.yml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    (folder / "questions.yml").write_text(yaml.safe_dump(questions, allow_unicode=True, sort_keys=False, width=1000),
                                          encoding="utf-8")
    lines = ["question,option,population,value,locator"] + [
        f"{r['question']},{r['option']},{r['population']},{r['value']},{r['locator']}" for r in figures]
    (folder / "figures.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    append_yaml(project / "data/publications.yml", [report])
    # Each figure must stand where its locator points: under the heading »Opdigtet«.
    printed = ", ".join(f"{r['value'].replace('.', ',')} %" for r in figures)
    (project / "data/sources" / report["text_file"]).write_text(
        f"{report['title']}\n\nOpdigtet\n\nOpdigtede tal: {printed}. I alt 1000 besvarelser.\n", encoding="utf-8")
    return {"wave": wave, "previous": previous, "meta": meta, "figures": figures, "continued": continued,
            "reworded": next(q for q in questions if q["id"] == reworded["id"]), "dropped": dropped, "new": new,
            "report": report}


def add_booklet(project: Path) -> dict:
    """The booklet of tests/fixtures/next-publication, its testimonies tagged with themes the proposals use."""
    [booklet] = read_yaml(NEXT / "publication.yml")
    append_yaml(project / "data/publications.yml", [booklet])
    source = NEXT / "sources" / booklet["text_file"]
    shutil.copy2(source, project / "data/sources" / booklet["text_file"])
    paragraphs = [p for p in source.read_text(encoding="utf-8").split("FORTÆLLINGER", 1)[1].split("\n\n") if p.strip()]
    # Themes the proposals use first, so the testimonies also stand as evidence under a proposal.
    themes = list(dict.fromkeys([t for f in sorted((project / "data/proposals").glob("*.yml")) for p in read_yaml(f)
                                 for t in p["themes"]] + [t["id"] for t in read_yaml(project / "data/themes.yml")]))
    prefix = booklet["id"].replace("-", "")
    testimonies = [{"id": f"{prefix}-t{n:02d}", "kind": "testimony", "locator": {"part": "fortaellinger", "order": n},
                    "text": text.strip(), "themes": [themes[(n - 1) % len(themes)]]}
                   for n, text in enumerate(paragraphs, 1)]
    folder = project / "data/quotes" / booklet["id"]
    folder.mkdir(parents=True)
    (folder / "testimonies.yml").write_text(yaml.safe_dump(testimonies, allow_unicode=True, sort_keys=False, width=1000),
                                            encoding="utf-8")
    return {"booklet": booklet, "testimonies": testimonies}


def add_next_publication(project: Path) -> Added:
    return Added(project=project, **add_wave(project), **add_booklet(project))
