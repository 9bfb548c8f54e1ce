"""Every survey figure and method figure of the real data is printed in its report's source text.

A check of the real data: the expected values are the rows of data/survey/*/ at run time, looked up in
data/sources/. (The loader checks quotes word for word, and each figure in the passage its locator points to
(evidence/load/passages.py, tests/test_figure_places.py); here every figure is looked for as the report prints it.)
"""

from __future__ import annotations

import re

from evidence.load.fidelity import haystack


def danish(value: float) -> str:
    """As the reports print a share: decimal comma, no needless decimals (63.5 → '63,5', 64.0 → '64')."""
    return f"{value:g}".replace(".", ",")


def test_every_figure_value_is_printed_in_its_source(real_dataset):
    missing = []
    for wave in real_dataset.waves.values():
        publication = real_dataset.publications[wave.meta["publication"]]
        source = haystack(real_dataset.root, publication["text_file"])
        for row in wave.figures.itertuples():
            # As printed, so a share of 63.5 is found as "63,5 %" (not as "63 %").
            if not re.search(rf"(?<![\d,]){re.escape(danish(row.value))}\s?%", source):
                missing.append((wave.id, row.question, row.option, row.population, row.value))
    assert not missing, missing


def test_every_method_figure_is_printed_in_its_source(real_dataset):
    missing = []
    for wave in real_dataset.waves.values():
        source = haystack(real_dataset.root, real_dataset.publications[wave.meta["publication"]]["text_file"])
        printed = {int(n.replace(".", "")) for n in re.findall(r"(?<![\d,])\d{1,3}(?:\.\d{3})+(?![\d,])|(?<![\d.,])\d+", source)}
        missing += [(wave.id, m["id"], value) for m in wave.meta["method"]
                    for value in (m["value"], m.get("up_to", m["value"])) if int(value) not in printed]
    assert not missing, missing
