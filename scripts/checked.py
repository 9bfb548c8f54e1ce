"""The validated data for a command, or every problem printed: a maintainer's command stops with the list of
what to fix (file, row, field), never with a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from evidence.load.dataset import load_dataset
from evidence.load.dataset_types import Dataset
from evidence.load.problems import DataInvalid


def checked_dataset(root: Path) -> Dataset | None:
    try:
        return load_dataset(root)
    except DataInvalid as error:
        print(error.report(), file=sys.stderr)
        return None
