"""The Atom feed: a feed reader finds it from any page, and it lists each publication on its `added` day."""

from __future__ import annotations

import copy

import feedparser

from evidence.pages.feed import feed_xml
from tests.conftest import page


def test_a_feed_reader_reads_every_publication_newest_first(fixture_dataset):
    feed = feedparser.parse(feed_xml(fixture_dataset, "https://example.org/sti/", "Testsitet"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Testsitet" and feed.feed.language == "da"
    publications = sorted(fixture_dataset.publications.values(), key=lambda p: p["added"], reverse=True)
    assert [e.title for e in feed.entries] == [f"Ny publikation: {p['title']}" for p in publications]
    assert [e.published[:10] for e in feed.entries] == [p["added"] for p in publications]
    assert all(e.link.startswith("https://example.org/sti/") for e in feed.entries)
    assert publications[0]["citation"] in feed.entries[0].summary


def test_data_text_is_escaped_not_markup(fixture_dataset):
    dataset = copy.copy(fixture_dataset)
    dataset.publications = {pid: dict(p) for pid, p in fixture_dataset.publications.items()}
    first = next(iter(dataset.publications.values()))
    first["title"] = "Tal & <b>fed</b> </title></entry>"
    feed = feedparser.parse(feed_xml(dataset, "https://example.org/", "Testsitet"))
    assert not feed.bozo
    assert "Ny publikation: Tal & <b>fed</b> </title></entry>" in [e.title for e in feed.entries]


def test_every_page_and_the_front_page_link_the_feed(fixture_site):
    assert feedparser.parse((fixture_site / "feed.xml").read_bytes()).entries
    for url in ["", "hent-data/", "temaer/"]:
        assert 'type="application/atom+xml"' in page(fixture_site, url)
    assert 'href="feed.xml"' in page(fixture_site, "")
