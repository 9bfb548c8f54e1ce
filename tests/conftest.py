"""Shared fixtures: the small fixture site and the real site, each built once per session, and
throwaway copies of the project to break.

Behaviour tests run against the fixture dataset (tests/fixtures/site/data, fictitious waves 2031,
2033 and 2037) and read their expected values from its files, so new real data never breaks them. Checks of
the real data take their expected values from data/ at run time; no test pins the corpus's size
(`make diff` shows a reviewer the number of quotes per publication that a change alters).
"""

from __future__ import annotations

import csv
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from evidence.load.dataset import load_dataset
from evidence.load.dataset_types import Dataset
from evidence.load.problems import DataInvalid

ROOT = Path(__file__).resolve().parent.parent
# What a build needs; a copy of these is a complete project.
PROJECT_PARTS = ["data", "evidence", "macros", "scripts", "overrides", "docs", "mkdocs.yml", "CONTRIBUTING.md"]
FIXTURE_DATA = ROOT / "tests/fixtures/site/data"


def build_env(site_url: str | None = None) -> dict[str, str]:
    """The environment of a build; the site's address is mkdocs.yml's local default unless `site_url`
    is given, whatever the shell running the tests has set (the golden files hold the address)."""
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return env


def build(root: Path, site: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Build exactly as `make build` does (with SITE_URL=`site_url`, as the deploy workflow does)."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.build_site", "--site-dir", str(site)],
        cwd=root, env=build_env(site_url), capture_output=True, text=True,
    )


def run_script(root: Path, module: str, *args: str) -> subprocess.CompletedProcess:
    """A project command (`make validate` is `run_script(root, "scripts.validate")`)."""
    return subprocess.run([sys.executable, "-m", module, *args], cwd=root, env=build_env(), capture_output=True, text=True)


def _leave_out_generated(folder: str, names: list[str]) -> set[str]:
    """Generated pages in docs/ are written by every build: a copy needs only the hand-written ones."""
    from evidence.publish.build import is_generated

    left_out = {"__pycache__"}
    if Path(folder) == ROOT / "docs":
        left_out |= {name for name in names if is_generated(name)}
    return left_out


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A complete copy of the project; with `data`, that folder replaces data/ (the real schemas stay)."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if part == "data" and data is not None:
            shutil.copytree(data, target / "data")
            shutil.copytree(ROOT / "data/schemas", target / "data/schemas", dirs_exist_ok=True)
        elif source.is_dir():
            shutil.copytree(source, target / part, ignore=_leave_out_generated)
        elif source.exists():
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


def copy_built(project: Path, target: Path) -> Path:
    """A copy of a project that has been built, with its generated pages and its caches (.cache/)."""
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def edit(project: Path, rel: str, old: str, new: str) -> None:
    """Change one fixture text in a project copy, failing loudly if the text is not there."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(project: Path) -> list[str]:
    """Every problem loading the copy reports, as the reader sees them."""
    with pytest.raises(DataInvalid) as caught:
        load_dataset(project)
    return [str(p) for p in caught.value.problems]


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8") if url.strip("/") else \
        (site / "index.html").read_text(encoding="utf-8")


def text_of(site: Path, url: str) -> str:
    """A page's HTML with entities decoded."""
    return html.unescape(page(site, url))


def plain(markup: str) -> str:
    """Markup without tags and entities, whitespace folded: the text of inline markup as a reader reads it."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", markup))).strip()


def main_markup(page_html: str) -> str:
    """A built page's main content: the inside of its `data-pagefind-body` element (overrides/main.html),
    without the menu, header and footer."""
    start = page_html.index("<div data-pagefind-body>") + len("<div data-pagefind-body>")
    depth = 1
    for tag in re.finditer(r"<div\b|</div>", page_html[start:]):
        depth += 1 if tag.group() == "<div" else -1
        if depth == 0:
            return page_html[start:start + tag.start()]
    raise ValueError("the data-pagefind-body element is not closed")


def article_of(text: str, quote_id: str) -> str:
    """The quote's article on its canonical page (where the quote carries its id)."""
    start = text.index(f'id="{quote_id}"')
    return text[start: text.index("</article>", start)]


# --- the real site ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def real_project(tmp_path_factory) -> Path:
    """A copy of the real project, shared by the session: do not change it (`project` is a private one).
    After `site`, it holds the generated pages and warm caches."""
    return copy_project(tmp_path_factory.mktemp("project"))


def built_once(project: Path, tmp_path_factory, name: str, site_url: str | None = None) -> Path:
    """A project built as `make build` builds it, into a folder of the session; the build must pass.
    What it printed is kept beside the site (`build_log`), for tests of the build's warnings."""
    out = tmp_path_factory.mktemp(name) / "site"
    result = build(project, out, site_url)
    assert result.returncode == 0, result.stderr
    (out.parent / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    # The Markdown this build was made from: a later build of the same project (another SITE_URL) rewrites docs/.
    shutil.copytree(project / "docs", out.parent / "docs")
    return out


def build_log(site: Path) -> str:
    """What the build of a session's site printed (see built_once)."""
    return (site.parent / "build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site(real_project, tmp_path_factory) -> Path:
    """The real site, built once per test session from a copy of the project."""
    return built_once(real_project, tmp_path_factory, "built")


@pytest.fixture(scope="session")
def real_dataset() -> Dataset:
    """The real data, loaded once per session."""
    return load_dataset(ROOT)


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the real project that a test may break."""
    return copy_project(tmp_path / "project")


# --- the fixture site ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    """The project with data/ replaced by the fixture dataset. Shared by the session: do not change it
    (`fixture_copy` is a private one). After `fixture_site`, its docs/ holds the generated pages."""
    return copy_project(tmp_path_factory.mktemp("fixture-project"), data=FIXTURE_DATA)


@pytest.fixture(scope="session")
def fixture_site(fixture_project, tmp_path_factory) -> Path:
    """The fixture dataset's site, built once per session exactly as `make build` builds."""
    return built_once(fixture_project, tmp_path_factory, "fixture-built")


@pytest.fixture(scope="session")
def fixture_dataset(fixture_project) -> Dataset:
    return load_dataset(fixture_project)


@pytest.fixture(scope="session")
def fixture_data() -> Path:
    """The fixture's data folder, to read expected values from."""
    return FIXTURE_DATA


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A private copy of the project with the fixture dataset, which a test may break."""
    return copy_project(tmp_path / "project", data=FIXTURE_DATA)


@pytest.fixture(scope="session")
def next_publication(tmp_path_factory):
    """A copy of the real project with the next publication added by data only (tests/next_publication.py)."""
    from next_publication import add_next_publication

    return add_next_publication(copy_project(tmp_path_factory.mktemp("next") / "project"))


@pytest.fixture(scope="session")
def next_publication_build(next_publication, tmp_path_factory):
    site = tmp_path_factory.mktemp("next-built") / "site"
    return build(next_publication.project, site), site


@pytest.fixture(scope="session")
def next_publication_site(next_publication_build) -> Path:
    result, site = next_publication_build
    if result.returncode != 0:
        pytest.fail(f"the build failed:\n{result.stderr[-3000:]}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def poisoned(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture project with a payload in every free-text field (tests/payloads.py), and its built site."""
    from payloads import poison

    project = copy_project(tmp_path_factory.mktemp("poisoned") / "project", data=FIXTURE_DATA)
    poison(project / "data")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return project, site
