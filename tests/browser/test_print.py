"""What a politician holds after printing: the brief of the proposals and a theme page, printed by Chromium
to PDF (A4, as the print style sheet asks) and read back with pypdf, page by page."""

from __future__ import annotations

import io
import math
import re

import pytest
from pypdf import PdfReader

from evidence.model.proposals import heading
from evidence.model.themes import theme_figure_frame

# A brief a politician reads: about a page and a half a proposal (its chart, its base, its evidence), whatever
# the number of proposals.
PAGES_PER_PROPOSAL = 1.5


def printed(page, url: str) -> list[str]:
    """The text of each printed page, whitespace folded."""
    page.goto(url, wait_until="networkidle")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return [re.sub(r"\s+", " ", p.extract_text()) for p in pdf.pages]


@pytest.fixture
def real_page(new_context):
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


def test_the_brief_prints_each_proposal_on_its_own_a4_pages_with_its_chart(real_page, real_server, real_dataset, site):
    pages = printed(real_page, real_server.at("/anbefalinger/udskrift/"))
    assert len(pages) <= math.ceil(PAGES_PER_PROPOSAL * len(real_dataset.proposals)), f"the brief prints on {len(pages)} pages"
    address = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "anbefalinger/udskrift/index.html").read_text())[1]
    for number, text in enumerate(pages, 1):
        assert "Socialrådgivernes arbejdsvilkår" in text and address in text, number
        assert f"Side {number} af {len(pages)}" in text and "Udskrevet" in text, number
    starts = []
    for proposal_id, proposal in real_dataset.proposals.items():
        title = heading(proposal)
        found = [i for i, text in enumerate(pages) if title + " " + proposal["text"] in text]
        assert len(found) == 1, (title, found)  # its title once, followed by its text
        starts.append(found[0])
        own = " ".join(pages[found[0]: (found[0] + 2)])
        if proposal["evidence"]["figures"]:
            assert "som sitet har koblet til forslaget" in pages[found[0]], title  # the chart's caption
            assert re.search(r"\d+ %", own), title  # the values on the bars
        else:
            assert "Ingen tal fra undersøgelsen" in pages[found[0]], title
        assert f"{address.split('anbefalinger/')[0]}anbefalinger/{proposal_id}/" in own, title  # link address
    assert starts == sorted(set(starts)) and 0 not in starts, "a proposal does not start a page of its own"
    permalinks = re.findall(r"Fast link: (\S+) \(", " ".join(pages))
    assert permalinks and len(permalinks) == len(set(permalinks)), "a testimony is printed twice"


def test_a_printed_theme_page_keeps_chart_caption_source_and_table_together(real_page, real_server, real_dataset):
    theme_id = next(t for t in real_dataset.themes if not theme_figure_frame(real_dataset, t).empty)
    url = real_server.at(f"/temaer/{theme_id}/")
    real_page.goto(url, wait_until="networkidle")
    title = real_page.locator(".ev-figure figcaption strong").first.inner_text()
    pages = printed(real_page, url)
    together = [text for text in pages if text.count(title) >= 2 and "Kilde:" in text]  # caption and table caption
    assert together, f"the figure »{title}« and its table are printed on different pages"
    assert re.search(r"\d+ %", together[0]), "the chart's values are not on the page"
