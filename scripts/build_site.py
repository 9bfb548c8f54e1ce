"""`make build`: build into a temporary folder (the hook validates the data), then replace the site folder.

Building beside the live folder means a failed build never leaves a half-built site:
the previous site stays until a complete new one is ready.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

# Only the memo's lock comes from evidence: this process runs MkDocs and the preparing process, and the
# data libraries take half a second to load.
from evidence.build_memo import taken_lock

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, root: Path = PROJECT_ROOT) -> int:
    """Data are validated once, by the MkDocs hook, which stops the build before anything is written."""
    staging = site.with_name(site.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    preparing = start_preparing(root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=root,
    )
    if preparing is not None:
        preparing.wait()
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Bygningen fejlede; {site.name}/ er ikke ændret.", file=sys.stderr)
        return result.returncode
    shutil.rmtree(site, ignore_errors=True)
    staging.rename(site)
    return 0


def start_preparing(root: Path) -> subprocess.Popen | None:
    """Check the data and make the pages in a second process while MkDocs starts (scripts/prepare_build.py).
    The lock is taken here and handed to that process, so the build's hook, which waits for the lock,
    can never start before it."""
    lock = taken_lock(root)
    if lock is None:  # a read-only project: the build does everything itself
        return None
    with lock:
        return subprocess.Popen([sys.executable, "-m", "scripts.prepare_build"], cwd=root, pass_fds=(lock.fileno(),),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=PROJECT_ROOT / "site")
    args = parser.parse_args()
    return build(args.site_dir.resolve())


if __name__ == "__main__":
    sys.exit(main())
