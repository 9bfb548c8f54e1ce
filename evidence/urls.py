"""Every address and file path the site uses, in one place: pages, downloads, embeds, indexes.

Paths are relative to the site root (and to docs/); `rel_root` makes links relative to a page, so
the site works under any base URL.
"""

from __future__ import annotations

import re

# The site's sections, as addresses relative to the site root.
SURVEY = "tal/"
TRENDS = f"{SURVEY}spoergsmaal/"
THEMES = "temaer/"
INSIGHTS = "indsigter/"
PROPOSALS = "anbefalinger/"
QUOTES = "citater/"
FINDER = "find-citater/"
SEARCH = "soeg/"
DOWNLOADS = "hent-data/"
EMBEDS = "indlejr/"
CARDS = "kort/"
METHOD = "metode/"

# Hand-written pages in docs/ that the menu names, and the generated data contract.
METHOD_PAGE = "metode.md"
SOURCES_PAGE = "kilder.md"
ABOUT_PAGE = "om/index.md"
ACCESSIBILITY_PAGE = "om/tilgaengelighed.md"
CONTRACT_PAGE = "bidrag.md"

# Everything under these in docs/ is written by the generation step.
GENERATED_SECTIONS = (SURVEY, DOWNLOADS, QUOTES, THEMES, INSIGHTS, PROPOSALS, FINDER, EMBEDS, SEARCH)


def index_page(section: str) -> str:
    """A section's overview page, as a file in docs/."""
    return f"{section}index.md"


def download_path(name: str) -> str:
    return f"{DOWNLOADS}{name}"


def theme_url(theme_id: str) -> str:
    return f"{THEMES}{theme_id}/"


def theme_file(theme_id: str) -> str:
    return f"{THEMES}{theme_id}.md"


def proposal_url(proposal_id: str) -> str:
    return f"{PROPOSALS}{proposal_id}/"


def proposal_file(proposal_id: str) -> str:
    return f"{PROPOSALS}{proposal_id}.md"


def insight_file(insight_id: str) -> str:
    return f"{INSIGHTS}{insight_id}.md"


def card_path(digest: str) -> str:
    return f"{CARDS}{digest}.png"


def rel_root(page_url: str) -> str:
    """Relative path from a page to the site root, so the site works under any base URL."""
    path = page_url.strip("/")
    return "../" * (path.count("/") + 1) if path else "./"


def figure_csv_path(wave_id: str, question_id: str, group: str) -> str:
    return f"{DOWNLOADS}{SURVEY}{wave_id}/{question_id}-{slug(group)}.csv"


def figure_image_path(wave_id: str, question_id: str, group: str, extension: str) -> str:
    """Beside the chart's CSV, named by the same ids, so the address in a citation keeps resolving."""
    return figure_csv_path(wave_id, question_id, group).removesuffix(".csv") + f".{extension}"


def slug(text: str) -> str:
    """A label as it stands in an address or a machine name: ASCII lower case, Danish letters spelt out,
    words joined by hyphens."""
    spelt = text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return "-".join(re.findall(r"[a-z0-9]+", spelt))


def embed_path(wave_id: str, question_id: str, group: str) -> str:
    return f"{EMBEDS}{wave_id}/{question_id}-{slug(group)}.html"


def summary_csv_path(wave_id: str) -> str:
    return f"{DOWNLOADS}{SURVEY}{wave_id}/opsummering-paa-tvaers.csv"


def theme_csv_path(wave_id: str, theme_id: str) -> str:
    return f"{DOWNLOADS}{SURVEY}{wave_id}/tema-{theme_id}.csv"


def proposal_csv_path(wave_id: str, proposal_id: str) -> str:
    return f"{DOWNLOADS}{SURVEY}{wave_id}/forslag-{proposal_id}.csv"


def finder_link(root: str, theme_id: str) -> str:
    return f"{root}{FINDER}?tema={theme_id}"


INDEX_DIR = "citatindeks"


SITE_INDEX_DIR = "soegeindeks"


def listing_path(publication: str, part_slug: str, number: int | None = None) -> str:
    return f"{QUOTES}{publication}/{part_slug}" + (f"/{number}.md" if number else ".md")


def permalink(item: dict) -> str:
    """A quote's lasting address (»Fast link«): its publication and id only, never the page size or its
    place, so a collection can be paged differently and the address still leads to the quote. The
    address is a small page that sends the reader on to where the quote stands now
    (evidence.model.quotes.quote_location)."""
    return quote_address(item["publication"], item["id"])


def quote_address(publication: str, quote_id: str) -> str:
    return f"{QUOTES}{publication}/{quote_id}/"


def collection_page(publication: str, part_slug: str, number: int | None = None) -> str:
    """A quote collection's page; a paged collection's page by its number."""
    return f"{QUOTES}{publication}/{part_slug}/" + (f"{number}/" if number else "")


def anchored(page: str, anchor: str) -> str:
    return f"{page}#{anchor}"


def page_address(path: str) -> str:
    """A generated file's address: a Markdown page's directory URL, any other file as it is."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def insight_anchor(insight_id: str) -> str:
    return "indsigt-" + insight_id.replace(".", "-")


def insight_url(insight: dict) -> str:
    """A main insight's page, or the anchor of an insight on its main insight's page."""
    if "parent" not in insight:
        return f"{INSIGHTS}{insight['id']}/"
    return f"{INSIGHTS}{insight['parent']}/#{insight_anchor(insight['id'])}"


def block_anchor(block_id: str) -> str:
    return "blok-" + block_id


def block_url(block_id: str, including: dict | None) -> str:
    """A block of a report's extra material: on the insight page that includes it, else on the overview."""
    return anchored(insight_url(including) if including else INSIGHTS, block_anchor(block_id))


def question_url(wave_id: str, question_id: str) -> str:
    return f"{SURVEY}{wave_id}/{question_id}/"


def trend_url(question_id: str) -> str:
    return f"{TRENDS}{question_id}/"


def trend_csv_path(question_id: str, group: str, until: str | None = None) -> str:
    if until:
        return f"{DOWNLOADS}{SURVEY}{until}/{question_id}-{slug(group)}-udvikling.csv"
    return f"{DOWNLOADS}{TRENDS}{question_id}-{slug(group)}.csv"
