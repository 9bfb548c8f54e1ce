"""Write a synthetic, clearly fake corpus into a COPY of the project, for scale benchmarks only.

`make bench` uses this to build the site at 10× and 100× today's number of testimonies. Every
synthetic text starts with "SYNTETISK TESTTEKST" and is word salad drawn, with a seeded random
generator, from today's testimonies' words at their real frequencies (so a word is about as common
as it is today), and the same arguments always give the same files. Nothing here is
evidence and none of it may be published: the script refuses to write into the real project.

What it writes (into <project>/data):

* publications.yml: one more publication, `syntetisk-2099`, with its source text
  sources/syntetisk-2099.txt holding every generated text, so the build's verbatim check passes;
* quotes/syntetisk-2099/testimonies.yml: the testimonies (kind testimony, part fortaellinger);
* survey/2090 … 2099: synthetic waves (wave.yml with `synthetic: true`, questions.yml copied from
  the newest real wave, figures.csv with random shares for the same question × option × population).

    python -m scripts.synthetic_corpus <project copy> --factor 10 [--waves 10] [--seed 2099]
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

from evidence.dataset import PROJECT_ROOT

PUBLICATION = "syntetisk-2099"
MARKER = "SYNTETISK TESTTEKST"
REAL_TESTIMONIES = "data/quotes/ds-2020/testimonies.yml"
# Lengths in words, log-normal like today's testimonies: about 1,000 characters (≈ 160 words) on
# average, a few short ones and a long tail.
WORDS_MEDIAN, WORDS_SIGMA, WORDS_MIN, WORDS_MAX = 120, 0.75, 10, 1400
WAVES = [str(year) for year in range(2090, 2100)]


def vocabulary(project: Path) -> tuple[list[str], list[int]]:
    """Every word of today's testimonies with how often it occurs.

    Drawing words with these weights gives each word about the share of texts it has today
    (»sagsbehandler« in about one in six), which is what a search's cost depends on; drawing
    from a short list would put every word in nearly every text. The texts stay word salad.
    """
    counts: dict[str, int] = {}
    for item in yaml.safe_load((project / REAL_TESTIMONIES).read_text(encoding="utf-8")):
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", item["text"].lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts)
    return words, [counts[w] for w in words]


def sentence(rng: random.Random, words: int, vocab: tuple[list[str], list[int]]) -> str:
    chosen = rng.choices(vocab[0], weights=vocab[1], k=words)
    chosen[0] = chosen[0].capitalize()
    return " ".join(chosen) + "."


def testimony_text(rng: random.Random, number: int, vocab: tuple[list[str], list[int]]) -> str:
    """One fake testimony: the marker and its number, then sentences in one or two paragraphs."""
    total = min(WORDS_MAX, max(WORDS_MIN, int(rng.lognormvariate(math.log(WORDS_MEDIAN), WORDS_SIGMA))))
    sentences = []
    while total > 0:
        length = min(total, rng.randint(6, 18))
        sentences.append(sentence(rng, length, vocab))
        total -= length
    text = f"{MARKER} nr. {number}: " + " ".join(sentences)
    if len(sentences) > 6 and rng.random() < 0.6:
        half = len(sentences) // 2
        text = f"{MARKER} nr. {number}: " + " ".join(sentences[:half]) + "\n\n" + " ".join(sentences[half:])
    return text


def testimonies(rng: random.Random, count: int, themes: list[str], areas: list[str],
                vocab: tuple[list[str], list[int]]) -> list[dict]:
    items = []
    for number in range(1, count + 1):
        item = {
            "id": f"syn2099-t{number:05d}",
            "kind": "testimony",
            "locator": {"part": "fortaellinger", "order": number},
            "text": testimony_text(rng, number, vocab),
            "themes": rng.sample(themes, rng.randint(1, 4)),
        }
        if rng.random() < 0.5:
            item["areas"] = [rng.choice(areas)]
        items.append(item)
    return items


def publication() -> dict:
    return {
        "id": PUBLICATION,
        "title": f"{MARKER} – syntetisk korpus til skalatest",
        "kind": "syntetisk testkorpus",
        "publishers": ["Syntetisk testudgiver"],
        "prepared_by": None,
        "year": 2099,
        "date": "2099 (syntetisk)",
        "citation": f"{MARKER}: syntetisk korpus til skalatest (2099). Må ikke offentliggøres.",
        "short": "Syntetisk testkorpus 2099",
        "text_file": f"{PUBLICATION}.txt",
    }


def wave_meta(wave_id: str) -> dict:
    return {
        "id": wave_id,
        "publication": PUBLICATION,
        "title": f"{MARKER}: syntetisk bølge {wave_id}",
        "publishers": ["Syntetisk testudgiver"],
        "prepared_by": None,
        "fieldwork": f"Syntetisk ({wave_id})",
        "respondents_description": "Syntetiske respondenter til skalatest; ingen rigtige svar.",
        "citation": f"{MARKER}: syntetisk bølge {wave_id}. Må ikke offentliggøres.",
        "synthetic": True,
        "method": [{"id": "respondenter", "label": "Besvarelser i alt (syntetisk)", "value": 1000,
                    "unit": "personer", "locator": "Syntetisk"}],
    }


def write_waves(rng: random.Random, data: Path, count: int) -> list[str]:
    real = sorted(p for p in (data / "survey").iterdir()
                  if (p / "wave.yml").is_file() and not yaml.safe_load((p / "wave.yml").read_text()).get("synthetic"))
    template = real[-1]
    headlines = yaml.safe_load((template / "wave.yml").read_text(encoding="utf-8")).get("headlines")
    with (template / "figures.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    written = []
    for wave_id in WAVES[:count]:
        folder = data / "survey" / wave_id
        folder.mkdir(parents=True, exist_ok=True)
        meta = wave_meta(wave_id) | ({"headlines": headlines} if headlines else {})
        (folder / "wave.yml").write_text(
            f"# {MARKER}: synthetic wave for scale benchmarks; never published.\n"
            + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        shutil.copyfile(template / "questions.yml", folder / "questions.yml")
        with (folder / "figures.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["question", "option", "population", "value", "locator"])
            writer.writeheader()
            for row in rows:
                writer.writerow({**row, "value": rng.randint(1, 99), "locator": "Syntetisk"})
        written.append(wave_id)
    return written


def generate(project: Path, factor: int, waves: int = 10, seed: int = 2099) -> dict:
    """Grow the copy's testimonies to `factor` × today's count and add `waves` synthetic waves."""
    project = project.resolve()
    if project == PROJECT_ROOT.resolve():
        raise SystemExit("Skriver aldrig syntetiske data i det rigtige projekt – brug en kopi (tests/conftest.copy_project).")
    data = project / "data"
    rng = random.Random(seed)
    real = len(yaml.safe_load((project / REAL_TESTIMONIES).read_text(encoding="utf-8")))
    count = real * factor - real
    themes = [t["id"] for t in yaml.safe_load((data / "themes.yml").read_text(encoding="utf-8"))]
    areas = [a["id"] for a in yaml.safe_load((data / "areas.yml").read_text(encoding="utf-8"))]
    written_waves: list[str] = []
    if count > 0:
        items = testimonies(rng, count, themes, areas, vocabulary(project))
        folder = data / "quotes" / PUBLICATION
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "testimonies.yml").write_text(
            f"# {MARKER}: {count} synthetic testimonies for scale benchmarks; never published.\n"
            + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
        (data / "sources" / f"{PUBLICATION}.txt").write_text(
            "\n\n".join(item["text"] for item in items) + "\n", encoding="utf-8")
        publications = data / "publications.yml"
        publications.write_text(
            publications.read_text(encoding="utf-8").rstrip("\n") + "\n"
            + yaml.safe_dump([publication()], allow_unicode=True, sort_keys=False), encoding="utf-8")
    if waves:
        written_waves = write_waves(rng, data, waves)
    return {"factor": factor, "real_testimonies": real, "synthetic_testimonies": max(count, 0),
            "testimonies": real + max(count, 0), "synthetic_waves": written_waves}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path, help="a copy of the project (never the real one)")
    parser.add_argument("--factor", type=int, default=10, help="testimonies as a multiple of today's count")
    parser.add_argument("--waves", type=int, default=10, help=f"synthetic survey waves (at most {len(WAVES)})")
    parser.add_argument("--seed", type=int, default=2099)
    args = parser.parse_args()
    print(generate(args.project, args.factor, min(args.waves, len(WAVES)), args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
