"""What a build computed from the data, kept for the next build (`.cache/build/`, git-ignored).

A build's own work is reading and checking the data, turning it into pages, and the macro blocks
(figures, quotes, lists) the pages ask for. Each result is stored with the data it was made from:
while it is made, every part of the dataset it reads is noted (`note`, called by the dataset), and
the result is reused only while those parts of data/ are unchanged. So an edited quote makes the
pages and blocks that show quotes again, and the survey pages, figures and downloads come back
from the memo without pandas even being loaded. The code (evidence/, macros/, CONTRIBUTING.md) and
the versions of the libraries used decide everything, so they name the store: a code change starts
afresh. Only a build that succeeded stores its results, so invalid data are reported by every build
until they are fixed.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import pickle
import sys
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

from evidence import stored

# Inputs under the project root besides data/, and the libraries whose versions can change a result.
CODE = ("evidence", "macros", "CONTRIBUTING.md")
LIBRARIES = ("pandas", "PyYAML", "jsonschema", "altair", "vl-convert-python", "pagefind")
# Noted by a result that depends on all of data/, including parts added later.
EVERYTHING = "*"

Digests = dict[str, str]


def cache_dir(root: Path) -> Path:
    return root / ".cache" / "build"


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Wait until no other process works on the memo. `make build` makes the pages in a second
    process while MkDocs starts (scripts/prepare_build.py); the build waits here and finds them."""
    lock = taken_lock(root)
    try:
        yield
    finally:
        if lock is not None:
            lock.close()


def taken_lock(root: Path) -> IO | None:
    """The memo's lock file, open and locked (once no other process holds it). None in a read-only
    project: nothing is stored there, so there is nothing to wait for."""
    try:
        cache_dir(root).mkdir(parents=True, exist_ok=True)
        lock = (cache_dir(root) / "lock").open("a")
    except OSError:
        return None
    fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def code_digest(root: Path) -> str:
    """All of evidence/ and macros/ count, not a list of the modules that matter: a list kept by
    hand would miss the day a check or a block moves to a new module. (mkdocs.yml is no input:
    the one setting a block uses, site_url, is part of the block's key.)"""
    sha = hashlib.sha256(f"{sys.version} {[version(name) for name in LIBRARIES]}".encode())
    for name in CODE:
        top = root / name
        for path in [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()):
            if "__pycache__" not in path.parts:
                add_file(sha, root, path)
    return sha.hexdigest()


def add_file(sha, root: Path, path: Path) -> None:
    content = path.read_bytes()
    sha.update(f"{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
    sha.update(content)


_reading = threading.local()


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """The parts of the data read inside the block; they count as read by any block around it."""
    stack = _reading.__dict__.setdefault("stack", [])
    parts: set[str] = set()
    stack.append(parts)
    try:
        yield parts
    finally:
        stack.pop()
        if stack:
            stack[-1] |= parts


@contextlib.contextmanager
def apart() -> Iterator[None]:
    """What is read inside the block counts for nothing around it."""
    saved = getattr(_reading, "stack", [])
    _reading.stack = []
    try:
        yield
    finally:
        _reading.stack = saved


def note(parts: Iterable[str]) -> None:
    """Something being made (`recording`) reads these parts of the data."""
    stack = getattr(_reading, "stack", None)
    if stack:
        stack[-1].update(parts)


class Memo:
    """The results of earlier builds under one state of the code, each with the digests of the
    parts of the data it was made from. Each result is stored pickled on its own and unpickled
    only when asked for: a build whose pages and blocks are remembered never unpickles the dataset,
    and so never loads pandas (evidence/lazy.py)."""

    def __init__(self, root: Path, code: str, inputs: Callable[[], Digests], kept: dict):
        self.root, self.code, self.read_inputs, self.kept = root, code, inputs, kept
        self.inputs = inputs()
        self.entries: dict[Hashable, tuple[Any, Digests]] = {}
        self.made: set[Hashable] = set()

    def value(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The stored result, or `make`'s. Results are shared: callers must not change them."""
        if key not in self.entries:
            if self.knows(key):
                made_from, pickled = self.kept[key]
                self.entries[key] = (pickle.loads(pickled), made_from)
            else:
                outer, _reading.memo = getattr(_reading, "memo", None), self
                try:
                    with recording() as parts:
                        result = make()
                finally:
                    _reading.memo = outer
                self.entries[key] = (result, self._digests(parts))
                self.made.add(key)
        result, made_from = self.entries[key]
        note(made_from)
        return result

    def knows(self, key: Hashable) -> bool:
        """Whether a stored result for `key` was made from the data as they are now."""
        if key in self.entries:
            return True
        if key not in self.kept:
            return False
        made_from = self.kept[key][0]
        if EVERYTHING in made_from and made_from.keys() - {EVERYTHING} != self.inputs.keys():
            return False
        return all(self.inputs.get(part) == digest for part, digest in made_from.items() if part != EVERYTHING)

    def _digests(self, parts: set[str]) -> Digests:
        names = set(self.inputs) | {EVERYTHING} if EVERYTHING in parts else parts
        return {part: self.inputs.get(part, "") for part in sorted(names)}

    def save(self) -> None:
        """Store the results, unless a file changed while they were computed (`make serve` builds
        again then): they might mix two states of the data and must not pass for either."""
        if not self.made or code_digest(self.root) != self.code or self.read_inputs() != self.inputs:
            return
        for key in self.made:
            result, made_from = self.entries[key]
            self.kept[key] = (made_from, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        self.made = set()
        stored.write_alone(cache_dir(self.root) / f"{self.code}.pickle", self.kept)


def open_memo(root: Path, inputs: Callable[[], Digests]) -> Memo:
    code = code_digest(root)
    return Memo(root, code, inputs, stored.read(cache_dir(root) / f"{code}.pickle") or {})


_building: dict[Path, Memo] = {}


def start(root: Path, inputs: Callable[[], Digests]) -> Memo:
    """The memo of a build that is starting; `current` returns it until `finish`. `inputs` gives
    the digest of each part of the data as the files are now."""
    _building[root] = open_memo(root, inputs)
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
    on besides the data it reads and the arguments (where the page is, the site's address)."""

    def call(*args, **kwargs) -> str:
        key = ("macro", name, args, tuple(sorted(kwargs.items())), context())
        return value(root, key, lambda: function(*args, **kwargs))

    return call


def part(key: Hashable, make: Callable[[], Any]) -> Any:
    """A part of a result being made that is remembered on its own, tied to the data it reads:
    when the result must be made again because of data this part does not read, the part is
    reused. Made directly when nothing is being remembered."""
    memo = getattr(_reading, "memo", None)
    return make() if memo is None else memo.value(key, make)


def value(root: Path, key: Hashable, make: Callable[[], Any]) -> Any:
    """The build's remembered result, or `make`'s outside a build."""
    memo = current(root)
    return make() if memo is None else memo.value(key, make)
