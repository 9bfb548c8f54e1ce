"""The long testimony section is published verbatim and segmented consistently with the booklet.

A testimony's text must be findable in the repaired source, so nothing was corrected,
shortened or stitched together from two places. The printed story numbers that survived
the conversion pin the segmentation: testimony number N must sit at position N.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evidence.load.text_repair import repair, squash  # noqa: E402

TESTIMONIES = ROOT / "data" / "quotes" / "ds-2020" / "testimonies.yml"
SOURCE = ROOT / "data" / "sources" / "ds-2020.txt"


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return yaml.safe_load(TESTIMONIES.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source() -> str:
    return squash(repair(SOURCE.read_text(encoding="utf-8")))


def test_every_testimony_is_verbatim(items: list[dict], source: str) -> None:
    missing = [item["id"] for item in items if squash(item["text"]) not in source]
    assert missing == []


def test_an_altered_testimony_is_caught(items: list[dict], source: str) -> None:
    # A number changed by one: the first testimony that states a number.
    first, number = next((item, found.group()) for item in items for found in [re.search(r"\b\d+\b", item["text"])] if found)
    changed = re.sub(rf"\b{number}\b", str(int(number) + 1), first["text"], count=1)
    assert squash(first["text"]) in source and squash(changed) not in source
    # One changed word anywhere in a long testimony is enough to fail.
    longest = max(items, key=lambda item: len(item["text"]))
    words = longest["text"].split(" ")
    middle = len(words) // 2
    words[middle] = "kaffemaskine"
    assert squash(" ".join(words)) not in source


def test_ids_and_orders(items: list[dict]) -> None:
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert [item["locator"]["order"] for item in items] == list(range(1, len(items) + 1))
    assert ids == [f"ds2020-t{n:03d}" for n in range(1, len(items) + 1)]
    assert {item["kind"] for item in items} == {"testimony"}
    assert {item["locator"]["part"] for item in items} == {"fortaellinger"}


def test_printed_numbers_match_positions(items: list[dict]) -> None:
    printed = [(item["locator"]["order"], item["locator"].get("printed_number")) for item in items]
    printed = [(order, number) for order, number in printed if number is not None]
    assert printed, "the printed story numbers are the check on the segmentation"
    assert [(order, number) for order, number in printed if order != number] == []


def test_line_ranges_are_in_source_order_and_do_not_overlap(items: list[dict]) -> None:
    total = len(SOURCE.read_text(encoding="utf-8").split("\n"))
    previous_last = 0
    for item in items:
        first, last = (int(n) for n in re.fullmatch(r"(\d+)-(\d+)", item["locator"]["lines"]).groups())
        assert previous_last < first <= last <= total, item["id"]
        previous_last = last


def test_paragraphs_are_single_lines(items: list[dict]) -> None:
    for item in items:
        for paragraph in item["text"].split("\n\n"):
            assert paragraph and "\n" not in paragraph and paragraph == squash(paragraph), item["id"]


def test_theme_and_area_ids_exist(items: list[dict]) -> None:
    themes = {t["id"] for t in yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))}
    areas = {a["id"] for a in yaml.safe_load((ROOT / "data" / "areas.yml").read_text(encoding="utf-8"))}
    for item in items:
        assert 1 <= len(item["themes"]) <= 4 and set(item["themes"]) <= themes, item["id"]
        assert set(item.get("areas", [])) <= areas, item["id"]
