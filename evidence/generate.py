"""Turn the validated dataset into the Markdown pages and download files under docs/.

Files are written only when their content changes, so `make serve` does not rebuild in
a loop, and files this run no longer produces are removed, so a renamed question
leaves no orphan page behind.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from evidence.blocks import embed_page, embed_path, figure_csv_path, summary_csv_path
from evidence.contract import SAFE_LOADER
from evidence.contract_page import contract_page
from evidence.dataset import Dataset, per_dataset
from evidence.download_pages import download_files, download_page
from evidence.evidence_blocks import theme_csv_path
from evidence.finder_page import finder_page
from evidence.insight_pages import insight_pages
from evidence.page import Page
from evidence.proposal_pages import proposal_pages
from evidence.quote_pages import nav_entries as quote_nav
from evidence.quote_pages import quote_pages
from evidence.site_pages import home_page, method_page, sources_page
from evidence.site_search import search_page
from evidence.social_cards import card_path, card_png
from evidence.survey import csv_text, groups_of, question_frame, summary_frame
from evidence.survey_pages import survey_pages
from evidence.theme_pages import theme_pages
from evidence.themes import theme_figure_frame
from evidence.trend_blocks import trend_downloads

# Everything under these paths in docs/ is generated (and git-ignored).
GENERATED = ["index.md", "metode.md", "kilder.md", "tal", "hent-data", "citater", "temaer", "indsigter",
             "anbefalinger", "find-citater", "kort", "indlejr", "bidrag.md", "soeg"]


def pages(dataset: Dataset) -> list[Page]:
    return [home_page(dataset), *theme_pages(dataset), *insight_pages(dataset), *survey_pages(dataset),
            *proposal_pages(dataset), finder_page(dataset), *quote_pages(dataset), method_page(dataset),
            sources_page(dataset), download_page(dataset), contract_page(dataset), search_page()]


def downloads(dataset: Dataset) -> dict[str, str]:
    files = download_files(dataset)
    for wave_id, wave in dataset.waves.items():
        for question_id in wave.questions:
            for group in groups_of(dataset, wave_id, question_id):
                frame = question_frame(dataset, wave_id, question_id, group)
                files[figure_csv_path(wave_id, question_id, group)] = csv_text(dataset, frame)
                files[embed_path(wave_id, question_id, group)] = embed_page(dataset, wave_id, question_id, group)
        files[summary_csv_path(wave_id)] = csv_text(dataset, summary_frame(dataset, wave_id))
    for theme_id in dataset.themes:
        frame = theme_figure_frame(dataset, theme_id)
        if not frame.empty:
            files[theme_csv_path(frame["wave"].iloc[0], theme_id)] = csv_text(dataset, frame)
    return files | trend_downloads(dataset)


def nav(site_pages: list[Page]) -> list:
    """Navigation in reading order; the survey section groups question pages by wave."""
    by_path = {p.path: p for p in site_pages}
    survey: list = [{"Oversigt": "tal/index.md"}]
    waves: dict[str, list] = {}
    for page in site_pages:
        parts = page.path.split("/")
        if parts[0] == "tal" and len(parts) == 3 and parts[1] != "spoergsmaal":
            waves.setdefault(parts[1], []).append({page.title: page.path})
    survey += [{f"Undersøgelsen {wave}": entries} for wave, entries in sorted(waves.items(), reverse=True)]
    over_time = [{p.title: p.path} for p in site_pages if p.path.startswith("tal/spoergsmaal/")]
    if over_time:
        survey.append({"Spørgsmål over tid": over_time})

    def section(prefix: str, index_title: str) -> list:
        entries = [{index_title: f"{prefix}/index.md"}]
        return entries + [{p.title: p.path} for p in site_pages
                          if p.path.startswith(prefix + "/") and p.path != f"{prefix}/index.md"]

    return [
        {"Forside": "index.md"},
        {"Temaer": section("temaer", "Alle temaer")},
        {"Indsigter": section("indsigter", "Hovedpointer")},
        {"Tal": survey},
        {"Anbefalinger": section("anbefalinger", "Alle anbefalinger")},
        {"Find citater": "find-citater/index.md"},
        {"Søg": "soeg/index.md"},
        {"Citater": quote_nav([p for p in site_pages if p.path.startswith("citater/")])},
        {"Om evidensen": [
            {by_path["metode.md"].title: "metode.md"},
            {by_path["kilder.md"].title: "kilder.md"},
            {by_path["hent-data/index.md"].title: "hent-data/index.md"},
            {by_path["bidrag.md"].title: "bidrag.md"},
            # Hand-written pages in docs/om/.
            {"Om sitet": "om/index.md"},
            {"Tilgængelighedserklæring": "om/tilgaengelighed.md"},
        ]},
    ]


def generated(dataset: Dataset) -> tuple[dict[str, str | _LazyCard], list]:
    """Every generated file's content by path, and the navigation."""
    site_pages, outputs = prepare(dataset)
    return outputs, nav(site_pages)


def write(outputs: dict[str, str | _LazyCard], docs_dir: Path) -> None:
    for rel, content in outputs.items():
        _write_if_changed(docs_dir / rel, content)
    _remove_stale(docs_dir, set(outputs))


@per_dataset
def prepare(dataset: Dataset) -> tuple[list[Page], dict[str, str | _LazyCard]]:
    """The pages and every generated file's content by path, computed once per dataset: `make serve`
    prepares them as soon as a data file is saved, before the build that will write them starts."""
    site_pages = pages(dataset)
    outputs: dict[str, str | _LazyCard] = {}
    for page in site_pages:
        markdown, card = with_card(page.markdown)
        outputs[page.path] = markdown
        if card is not None:
            outputs[card[0]] = card[1]
    return site_pages, outputs | downloads(dataset)


# libyaml when PyYAML has it, as for the data: several times faster, for every page of every build.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def with_card(markdown: str) -> tuple[str, tuple[str, object] | None]:
    """Give the page a social card named in its front matter (`image`), for Open Graph."""
    if not markdown.startswith("---\n"):
        return markdown, None
    head, body = markdown[4:].split("---\n", 1)
    meta = yaml.load(head, Loader=SAFE_LOADER)
    path = card_path(meta["title"], meta.get("description", ""))
    meta["image"] = path
    front = "---\n" + yaml.dump(meta, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=True, width=1000) + "---\n"
    return front + body, (path, _LazyCard(meta["title"], meta.get("description", "")))


class _LazyCard:
    """Drawn only when the file is missing: cards are named by their content."""

    def __init__(self, title: str, description: str):
        self.title, self.description = title, description

    def render(self) -> bytes:
        return card_png(self.title, self.description)


def _write_if_changed(path: Path, content) -> None:
    if isinstance(content, _LazyCard):
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.render())
        return
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def _remove_stale(docs_dir: Path, keep: set[str]) -> None:
    for owned in GENERATED:
        root = docs_dir / owned
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            if path.is_file() and path.relative_to(docs_dir).as_posix() not in keep:
                path.unlink()
