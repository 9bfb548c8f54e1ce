"""Every quote is on its page verbatim, attributed, citable and linked to its full story; a quote that
is not the source's words, or that identifies someone, stops the build.

Runs on the fixture dataset (tests/fixtures/site/data); expected values are read from its files.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import article_of, build, page, problems, read_yaml

from evidence.model import quotes
from evidence.model.anonymity_pending import as_published


def canonical_html(site: Path, dataset, item: dict) -> str:
    return page(site, quotes.canonical_page(item, dataset))


def test_every_quote_is_on_its_page_with_attribution_and_citation(fixture_site, fixture_dataset):
    """As printed, or as the anonymity review lets the site show it while an item waits (tests/test_anonymity_review.py)."""
    missing = []
    for item in as_published(fixture_dataset).quotes.values():
        text = html.unescape(canonical_html(fixture_site, fixture_dataset, item))
        if f'id="{item["id"]}"' not in text:
            missing.append((item["id"], "anchor"))
            continue
        article = article_of(text, item["id"])
        if any(paragraph not in article for paragraph in item["text"].split("\n\n")):
            missing.append((item["id"], "text"))
        if (item.get("attribution") or "Anonym socialrådgiver") not in article:
            missing.append((item["id"], "attribution"))
        if fixture_dataset.publications[item["publication"]]["citation"] not in article:
            missing.append((item["id"], "citation"))
    assert not missing, missing
    assert len(fixture_dataset.quotes) == sum(len(read_yaml(f)) for f in (fixture_dataset.root / "data/quotes").rglob("*.yml"))


def test_interview_quote_keeps_its_printed_attribution_and_lead_in(fixture_site, fixture_dataset):
    with_lead_in = [q for q in fixture_dataset.quotes.values() if q["kind"] == "interview-quote" and q.get("lead_in")]
    assert with_lead_in, "the fixture has an interview quote with a lead-in"
    for item in with_lead_in:
        article = article_of(html.unescape(canonical_html(fixture_site, fixture_dataset, item)), item["id"])
        assert item["lead_in"] in article
        assert item["attribution"] in article
        assert f"Indsigt {item['locator']['insight']}" in article


def test_excerpts_link_to_the_full_testimony(fixture_site, fixture_dataset):
    linked = [q for q in fixture_dataset.quotes.values() if q.get("full_text")]
    assert linked, "the fixture has excerpts of testimonies"
    for item in linked:
        article = article_of(canonical_html(fixture_site, fixture_dataset, item), item["id"])
        href = re.search(r'<a href="([^"]+)">Læs hele fortællingen</a>', article).group(1)
        target_page, anchor = href.split("#")
        assert anchor == item["full_text"]
        target = (fixture_site / quotes.canonical_page(item, fixture_dataset) / target_page).resolve() / "index.html"
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (item["id"], href)


def test_copy_button_carries_text_attribution_source_and_permalink(fixture_site, fixture_dataset):
    item = next(q for q in fixture_dataset.quotes.values() if q["kind"] == "testimony" and not q.get("attribution"))
    url = quotes.canonical_page(item, fixture_dataset)
    article = html.unescape(article_of(page(fixture_site, url), item["id"]))
    copy = re.search(r'data-copy="([^"]+)"', article).group(1)
    assert item["text"].split("\n\n")[0] in copy
    assert "Anonym socialrådgiver" in copy
    assert fixture_dataset.publications[item["publication"]]["citation"] in copy
    permalink = re.search(r'data-permalink="([^"]+)"', article).group(1)
    assert permalink == "../" * url.count("/") + f"citater/{item['publication']}/{item['id']}/"
    # The permalink's page leads on to the quote where it stands now.
    address = page(fixture_site, permalink.lstrip("./"))
    assert f'url=../../../{url}#{item["id"]}"' in address
    # Without JavaScript the button stays hidden; the quote and its citation are plain text.
    assert re.search(r"<button[^>]*class=\"ev-copy[^\"]*\"[^>]*hidden", article)


def test_printed_story_numbers_are_shown(fixture_site, fixture_dataset):
    printed = [q for q in fixture_dataset.quotes.values() if q["locator"].get("printed_number")]
    assert printed, "the fixture has testimonies with their printed number"
    for item in printed:
        article = html.unescape(article_of(canonical_html(fixture_site, fixture_dataset, item), item["id"]))
        assert f"(trykt nr. {item['locator']['printed_number']})" in article, item["id"]


# --- refusal of quotes that are not the source's words, or that identify someone ---------

def interview_file(project: Path) -> str:
    return sorted(p.relative_to(project).as_posix() for p in (project / "data/quotes").glob("*/interviews.yml"))[-1]


def test_an_altered_word_in_a_quote_stops_the_build(fixture_copy):
    rel = interview_file(fixture_copy)
    first = read_yaml(fixture_copy / rel)[0]["text"]
    words = first.split(" ")
    altered = " ".join(words[:3] + ["kaffemaskine"] + words[4:])
    text = (fixture_copy / rel).read_text(encoding="utf-8")
    (fixture_copy / rel).write_text(text.replace(first, altered, 1), encoding="utf-8")
    messages = problems(fixture_copy)
    # The message shows where the quote leaves its source: its word and the source's.
    shown = f"fandt ›kaffemaskine {words[4]}‹, kilden har ›{words[3]} {words[4]}‹"
    assert any(m.startswith(rel) and "felt 'text'" in m and shown in m for m in messages), messages


@pytest.mark.parametrize("inserted, kind", [
    ("ring på 12 34 56 78", "telefonnummer"),
    ("skriv til sagsbehandler@kommune.dk", "e-mailadresse"),
    ("CPR 010203-1234", "CPR-nummer"),
])
def test_identifying_details_stop_the_build(fixture_copy, inserted, kind):
    description = read_yaml(fixture_copy / "data/themes.yml")[0]["description"]
    themes = fixture_copy / "data/themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8").replace(description, f"{description} {inserted}", 1),
                      encoding="utf-8")
    messages = problems(fixture_copy)
    assert any(kind in m and m.startswith("data/themes.yml") for m in messages), messages


def test_quote_text_is_data_never_markup(fixture_copy, tmp_path):
    """Template syntax, HTML and Markdown in a quote render literally through the full build."""
    nasty = ("Vi skrev {{ 7*7 }} og {% if x %} og {# note #} og <script>alert(1)</script> "
             "med *stjerne* _streg_ # hash | rør [x](y)")
    rel = interview_file(fixture_copy)
    publication = Path(rel).parent.name
    text_file = next(p["text_file"] for p in read_yaml(fixture_copy / "data/publications.yml") if p["id"] == publication)
    source = fixture_copy / "data/sources" / text_file
    source.write_text(source.read_text(encoding="utf-8") + "\n" + nasty + "\n", encoding="utf-8")
    existing = read_yaml(fixture_copy / rel)
    quote_id = existing[0]["id"].rsplit("-", 1)[0] + "-i99"
    interviews = fixture_copy / rel
    interviews.write_text(interviews.read_text(encoding="utf-8") + f"""
- id: {quote_id}
  kind: interview-quote
  locator: {{part: indsigt, order: {len(existing) + 1}, insight: '{existing[-1]["locator"]["insight"]}'}}
  text: |-
    {nasty}
  attribution: {existing[0]["attribution"]}
  themes: [{existing[0]["themes"][0]}]
""", encoding="utf-8")
    site = tmp_path / "site"
    result = build(fixture_copy, site)
    assert result.returncode == 0, result.stderr[-2000:]
    [text] = [t for p in site.rglob("index.html") for t in [p.read_text(encoding="utf-8")] if f'id="{quote_id}"' in t]
    article = article_of(text, quote_id)
    assert html.unescape(article).count(nasty) >= 1
    assert "<script>alert" not in article and "49" not in article
    assert "<em>stjerne</em>" not in article and '<a href="y">' not in article
