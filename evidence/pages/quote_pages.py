"""A page per publication part listing its quotes in source order: the quotes' permanent home."""

from __future__ import annotations

from evidence.model import quotes
from evidence.model.dataset import Dataset
from evidence.pages.markdown import front_matter, macro, md_text
from evidence.pages.page import Page
from evidence.urls import listing_path

PART_TITLES = {
    "forside": "Fortællinger på forsiden",
    "kapitler": "Citater i de tre kapitler",
    "fortaellinger": "Socialrådgivernes fortællinger fra hverdagen",
    "interview": "Interviewcitater",
}


PART_INTROS = {
    "forside": "Hæftets forside gengiver fortællinger, som også står i den lange samling. Hver er linket til "
               "den fulde fortælling.",
    "kapitler": "Hvert af hæftets tre kapitler indeholder korte citater – ofte let redigerede uddrag af en "
                "fortælling fra den lange samling. De står her, som DS trykte dem, med link til hele fortællingen.",
    "fortaellinger": "Hæftets lange samling af anonyme fortællinger, i trykt rækkefølge. Hvor hæftet har "
                     "bevaret fortællingens nummer, står det ved fortællingen.",
    "interview": "Citater fra rapportens 14 dybdeinterview med socialrådgivere i en myndighedsrolle på det "
                 "specialiserede børneområde, i rapportens rækkefølge. Hvert citat har den tilskrivning, "
                 "rapporten selv giver: rolle, alder og anciennitet i nuværende job.",
}


def quote_pages(dataset: Dataset) -> list[Page]:
    pages = [overview(dataset)]
    for publication, part_slug in collections(dataset):
        items = quotes.items_of(dataset, publication, part_slug)
        if part_slug == "fortaellinger":
            chunks = {}
            for item in items:
                chunks.setdefault(quotes.page_number(item), []).append(item)
            pages += [listing(dataset, publication, part_slug, chunk, number, len(chunks))
                      for number, chunk in chunks.items()]
        else:
            pages.append(listing(dataset, publication, part_slug, items))
    return pages


def collections(dataset: Dataset) -> list[tuple[str, str]]:
    """(publication, part page) pairs in the order the publications print them."""
    seen = {}
    for item in dataset.quotes.values():
        seen.setdefault((item["publication"], quotes.PART_PAGES[item["locator"]["part"]]), None)
    return sorted(seen, key=lambda key: (-dataset.publications[key[0]]["year"],))


def listing(dataset: Dataset, publication: str, part_slug: str, items: list[dict],
            number: int | None = None, of: int | None = None) -> Page:
    pub = dataset.publications[publication]
    title = PART_TITLES[part_slug]
    if number:
        first, last = items[0]["locator"]["order"], items[-1]["locator"]["order"]
        title = f"{title}, {first}–{last}"
    lines = [
        front_matter(title=title, description=f"{PART_TITLES[part_slug]} fra {pub['title']} ({pub['year']})."),
        f"# {md_text(title)}\n",
        f"{md_text(PART_INTROS[part_slug])}\n",
        f"**Kilde:** {md_text(pub['citation'])}\n",
    ]
    if number and of and of > 1:
        links = " · ".join(
            f"[{n}]({n}.md)" if n != number else f"**{n}**" for n in range(1, of + 1))
        lines.append(f"Side: {links}\n")
    lines += [macro("quote", item["id"]) + "\n" for item in items]
    return Page(listing_path(publication, part_slug, number), "\n".join(lines), title)


def overview(dataset: Dataset) -> Page:
    lines = [front_matter(title="Citater og fortællinger",
                          description="Alle citater og fortællinger fra de to publikationer, ordret og med kilde."),
             "# Citater og fortællinger\n",
             "Alle citater og fortællinger står ordret, som de blev trykt, med kilde og et permanent link. "
             "Brug knappen »Kopiér citat« for at få citatet med kildehenvisning.\n"]
    for publication, part_slug in collections(dataset):
        pub = dataset.publications[publication]
        items = quotes.items_of(dataset, publication, part_slug)
        first_page = listing_path(publication, part_slug, 1 if part_slug == "fortaellinger" else None)
        lines.append(f"- [{md_text(PART_TITLES[part_slug])}]({first_page.removeprefix('citater/')}) – "
                     f"{len(items)} fra {md_text(pub['short'])}")
    return Page("citater/index.md", "\n".join(lines) + "\n", "Citater")


def nav_entries(pages: list[Page]) -> list:
    """One entry per collection: a long collection's later pages are reached from its first page
    ("Side: 1 · 2 · …"). An entry per page would put every page of every collection into the menu
    of every page on the site, which grows with the corpus (mkdocs.yml: `not_in_nav`)."""
    entries: list = [{"Oversigt": "citater/index.md"}]
    for page in pages:
        parts = page.path.removesuffix(".md").split("/")
        if page.path == "citater/index.md" or (len(parts) == 4 and parts[3] != "1"):
            continue
        entries.append({PART_TITLES[parts[2]] if len(parts) == 4 else page.title: page.path})
    return entries
