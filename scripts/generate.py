"""`make generate`: check the data and write the generated pages into docs/ and the menu into
mkdocs.yml, without building the site. Any MkDocs-compatible generator (MkDocs, Zensical) can then
build the site from them; `make build` runs this step first itself."""

from __future__ import annotations

import sys

from evidence.model.dataset import PROJECT_ROOT
from evidence.publish.build import DataInvalid, generate_pages


def main() -> int:
    try:
        generate_pages(PROJECT_ROOT)
    except DataInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
