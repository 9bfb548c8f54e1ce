"""Every address the site uses is made in evidence/urls.py: a section renamed there moves every link, page,
download and menu entry with it, and none is left pointing at the old place.

So no other Python module of evidence/, scripts/, bench/ or macros/, and no template in evidence/, spells a
section's path (»citater/«, »tal/«, »temaer/index.md« …) in code; docstrings may describe them. And a label
becomes part of an address one way only (`urls.slug`)."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

from evidence import urls

CODE = sorted(p for folder in ("evidence", "scripts", "bench", "macros") for p in (ROOT / folder).rglob("*.py")
              if p != ROOT / "evidence/urls.py")
TEMPLATES = sorted(p for p in (ROOT / "evidence").rglob("templates/**/*") if p.is_file() and p.suffix != ".py")


def section_names() -> set[str]:
    """The first path segment of every address constant in urls.py: »tal«, »citater«, »metode« …"""
    values = [v for name, v in vars(urls).items() if name.isupper() and isinstance(v, str) and v]
    return {re.split(r"[/.]", value, maxsplit=1)[0] for value in values}


def path_pattern() -> re.Pattern:
    names = "|".join(sorted(map(re.escape, section_names()), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{names})(?:/|\.md\b)")


def docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


def path_literals() -> list[str]:
    pattern = path_pattern()
    found = []
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        found += [f"{path.relative_to(ROOT)}:{node.lineno}: {pattern.search(node.value).group(0)!r}"
                  for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and pattern.search(node.value)]
    for path in TEMPLATES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number}: {m.group(0)!r}" for m in pattern.finditer(line)]
    return found


def test_the_check_knows_the_sections():
    assert {"tal", "citater", "temaer", "hent-data", "find-citater", "soeg"} <= section_names()
    assert path_pattern().search('f"{root}temaer/{theme_id}/"') and not path_pattern().search("temaerne/")


def test_no_address_is_spelt_outside_urls():
    found = path_literals()
    assert not found, "make these addresses with evidence/urls.py:\n" + "\n".join(found)


def test_one_slug_function():
    slugs = [f"{path.relative_to(ROOT)}:{node.lineno} {node.name}" for path in CODE
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.FunctionDef) and "slug" in node.name.lower()]
    assert not slugs, f"a label becomes part of an address through urls.slug only: {slugs}"


def test_the_addresses_depend_on_nothing():
    """urls.py comes first, so every stage can make an address and none makes it another way."""
    tree = ast.parse((ROOT / "evidence/urls.py").read_text(encoding="utf-8"))
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert not [m for m in imported if m and m.startswith("evidence")], imported
