"""`make diff`: what the data change in the working tree does for readers, compared with another revision
(origin/main by default, else main; `make diff REV=…`), as a Danish Markdown summary on standard output.
The pull-request workflow appends it to the job summary.

The other revision's data/ (and CONTRIBUTING.md, which a page quotes) are taken from git into a temporary
folder, and both sides are read by the project's own loader, so the summary compares what the site would
show. Either side failing validation ends with its problems listed, as `make validate` lists them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from evidence.load.dataset import load_dataset
from evidence.load.dataset_types import PROJECT_ROOT
from evidence.load.problems import DataInvalid
from evidence.publish.changes import summary
from scripts.checked import checked_dataset

DEFAULT_BASES = ["origin/main", "main"]
# What the loader and the generated pages read from a revision.
PARTS = ["data", "CONTRIBUTING.md"]


class NoBase(Exception):
    """The revision to compare with is not in this clone."""


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def resolve(root: Path, wanted: str | None) -> str:
    candidates = [wanted] if wanted else DEFAULT_BASES
    for rev in candidates:
        if git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode == 0:
            return rev
    raise NoBase(f"Fandt ikke {' eller '.join(candidates)} i git – angiv en anden revision, fx "
                 f"`make diff REV=HEAD~1` (i en kopi uden historik: `git fetch origin main`).")


def extract(root: Path, rev: str, target: Path) -> Path:
    """The revision's data/ and CONTRIBUTING.md, unpacked into `target`."""
    parts = [p for p in PARTS if git(root, "cat-file", "-e", f"{rev}:{p}").returncode == 0]
    archive = git(root, "archive", "--format=tar", rev, *parts)
    if archive.returncode != 0:
        raise NoBase(archive.stderr.decode("utf-8", "replace").strip())
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def main(argv: list[str] | None = None, root: Path = PROJECT_ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", help="revisionen at sammenligne med (standard: origin/main, ellers main)")
    args = parser.parse_args(argv)
    after = checked_dataset(root)  # the change's own data: `make validate` says the same
    if after is None:
        return 1
    try:
        base = resolve(root, args.base)
        with tempfile.TemporaryDirectory(prefix="data-diff-") as folder:
            before = load_dataset(extract(root, base, Path(folder)))
            text = summary(before, after, base)  # inside: the older pages read the unpacked files
    except NoBase as error:
        print(error, file=sys.stderr)
        return 2
    except DataInvalid as error:
        text = older_data_unreadable(base, error)
    sys.stdout.write(text)
    return 0


def older_data_unreadable(base: str, error: DataInvalid) -> str:
    """A change of the data format can make the other revision's data unreadable for today's code: the
    summary says so (and the pull request is not failed for it), with the first problems as a hint."""
    shown = "\n".join(f"- {problem}" for problem in error.problems[:5])
    return (f"## Hvad ændringen betyder for læserne\n\nKan ikke sammenligne med `{base}`: dens data kan ikke "
            f"læses af denne versions kode ({len(error.problems)} problemer), fx\n\n{shown}\n")


if __name__ == "__main__":
    sys.exit(main())
