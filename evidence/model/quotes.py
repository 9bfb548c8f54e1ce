"""What a reader needs to cite a quote: where it stands, who said it, and its canonical page.

A paged collection's pages hold its items in source order, `page_size` to a page; a quote's permalink is
its id address (evidence.urls.permalink), so a different page size moves no link.
"""

from __future__ import annotations

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model.publications import label, newest_first
from evidence.model.wording import capitalised
from evidence.urls import anchored, collection_page

KIND_NAMES = {
    "testimony": "Fortælling",
    "cover-story": "Fortælling fra forsiden",
    "chapter-excerpt": "Citat i kapitel",
    "interview-quote": "Interviewcitat",
}


# The same kinds in the plural, as a label over several quotes of a kind.
KIND_PLURALS = {
    "testimony": "Fortællinger",
    "cover-story": "Fortællinger fra forsiden",
    "chapter-excerpt": "Citater i kapitler",
    "interview-quote": "Interviewcitater",
}


# Kinds that reprint (part of) a full testimony: shown where the publication prints them, not again as evidence.
REPRINT_KINDS = frozenset({"cover-story", "chapter-excerpt"})


def parts(dataset: Dataset, publication: str) -> list[dict]:
    """The publication's parts with quotes, in print order (`parts` in data/publications.yml)."""
    return dataset.publications[publication].get("parts", [])


def part_of(dataset: Dataset, item: dict) -> dict:
    """The declared part a quote or fact stands in (the loader has checked that it is declared)."""
    part = item["locator"]["part"]
    return next(p for p in parts(dataset, item["publication"]) if p["id"] == part)


def collection_of(dataset: Dataset, item: dict) -> str:
    """The id of the collection page that holds the quote."""
    return part_of(dataset, item)["collection"]


def collection(dataset: Dataset, publication: str, collection_id: str) -> dict:
    """A collection's declaration (`collections` in data/publications.yml): title, intro, count note, page size."""
    return next(c for c in dataset.publications[publication].get("collections", []) if c["id"] == collection_id)


def paged(dataset: Dataset, publication: str, collection_id: str) -> bool:
    """A long collection is split into numbered pages; only one with a declared `page_size` is."""
    return "page_size" in collection(dataset, publication, collection_id)


def chapter_title(dataset: Dataset, item: dict) -> str | None:
    number = part_of(dataset, item).get("chapter")
    texts = dataset.booklet_texts.get(item["publication"], {})
    return next((c["title"] for c in texts.get("chapters", []) if c["chapter"] == number), None) if number else None


def _item_word(part: dict) -> str:
    return part.get("item", "citat")


def heading(dataset: Dataset, item: dict) -> str:
    """What the quote is, in a reader's words and unique on its page: a numbered part's name and place in it,
    an interview quote's speaker and insight, otherwise its number in its section. Never an internal id."""
    loc = item["locator"]
    part = part_of(dataset, item)
    if "insight" in loc:
        return f"{speaker_words(item)} – indsigt {loc['insight']}"
    if part.get("name"):
        return f"{part['name']}, {_item_word(part)} {loc['order']}"
    return f"{capitalised(_item_word(part))} {loc['order']}"


def speaker_words(item: dict) -> str:
    """An interview quote's speaker as the source describes them (role, age, time in the job); only the facts
    the data gives."""
    speaker = item.get("speaker", {})
    facts = [speaker["role"][:1].lower() + speaker["role"][1:] if speaker.get("role") else "",
             f"{speaker['age']} år" if speaker.get("age") is not None else ""]
    described = ", ".join(part for part in [" ".join(f for f in facts if f),
                                            f"{speaker['seniority']} i jobbet" if speaker.get("seniority") else ""] if part)
    return f"Interview, {described}" if described else "Interview"


