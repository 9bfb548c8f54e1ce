"""`make validate`: check all data in data/ and list every problem at once."""

from __future__ import annotations

import sys

from evidence.load.dataset_types import PROJECT_ROOT
from scripts.checked import checked_dataset


def main() -> int:
    dataset = checked_dataset(PROJECT_ROOT)
    if dataset is None:
        return 1
    waves = ", ".join(dataset.waves)
    print(f"Data er gyldige: {len(dataset.waves)} bølge(r) ({waves}), "
          f"{sum(len(w.rows) for w in dataset.waves.values())} tal, {len(dataset.quotes)} citater.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
