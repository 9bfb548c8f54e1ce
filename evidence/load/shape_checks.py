"""Checks of each publication's shape (`parts` and `collections` in data/publications.yml).

A quote can only be shown where its publication says it stands: its part must be one the publication
declares, and each part must stand on a declared collection, so no page, heading or address is guessed.
"""

from __future__ import annotations

from evidence.load.cross_checks import _items_indexed, _unknown, items
from evidence.load.dataset_types import Dataset
from evidence.load.files import DataFile
from evidence.load.problems import Problem
from evidence.load.schemas import yaml_where

PUBLICATIONS = "publications.yml"


def shape_problems(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    """Every part naming an undeclared collection, every quote naming an undeclared part, every insight
    including an undeclared block and every block linking to a question no wave asks."""
    if PUBLICATIONS not in files:
        return []
    return _collection_problems(files[PUBLICATIONS]) + _part_problems(dataset, files) + _block_problems(dataset, files)


def _collection_problems(data: DataFile) -> list[Problem]:
    where = yaml_where(data.content, data.line_of)
    problems = []
    for index, publication in enumerate(_items_indexed(data.content)):
        if publication is None:
            continue
        declared = {c.get("id"): c for c in items(publication.get("collections"))}
        for p_index, part in enumerate(_items_indexed(publication.get("parts"))):
            collection = (part or {}).get("collection")
            if isinstance(collection, str) and collection not in declared:
                problems.append(_unknown(PUBLICATIONS, where((index, "parts", p_index)),
                                         f"[{index + 1}].parts[{p_index + 1}].collection", collection, declared,
                                         _one_of(f"en samling, som {publication.get('id')} angiver i `collections`",
                                                 declared)))
    return problems


def _part_problems(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    problems = []
    for rel, data in files.items():
        if data.schema != "quotes":
            continue
        publication = rel.split("/")[1]
        if publication not in dataset.publications:
            continue  # the quotes' folder names no publication: reported where publications are checked
        declared = {p.get("id"): p for p in items(dataset.publications[publication].get("parts"))}
        where = yaml_where(data.content, data.line_of)
        for index, item in enumerate(_items_indexed(data.content)):
            locator = (item or {}).get("locator")
            part = locator.get("part") if isinstance(locator, dict) else None
            if isinstance(part, str) and part not in declared:
                problems.append(_unknown(rel, where((index, "locator", "part")), f"[{index + 1}].locator.part", part,
                                         declared, _one_of(f"en del, som {publication} angiver i `parts` i "
                                                           f"data/{PUBLICATIONS}", declared)))
    return problems


def _block_problems(dataset: Dataset, files: dict[str, DataFile]) -> list[Problem]:
    asked = {q for wave in dataset.waves.values() for q in wave.questions}
    problems = []
    for rel, data in files.items():
        if data.schema != "insights" or not isinstance(data.content, dict):
            continue
        where = yaml_where(data.content, data.line_of)
        blocks = {b.get("id"): b for b in items(data.content.get("blocks"))}
        for index, insight in enumerate(_items_indexed(data.content.get("insights"))):
            for i_index, block in enumerate((insight or {}).get("includes") or []):
                if isinstance(block, str) and block not in blocks:
                    problems.append(_unknown(rel, where(("insights", index, "includes", i_index)),
                                             f"insights[{index + 1}].includes[{i_index + 1}]", block, blocks,
                                             _one_of(f"en blok i `blocks` i data/{rel}", blocks)))
        for index, block in enumerate(_items_indexed(data.content.get("blocks"))):
            problems += _block_content_problems(rel, where, index, block or {})
            ref = (block or {}).get("see_also")
            if isinstance(ref, dict) and isinstance(ref.get("question"), str) and ref["question"] not in asked:
                problems.append(_unknown(rel, where(("blocks", index, "see_also", "question")),
                                         f"blocks[{index + 1}].see_also.question", ref["question"],
                                         dict.fromkeys(asked), "et spørgsmåls-id fra en bølge"))
    return problems


# What each kind of insight block draws from (evidence/html/templates/insight_<kind>.html).
BLOCK_NEEDS = {"comparison": ("headline", "lists"), "tables": ("columns", "tables"), "text": ("text",),
               "examples": ("labels", "examples")}


def _block_content_problems(rel: str, where, index: int, block: dict) -> list[Problem]:
    """A block has what its kind draws, and an example a text for each of the block's labels."""
    kind = block.get("kind")
    problems = [Problem(f"data/{rel}", where(("blocks", index)), f"blocks[{index + 1}].{field}", "intet",
                        f"at feltet er udfyldt i en blok af slagsen `{kind}`")
                for field in BLOCK_NEEDS.get(kind, ()) if field not in block]
    labels = block.get("labels") if isinstance(block.get("labels"), list) else []
    for e_index, example in enumerate(items(block.get("examples")) if kind == "examples" else []):
        texts = example.get("texts")
        if isinstance(texts, list) and len(texts) != len(labels):
            problems.append(Problem(f"data/{rel}", where(("blocks", index, "examples", e_index)),
                                    f"blocks[{index + 1}].examples[{e_index + 1}].texts", f"{len(texts)} tekster",
                                    f"én tekst pr. navn i `labels` ({len(labels)})"))
    return problems


def _one_of(what: str, declared: dict) -> str:
    names = ", ".join(str(key) for key in declared)
    return f"{what}: {names}" if names else f"{what} (den angiver ingen endnu)"
