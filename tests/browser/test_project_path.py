"""The site at a GitHub Pages project address: built with SITE_URL as the deploy workflow sets it, and
served under the repository's path (/evidens/), as Pages serves a project's site.

Every page must load there without a failed request (a link or asset that assumed the site sits at
the domain's root would ask for a file outside /evidens/ and get a 404), both searches must find and
open their hits, and the addresses a reader or a search engine takes away (canonical link, og:url,
the sitemap, the embed code, the social cards, a copied citation) must be the published address,
not the local default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import built_once

from browser.conftest import Served, serving
from browser.watch import Watcher, origin
from evidence.model import quotes
from evidence.urls import permalink

pytestmark = pytest.mark.browser

ADDRESS = "https://example-org.github.io/evidens/"
MOUNT = "/evidens"


@pytest.fixture(scope="module")
def project_site(fixture_project, fixture_site, tmp_path_factory) -> Path:
    """The fixture site built with SITE_URL set; after `fixture_site`, the shared project holds its
    generated pages and warm caches, so only MkDocs and the indexes run again."""
    return built_once(fixture_project, tmp_path_factory, "project-path", site_url=ADDRESS)


@pytest.fixture(scope="module")
def project_server(project_site) -> Iterator[Served]:
    with serving(project_site, MOUNT) as served:
        yield served


def every_page(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if not {"assets", "search"} & set(p.relative_to(site).parts))


def test_the_published_address_is_in_canonical_og_url_sitemap_embed_code_and_cards(project_site):
    front = (project_site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ADDRESS}">' in front
    survey = next(p for p in every_page(project_site) if re.fullmatch(r"tal/[^/]+/[^/]+/", p)
                  and "indlejr/" in (project_site / p / "index.html").read_text(encoding="utf-8"))
    text = (project_site / survey / "index.html").read_text(encoding="utf-8")
    assert f'<meta property="og:url" content="{ADDRESS}{survey}">' in text
    assert f"&lt;iframe src=&quot;{ADDRESS}indlejr/" in text  # the visible »Indlejr diagrammet« code
    assert re.search(rf'<meta property="og:image" content="{re.escape(ADDRESS)}kort/[^"]+\.png">', text)
    locations = re.findall(r"<loc>([^<]+)</loc>", (project_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(loc.startswith(ADDRESS) for loc in locations)
    assert f"{ADDRESS}{survey}" in locations
    local = re.compile(r'(?:href|src|content)="http://127\.0\.0\.1|&quot;http://127\.0\.0\.1')
    wrong = [p for p in every_page(project_site) if local.search((project_site / p / "index.html").read_text("utf-8"))]
    assert not wrong, f"pages that link to or embed the local default address: {wrong}"


def test_every_page_both_searches_and_copying_work_under_the_project_path(new_context, project_server, project_site,
                                                                          fixture_dataset):
    context = new_context(viewport={"width": 1280, "height": 900})
    watcher = Watcher(context, origin(project_server.url))
    tab = context.new_page()
    pages = every_page(project_site)
    assert len(pages) > 20, pages
    for url in pages:
        response = tab.goto(project_server.at(url), wait_until="networkidle")
        assert response is not None and response.ok, url

    tab.goto(project_server.at(""), wait_until="networkidle")
    tab.locator("#ev-header-q").fill("kollegerne")
    tab.locator("#ev-header-q").press("Enter")
    tab.wait_for_selector("#ev-search[data-state=ready]")
    assert tab.url.startswith(project_server.at("soeg/"))
    hit = tab.locator(".ev-search__title a").first
    hit.click()
    tab.wait_for_url(lambda address: "/soeg/" not in address)
    tab.wait_for_load_state("networkidle")  # a request cut off by the next page would be no failure of the site
    assert tab.url.startswith(project_server.url + "/") and "/soeg/" not in tab.url

    tab.goto(project_server.at("find-citater/?q=sagsmappen"), wait_until="networkidle")
    tab.wait_for_selector("#ev-finder[data-state=ready]")
    link = tab.locator(".ev-hit a[href]").first
    href = link.evaluate("a => a.href")
    assert href.startswith(project_server.url + "/"), href
    link.click()
    # The hit's link is the quote's id address, which forwards to the quote on its page, under the mount too.
    tab.wait_for_url(lambda url: url.startswith(project_server.url + "/citater/") and url != href)
    tab.wait_for_load_state("networkidle")

    # A journalist's copied citation cites the published page, wherever the copy was made.
    item = next(q for q in fixture_dataset.quotes.values() if q["kind"] == "interview-quote")
    page = quotes.canonical_page(item, fixture_dataset)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin(project_server.url))
    tab.goto(project_server.at(page), wait_until="networkidle")
    tab.locator(f"article.ev-quote:has([id='{item['id']}']) button.ev-copy").click()
    tab.wait_for_selector(f"article.ev-quote:has([id='{item['id']}']) button[data-copied=true]")
    assert tab.evaluate("navigator.clipboard.readText()").endswith(f" {ADDRESS}{permalink(item)}")

    assert not watcher.errors, "failed requests, console errors or exceptions:\n" + "\n".join(watcher.errors)
    assert not watcher.foreign, watcher.foreign
    asked = {req for _, req in watcher.requests}
    outside = sorted(r for r in asked if r.startswith(project_server.url.removesuffix(MOUNT))
                     and not r.startswith(project_server.url + "/"))
    assert not outside, f"requests outside {MOUNT}/: {outside}"
    assert any("soegeindeks/" in r for r in asked) and any("citatindeks/" in r for r in asked)
