"""A page per publication part listing its quotes in source order: the quotes' permanent home."""

from __future__ import annotations

import posixpath

from evidence.load.dataset_types import Dataset
from evidence.model import quotes
from evidence.model.publications import section
from evidence.model.wording import lower_first, number_word
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.moved_quotes import moved_from
from evidence.pages.page import Page
from evidence.urls import QUOTES, index_page, listing_path, page_address, proposal_file

# Collections whose first page shows the publication's own words on them (data/framing/, `shown_on`).
OWN_WORDS = {"fortaellinger": "fortaellinger", "interview": "interview"}


def quote_pages(dataset: Dataset) -> list[Page]:
    pages = [overview(dataset)]
    for publication, part_slug in quotes.collections(dataset):
        items = quotes.items_of(dataset, publication, part_slug)
        if part_slug == "fortaellinger":
            chunks = {}
            for item in items:
                chunks.setdefault(quotes.page_number(item, dataset), []).append(item)
            pages += [listing(dataset, publication, part_slug, chunk, number, len(chunks))
                      for number, chunk in chunks.items()]
        else:
            pages.append(listing(dataset, publication, part_slug, items))
    return pages


def listing(dataset: Dataset, publication: str, part_slug: str, items: list[dict],
            number: int | None = None, of: int | None = None) -> Page:
    pub = dataset.publications[publication]
    name = title = quotes.collection_title(dataset, publication, part_slug)
    if number:
        first, last = items[0]["locator"]["order"], items[-1]["locator"]["order"]
        title = f"{title}, {first}–{last}"
    intro = quotes.collection_intro(dataset, publication, part_slug)
    count_note = quotes.collection_count_note(dataset, publication, part_slug)
    if count_note:
        collection = quotes.items_of(dataset, publication, part_slug)
        kinds = {item["kind"] for item in collection}
        what = quotes.KIND_PLURALS[kinds.pop()].lower() if len(kinds) == 1 else "citater"
        intro = f"{intro} Samlingen har {len(collection)} {what}. {count_note}".strip()
    lines = [
        front_matter(title=title, description=f"{name} fra {pub['title']} ({pub['year']})."),
        f"# {md_text(title)}\n",
        *([f"{md_text(intro)}\n"] if intro else []),
        f"**Kilde:** {md_text(pub['citation'])}\n",
    ]
    if number in (None, 1) and part_slug in OWN_WORDS:
        lines.append(macro("framing", OWN_WORDS[part_slug], publication) + "\n")
    if number and of and of > 1:
        links = " · ".join(
            f"[{n}]({n}.md)" if n != number else f"**{n}**" for n in range(1, of + 1))
        lines.append(f"Side: {links}\n")
    if part_slug == "kapitler":
        lines += _by_chapter(dataset, publication, items)
    else:
        lines += [macro("quote", item["id"]) + "\n" for item in items]
    lines += _moved(dataset, listing_path(publication, part_slug, number))
    return Page(listing_path(publication, part_slug, number), "\n".join(lines), title, menu_title=name)


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
                 else f"{quotes.heading(dataset.quotes[anchor])} står nu på en anden side")
        lines.append(f"- [{md_text(words)}]({posixpath.relpath(target, here)}){{: #{anchor} data-pagefind-ignore }}")
    return [*lines, ""]


def _by_chapter(dataset: Dataset, publication: str, items: list[dict]) -> list[str]:
    """Per chapter, in the order the publication prints them: its title and introduction, its quotes, and
    the proposals at its end."""
    lines = []
    chapters = {int(item["locator"]["part"].split("-")[1]): [] for item in items}
    for item in items:
        chapters[int(item["locator"]["part"].split("-")[1])].append(item)
    for number, chapter_items in chapters.items():
        title = quotes.chapter_title(dataset, chapter_items[0])
        lines.append(f"## Kapitel {number}{f': {md_text(title)}' if title else ''} {{ #kapitel-{number} }}\n")
        if title:
            lines.append(macro("chapter_intro", publication, str(number)) + "\n")
        lines += [macro("quote", item["id"], "3") + "\n" for item in chapter_items]
        proposals = [p for p in dataset.proposals.values() if p["publication"] == publication and p["chapter"] == number]
        if proposals:
            box = section(dataset.publications[publication], "forslag") or "Forslag"
            lines += [f"### {md_text(box)} {{ #kapitel-{number}-forslag }}\n",
                      *[f"- [{md_text(p['text'])}](../../{proposal_file(p['id'])})" for p in proposals], ""]
    return lines


def overview(dataset: Dataset) -> Page:
    lines = [front_matter(title="Citater og fortællinger",
                          description=f"Alle citater og fortællinger fra {_publications_quoted(dataset)}, ordret og med kilde."),
             "# Citater og fortællinger\n",
             "Alle citater og fortællinger står ordret, som de blev trykt, med kilde og et fast link. "
             "Brug knappen »Kopiér citat« for at få citatet med kildehenvisning.\n"]
    for publication, part_slug in quotes.collections(dataset):
        pub = dataset.publications[publication]
        items = quotes.items_of(dataset, publication, part_slug)
        first_page = listing_path(publication, part_slug, 1 if part_slug == "fortaellinger" else None)
        count_note = lower_first(quotes.collection_count_note(dataset, publication, part_slug)).rstrip(".")
        lines.append(f"- [{md_text(quotes.collection_title(dataset, publication, part_slug))}]"
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
