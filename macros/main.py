"""Macros entry point for MkDocs-macros and Zensical's macros extension: registers the project's
blocks as macros, nothing more.

Zensical imports this file by path without the project on sys.path, and its `env` has neither
`conf` nor `page`; both generators put `page` and `config` in the Jinja context, so the macros
read them from there (notes/zensical.md).
"""

import re
import sys
from contextvars import ContextVar
from pathlib import Path

import jinja2

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from evidence.html import (  # noqa: E402
    blocks,
    evidence_blocks,
    framing_blocks,
    insight_blocks,
    proposal_blocks,
    site_blocks,
    trend_blocks,
    uncertainty_blocks,
)
from evidence.html.raw_blocks import mark  # noqa: E402
from evidence.load.dataset import current_dataset  # noqa: E402
from evidence.model.anonymity_pending import as_published  # noqa: E402
from evidence.pages import finder_page, site_pages, site_search, theme_pages  # noqa: E402
from evidence.urls import rel_root  # noqa: E402

_context: ContextVar[jinja2.runtime.Context] = ContextVar("context")

# Zensical reads every relative href and src in a page as written in its Markdown file, and so adds "../" to
# them on pages not named index.md (zensical/extensions/links.py); MkDocs leaves links in HTML alone.
_ZENSICAL_PREFIX = re.compile(r"""((?:href|src)=["'])\.\./""")


def define_env(env):
    def data():
        return as_published(current_dataset(PROJECT))

    def root() -> str:
        return rel_root(_context.get()["page"].url)

    def site_url() -> str:
        return _context.get()["config"]["site_url"]

    macros = {
        "survey_figure": lambda wave, question, group: blocks.survey_figure(
            data(), wave, question, group, root(), site_url()),
        "summary_chart": lambda wave: blocks.summary_chart(data(), wave, root()),
        "summary_table": lambda wave: blocks.summary_table(data(), wave),
        "method_summary": lambda wave: blocks.method_summary(data(), wave),
        "headline_figures": lambda: blocks.headline_figures(data(), root()),
        "quote": lambda quote_id, level="2": blocks.quote_block(data(), quote_id, root(), heading_level=int(level)),
        "quote_teaser": lambda quote_id: evidence_blocks.quote_teaser(data(), quote_id, root()),
        "theme_list": lambda: evidence_blocks.theme_list(data(), root()),
        "theme_survey": lambda theme: theme_pages.survey_section(data(), theme, root()),
        "theme_insights": lambda theme: evidence_blocks.theme_insights(data(), theme, root()),
        "theme_proposals": lambda theme: evidence_blocks.theme_proposals(data(), theme, root()),
        "theme_facts": lambda theme: evidence_blocks.theme_facts(data(), theme),
        "theme_quote_count": lambda theme: evidence_blocks.theme_quote_count(data(), theme, root()),
        "proposal": lambda proposal_id: evidence_blocks.proposal(data(), proposal_id, root()),
        "proposal_evidence": lambda proposal_id: evidence_blocks.proposal_evidence(data(), proposal_id, root()),
        "proposal_figures": lambda proposal_id: proposal_blocks.proposal_figures(data(), proposal_id, root()),
        "proposal_insights": lambda proposal_id: proposal_blocks.proposal_insights(data(), proposal_id, root()),
        "proposal_quotes": lambda proposal_id: proposal_blocks.proposal_quotes(data(), proposal_id, root()),
        "proposals_note": lambda: proposal_blocks.proposals_note(data()),
        "proposal_overview": lambda: proposal_blocks.proposal_overview(data(), root()),
        # The printed brief links to the site by its full address, which the printout shows beside each link.
        "proposal_brief": lambda: proposal_blocks.brief(data(), site_url() or root()),
        "proposals_by_theme": lambda: evidence_blocks.proposals_by_theme(data(), root()),
        "insight": lambda publication, insight_id: insight_blocks.insight_body(data(), publication, insight_id, root()),
        "insight_quotes": lambda publication, insight_id: evidence_blocks.insight_quotes(
            data(), publication, insight_id, root()),
        "quote_finder": lambda: finder_page.finder_form(data(), root()),
        "site_search": lambda: site_search.search_form(root()),
        "framing": lambda place, publication="", level="2": site_pages.framing(
            data(), place, publication or None, int(level)),
        "chapter_intro": lambda publication, chapter: framing_blocks.chapter_intro(data(), publication, int(chapter)),
        "insight_block": lambda publication, block_id: insight_blocks.block(data(), publication, block_id),
        "trend_figure": lambda question, group, until="": trend_blocks.trend_figure(
            data(), question, group, root(), until or None),
        "trend_changes": lambda question, group, until="": trend_blocks.change_list(
            data(), question, group, root(), until or None),
        # The parts of the hand-written pages (docs/index.md, metode.md, kilder.md) that come from data/.
        "publication_summary": lambda: site_pages.publication_summary(data()),
        "publication_count": lambda: site_pages.publication_count(data()),
        "proposals_summary": lambda: site_pages.proposals_summary(data()),
        "key_figures": lambda: site_pages.key_figures(data(), root()),
        "main_insights": lambda: site_pages.main_insights(data(), root()),
        "citation_list": lambda: site_pages.citation_list(data()),
        "survey_methods": lambda: site_pages.survey_methods(data()),
        "uncertainty_base": lambda: uncertainty_blocks.uncertainty_base(data()),
        "publication_methods": lambda: site_pages.publication_methods(data()),
        "sources_list": lambda: site_pages.sources_list(data()),
        "site_publisher": lambda: site_blocks.publisher(data()),
        "accessibility_statement": lambda: site_blocks.accessibility_statement(data()),
        "accessibility_contact": lambda: site_blocks.accessibility_contact(data()),
    }
    for name, function in macros.items():
        env.macro(_in_page(function), name)


def _in_page(function):
    """The macro with the page being rendered as its context (root() and site_url() read it); under
    Zensical, the "../" it will add to links is taken off beforehand."""

    @jinja2.pass_context
    def macro(context, *args, **kwargs):
        token = _context.set(context)
        try:
            html = function(*args, **kwargs)
        finally:
            _context.reset(token)
        page = context["page"]
        if type(page).__module__.startswith("zensical"):
            if Path(page.path).name not in ("index.md", "README.md"):
                html = _ZENSICAL_PREFIX.sub(r"\1", html)
            return html
        # Under MkDocs, Markdown passes an HTML block on unparsed (macros/hooks.py adds the extension).
        return mark(html) if html.startswith("<") else html

    return macro