def first_words(item: dict, count: int = 8) -> str:
    """The quote's opening words, as a search hit's title: enough to recognise it, ending in an ellipsis."""
    words = item["text"].split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def locator_text(dataset: Dataset, item: dict, short: bool = False) -> str:
    """The place in the publication, in words a reader can find in the PDF. `short`: without the section's
    name, for a page that names the source and the section once at the top."""
    loc = item["locator"]
    part = part_of(dataset, item)
    word = _item_word(part)
    if "insight" in loc:
        text = f"Indsigt {loc['insight']}"
    elif part.get("name"):
        title = chapter_title(dataset, item)
        text = f"{part['name']}{f' »{title}«' if title else ''}, {word} {loc['order']}"
    else:
        name = None if short else part.get("section")
        text = (f"Afsnittet »{name}«, {word}" if name else capitalised(word)) + f" {loc['order']} i rækkefølgen"
    if "printed_number" in loc:
        text += f" (trykt nr. {loc['printed_number']})"
    if "page" in loc:
        text += f", s. {loc['page']}"
    return text


def attribution(item: dict) -> str:
    return item.get("attribution") or "Anonym socialrådgiver"


def canonical_page(item: dict, dataset: Dataset) -> str:
    """URL (relative to the site root) of the page that holds the item."""
    collection_id = collection_of(dataset, item)
    number = page_number(item, dataset) if paged(dataset, item["publication"], collection_id) else None
    return collection_page(item["publication"], collection_id, number)


def quote_location(item: dict, dataset: Dataset) -> str:
    """Where the quote stands now: its collection page and its anchor there."""
    return anchored(canonical_page(item, dataset), item["id"])


def page_number(item: dict, dataset: Dataset) -> int:
    page_size = collection(dataset, item["publication"], collection_of(dataset, item))["page_size"]
    return (item["locator"]["order"] - 1) // page_size + 1


def citation_text(dataset: Dataset, item: dict) -> str:
    publication = dataset.publications[item["publication"]]
    return f"{publication['citation']} {locator_text(dataset, item)}."


@per_dataset
def collections(dataset: Dataset) -> list[tuple[str, str]]:
    """(publication, collection page) pairs with quotes, newest publication first, each publication's in the
    order it declares them."""
    quoted = {(item["publication"], collection_of(dataset, item)) for item in dataset.quotes.values()}
    return [(publication["id"], declared["id"]) for publication in newest_first(dataset)
            for declared in publication.get("collections", []) if (publication["id"], declared["id"]) in quoted]


def collection_title(dataset: Dataset, publication: str, collection_id: str) -> str:
    """The collection's own name; when two publications' collections share a name, each also names its publication."""
    title = collection(dataset, publication, collection_id)["title"]
    shared = [key for key in collections(dataset) if collection(dataset, *key)["title"] == title]
    return f"{title} ({label(dataset.publications[publication])})" if len(shared) > 1 else title


def collection_intro(dataset: Dataset, publication: str, collection_id: str) -> str:
    """What the collection is, from its declaration; empty when it says nothing."""
    return collection(dataset, publication, collection_id).get("intro", "")


def collection_count_note(dataset: Dataset, publication: str, collection_id: str) -> str:
    """Where the site's count of the collection comes from (its `count_note`); empty if unsaid."""
    return collection(dataset, publication, collection_id).get("count_note", "")


def items_of(dataset: Dataset, publication: str, collection_id: str) -> list[dict]:
    return [q for q in dataset.quotes.values()
            if q["publication"] == publication and collection_of(dataset, q) == collection_id]


def excerpts_of(dataset: Dataset, testimony_id: str) -> list[dict]:
    """Cover reprints and chapter excerpts of a testimony, so the full story links back to them."""
    return _excerpt_index(dataset).get(testimony_id, [])


_excerpts: dict[int, tuple[Dataset, dict[str, list[dict]]]] = {}


def _excerpt_index(dataset: Dataset) -> dict[str, list[dict]]:
    """Built once per dataset: looking excerpts up per quote would make every page quadratic."""
    cached = _excerpts.get(id(dataset))
    if cached is None or cached[0] is not dataset:
        index: dict[str, list[dict]] = {}
        for item in dataset.quotes.values():
            if item.get("full_text"):
                index.setdefault(item["full_text"], []).append(item)
        cached = _excerpts[id(dataset)] = (dataset, index)
    return cached[1]
