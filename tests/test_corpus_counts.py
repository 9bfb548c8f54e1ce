"""Today's corpus, counted: the only place where the size of the real data is pinned.

MAINTAINERS: when you add a publication, a survey wave, quotes, proposals or insights to data/,
update the numbers below in the same pull request. A failure here means only that the real data
changed size – check that the change is the one you meant (nothing lost, nothing doubled), then
write the new counts. No other test depends on these numbers: behaviour tests run on the fixture
dataset in tests/fixtures/site/, and the other checks of the real data read data/ at run time.
"""

from __future__ import annotations

from collections import Counter

PUBLICATIONS = ["ds-2020", "kl-ds-2025"]
WAVES = ["2025"]
QUESTIONS_PER_WAVE = {"2025": 8}
FIGURES_PER_WAVE = {"2025": 63}
QUOTES = {  # (publication, kind): number
    ("ds-2020", "testimony"): 246,
    ("ds-2020", "cover-story"): 13,
    ("ds-2020", "chapter-excerpt"): 19,
    ("kl-ds-2025", "interview-quote"): 27,
}
EXCERPTS_LINKED_TO_THEIR_TESTIMONY = 31
PROPOSALS = 9
MAIN_INSIGHTS = {"kl-ds-2025": 3}
THEMES = 15
AREAS = 9


def test_publications_and_waves(real_dataset):
    assert sorted(real_dataset.publications) == PUBLICATIONS
    assert list(real_dataset.waves) == WAVES
    assert {w: len(wave.questions) for w, wave in real_dataset.waves.items()} == QUESTIONS_PER_WAVE
    assert {w: len(wave.figures) for w, wave in real_dataset.waves.items()} == FIGURES_PER_WAVE


def test_quotes_per_publication_and_kind(real_dataset):
    assert dict(Counter((q["publication"], q["kind"]) for q in real_dataset.quotes.values())) == QUOTES
    assert sum(1 for q in real_dataset.quotes.values() if q.get("full_text")) == EXCERPTS_LINKED_TO_THEIR_TESTIMONY


def test_proposals_insights_themes_and_areas(real_dataset):
    assert len(real_dataset.proposals) == PROPOSALS
    assert {p: len(doc["main_insights"]) for p, doc in real_dataset.insights.items()} == MAIN_INSIGHTS
    assert (len(real_dataset.themes), len(real_dataset.areas)) == (THEMES, AREAS)
