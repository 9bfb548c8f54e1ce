"""Every address the site has published keeps leading where it led: a quote's »Fast link« depends on its id
alone, a collection paged differently keeps its old anchors as links to the quotes' new places, a withdrawn
quote's addresses say why it was withdrawn, and an address the new build would drop stops the build.

Runs on a private copy of the fixture dataset (tests/fixtures/site/data), built twice as `make build` builds.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import yaml
from conftest import build, edit

from evidence.load.dataset import PUBLISHED_ADDRESSES, load_dataset
from evidence.model.quotes import quote_location

WITHDRAWN = "testhaefte2032-t002"
REASON = "Fortælleren har bedt om at få sin fortælling fjernet."


def landing(site: Path, address: str) -> tuple[str, str]:
    """The page and anchor a reader lands on from `address`, following the site's forwarding pages and
    moved-quote links as a browser (and a reader clicking the link) would."""
    for _ in range(4):
        path, _, anchor = address.partition("#")
        file = site / path / "index.html" if path.endswith("/") or not path else site / path
        assert file.is_file(), f"{address} leads nowhere"
        if file.suffix != ".html":  # a download: it is there
            return "", anchor
        text = file.read_text(encoding="utf-8")
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', text)
        moved = anchor and re.search(rf'<a[^>]*id="{re.escape(anchor)}"[^>]*href="([^"]+)"|'
                                     rf'<a[^>]*href="([^"]+)"[^>]*id="{re.escape(anchor)}"', text)
        target = (refresh and refresh.group(1)) or (moved and (moved.group(1) or moved.group(2)))
        if not target:
            return text, anchor
        address = urljoin("https://x/" + path, html.unescape(target)).removeprefix("https://x/")
    raise AssertionError(f"{address} forwards in a loop")


def built_twice(project: Path, tmp_path: Path) -> tuple[list[str], dict, Path]:
    """Build, then page the testimonies 3 to a page and withdraw one quote, and build again."""
    first = build(project, tmp_path / "first")
    assert first.returncode == 0, first.stdout + first.stderr
    record = [line for line in (project / PUBLISHED_ADDRESSES).read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    before = load_dataset(project)
    edit(project, "data/publications.yml", "      page_size: 25\n", "      page_size: 3\n")
    testimonies = project / "data/quotes/test-haefte-2032/testimonies.yml"
    items = yaml.safe_load(testimonies.read_text(encoding="utf-8"))
    text = testimonies.read_text(encoding="utf-8")
    start = text.index(f"- id: {WITHDRAWN}\n")
    following = items[[i["id"] for i in items].index(WITHDRAWN) + 1]["id"]
    testimonies.write_text(text[:start] + text[text.index(f"- id: {following}\n"):], encoding="utf-8")
    (project / "data/withdrawn.yml").write_text(yaml.safe_dump(
        [{"id": WITHDRAWN, "publication": "test-haefte-2032", "reason": REASON, "date": "2033-02-01"}],
        allow_unicode=True), encoding="utf-8")
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.stdout + second.stderr
    return record, before, tmp_path / "second"


def test_every_old_address_lands_on_its_quote_after_paging_and_a_withdrawal(fixture_copy, tmp_path):
    record, before, site = built_twice(fixture_copy, tmp_path)
    after = load_dataset(fixture_copy)
    moved = [q for q in after.quotes.values() if quote_location(q, after) != quote_location(before.quotes[q["id"]], before)]
    assert moved, "the new page size moves some testimonies to other pages"
    for address in record:
        landing(site, address)  # every published address still leads to a page or file
    for quote_id, item in before.quotes.items():
        for address in (quote_location(item, before), f"citater/{item['publication']}/{quote_id}/"):
            text, anchor = landing(site, address)
            if quote_id == WITHDRAWN:
                assert "trukket tilbage" in text and html.escape(REASON) in text, address
            else:
                assert anchor == quote_id and f'id="{quote_id}"' in text and 'class="ev-quote' in text, address
    # The second build recorded the new places; the old ones stay in the record.
    now = (fixture_copy / PUBLISHED_ADDRESSES).read_text(encoding="utf-8").splitlines()
    assert set(record) < set(now)
    assert all(quote_location(q, after) in now for q in moved)


def test_forwarding_pages_stay_out_of_the_sitemap_and_the_site_search(fixture_site, fixture_dataset):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    searched = json.loads((fixture_site / "soegeindeks/pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [p for p in fixture_site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    for item in fixture_dataset.quotes.values():
        address = f"citater/{item['publication']}/{item['id']}/"
        assert (fixture_site / address / "index.html").is_file()
        assert address not in sitemap
    assert sum(language["page_count"] for language in searched["languages"].values()) == len(pages)


def test_an_address_the_build_would_drop_stops_it_naming_the_address(fixture_copy, tmp_path):
    first = build(fixture_copy, tmp_path / "site")
    assert first.returncode == 0, first.stdout + first.stderr
    with (fixture_copy / PUBLISHED_ADDRESSES).open("a", encoding="utf-8") as file:
        file.write("tal/2030/et-spoergsmaal-der-er-vaek/\n")
    second = build(fixture_copy, tmp_path / "site")
    assert second.returncode != 0
    assert "data/published-addresses.txt" in second.stdout + second.stderr
    assert "tal/2030/et-spoergsmaal-der-er-vaek/" in second.stdout + second.stderr
