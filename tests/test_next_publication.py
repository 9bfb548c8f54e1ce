"""The next publication reaches the site by adding data only, and the site names it as itself.

A throwaway copy of the real project gets two new publications: a synthetic survey wave (written here from
the newest real wave: one question continued, one re-worded, one dropped and one new, with its own report)
and a made-up booklet of testimonies (tests/fixtures/next-publication/). Then `make validate` and the build
must pass, and the built pages must label the new items with their own year and publication – never with
the year or name of a publication that was there before. Every expected label is read from the synthetic
data this test writes.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import main_markup, plain, read_csv, read_yaml, run_script
from next_publication import Added

BANNER = "Syntetiske testdata – ikke rigtige tal"


@pytest.fixture(scope="module")
def added(next_publication) -> Added:
    return next_publication


@pytest.fixture(scope="module")
def built(next_publication_build):
    return next_publication_build


@pytest.fixture(scope="module")
def site(next_publication_site) -> Path:
    return next_publication_site


def test_the_synthetic_data_are_what_this_test_is_about(added):
    assert len(added.testimonies) >= 5
    assert added.wave > added.previous and added.reworded["previous_wording"]
    assert {added.continued, added.reworded["id"], added.new} <= {r["question"] for r in added.figures}
    assert added.dropped not in {r["question"] for r in added.figures}


def test_validate_accepts_the_new_wave_and_the_new_booklet(added):
    result = run_script(added.project, "scripts.validate")
    assert result.returncode == 0, result.stderr
    assert "Data er gyldige" in result.stdout and added.wave in result.stdout


def test_the_build_passes(built):
    result, site = built
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "index.html").exists()


# --- what the built pages say about the new wave and the new booklet ------------------------

def content(site: Path, url: str) -> str:
    """The main content of a page (what Pagefind indexes), without the menu."""
    return main_markup((site / url / "index.html").read_text(encoding="utf-8"))


def pages(site: Path) -> list[str]:
    """Every page a reader reads (not the small pages behind the quotes' id addresses, which only lead on)."""
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                  if p.parent != site and "data-pagefind-body" in p.read_text(encoding="utf-8")) + [""]


LABEL = re.compile(r'<(h[1-6])\b([^>]*)>(.*?)</\1>|<p class="ev-label">(.*?)</p>', re.S)


def label_before(markup: str, position: int) -> str:
    """The heading or section label a reader sees last above a place in the page (a quote's own title,
    »Fortælling 3«, is part of the quote, not a label over it)."""
    last = ""
    for match in LABEL.finditer(markup):
        if match.start() > position:
            break
        if "ev-quote__title" not in (match.group(2) or ""):
            last = plain(match.group(3) or match.group(4) or "")
    return last


def others(added: Added, *, besides: dict) -> list[str]:
    """What names the publications and waves other than `besides`: their years, labels and short names."""
    publications = read_yaml(added.project / "data/publications.yml")
    waves = [p.parent.name for p in (added.project / "data/survey").glob("*/wave.yml")]
    names = {str(p["year"]) for p in publications if p["id"] != besides["id"]}
    names |= {w for w in waves if w != str(besides["year"])}
    names |= {p.get("label") or p["short"] for p in publications if p["id"] != besides["id"]}
    names |= {p["short"] for p in publications if p["id"] != besides["id"]}
    names.discard(str(besides["year"]))
    return sorted(names)


def mislabelled(site: Path, reference: re.Pattern, wrong: list[str]) -> list[str]:
    """Every place on the site where `reference` occurs under a heading, section label or link text that
    names something in `wrong`."""
    found = []
    for url in pages(site):
        markup = content(site, url)
        for match in reference.finditer(markup):
            label = label_before(markup, match.start())
            opened = markup.find(">", match.end()) + 1
            link = plain(markup[opened:markup.find("</a>", opened)]) if match.group().startswith("href") else ""
            for shown in (label, link):
                named = [w for w in wrong if re.search(rf"(?<![\w.]){re.escape(w)}(?![\w])", shown)]
                if named:
                    found.append(f"/{url}: »{shown}« names {named}")
    return sorted(set(found))


def test_the_new_waves_figures_are_not_labelled_with_another_year_or_publication(site, added):
    reference = re.compile(rf'href="[^"]*(?:hent-data/)?tal/{added.wave}/[^"]*"|id="fig-{added.wave}-')
    wrong = others(added, besides=added.report)
    assert any(reference.search(content(site, url)) for url in pages(site)), "no page refers to the new wave"
    problems = mislabelled(site, reference, wrong)
    assert not problems, "\n".join(problems[:30])


def test_the_new_testimonies_are_cited_with_the_new_booklet_and_labelled_as_its(site, added):
    booklet = added.booklet
    for item in added.testimonies:
        [home] = [url for url in pages(site) if f'id="{item["id"]}"' in content(site, url)]
        article = html.unescape(content(site, home).split(f'id="{item["id"]}"', 1)[1].split("</article>", 1)[0])
        assert item["text"] in article and booklet["citation"] in article and booklet["title"] in article, item["id"]
    reference = re.compile(rf'href="[^"]*#{re.escape(booklet["id"].replace("-", ""))}-t\d+"')
    problems = mislabelled(site, reference, others(added, besides=booklet))
    assert not problems, "\n".join(problems[:30])


