"""The generation step: turn the validated dataset into the Markdown pages and download files
under docs/, and the menu (`Menu`), which the build gives to the site generator.

It is a step of its own, before any site generator runs (`make build`; under `make serve` the
MkDocs hook calls it), so any generator that reads mkdocs.yml, the menu and docs/ builds the same site.
Files are written only when their content changes, so `make serve` does not rebuild in a loop,
and files this run no longer produces are removed, so a renamed question leaves no orphan page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from evidence.html.blocks import embed_page
from evidence.load.dataset import PUBLISHED_ADDRESSES, fresh_dataset
from evidence.load.dataset_types import Dataset, per_dataset
from evidence.load.problems import DataInvalid
from evidence.load.site_config import site_config
from evidence.model import publications
from evidence.model.anonymity_pending import as_published
from evidence.model.survey import groups_of
from evidence.pages.chart_downloads import chart_images, chart_tables
from evidence.pages.contract_page import contract_page
from evidence.pages.data_package import PACKAGE_PATH, dataset_metadata, package_json
from evidence.pages.download_pages import DOWNLOAD_PAGE, download_page, figure_files, files_described, quote_files
from evidence.pages.feed import FEED_PATH, feed_xml
from evidence.pages.finder_page import finder_page
from evidence.pages.insight_pages import insight_pages
from evidence.pages.markdown import html_text, split_front_matter, with_front_matter
from evidence.pages.page import Page
from evidence.pages.proposal_pages import proposal_pages
from evidence.pages.quote_markup import quotation_markup
from evidence.pages.quote_pages import nav_entries as quote_nav
from evidence.pages.quote_pages import quote_pages
from evidence.pages.site_search import search_page
from evidence.pages.survey_pages import survey_pages
from evidence.pages.theme_pages import theme_pages
from evidence.publish.addresses import address_files, new_addresses, unresolved
from evidence.publish.social_cards import card_path, footer
from evidence.urls import (
    ABOUT_PAGE,
    ACCESSIBILITY_PAGE,
    CONTRACT_PAGE,
    FINDER,
    GENERATED_SECTIONS,
    INSIGHTS,
    METHOD_PAGE,
    PROPOSALS,
    QUOTES,
    SEARCH,
    SOURCES_PAGE,
    SURVEY,
    THEMES,
    TRENDS,
    embed_path,
    index_page,
)

# Everything under these paths in docs/ is generated (and git-ignored). The rest of docs/ is written by
# hand – the front page, the method and sources pages, om/ – and calls macros for what comes from data/.
GENERATED = [*(section.rstrip("/") for section in GENERATED_SECTIONS), CONTRACT_PAGE, FEED_PATH]


def survey_downloads(dataset: Dataset) -> dict[str, str | bytes]:
    """Every chart's numbers, for a spreadsheet and for a program (evidence/pages/chart_downloads.py)."""
    return chart_tables(dataset)


def embed_pages(dataset: Dataset, site_name: str) -> dict[str, str]:
    """Every question chart as a page of its own, for an iframe elsewhere, linking back to the site by name."""
    return {embed_path(wave_id, question_id, group): embed_page(dataset, wave_id, question_id, group, site_name)
            for wave_id, wave in dataset.waves.items() for question_id in wave.questions
            for group in groups_of(dataset, wave_id, question_id)}


# The site in parts, in reading order.
PAGES: dict[str, Callable[[Dataset], list[Page]]] = {
    "themes": theme_pages,
    "insights": insight_pages,
    "survey": survey_pages,
    "proposals": proposal_pages,
    "finder": lambda dataset: [finder_page(dataset)],
    "quotes": quote_pages,
    "downloads": lambda dataset: [download_page(dataset)],
    "contract": lambda dataset: [contract_page(dataset)],
    "search": lambda dataset: [search_page()],
}


FILES: dict[str, Callable[[Dataset], dict[str, str | bytes]]] = {
    "figures": figure_files,
    "quotes": quote_files,
    "survey": survey_downloads,
    "addresses": address_files,
}


def nav(site_pages: list[Page]) -> list:
    """Navigation in reading order; the survey section groups question pages by wave."""
    by_path = {p.path: p for p in site_pages}
    survey: list = [{"Oversigt": index_page(SURVEY)}]
    waves: dict[str, list] = {}
    for page in site_pages:
        parts = page.path.removeprefix(SURVEY).split("/")
        if page.path.startswith(SURVEY) and not page.path.startswith(TRENDS) and len(parts) == 2:
            waves.setdefault(parts[0], []).append({page.title: page.path})
    survey += [{f"Undersøgelsen {wave}": entries} for wave, entries in sorted(waves.items(), reverse=True)]
    over_time = [{p.title: p.path} for p in site_pages if p.path.startswith(TRENDS)]
    if over_time:
        survey.append({"Spørgsmål over tid": over_time})

    def section(prefix: str, index_title: str) -> list:
        entries = [{index_title: index_page(prefix)}]
        return entries + [{p.title: p.path} for p in site_pages
                          if p.path.startswith(prefix) and p.path != index_page(prefix)]

    return [
        {"Forside": "index.md"},
        {"Temaer": section(THEMES, "Alle temaer")},
        {"Indsigter": section(INSIGHTS, "Hovedpointer")},
        {"Tal": survey},
        {"Anbefalinger": section(PROPOSALS, "Alle anbefalinger")},
        {"Find citater": index_page(FINDER)},
        {"Søg": index_page(SEARCH)},
        {"Citater": quote_nav([p for p in site_pages if p.path.startswith(QUOTES)])},
        {"Om sitet og kilderne": [
            # Metode, Kilder and om/ are hand-written pages in docs/.
            {"Metode": METHOD_PAGE},
            {"Kilder": SOURCES_PAGE},
            {by_path[DOWNLOAD_PAGE].title: DOWNLOAD_PAGE},
            {by_path[CONTRACT_PAGE].title: CONTRACT_PAGE},
            {"Om sitet": ABOUT_PAGE},
            {"Tilgængelighedserklæring": ACCESSIBILITY_PAGE},
        ]},
    ]


