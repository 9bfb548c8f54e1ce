"""Publish into a site that another generator built (Zensical) what `make build` adds to MkDocs's:
the quote finder's and the site search's indexes and the pages' social cards.

    python -m scripts.publish site/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence.load.dataset_types import PROJECT_ROOT
from evidence.publish.build import BuildBusy, exclusive, publish


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        with exclusive(PROJECT_ROOT):
            publish(PROJECT_ROOT, args.site_dir.resolve())
    except BuildBusy as busy:
        print(busy, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
