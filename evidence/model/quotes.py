"""What a reader needs to cite a quote: where it stands, who said it, and its canonical page.

A paged collection's pages hold its items in source order, `page_size` to a page; a quote's permalink is
its id address (evidence.urls.permalink), so a different page size moves no link.
"""

from __future__ import annotations

from evidence.load.dataset_types import Dataset, per_dataset
from evidence.model.publications import label, section
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


# Parts that share a canonical listing, and its URL slug.
PART_PAGES = {
    "forside": "forside",
    "kapitel-1": "kapitler",
    "kapitel-2": "kapitler",
    "kapitel-3": "kapitler",
    "fortaellinger": "fortaellinger",
    "indsigt": "interview",
}


# Testimonies per collection page unless the publication's `quote_pages.<collection>.page_size` says
# otherwise: 25 keeps a page light on a slow phone (Lighthouse mobile 99 against 94–97 with 50, make bench)
# while a reader can still browse without paging too often.
PAGE_SIZE = 25


# A collection's page title when its publication's `quote_pages` (or `sections`) give none.
COLLECTION_TITLES = {
    "forside": "Fortællinger på forsiden",
    "kapitler": "Citater i kapitlerne",
    "fortaellinger": "Fortællinger",
    "interview": "Interviewcitater",
}


def chapter_title(dataset: Dataset, item: dict) -> str | None:
    part = item["locator"]["part"]
    if not part.startswith("kapitel-"):
        return None
    number = int(part.split("-")[1])
    texts = dataset.booklet_texts.get(item["publication"], {})
    return next((c["title"] for c in texts.get("chapters", []) if c["chapter"] == number), None)


def heading(item: dict) -> str:
    """What the quote is, in a reader's words and unique on its page: a testimony's number, a chapter quote's
    chapter and place in it, an interview quote's speaker and insight. Never an internal id."""
    loc = item["locator"]
    part = loc["part"]
    if part == "indsigt":
        return f"{speaker_words(item)} – indsigt {loc['insight']}"
    if part == "forside":
        return f"Forsiden, fortælling {loc['order']}"
    if part.startswith("kapitel-"):
        return f"Kapitel {part.split('-')[1]}, citat {loc['order']}"
    return f"{KIND_NAMES[item['kind']]} {loc['order']}"


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
    part = loc["part"]
    if part == "indsigt":
        text = f"Indsigt {loc['insight']}"
    elif part == "fortaellinger":
        name = None if short else section(dataset.publications[item["publication"]], part)
        text = (f"Afsnittet »{name}«, fortælling" if name else "Fortælling") + f" {loc['order']} i rækkefølgen"
        if "printed_number" in loc:
            text += f" (trykt nr. {loc['printed_number']})"
    elif part == "forside":
        text = f"Forsiden, fortælling {loc['order']}"
    else:
        title = chapter_title(dataset, item)
        text = f"Kapitel {part.split('-')[1]}{f' »{title}«' if title else ''}, citat {loc['order']}"
    if "page" in loc:
        text += f", s. {loc['page']}"
    return text


def attribution(item: dict) -> str:
    return item.get("attribution") or "Anonym socialrådgiver"


def canonical_page(item: dict, dataset: Dataset) -> str:
    """URL (relative to the site root) of the page that holds the item."""
    part_slug = PART_PAGES[item["locator"]["part"]]
    number = page_number(item, dataset) if part_slug == "fortaellinger" else None
    return collection_page(item["publication"], part_slug, number)


def quote_location(item: dict, dataset: Dataset) -> str:
    """Where the quote stands now: its collection page and its anchor there."""
    return anchored(canonical_page(item, dataset), item["id"])


def page_number(item: dict, dataset: Dataset) -> int:
    part_slug = PART_PAGES[item["locator"]["part"]]
    page = (dataset.publications[item["publication"]].get("quote_pages") or {}).get(part_slug) or {}
    return (item["locator"]["order"] - 1) // page.get("page_size", PAGE_SIZE) + 1


def citation_text(dataset: Dataset, item: dict) -> str:
    publication = dataset.publications[item["publication"]]
    return f"{publication['citation']} {locator_text(dataset, item)}."


@per_dataset
def collections(dataset: Dataset) -> list[tuple[str, str]]:
    """(publication, collection page) pairs, newest publication first, in the order the publication prints them."""
    seen = {}
    for item in dataset.quotes.values():
        seen.setdefault((item["publication"], PART_PAGES[item["locator"]["part"]]), None)
    return sorted(seen, key=lambda key: -dataset.publications[key[0]]["year"])


def collection_title(dataset: Dataset, publication: str, part_slug: str) -> str:
    """The collection's own name; when two publications' collections share a name, each also names its publication."""
    title = _plain_title(dataset, publication, part_slug)
    shared = [key for key in collections(dataset) if _plain_title(dataset, *key) == title]
    return f"{title} ({label(dataset.publications[publication])})" if len(shared) > 1 else title


def _plain_title(dataset: Dataset, publication: str, part_slug: str) -> str:
    pub = dataset.publications[publication]
    page = (pub.get("quote_pages") or {}).get(part_slug) or {}
    return page.get("title") or section(pub, part_slug) or COLLECTION_TITLES[part_slug]


def collection_intro(dataset: Dataset, publication: str, part_slug: str) -> str:
    """What the collection is, from its publication's `quote_pages`; empty when it says nothing."""
    page = (dataset.publications[publication].get("quote_pages") or {}).get(part_slug) or {}
    return page.get("intro", "")


def collection_count_note(dataset: Dataset, publication: str, part_slug: str) -> str:
    """Where the site's count of the collection comes from (`quote_pages.<collection>.count_note`); empty if unsaid."""
    page = (dataset.publications[publication].get("quote_pages") or {}).get(part_slug) or {}
    return page.get("count_note", "")


def items_of(dataset: Dataset, publication: str, part_slug: str) -> list[dict]:
    return [q for q in dataset.quotes.values()
            if q["publication"] == publication and PART_PAGES[q["locator"]["part"]] == part_slug]


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
