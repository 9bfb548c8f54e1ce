"""Compare two builds of the site, e.g. MkDocs's and Zensical's: the same HTML pages, the same menu
(entries, links and order) on every page, and the same main content – the text Pagefind indexes,
whitespace normalised, and the attributes in it, links among them. Links are compared as a browser
resolves them. Prints every difference and exits 1 if there is one.

    python -m scripts.compare_builds site/ /tmp/zensical-site/
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    """The menu links (text, href) of the primary navigation; the text and the attributes inside the page body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.menu: list[tuple[str, str]] = []
        self.body: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self._depth = 0
        self._nav_at: int | None = None
        self._body_at: int | None = None
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self._body_at is not None:
            self.attributes += [(name, value or "") for name, value in attrs]
        if tag not in VOID:
            self._depth += 1
        if self._nav_at is None and tag == "nav" and "md-nav--primary" in classes:
            self._nav_at = self._depth
        elif self._body_at is None and "data-pagefind-body" in attributes:
            self._body_at = self._depth
        elif self._nav_at is not None and tag == "a" and "md-nav__link" in classes:
            self._link = (attributes.get("href") or "", [])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "a" and self._link is not None:
            self.menu.append((" ".join("".join(self._link[1]).split()), self._link[0]))
            self._link = None
        if self._depth == self._nav_at:
            self._nav_at = None
        if self._depth == self._body_at:
            self._body_at = None
        self._depth -= 1

    def handle_data(self, data):
        if self._link is not None:
            self._link[1].append(data)
        if self._body_at is not None:
            self.body.append(data)


def read_page(site: Path, page: str) -> tuple[list[tuple[str, str]], str, list[tuple[str, str]]]:
    """The menu, the body's text and the attributes in the body (links among them). Links are
    resolved against the page, as a browser does: "././" and "./" are the same link."""
    parser = _Page()
    parser.feed((site / page).read_text(encoding="utf-8"))
    here = posixpath.dirname(page)
    menu = [(text, _resolve(here, href)) for text, href in parser.menu]
    attributes = [(name, _resolve(here, value) if name in ("href", "src") else value) for name, value in parser.attributes]
    return menu, " ".join(" ".join(parser.body).split()), attributes


def _resolve(here: str, href: str) -> str:
    if ":" in href.split("/", 1)[0]:  # https:, mailto:, data:
        return href
    path, hash_, fragment = href.partition("#")
    return posixpath.normpath(posixpath.join(here, path)) + hash_ + fragment


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def compare(expected: Path, actual: Path) -> list[str]:
    """Every difference of `actual` from `expected`, one line each."""
    want, have = pages(expected), pages(actual)
    problems = [f"only in {expected}: {page}" for page in sorted(want - have)]
    problems += [f"only in {actual}: {page}" for page in sorted(have - want)]
    for page in sorted(want & have):
        (menu_a, text_a, attributes_a), (menu_b, text_b, attributes_b) = read_page(expected, page), read_page(actual, page)
        if menu_a != menu_b:
            at = _first_difference(menu_a, menu_b)
            problems.append(f"{page}: menu entry {at + 1} differs: {menu_a[at:at + 1]} ≠ {menu_b[at:at + 1]}")
        if text_a != text_b:
            at = _first_difference(text_a, text_b)
            problems.append(f"{page}: text differs at character {at}: {text_a[at:at + 60]!r} ≠ {text_b[at:at + 60]!r}")
        if attributes_a != attributes_b:
            at = _first_difference(attributes_a, attributes_b)
            problems.append(f"{page}: attribute {at + 1} differs: {attributes_a[at:at + 1]} ≠ {attributes_b[at:at + 1]}")
    return problems


def _first_difference(a, b) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("expected", type=Path, help="the reference build (MkDocs)")
    parser.add_argument("actual", type=Path, help="the build to check (Zensical)")
    args = parser.parse_args(argv)
    problems = compare(args.expected, args.actual)
    print("\n".join(problems) or f"Same {len(pages(args.expected))} pages, menus, texts and links.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
