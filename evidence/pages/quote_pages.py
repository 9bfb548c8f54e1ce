"""A page per declared collection listing its quotes in source order: the quotes' permanent home."""

from __future__ import annotations

import posixpath

from evidence.load.dataset_types import Dataset
from evidence.model import quotes
from evidence.model.publications import passages_on, section
from evidence.model.wording import lower_first, number_word
from evidence.pages.markdown import front_matter, macro, md_text, publication_link
from evidence.pages.moved_quotes import moved_from
from evidence.pages.page import Page
from evidence.urls import QUOTES, index_page, listing_path, page_address, proposal_file


def quote_pages(dataset: Dataset) -> list[Page]:
    pages = [overview(dataset)]
    for publication, collection_id in quotes.collections(dataset):
        items = quotes.items_of(dataset, publication, collection_id)
        if quotes.paged(dataset, publication, collection_id):
            chunks = {}
            for item in items:
                chunks.setdefault(quotes.page_number(item, dataset), []).append(item)
            pages += [listing(dataset, publication, collection_id, chunk, number, len(chunks))
                      for number, chunk in chunks.items()]
        else:
            pages.append(listing(dataset, publication, collection_id, items))
    return pages


def listing(dataset: Dataset, publication: str, collection_id: str, items: list[dict],
            number: int | None = None, of: int | None = None) -> Page:
    pub = dataset.publications[publication]
    name = title = quotes.collection_title(dataset, publication, collection_id)
    if number:
        first, last = items[0]["locator"]["order"], items[-1]["locator"]["order"]
        title = f"{title}, {first}–{last}"
    intro = quotes.collection_intro(dataset, publication, collection_id)
    count_note = quotes.collection_count_note(dataset, publication, collection_id)
    if count_note:
        collection = quotes.items_of(dataset, publication, collection_id)
        kinds = {item["kind"] for item in collection}
        what = quotes.KIND_PLURALS[kinds.pop()].lower() if len(kinds) == 1 else "citater"
        intro = f"{intro} Samlingen har {len(collection)} {what}. {count_note}".strip()
    lines = [
        front_matter(title=title, description=f"{name} fra {pub['title']} ({pub['year']})."),
        f"# {md_text(title)}\n",
        *([f"{md_text(intro)}\n"] if intro else []),
        f"**Kilde:** {md_text(pub['citation'])}{publication_link(pub)}\n",
    ]
    if number in (None, 1) and passages_on(dataset, collection_id, publication):
        lines.append(macro("framing", collection_id, publication) + "\n")
    if number and of and of > 1:
        links = " · ".join(
            f"[{n}]({n}.md)" if n != number else f"**{n}**" for n in range(1, of + 1))
        lines.append(f"Side: {links}\n")
    if len([p for p in quotes.parts(dataset, publication) if p["collection"] == collection_id]) > 1:
        lines += _by_part(dataset, publication, items)
    else:
        lines += [macro("quote", item["id"]) + "\n" for item in items]
    lines += _moved(dataset, listing_path(publication, collection_id, number))
    return Page(listing_path(publication, collection_id, number), "\n".join(lines), title, menu_title=name)


def _moved(dataset: Dataset, path: str) -> list[str]:
    """The anchors of quotes a published address still points to on this page, each linking to where the
    quote is now (or to why it was withdrawn): an old link lands on a link to its quote."""
    moved = moved_from(dataset, page_address(path))
    if not moved:
        return []
    here = posixpath.dirname(path)
    lines = ["## Citater, der er flyttet {: #flyttede-citater }\n"]
    for anchor, target in moved:
        words = (f"Citatet {anchor} er trukket tilbage" if anchor in dataset.withdrawn
                 else f"{quotes.heading(dataset, dataset.quotes[anchor])} står nu på en anden side")
        lines.append(f"- [{md_text(words)}]({posixpath.relpath(target, here)}){{: #{anchor} data-pagefind-ignore }}")
    return [*lines, ""]


def _by_part(dataset: Dataset, publication: str, items: list[dict]) -> list[str]:
    """Per part, in the order the publication prints them: its name (and a chapter's title and
    introduction), its quotes, and the proposals at a chapter's end."""
    lines = []
    by_part: dict[str, list[dict]] = {}
    for item in items:
        by_part.setdefault(item["locator"]["part"], []).append(item)
    for part_id, part_items in by_part.items():
        part = quotes.part_of(dataset, part_items[0])
        title = quotes.chapter_title(dataset, part_items[0])
        name = part.get("name") or part.get("section") or part_id
        lines.append(f"## {md_text(name)}{f': {md_text(title)}' if title else ''} {{ #{part_id} }}\n")
        if title:
            lines.append(macro("chapter_intro", publication, str(part["chapter"])) + "\n")
        lines += [macro("quote", item["id"], "3") + "\n" for item in part_items]
        proposals = [p for p in dataset.proposals.values()
                     if p["publication"] == publication and "chapter" in part and p["chapter"] == part["chapter"]]
        if proposals:
            box = section(dataset.publications[publication], "forslag") or "Forslag"
            lines += [f"### {md_text(box)} {{ #{part_id}-forslag }}\n",
                      *[f"- [{md_text(p['text'])}](../../{proposal_file(p['id'])})" for p in proposals], ""]
    return lines


def overview(dataset: Dataset) -> Page:
    lines = [front_matter(title="Citater og fortællinger",
                          description=f"Alle citater og fortællinger fra {_publications_quoted(dataset)}, ordret og med kilde."),
             "# Citater og fortællinger\n",
             "Alle citater og fortællinger står ordret, som de blev trykt, med kilde og et fast link. "
             "Brug knappen »Kopiér citat« for at få citatet med kildehenvisning.\n"]
    for publication, collection_id in quotes.collections(dataset):
        pub = dataset.publications[publication]
        items = quotes.items_of(dataset, publication, collection_id)
        first_page = listing_path(publication, collection_id, 1 if quotes.paged(dataset, publication, collection_id) else None)
        count_note = lower_first(quotes.collection_count_note(dataset, publication, collection_id)).rstrip(".")
        lines.append(f"- [{md_text(quotes.collection_title(dataset, publication, collection_id))}]"
                     f"({first_page.removeprefix(QUOTES)}) – "
                     f"{len(items)} fra {md_text(pub['short'])}" + (f" ({md_text(count_note)})" if count_note else ""))
    return Page(index_page(QUOTES), "\n".join(lines) + "\n", "Citater")


def _publications_quoted(dataset: Dataset) -> str:
    count = len({item["publication"] for item in dataset.quotes.values()})
    return "publikationen" if count == 1 else f"de {number_word(count)} publikationer"


def nav_entries(pages: list[Page]) -> list:
    """One entry per collection: a long collection's later pages are reached from its first page
    ("Side: 1 · 2 · …"). An entry per page would put every page of every collection into the menu
    of every page on the site, which grows with the corpus (mkdocs.yml: `not_in_nav`)."""
    entries: list = [{"Oversigt": index_page(QUOTES)}]
    for page in pages:
        parts = page.path.removesuffix(".md").split("/")
        if page.path == index_page(QUOTES) or (len(parts) == 4 and parts[3] != "1"):
            continue
        entries.append({page.menu_title or page.title: page.path})
    return entries