def menu(site: Path, url: str) -> list[tuple[str, str]]:
    """(address, text) of every link in the page's main menu, addresses relative to the site root."""
    text = (site / url / "index.html").read_text(encoding="utf-8")
    start = text.index('class="md-sidebar md-sidebar--primary"')
    sidebar = text[start:text.index('class="md-sidebar md-sidebar--secondary"')]
    base = "https://site.invalid/" + url
    return [(urljoin(base, href).removeprefix("https://site.invalid/"), plain(label))
            for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', sidebar, flags=re.S)]


def collections(added: Added) -> dict[str, str]:
    """The first page of every quote collection (publication × part), as the menu links it → publication id."""
    from evidence.load.dataset import load_dataset
    from evidence.model import quotes

    dataset = load_dataset(added.project)
    first = {}
    for item in dataset.quotes.values():
        url = quotes.canonical_page(item, dataset)
        first.setdefault(re.sub(r"/\d+/$", "/1/", url), item["publication"])
    return first


def test_the_menu_holds_each_quote_collection_exactly_once(site, added):
    links = [address for address, _ in menu(site, "citater/")]
    expected = collections(added)
    assert any(added.booklet["id"] in url for url in expected)
    counts = {url: links.count(url) for url in expected}
    assert all(n == 1 for n in counts.values()), counts


def test_the_menu_tells_the_quote_collections_apart(site, added):
    expected = collections(added)
    labels = {address: text for address, text in menu(site, "citater/") if address in expected}
    shared = {text: sorted(a for a, t in labels.items() if t == text) for text in labels.values()
              if list(labels.values()).count(text) > 1}
    assert not shared, f"menu entries with the same name for different collections: {shared}"


def test_the_front_pages_key_figures_come_from_the_new_wave(site, added):
    markup = content(site, "")
    block = re.search(r'<ul class="ev-keyfigs">.*?</ul>', markup, flags=re.S)
    assert block, "the front page shows no key figures"
    items = re.findall(r'<li class="ev-keyfig">(.*?)</li>', block.group(), flags=re.S)
    values = {(r["question"], r["option"], r["population"]): r["value"] for r in added.figures}
    expected = [(f"{float(values[(h['question'], h['option'], h['population'])]):g}".replace(".", ",") + " %", h["text"])
                for h in added.meta["headlines"]]
    shown = [(plain(re.search(r'class="ev-keyfig__value">(.*?)</span>', i).group(1)),
              plain(re.search(r'class="ev-keyfig__text">(.*?)</span>', i).group(1))) for i in items]
    assert shown == expected
    assert all(f"tal/{added.wave}/" in i for i in items), "a key figure links to another wave"
    heading = label_before(markup, block.start())
    assert not [w for w in others(added, besides=added.report) if re.search(rf"(?<![\w.]){re.escape(w)}(?!\w)", heading)], \
        heading


def test_the_synthetic_wave_carries_the_banner(site, added):
    for url in (f"tal/{added.wave}/{added.continued}/", f"tal/spoergsmaal/{added.continued}/", "tal/", ""):
        assert BANNER in html.unescape(content(site, url)), url
    assert BANNER not in html.unescape(content(site, f"tal/{added.previous}/{added.continued}/"))


def test_the_new_wave_continues_rewords_drops_and_adds_questions(site, added):
    before = {(r["question"], r["option"], r["population"]): r["value"]
              for r in read_csv(added.project / f"data/survey/{added.previous}/figures.csv")}
    row = next(r for r in added.figures if r["question"] == added.continued)
    old, new = (f"{float(v):g}".replace(".", ",") + " %" for v in (before[(row["question"], row["option"], row["population"])],
                                                                   row["value"]))
    trend = plain(content(site, f"tal/spoergsmaal/{added.continued}/"))
    assert f"{old} i {added.previous} → {new} i {added.wave}" in trend

    reworded = plain(content(site, f"tal/spoergsmaal/{added.reworded['id']}/"))
    assert f"Formuleringen er ændret i {added.wave}" in reworded
    assert added.reworded["previous_wording"] in reworded and added.reworded["wording"] in reworded

    assert not (site / f"tal/spoergsmaal/{added.new}/index.html").exists()  # asked once: its wave's page only
    assert (site / f"tal/{added.wave}/{added.new}/index.html").exists()
    assert not (site / f"tal/{added.wave}/{added.dropped}/index.html").exists()


def test_the_quote_finder_offers_the_new_booklet_once_and_first(site, added):
    finder = html.unescape(content(site, "find-citater/"))
    assert finder.count(f">{added.booklet['short']}<") <= 1
    assert added.booklet["short"] in finder
    first = re.search(r'class="ev-permalink"[^>]*>Fast link: ([^<]+)<', finder).group(1)
    assert first == added.testimonies[0]["id"], "the newest publication's quotes come first"


def test_every_pages_footer_names_the_new_publications(site, added):
    for url in ("", "temaer/", f"tal/{added.wave}/{added.continued}/"):
        footer = plain((site / url / "index.html").read_text(encoding="utf-8").split('class="md-copyright', 1)[1])
        for publication in (added.report, added.booklet):
            assert f"({publication['year']}): {publication['title']}" in footer, f"/{url}: {footer[:300]}"
