"""Index a site that another generator built (Zensical) for search, as `make build` does for
MkDocs's: the quote finder's index from the data, the site search's from the built pages.

    python -m scripts.search_index site/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence.model.dataset import PROJECT_ROOT
from evidence.publish.build import write_search_indexes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site_dir", type=Path)
    args = parser.parse_args(argv)
    write_search_indexes(PROJECT_ROOT, args.site_dir.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
