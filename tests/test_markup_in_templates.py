"""Markup comes from templates: no Python in evidence/ builds HTML out of strings.

A designer changes a block in its template in evidence/html/templates/, where autoescape makes every string
from data/ text. Python that glues tags together by hand (an f-string, `%`, `.format`, `+` or a join with a
tag in its literal text) is where a data field once reached a page raw, so this test finds it in the source.
"""

from __future__ import annotations

import ast
import re

from conftest import ROOT

TAG = re.compile(r"<[!/]?[A-Za-z]")


def _markup(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(TAG.search(node.value))


def _builds_markup(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(_markup(part) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _markup(node.left) or (isinstance(node.op, ast.Add) and _markup(node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _markup(node.func.value)
    return False


def markup_built_in(source: str) -> list[int]:
    """The lines where `source` builds HTML from strings."""
    return sorted({node.lineno for node in ast.walk(ast.parse(source)) if _builds_markup(node)})


def offenders() -> dict[str, list[int]]:
    found = {}
    for path in sorted((ROOT / "evidence").rglob("*.py")):
        lines = markup_built_in(path.read_text(encoding="utf-8"))
        if lines:
            found[path.relative_to(ROOT).as_posix()] = lines
    return found


def test_the_check_finds_each_way_of_gluing_tags():
    for glued in ('f"<p>{text}</p>"', '"<p>" + text', 'text + "</p>"', '"<p>%s</p>" % text',
                  '"<p>{}</p>".format(text)', '"<br>".join(lines)'):
        assert markup_built_in(glued), f"not seen as markup built in Python: {glued}"
    for text in ('f"{count} < {limit}"', '"a" + text', 'render("quote_card.html", text=text)'):
        assert not markup_built_in(text), f"seen as markup though it builds none: {text}"


def test_no_python_in_evidence_builds_markup():
    built = offenders()
    assert not built, "HTML built from strings in Python (move it into a template in evidence/html/templates/): " + (
        "; ".join(f"{path}, linje {', '.join(map(str, lines))}" for path, lines in built.items()))

