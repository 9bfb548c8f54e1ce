"""Load `data/` into one validated dataset, or refuse it with every problem listed.

Nothing reaches a page before the schema checks (evidence.load.files) and the checks that join files
(evidence.load.cross_checks) have passed.
"""

from __future__ import annotations

from pathlib import Path

from evidence.load.cross_checks import UNKNOWN_IDS, by_id, cross_check, items
from evidence.load.dataset_types import PROJECT_ROOT, Dataset, Wave
from evidence.load.files import DataFile, core_missing, publication_of, read_all
from evidence.load.problems import DataInvalid, Problem
from evidence.load.proposal_checks import fact_place_problems, proposal_problems
from evidence.load.schemas import schema_for
from evidence.load.shape_checks import shape_problems


def load_dataset(root: Path = PROJECT_ROOT, replaced: dict[str, bytes] | None = None) -> Dataset:
    """The dataset, or DataInvalid; `replaced` checks files (by path in data/) with bytes not yet written."""
    data_dir = root / "data"
    files, problems = read_all(data_dir, replaced)
    if core_missing(files):
        raise DataInvalid(problems)  # the checks across files would only repeat that a file is missing
    dataset = _assemble(files, root)
    invalid = frozenset(p.file.removeprefix("data/") for p in problems)
    unreadable = sorted(rel for rel in invalid if rel not in files and schema_for(rel))
    problems = one_per_value(problems, without_follow_ons(cross_check(dataset, files, invalid)
                                                          + proposal_problems(dataset, files)
                                                          + shape_problems(dataset, files)
                                                          + fact_place_problems(dataset, files), unreadable))
    if problems:
        raise DataInvalid(problems)
    return dataset


def one_per_value(schema_problems: list[Problem], cross_problems: list[Problem]) -> list[Problem]:
    """One message per mistake: a theme, area, question, answer or population that is neither a valid id nor
    a known one gets the message that says which ids are known, not also the schema's about its spelling."""
    explained = {(p.file, p.where, p.field, p.found) for p in cross_problems if p.expected.startswith(UNKNOWN_IDS)}
    return [p for p in schema_problems if (p.file, p.where, p.field, p.found) not in explained] + cross_problems


def without_follow_ons(cross_problems: list[Problem], unreadable: list[str]) -> list[Problem]:
    """While a file cannot be read, what other files expect of it (»står i figures.csv«) is not checked:
    its own message says what to fix, and the rest is checked once it can be read."""
    names = {name for rel in unreadable for name in (rel, Path(rel).name)}
    return [p for p in cross_problems if not any(name in f"{p.expected} {p.hint}" for name in names)]


def _assemble(files: dict[str, DataFile], root: Path) -> Dataset:
    def content(rel: str):
        return files[rel].content if rel in files else []

    waves = {}
    for rel in sorted(files):
        if rel.startswith("survey/") and rel.endswith("/wave.yml"):
            folder = rel.removesuffix("/wave.yml")
            meta = files[rel].content
            if not isinstance(meta, dict) or not isinstance(meta.get("id"), str):
                continue
            questions = by_id(content(f"{folder}/questions.yml"))
            waves[meta["id"]] = Wave(meta["id"], meta, questions, items(content(f"{folder}/figures.csv")))

    quotes: dict[str, dict] = {}
    facts, proposals, insights, booklet_texts, framing = {}, {}, {}, {}, {}
    for rel in sorted(files, key=lambda rel: (str(Path(rel).parent), Path(rel).name)):
        data = files[rel]
        publication = publication_of(rel)
        if data.schema == "quotes":
            for index, item in enumerate(items(data.content)):
                if isinstance(item.get("id"), str):  # where it stands, for messages and the anonymity review
                    quotes.setdefault(item["id"], {**item, "publication": publication, "file": f"data/{rel}",
                                                   "line": data.line_of((index,))})
        elif data.schema == "facts":
            facts.update({key: {**item, "publication": publication} for key, item in by_id(data.content).items()})
        elif data.schema == "proposals":
            proposals.update({key: {**item, "publication": publication} for key, item in by_id(data.content).items()})
        elif data.schema == "insights":
            insights[publication] = data.content
        elif data.schema == "booklet-texts":
            booklet_texts[publication] = data.content
        elif data.schema == "framing":
            framing[publication] = data.content

    publications = by_id(content("publications.yml"))
    return Dataset(
        publications=publications,
        themes=by_id(content("themes.yml")),
        areas=by_id(content("areas.yml")),
        populations=by_id(content("survey/populations.yml")),
        waves=dict(sorted(waves.items())),
        quotes=in_print_order(quotes, publications),
        insights=insights,
        facts=facts,
        booklet_texts=booklet_texts,
        framing=framing,
        proposals=proposals,
        anonymity={"places": content("anonymity/places.yml") or {}, "words": content("anonymity/words.yml") or {},
                   "review": items(content("anonymity/review.yml"))},
        withdrawn=by_id(content("withdrawn.yml")),
        site=content("site.yml") or {},
        published=published_addresses(root),
        root=root,
    )


# The committed record of every address the site has published (checked by evidence.publish.addresses).
PUBLISHED_ADDRESSES = "data/published-addresses.txt"


def published_addresses(root: Path) -> tuple[str, ...]:
    """The committed record of published addresses, one a line (blank lines and `#` comments skipped)."""
    path = root / PUBLISHED_ADDRESSES
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def in_print_order(quotes: dict[str, dict], publications: dict[str, dict]) -> dict[str, dict]:
    """Each publication's quotes in the order it declares its parts (`parts` in publications.yml), each
    part's in file order; a quote of an undeclared part last (the loader reports it)."""
    def position(item: dict) -> int:
        declared = [p.get("id") for p in items((publications.get(item["publication"]) or {}).get("parts"))]
        part = (item.get("locator") or {}).get("part") if isinstance(item.get("locator"), dict) else None
        return declared.index(part) if part in declared else len(declared)

    return dict(sorted(quotes.items(), key=lambda entry: (entry[1]["publication"], position(entry[1]))))


_cache: dict[Path, tuple[tuple, Dataset]] = {}


def fingerprint(root: Path) -> tuple:
    """Changes whenever any data file changes, so `make serve` reloads edited data."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in (root / "data").rglob("*") if p.is_file()))


def fresh_dataset(root: Path = PROJECT_ROOT) -> Dataset:
    """The validated dataset as the files are now; read and checked again only if a file changed
    (an edit under `make serve`). The generation step asks for it at the start of every build."""
    key = fingerprint(root)
    cached = _cache.get(root)
    if cached is None or cached[0] != key:
        _cache[root] = (key, load_dataset(root))
    return _cache[root][1]


def current_dataset(root: Path = PROJECT_ROOT) -> Dataset:
    """The dataset the build under way started from. The pages' macros ask for it hundreds of times
    per build, and looking at every data file each time cost a quarter of a second per build."""
    cached = _cache.get(root)
    return cached[1] if cached is not None else fresh_dataset(root)
