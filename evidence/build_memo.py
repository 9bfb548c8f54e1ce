"""What a build computed from the data, kept for the next build of the same inputs
(`.cache/build/`, git-ignored).

A build's own work is reading and checking the data, turning it into pages, and the macro blocks
(figures, quotes, lists) the pages ask for. All of it is decided by the files under data/, the
code in evidence/ and macros/, CONTRIBUTING.md and the versions of the libraries used, so the results are
stored under a digest of exactly those, and a build of the same inputs reads them back instead of
doing the work again: it does not even load the data. Any edit gives a new digest, so everything
is computed and checked afresh. Only a build that succeeded stores its results, so invalid data
are reported by every build until they are fixed.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Hashable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from evidence import stored

# Inputs under the project root, and the libraries whose versions can change a result.
INPUTS = ("data", "evidence", "macros", "CONTRIBUTING.md")
LIBRARIES = ("pandas", "PyYAML", "jsonschema", "altair", "vl-convert-python", "pagefind")


def cache_dir(root: Path) -> Path:
    return root / ".cache" / "build"


def digest(root: Path) -> str:
    """All of evidence/ and macros/ count, not a list of the modules that matter: a list kept by
    hand would miss the day a check or a block moves to a new module. (mkdocs.yml is no input:
    the one setting a block uses, site_url, is part of the block's key.)"""
    sha = hashlib.sha256(f"{sys.version} {[version(name) for name in LIBRARIES]}".encode())
    for name in INPUTS:
        top = root / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            content = path.read_bytes()
            sha.update(f"{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
            sha.update(content)
    return sha.hexdigest()


class Memo:
    """The results for one state of the inputs, by key. Each result is stored pickled on its own
    and unpickled only when asked for: a build whose pages and blocks are remembered never
    unpickles the dataset, and so never loads pandas (evidence/lazy.py)."""

    def __init__(self, root: Path, inputs: str, results: dict[Hashable, bytes]):
        self.root, self.inputs, self.pickled = root, inputs, results
        self.entries: dict[Hashable, Any] = {}
        self.made: set[Hashable] = set()

    def value(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The stored result, or `make`'s. Results are shared: callers must not change them."""
        if key not in self.entries:
            if key in self.pickled:
                self.entries[key] = pickle.loads(self.pickled[key])
            else:
                self.entries[key] = make()
                self.made.add(key)
        return self.entries[key]

    def save(self) -> None:
        """Store the results, unless a file changed while they were computed (`make serve` builds
        again then): they might mix two states of the data and must not pass for either."""
        if not self.made or digest(self.root) != self.inputs:
            return
        self.pickled |= {key: pickle.dumps(self.entries[key], protocol=pickle.HIGHEST_PROTOCOL) for key in self.made}
        self.made = set()
        stored.write_alone(cache_dir(self.root) / f"{self.inputs}.pickle", self.pickled)


def open_memo(root: Path) -> Memo:
    inputs = digest(root)
    return Memo(root, inputs, stored.read(cache_dir(root) / f"{inputs}.pickle") or {})


_building: dict[Path, Memo] = {}


def start(root: Path) -> Memo:
    """The memo of a build that is starting; `current` returns it until `finish`."""
    _building[root] = open_memo(root)
    return _building[root]


def current(root: Path) -> Memo | None:
    return _building.get(root)


def building() -> list[Path]:
    """The projects with a build under way (a failed build's hook is not told which)."""
    return list(_building)


def finish(root: Path) -> Memo | None:
    """The build is over: its memo is handed back to be saved if the build succeeded."""
    return _building.pop(root, None)


def remembered(root: Path, name: str, function: Callable[..., str], context: Callable[[], tuple]) -> Callable[..., str]:
    """A macro whose output is kept in the build's memo. `context` is what else the output depends
    on besides the inputs and the arguments (where the page is, the site's address)."""

    def call(*args, **kwargs) -> str:
        key = ("macro", name, args, tuple(sorted(kwargs.items())), context())
        return value(root, key, lambda: function(*args, **kwargs))

    return call


def value(root: Path, key: Hashable, make: Callable[[], Any]) -> Any:
    """The build's remembered result, or `make`'s outside a build."""
    memo = current(root)
    return make() if memo is None else memo.value(key, make)
