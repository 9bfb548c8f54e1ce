"""Every quote is on its page verbatim, attributed, citable and linked to its full story."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import build, page

from evidence import quotes
from evidence.dataset import load_dataset
from evidence.problems import DataInvalid

DATASET = load_dataset()


def canonical_html(site: Path, item: dict) -> str:
    return page(site, quotes.canonical_page(item, DATASET))


def article_of(text: str, quote_id: str) -> str:
    start = text.index(f'id="{quote_id}"')
    return text[start: text.index("</article>", start)]


def test_counts_per_source_part():
    parts = {}
    for item in DATASET.quotes.values():
        key = (item["publication"], item["locator"]["part"])
        parts[key] = parts.get(key, 0) + 1
    assert parts[("ds-2020", "fortaellinger")] == 246
    assert parts[("ds-2020", "forside")] == 13
    assert sum(v for (pub, part), v in parts.items() if part.startswith("kapitel-")) == 19
    assert parts[("kl-ds-2025", "indsigt")] == 27
    assert len(DATASET.proposals) == 9


def test_every_quote_is_on_its_page_with_attribution_and_citation(site):
    missing = []
    pages: dict[str, str] = {}
    for item in DATASET.quotes.values():
        url = quotes.canonical_page(item, DATASET)
        text = pages.setdefault(url, html.unescape(canonical_html(site, item)))
        if f'id="{item["id"]}"' not in text:
            missing.append((item["id"], "anchor"))
            continue
        article = article_of(text, item["id"])
        first_paragraph = item["text"].split("\n\n")[0]
        if first_paragraph not in article or quotes.attribution(item) not in article:
            missing.append((item["id"], "text or attribution"))
        if DATASET.publications[item["publication"]]["citation"] not in article:
            missing.append((item["id"], "citation"))
    assert not missing, missing[:10]


def test_interview_quote_keeps_its_printed_attribution_and_lead_in(site):
    item = DATASET.quotes["klds2025-i07"]
    article = article_of(html.unescape(canonical_html(site, item)), "klds2025-i07")
    assert "[Om hvorfor vedkommende delvist har søgt væk fra socialrådgiverfaget]" in article
    assert "Socialrådgiver, 59 år, 2-5 år i nuværende job" in article
    assert "Indsigt 1.3" in article


def test_excerpts_link_to_the_full_testimony(site):
    linked = [q for q in DATASET.quotes.values() if q.get("full_text")]
    assert len(linked) >= 30
    for item in linked:
        article = article_of(canonical_html(site, item), item["id"])
        href = re.search(r'<a href="([^"]+)">Læs hele fortællingen</a>', article).group(1)
        target_page, anchor = href.split("#")
        target = (site / quotes.canonical_page(item, DATASET) / target_page).resolve() / "index.html"
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (item["id"], href)


def test_copy_button_carries_text_attribution_source_and_permalink(site):
    item = DATASET.quotes["ds2020-t001"]
    article = html.unescape(article_of(canonical_html(site, item), "ds2020-t001"))
    copy = re.search(r'data-copy="([^"]+)"', article).group(1)
    assert item["text"].split("\n\n")[0][:80] in copy
    assert "Anonym socialrådgiver" in copy and DATASET.publications["ds-2020"]["citation"] in copy
    assert 'data-permalink="../../../../citater/ds-2020/fortaellinger/1/#ds2020-t001"' in article
    # Without JavaScript the button stays hidden; the quote and its citation are plain text.
    assert re.search(r"<button[^>]*class=\"ev-copy[^\"]*\"[^>]*hidden", article)


def test_printed_story_numbers_are_shown(site):
    item = next(q for q in DATASET.quotes.values() if q["locator"].get("printed_number") == 214)
    assert "(trykt nr. 214)" in html.unescape(article_of(canonical_html(site, item), item["id"]))


def test_every_figure_value_is_printed_in_its_source():
    from evidence.fidelity import haystack
    from evidence.formatting import number

    for wave in DATASET.waves.values():
        publication = DATASET.publications[wave.meta["publication"]]
        source = haystack(DATASET.root, publication["text_file"])
        for row in wave.figures.itertuples():
            # As printed: decimal comma, so a share of 63.5 is found as "63,5 %" (not as "63 %").
            assert re.search(rf"(?<![\d,]){re.escape(number(row.value))}\s?%", source), (row.question, row.option, row.value)
        for figure in wave.meta["method"]:
            assert str(int(figure["value"])) in source, figure["id"]


# --- refusal of quotes that are not the source's words, or that identify someone ---------

INTERVIEWS = "data/quotes/kl-ds-2025/interviews.yml"


def problems_after(project: Path, rel: str, old: str, new: str) -> list[str]:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataInvalid) as caught:
        load_dataset(project)
    return [str(p) for p in caught.value.problems]


def test_an_altered_word_in_a_quote_stops_the_build(project):
    messages = problems_after(project, INTERVIEWS, "jeg enormt godt kan lide", "jeg virkelig godt kan lide")
    assert any(m.startswith(INTERVIEWS) and "felt 'text'" in m and "ikke står ordret i kilden" in m for m in messages)


def test_a_corrected_source_typo_stops_the_build(project):
    """Source typos stay: 'tryk' (for 'tryg') is what the report printed."""
    messages = problems_after(project, INTERVIEWS, "Man skal føle sig tryk.", "Man skal føle sig tryg.")
    assert any("ikke står ordret" in m for m in messages)


@pytest.mark.parametrize("inserted, kind", [
    ("ring på 12 34 56 78", "telefonnummer"),
    ("skriv til sagsbehandler@kommune.dk", "e-mailadresse"),
    ("CPR 010203-1234", "CPR-nummer"),
])
def test_identifying_details_stop_the_build(project, inserted, kind):
    messages = problems_after(project, "data/themes.yml", "Antallet af sager,", f"Antallet af sager, {inserted},")
    assert any(kind in m and m.startswith("data/themes.yml") for m in messages), messages


def test_quote_text_is_data_never_markup(project, tmp_path):
    """Template syntax, HTML and Markdown in a quote render literally through the full build."""
    nasty = ("Vi skrev {{ 7*7 }} og {% if x %} og {# note #} og <script>alert(1)</script> "
             "med *stjerne* _streg_ # hash | rør [x](y)")
    source = project / "data/sources/kl-ds-2025.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n" + nasty + "\n", encoding="utf-8")
    interviews = project / INTERVIEWS
    interviews.write_text(interviews.read_text(encoding="utf-8") + f"""
- id: klds2025-i99
  kind: interview-quote
  locator: {{part: indsigt, order: 99, insight: '1.1'}}
  text: |-
    {nasty}
  attribution: Socialrådgiver, 30 år, over 5 år i nuværende job
  themes: [ledelse]
""", encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    text = (site / "citater/kl-ds-2025/interview/index.html").read_text(encoding="utf-8")
    article = article_of(text, "klds2025-i99")
    assert html.unescape(article).count(nasty) >= 1
    assert "<script>alert" not in article and "49" not in article
    assert "<em>stjerne</em>" not in article and '<a href="y">' not in article
