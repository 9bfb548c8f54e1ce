"""`make generate`: check the data and write the generated pages into docs/, without building the site.

    python -m scripts.generate [--write-menu]

`make build` and `make serve` run this step themselves and give the menu to MkDocs as it runs, so the
committed mkdocs.yml never changes. A generator that runs no MkDocs hooks (Zensical, in the pull
request's workflow) needs the menu in its configuration file: `--write-menu` writes it at the end of
mkdocs.yml (do not commit that block). Refused while another build runs (evidence/publish/build.py).
"""

from __future__ import annotations

import argparse
import sys

from evidence.load.dataset_types import PROJECT_ROOT
from evidence.publish.build import BuildBusy, DataInvalid, exclusive, generate_pages
from evidence.publish.generate import write_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-menu", action="store_true", help="write the menu and footer into mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        with exclusive(PROJECT_ROOT):
            menu = generate_pages(PROJECT_ROOT)
            if args.write_menu:
                write_config(PROJECT_ROOT / "mkdocs.yml", menu)
    except (BuildBusy, DataInvalid) as error:
        print(error.report() if isinstance(error, DataInvalid) else error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