def generated(dataset: Dataset) -> tuple[dict, list]:
    """Every generated file's content by path, and the navigation."""
    site_pages: list[Page] = []
    outputs: dict[str, str] = {}
    for kind, name in [*(("pages", name) for name in PAGES), *(("files", name) for name in FILES)]:
        part_pages, files = part(dataset, kind, name)
        site_pages += part_pages
        outputs |= {page.path: page.markdown for page in part_pages} | files
    return outputs, nav(site_pages)


@dataclass(frozen=True)
class Menu:
    """The parts of the site's configuration that come from the data: the menu and the footer's sources.
    They are given to the site generator when it runs (`apply`), not written into the committed
    mkdocs.yml, so a build after a data change leaves the working tree as it was; a generator that runs
    no hooks (Zensical) gets them written into its configuration file (`write_config`)."""

    nav: list
    copyright: str

    def apply(self, config) -> None:
        config["nav"] = self.nav
        config["copyright"] = self.copyright


def generate(root: Path, docs_dir: Path, record: bool = False) -> Menu:
    """Check the data (DataInvalid if they are not valid, or if a published address would break), then
    write docs/; with `record`, append this build's new addresses to the record of published addresses.
    Returns the menu, for the site generator's configuration."""
    dataset = as_published(fresh_dataset(root))
    outputs, menu = generated(dataset)
    site = site_config(root)
    outputs |= chart_images(dataset, site.url) | embed_pages(dataset, site.name)
    outputs[FEED_PATH] = feed_xml(dataset, site.url, site.name)
    outputs[PACKAGE_PATH] = package_json(dataset, [p for p in outputs if p.endswith(".csv")], site.name)
    # JSON-LD goes into the page's head: Material's instant navigation re-runs every script in the content as
    # JavaScript, whatever its type.
    outputs[DOWNLOAD_PAGE] = with_front_matter(outputs[DOWNLOAD_PAGE], structured_data=dataset_metadata(
        dataset, list(files_described(dataset)), site.url, site.name))
    for path, markup in quotation_markup(dataset, list(outputs), site.url).items():
        outputs[path] = with_front_matter(outputs[path], structured_data=markup)
    if problems := unresolved(dataset, outputs):
        raise DataInvalid(problems)
    if record and (new := new_addresses(dataset, outputs)):
        with (root / PUBLISHED_ADDRESSES).open("a", encoding="utf-8") as file:
            file.write("".join(address + "\n" for address in new))
    write(outputs, docs_dir)
    # Material prints menu titles unescaped; the footer's sources are escaped by their partial.
    return Menu(menu_as_html(menu), f"Kilder: {publications.sources_line(dataset)}.")


def write(outputs: dict[str, str | bytes], docs_dir: Path) -> None:
    for rel, content in outputs.items():
        _write_if_changed(docs_dir / rel, content)
    _remove_stale(docs_dir, set(outputs))


CONFIG_START = ("# --- Generated from data/ by `make generate` (evidence/publish/generate.py): the sources named in every\n"
                "# page's footer, and the menu. Do not edit below this line. ---\n")


def write_config(config_file: Path, menu: Menu) -> None:
    """The menu and footer at the end of a configuration file, for a generator that runs no MkDocs hooks
    (`python -m scripts.generate --write-menu`, the pull request's Zensical job); a block written before
    is replaced."""
    text = config_file.read_text(encoding="utf-8")
    head = text.split(CONFIG_START, 1)[0].rstrip("\n") + "\n\n"
    block = yaml.dump({"copyright": menu.copyright, "nav": menu.nav}, Dumper=SAFE_DUMPER,
                      allow_unicode=True, sort_keys=False, width=1000)
    _write_if_changed(config_file, head + CONFIG_START + block)


def menu_as_html(menu: list) -> list:
    """The menu with its titles as HTML text: Material prints menu titles unescaped."""
    return [{html_text(title): menu_as_html(target) if isinstance(target, list) else target
             for title, target in entry.items()} for entry in menu]


@per_dataset
def part(dataset: Dataset, kind: str, name: str) -> tuple[list[Page], dict[str, str]]:
    """One part's pages, each naming its social card, or its other files."""
    if kind == "files":
        return [], FILES[name](dataset)
    return [Page(page.path, with_card(page.markdown, footer(dataset)), page.title, page.menu_title)
            for page in PAGES[name](dataset)], {}


# libyaml when PyYAML has it, as for the data: several times faster, for every page of every build.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def with_card(markdown: str, footer_text: str) -> str:
    """Name the page's social card in its front matter (`image`), for Open Graph; the publish step
    draws it (evidence.publish.social_cards). The name follows the card's content, so a changed card
    gets a new address and no platform shows an old one."""
    meta, _ = split_front_matter(markdown)
    if not meta:
        return markdown
    return with_front_matter(markdown, image=card_path(meta["title"], meta.get("description", ""), footer_text))


def _write_if_changed(path: Path, content: str | bytes) -> None:
    """Text as UTF-8; bytes (the workbooks) as they are."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _remove_stale(docs_dir: Path, keep: set[str]) -> None:
    for owned in GENERATED:
        root = docs_dir / owned
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            if path.is_file() and path.relative_to(docs_dir).as_posix() not in keep:
                path.unlink()
