"""`make build`: validate, build into a temporary folder, then replace site/.

Building beside the live folder means a failed build never leaves a half-built site/:
the previous site stays until a complete new one is ready.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from evidence.dataset import PROJECT_ROOT, load_dataset
from evidence.problems import DataInvalid

SITE = PROJECT_ROOT / "site"
STAGING = PROJECT_ROOT / "site.tmp"


def main() -> int:
    try:
        load_dataset(PROJECT_ROOT)
    except DataInvalid as error:
        print(error.report(), file=sys.stderr)
        print("Bygningen er stoppet; site/ er ikke ændret.", file=sys.stderr)
        return 1
    shutil.rmtree(STAGING, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(STAGING)],
        cwd=PROJECT_ROOT,
    )
    if result.returncode != 0:
        shutil.rmtree(STAGING, ignore_errors=True)
        print("Bygningen fejlede; site/ er ikke ændret.", file=sys.stderr)
        return result.returncode
    shutil.rmtree(SITE, ignore_errors=True)
    STAGING.rename(SITE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
