"""Resilience: random corruptions of data files always end in a clean DataInvalid naming the file.

Hypothesis corrupts one data file at a time (in a temporary copy of the fixture dataset,
tests/fixtures/site/data, with the real schemas) the ways hands and
tools do: a file cut short, a line lost or doubled, characters swapped, stray bytes or Unicode
pasted in, a number overwritten with text. The loader must then either accept the data (the
corruption changed nothing that matters) or refuse it with `DataInvalid` – never with any other
exception, a traceback instead of a message a maintainer can act on.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from evidence.load.dataset import load_dataset
from evidence.load.problems import DataInvalid

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/site/data"
# The evidence texts and the contract itself are not data a maintainer edits row by row.
EXCLUDED = ("sources/", "schemas/")
# The fixture's files (a listing, not a load: the files are read by each example).
DATA_FILES = sorted(
    p.relative_to(FIXTURE).as_posix()
    for p in FIXTURE.rglob("*")
    if p.is_file() and p.suffix in (".yml", ".yaml", ".csv") and not p.relative_to(FIXTURE).as_posix().startswith(EXCLUDED)
)
NUMBER = re.compile(rb"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


@st.composite
def corruptions(draw, original: bytes) -> tuple[str, bytes]:
    """One corruption of `original`: (description, corrupted bytes)."""
    kind = draw(st.sampled_from(["truncate", "delete line", "swap characters", "insert bytes",
                                 "insert unicode", "number to text", "duplicate line"]))
    rows = lines(original)
    if kind == "truncate":
        cut = draw(st.integers(0, max(len(original) - 1, 0)))
        return f"cut to {cut} bytes", original[:cut]
    if kind in ("delete line", "duplicate line") and rows:
        index = draw(st.integers(0, len(rows) - 1))
        rows[index:index + 1] = [] if kind == "delete line" else [rows[index], rows[index]]
        return f"{kind} {index + 1}", b"".join(rows)
    if kind == "swap characters":
        text = original.decode("utf-8")
        if len(text) >= 2:
            i, j = sorted(draw(st.lists(st.integers(0, len(text) - 1), min_size=2, max_size=2, unique=True)))
            swapped = text[:i] + text[j] + text[i + 1:j] + text[i] + text[j + 1:]
            return f"swapped characters {i} and {j}", swapped.encode("utf-8")
    if kind == "number to text":
        numbers = list(NUMBER.finditer(original))
        if numbers:
            match = draw(st.sampled_from(numbers))
            word = draw(st.sampled_from(["tolv", "ca. 12", "12,5", "12 %", "", "N/A", "—", "1e999", "-0"]))
            encoded = word.encode("utf-8")
            return (f"number {match.group().decode()} at byte {match.start()} → {word!r}",
                    original[:match.start()] + encoded + original[match.end():])
    position = draw(st.integers(0, len(original)))
    if kind == "insert bytes":
        junk = draw(st.binary(min_size=1, max_size=8))
    else:
        junk = draw(st.text(min_size=1, max_size=8)).encode("utf-8", "surrogatepass")
    return f"inserted {junk!r} at byte {position}", original[:position] + junk + original[position:]


def names_the_file(error: DataInvalid, rel: str, original: bytes) -> bool:
    """The report names the corrupted file – as the file of a problem or as where the missing thing
    is expected (rows cut from figures.csv are missed by the questions that need them) – or, when
    the corruption removed an id other files use (a theme, an area), names each place using it."""
    if any(rel in f"{problem.file} {problem.expected} {problem.hint}" for problem in error.problems):
        return True
    lost = [problem.found.strip("'") for problem in error.problems]
    return all(value and value.encode("utf-8") in original for value in lost)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("resilience")
    shutil.copytree(FIXTURE, copy / "data")
    shutil.copytree(ROOT / "data/schemas", copy / "data/schemas")
    return copy


def test_the_unbroken_copy_loads(root):
    load_dataset(root)


# Bounded so `make test` stays quick; a failing example is replayed first on the next run.
# No shrinking: each corruption is described in the failure already, and each load is a full one.
@settings(max_examples=150, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), rel=st.sampled_from(DATA_FILES))
def test_a_corrupted_data_file_is_refused_with_a_message_naming_it(root, data, rel):
    path = root / "data" / rel
    original = path.read_bytes()
    description, corrupted = data.draw(corruptions(original), label="corruption")
    path.write_bytes(corrupted)
    try:
        load_dataset(root)
    except DataInvalid as error:
        assert names_the_file(error, rel, original), \
            f"data/{rel} ({description}): the message does not name the file:\n{error}"
    except Exception as error:  # noqa: BLE001 - exactly what this test is about
        pytest.fail(f"data/{rel} ({description}) raised {type(error).__name__}: {error}")
    finally:
        path.write_bytes(original)
