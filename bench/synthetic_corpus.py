"""A synthetic, clearly fake corpus written into a COPY of the project, for the scale benchmarks only.

Every synthetic text starts with "SYNTETISK TESTTEKST" and is word salad drawn, with a seeded random
generator, from today's testimonies' words at their real frequencies, so a word is about as common as it
is today and the same arguments always give the same files. Nothing here is evidence and none of it may
be published: `generate` refuses to write into the real project (or any git checkout).

Written into <copy>/data: publication `syntetisk-2099` in publications.yml with its source text
sources/syntetisk-2099.txt (so the build's verbatim check passes), quotes/syntetisk-2099/testimonies.yml,
and synthetic survey waves survey/2090 … 2099 (`synthetic: true`, the newest real wave's questions,
random shares).
"""

from __future__ import annotations

import csv
import math
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PUBLICATION = "syntetisk-2099"
MARKER = "SYNTETISK TESTTEKST"
# Lengths in words, log-normal like today's testimonies: about 160 words on average, a few short, a long tail.
WORDS_MEDIAN, WORDS_SIGMA, WORDS_MIN, WORDS_MAX = 120, 0.75, 10, 1400
WAVES = [str(year) for year in range(2090, 2100)]
Vocabulary = tuple[list[str], list[int]]


def testimonies_file(project: Path) -> Path:
    """The real quote file with the most testimonies (the long collection), whichever publication holds it."""
    def testimonies(path: Path) -> int:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return sum(isinstance(item, dict) and item.get("kind") == "testimony" for item in items)
    real = [path for path in sorted((project / "data/quotes").glob("*/*.yml")) if path.parent.name != PUBLICATION]
    return max(real, key=testimonies)


def vocabulary(project: Path) -> Vocabulary:
    """Every word of today's testimonies with its count: drawn with these weights, each word keeps about the
    share of texts it has today (»sagsbehandler« in one in six), which is what a search's cost depends on."""
    counts: dict[str, int] = {}
    for item in yaml.safe_load(testimonies_file(project).read_text(encoding="utf-8")):
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", item["text"].lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts)
    return words, [counts[w] for w in words]


def testimony_text(rng: random.Random, number: int, vocab: Vocabulary) -> str:
    """One fake testimony: the marker and its number, then sentences of 6–18 words, sometimes in two paragraphs,
    so the pages and the index see text shaped like the real one."""
    total = min(WORDS_MAX, max(WORDS_MIN, int(rng.lognormvariate(math.log(WORDS_MEDIAN), WORDS_SIGMA))))
    sentences = []
    while total > 0:
        length = min(total, rng.randint(6, 18))
        chosen = rng.choices(vocab[0], weights=vocab[1], k=length)
        sentences.append(" ".join([chosen[0].capitalize(), *chosen[1:]]) + ".")
        total -= length
    head = f"{MARKER} nr. {number}: "
    if len(sentences) > 6 and rng.random() < 0.6:
        half = len(sentences) // 2
        return head + " ".join(sentences[:half]) + "\n\n" + " ".join(sentences[half:])
    return head + " ".join(sentences)


def testimonies(rng: random.Random, count: int, themes: list[str], areas: list[str], vocab: Vocabulary) -> list[dict]:
    """`count` testimonies in the data format, with 1–4 random themes and, for half of them, an area, so the
    finder's facets have work to do."""
    items = []
    for number in range(1, count + 1):
        item = {"id": f"syn2099-t{number:05d}", "kind": "testimony", "locator": {"part": "fortaellinger", "order": number},
                "text": testimony_text(rng, number, vocab), "themes": rng.sample(themes, rng.randint(1, 4))}
        if rng.random() < 0.5:
            item["areas"] = [rng.choice(areas)]
        items.append(item)
    return items


def publication() -> dict:
    """The fake publication the synthetic quotes cite: every field says it is synthetic and not to be published."""
    return {"id": PUBLICATION, "title": f"{MARKER} – syntetisk korpus til skalatest", "kind": "syntetisk testkorpus",
            "publishers": ["Syntetisk testudgiver"], "prepared_by": None, "year": 2099, "date": "2099 (syntetisk)",
            "citation": f"{MARKER}: syntetisk korpus til skalatest (2099). Må ikke offentliggøres.",
            "short": "Syntetisk testkorpus 2099", "text_file": f"{PUBLICATION}.txt"}


