"""The code names no publication: what the site says about a publication, a wave or a section comes from data/.

A maintainer who adds a survey wave or a publication must get pages that name the new data, not
today's. So no Python module in evidence/ or macros/ – code, strings, comments or docstrings – may
hold a year, a publication's title, short name, label or section name, or an id of today's data as a
string literal. Every other Python file – the commands and benchmarks (scripts/, bench/), the test helpers
(tests/ but the test modules, which read today's data to check it, and the fixture data) – may show an
example year in its help and make synthetic data of far-off years, but names no publication, id or year of
today's data either.
Each finding is reported as file:line with what was found.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SITE_CODE = sorted(p for folder in ("evidence", "macros") for p in (ROOT / folder).rglob("*.py"))
TOOL_CODE = sorted({*(p for folder in ("scripts", "bench") for p in (ROOT / folder).rglob("*.py")),
                    *(p for p in (ROOT / "tests").rglob("*.py")
                      if not p.name.startswith("test_") and "fixtures" not in p.relative_to(ROOT).parts),
                    *ROOT.glob("*.py")})

YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _words(text: str) -> int:
    return len(text.split())


def publication_names() -> dict[str, str]:
    """Every name a publication goes by in data/publications.yml, by what it is.

    A title's parts (split at its dash) count too, since code could name the main title alone; names
    of fewer than three words (»Socialrådgiverne«) are ordinary words and are not looked for.
    """
    names: dict[str, str] = {}
    for publication in _load(DATA / "publications.yml"):
        pid = publication["id"]
        candidates = {"title": publication["title"], "short": publication["short"]}
        for index, part in enumerate(publication["title"].split(" – ")):
            candidates[f"title part {index + 1}"] = part
        for field in ("label", "description"):
            if publication.get(field):
                candidates[field] = publication[field]
        for key, value in (publication.get("sections") or {}).items():
            candidates[f"sections.{key}"] = value
        for collection in publication.get("collections") or []:
            candidates[f"collections {collection['id']} title"] = collection["title"]
        for part in publication.get("parts") or []:
            if part.get("section"):
                candidates[f"parts {part['id']} section"] = part["section"]
        for header in publication.get("running_headers") or []:
            candidates[f"running header »{header}«"] = header
        for what, text in candidates.items():
            if _words(text) >= 3:
                names.setdefault(text.casefold(), f"{pid} {what}")
    return names


def data_ids() -> dict[str, str]:
    """Ids of today's data by what they are: publications, themes, questions, options, insights, populations,
    areas, quotes, proposals and facts. Insight ids are looked for in their dotted form (»3.1«) and as the
    anchor the site makes of them (»indsigt-3-1«); a main insight's bare number is too common to look for."""
    ids: dict[str, str] = {}

    def add(kind: str, values) -> None:
        for value in values:
            ids.setdefault(str(value), kind)

    add("publication id", (p["id"] for p in _load(DATA / "publications.yml")))
    add("theme id", (t["id"] for t in _load(DATA / "themes.yml")))
    add("area id", (a["id"] for a in _load(DATA / "areas.yml")))
    add("population id", (p["id"] for p in _load(DATA / "survey/populations.yml")))
    for questions in sorted(DATA.glob("survey/*/questions.yml")):
        for question in _load(questions):
            add("question id", [question["id"]])
            add("answer option id", (o["id"] for o in question["options"]))
    for insights in sorted(DATA.glob("insights/*.yml")):
        doc = _load(insights)
        for insight in doc.get("insights", []):
            add("insight id", [insight["id"], "indsigt-" + insight["id"].replace(".", "-")])
    for pattern in ("quotes/*/*.yml", "proposals/*.yml", "facts/*.yml"):
        for path in sorted(DATA.glob(pattern)):
            content = _load(path)
            if isinstance(content, list):
                add(f"id in data/{path.relative_to(DATA).as_posix()}", (item["id"] for item in content))
    return ids


def data_years() -> set[str]:
    """The years today's data is of: its publications' years and its waves."""
    years = {str(p["year"]) for p in _load(DATA / "publications.yml")}
    return years | {path.parent.name for path in DATA.glob("survey/*/wave.yml")}


def _contains_token(text: str, token: str) -> bool:
    """The id as a whole token: not part of a longer id or word (»social« is not in »socialt«)."""
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", text) is not None


def string_literals(tree: ast.AST) -> list[ast.Constant]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def findings() -> list[str]:
    names = publication_names()
    ids = data_ids()
    # A one-word id (»social«, »psykiatri«) is an ordinary Danish word in prose: only a literal that *is*
    # the id counts. A hyphenated or dotted id (»faglig-identitet«, »3.1«) counts wherever it stands in a literal.
    compound = {i: kind for i, kind in ids.items() if re.search(r"[-.]", i)}
    found = []
    todays_years = data_years()
    for path in SITE_CODE + TOOL_CODE:
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for number, line in enumerate(lines, 1):
            for match in YEAR.finditer(line):
                if path in SITE_CODE or match.group(0) in todays_years:
                    found.append(f"{rel}:{number}: the year {match.group(0)}")
            folded = line.casefold()
            for name, what in names.items():
                if name in folded:
                    found.append(f"{rel}:{number}: the name »{name}« ({what})")
        for node in string_literals(ast.parse(source)):
            span = range(node.lineno, (node.end_lineno or node.lineno) + 1)
            if node.value in ids:
                found.append(f"{rel}:{node.lineno}: the string {node.value!r} ({ids[node.value]})")
                continue
            for token, kind in compound.items():
                if _contains_token(node.value, token):
                    line = next((n for n in span if _contains_token(lines[n - 1], token)), node.lineno)
                    found.append(f"{rel}:{line}: {token!r} in a string ({kind})")
    return sorted(set(found), key=lambda f: (f.split(":")[0], int(f.split(":")[1]), f))


def test_the_test_knows_todays_data():
    """Guard against a check that passes because it looks for nothing."""
    assert len(publication_names()) >= 2
    kinds = set(data_ids().values())
    assert {"publication id", "theme id", "question id", "insight id"} <= kinds
    assert len(data_years()) >= 2
    assert {"scripts", "bench", "tests"} <= {p.relative_to(ROOT).parts[0] for p in TOOL_CODE}


def test_code_names_no_year_publication_or_id_of_todays_data():
    problems = findings()
    assert not problems, (
        "Text about particular publications, years or sections belongs in data/ (publications.yml, wave.yml, "
        "themes.yml …) or in the hand-written pages in docs/, not in code:\n" + "\n".join(problems)
    )
