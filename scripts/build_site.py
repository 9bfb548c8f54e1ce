"""`make build`: generate the pages, build the site with MkDocs into a temporary folder, publish the
search indexes and social cards into it, then replace the site folder.

Building beside the live folder means a failed build never leaves a half-built site: the previous
site stays until a complete new one is ready. Invalid data stop the build before MkDocs starts,
with every problem listed (file, row or line, field, what was expected) and no traceback.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from evidence.load.dataset import current_dataset
from evidence.publish.build import DataInvalid, generate_pages, publish, start_publishing
from scripts.review_anonymity import report as anonymity_report

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, root: Path = PROJECT_ROOT) -> int:
    staging = site.with_name(site.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        generate_pages(root, record=True)
    except DataInvalid as error:
        return _failed(site, error.report())
    started = start_publishing(root, staging)
    try:
        _mkdocs(root, staging)
        publish(root, staging, started)
    except (MkDocsException, RuntimeError) as error:
        started.cancel()
        shutil.rmtree(staging, ignore_errors=True)
        return _failed(site, str(error))
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    _warn_anonymity(root)
    return 0


def _warn_anonymity(root: Path) -> None:
    """What still waits for a person's anonymity review, as a warning: the build goes on (README: the review)."""
    print("ADVARSEL – " + anonymity_report(current_dataset(root), brief=True), file=sys.stderr)


def _mkdocs(root: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` in this process, which has the data loaded already for the macros."""
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def _failed(site: Path, message: str) -> int:
    print(message, file=sys.stderr)
    print(f"Bygningen fejlede; {site.name}/ er ikke ændret.", file=sys.stderr)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return build(args.site_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())
