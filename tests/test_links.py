"""Every internal link and anchor in the built site resolves: a crawl of the built HTML.

Each href, src and srcset in every page is resolved as the deployed site would resolve it
(against `site_url`, the canonical address). Links inside the site must reach a file, and a
#fragment must be an id (or <a name>) on the target page. Links to other hosts are not
followed; `pytest -rP tests/test_links.py` lists them. Both the real site and the fixture site
(tests/fixtures/site) are crawled.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

IGNORED_SCHEMES = ("mailto:", "tel:", "data:", "javascript:", "blob:", "about:")
LINK_ATTRIBUTES = {"href", "src", "xlink:href", "poster", "action"}


class Page(HTMLParser):
    """The ids and the outgoing links (with their line numbers) of one HTML file."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []
        self.in_template = 0  # a <template>'s content is inert until a script fills its {slots}
        self.feed(text)

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template -= 1

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self.in_template += 1
        if self.in_template:
            return
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append((line, value))
            elif name in ("srcset", "imagesrcset"):
                self.links += [(line, part.split()[0]) for part in value.split(",") if part.strip()]

    handle_startendtag = handle_starttag


def site_url(site: Path) -> str:
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    assert match, "the front page has no canonical link, so the site's address is unknown"
    return match.group(1) if match.group(1).endswith("/") else match.group(1) + "/"


def crawl(site: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Broken internal links as messages, and the external links with the pages using them."""
    base = site_url(site)

    @cache
    def parsed(path: Path) -> Page:
        return Page(path.read_text(encoding="utf-8"))

    def target_file(url: str) -> Path | None:
        rel = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
        candidate = site / rel
        if rel == "" or rel.endswith("/"):
            candidate = candidate / "index.html"
        elif candidate.is_dir():
            candidate = candidate / "index.html"  # a server redirects /x to /x/
        return candidate if candidate.is_file() else None

    broken, external = [], defaultdict(set)
    for html_file in sorted(site.rglob("*.html")):
        page_rel = html_file.relative_to(site).as_posix()
        page_url = urljoin(base, page_rel.removesuffix("index.html"))
        for line, link in parsed(html_file).links:
            link = link.strip()
            if not link or link.lower().startswith(IGNORED_SCHEMES):
                continue
            url = urljoin(page_url, link)
            parts = urlsplit(url)
            if parts.netloc != urlsplit(base).netloc:
                external[url.split("#")[0]].add(page_rel)
                continue
            where = f"{page_rel}:{line}: {link}"
            if not url.startswith(base):
                broken.append(f"{where} → outside the site ({url}); deployed under {base} this is a dead link")
                continue
            target = target_file(url)
            if target is None:
                broken.append(f"{where} → no such file")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parsed(target).ids:
                broken.append(f"{where} → {target.relative_to(site).as_posix()} has no id '{unquote(parts.fragment)}'")
    return broken, external


@pytest.fixture(scope="module", params=["site", "fixture_site"])
def built(request) -> Path:
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def crawled(built):
    return crawl(built)


def test_every_internal_link_and_anchor_resolves(crawled):
    broken, _ = crawled
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:200])


def test_links_to_other_sites_are_secure(crawled):
    """A reader who follows a link off the site is never sent over plain http."""
    _, external = crawled
    print(f"{len(external)} external links (not followed):")
    for url in sorted(external):
        pages = sorted(external[url])
        print(f"  {url}  ({len(pages)} pages, e.g. {pages[0]})")
    insecure = {url: sorted(pages)[:3] for url, pages in external.items() if not url.startswith("https://")}
    assert not insecure, insecure


def test_every_page_gives_its_own_address_to_share(built):
    """The canonical link and Open Graph URL, which search engines and shared links use, are the page's own."""
    base = site_url(built)
    wrong = []
    for html_file in sorted(built.rglob("index.html")):
        text = html_file.read_text(encoding="utf-8")
        if "data-pagefind-body" not in text:  # an id address's page: its canonical link is the quote's place
            continue
        own = base + html_file.relative_to(built).as_posix().removesuffix("index.html")
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', text)
        shared = re.findall(r'<meta property="og:url" content="([^"]+)"', text)
        if canonical != [own] or shared not in ([], [own]):
            wrong.append(f"{html_file.relative_to(built)}: canonical {canonical}, og:url {shared}")
    assert not wrong, "\n".join(wrong[:20])


def test_the_crawler_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://example.org/site/">'
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="a/#gone">anchor</a>'
        '<a href="missing/">file</a><a href="/elsewhere/">outside</a><a href="https://other.org/">external</a>'
        '<img src="img.png"><a href="#top" id="top">self</a>', encoding="utf-8")
    (tmp_path / "a/index.html").write_text('<h2 id="here">Here</h2>', encoding="utf-8")
    broken, external = crawl(tmp_path)
    assert [b.split("→")[0].split(": ", 1)[1].strip() for b in broken] == ["a/#gone", "missing/", "/elsewhere/", "img.png"]
    assert list(external) == ["https://other.org/"]
