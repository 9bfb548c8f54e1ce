"""`make build`: validate, build into a temporary folder, then replace the site folder.

Building beside the live folder means a failed build never leaves a half-built site:
the previous site stays until a complete new one is ready.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from evidence.dataset import PROJECT_ROOT, load_dataset
from evidence.problems import DataInvalid


def build(site: Path, root: Path = PROJECT_ROOT) -> int:
    try:
        load_dataset(root)
    except DataInvalid as error:
        print(error.report(), file=sys.stderr)
        print(f"Bygningen er stoppet; {site.name}/ er ikke ændret.", file=sys.stderr)
        return 1
    staging = site.with_name(site.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=root,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Bygningen fejlede; {site.name}/ er ikke ændret.", file=sys.stderr)
        return result.returncode
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site")
    args = parser.parse_args()
    return build(args.site_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())