def write_waves(rng: random.Random, data: Path, count: int) -> list[str]:
    """Survey waves copied from the newest real one with random shares: more waves mean more survey pages,
    trend charts and menu entries, as years of surveys would."""
    real = sorted(p for p in (data / "survey").iterdir()
                  if (p / "wave.yml").is_file() and not yaml.safe_load((p / "wave.yml").read_text()).get("synthetic"))
    template = real[-1]
    headlines = yaml.safe_load((template / "wave.yml").read_text(encoding="utf-8")).get("headlines")
    with (template / "figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for wave_id in WAVES[:count]:
        folder = data / "survey" / wave_id
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"id": wave_id, "publication": PUBLICATION, "title": f"{MARKER}: syntetisk bølge {wave_id}",
                "publishers": ["Syntetisk testudgiver"], "prepared_by": None, "fieldwork": f"Syntetisk ({wave_id})",
                "respondents_description": "Syntetiske respondenter til skalatest; ingen rigtige svar.",
                "citation": f"{MARKER}: syntetisk bølge {wave_id}. Må ikke offentliggøres.", "synthetic": True,
                "method": [{"id": "respondenter", "label": "Besvarelser i alt (syntetisk)", "value": 1000,
                            "unit": "personer", "locator": "Syntetisk"}]} | ({"headlines": headlines} if headlines else {})
        (folder / "wave.yml").write_text(f"# {MARKER}: synthetic wave for scale benchmarks; never published.\n"
                                         + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        shutil.copyfile(template / "questions.yml", folder / "questions.yml")
        with (folder / "figures.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["question", "option", "population", "value", "locator"])
            writer.writeheader()
            writer.writerows({**row, "value": rng.randint(1, 99), "locator": "Syntetisk"} for row in rows)
    # Every figure must stand where its locator points: under the heading »Syntetisk« of the fake source.
    shares = ", ".join(f"{share} %" for share in range(1, 100))
    with (data / "sources" / f"{PUBLICATION}.txt").open("a", encoding="utf-8") as source:
        source.write(f"\nSyntetisk\n\n{MARKER}: andelene {shares}. I alt 1000 besvarelser.\n")
    return WAVES[:count]


def generate(project: Path, factor: int, waves: int = 10, seed: int = 2099) -> dict:
    """Grow the copy's testimonies to `factor` × today's count and add `waves` synthetic waves; never in a checkout,
    so fake text cannot end up in a commit."""
    project = project.resolve()
    if project == ROOT or (project / ".git").exists():
        raise SystemExit("Skriver aldrig syntetiske data i det rigtige projekt – kun i en kopi.")
    data, rng = project / "data", random.Random(seed)
    real = len(yaml.safe_load(testimonies_file(project).read_text(encoding="utf-8")))
    count = max(real * factor - real, 0)
    if count:
        themes = [t["id"] for t in yaml.safe_load((data / "themes.yml").read_text(encoding="utf-8"))]
        areas = [a["id"] for a in yaml.safe_load((data / "areas.yml").read_text(encoding="utf-8"))]
        items = testimonies(rng, count, themes, areas, vocabulary(project))
        (data / "quotes" / PUBLICATION).mkdir(parents=True, exist_ok=True)
        (data / "quotes" / PUBLICATION / "testimonies.yml").write_text(
            f"# {MARKER}: {count} synthetic testimonies for scale benchmarks; never published.\n"
            + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
        (data / "sources" / f"{PUBLICATION}.txt").write_text("\n\n".join(i["text"] for i in items) + "\n", encoding="utf-8")
        publications = data / "publications.yml"
        publications.write_text(publications.read_text(encoding="utf-8").rstrip("\n") + "\n"
                                + yaml.safe_dump([publication()], allow_unicode=True, sort_keys=False), encoding="utf-8")
    written = write_waves(rng, data, min(waves, len(WAVES))) if waves else []
    return {"factor": factor, "testimonies": real + count, "synthetic_testimonies": count, "synthetic_waves": written}
