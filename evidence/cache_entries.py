"""Entries of the build caches in `.cache/` (charts, social cards, Pagefind indexes, compiled templates),
checked on every read.

An entry is named by the hash of everything that makes it (the caller's key), and beside it lies the hash
of its content (`<name>.sha256`), written after the entry itself. A read returns the entry only if its
content still has that hash; otherwise entry and hash are removed and the caller makes the entry again.
So an entry changed after it was made (a script appended to a cached SVG, a half-written file, a file
of another build restored by CI) is never served. Entries are written under a temporary name and renamed
into place, so a reader sees a whole entry or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path


def read_bytes(path: Path) -> bytes | None:
    """The entry's bytes if it is whole and unchanged, else None (and the entry is gone)."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    if _recorded(path) == hashlib.sha256(content).hexdigest():
        return content
    discard(path)
    return None


def write_bytes(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(content)
    partial.replace(path)
    _record(path, hashlib.sha256(content).hexdigest())


def is_whole(path: Path) -> bool:
    """Whether a file or folder entry is unchanged since it was stored; a changed one is removed."""
    if path.is_dir():
        if _recorded(path) == tree_digest(path):
            return True
    elif path.is_file() and read_bytes(path) is not None:
        return True
    discard(path)
    return False


def store_tree(partial: Path, path: Path) -> None:
    """Rename a finished folder into place as an entry and record its content's hash."""
    digest = tree_digest(partial)
    discard(path)
    partial.replace(path)
    _record(path, digest)


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    with contextlib.suppress(FileNotFoundError):
        _hash_file(path).unlink()


def is_hash_file(path: Path) -> bool:
    return path.name.endswith(".sha256")


def _hash_file(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _recorded(path: Path) -> str | None:
    try:
        return _hash_file(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _record(path: Path, digest: str) -> None:
    partial = path.with_name(f"{path.name}.sha256.{os.getpid()}.tmp")
    partial.write_text(digest + "\n", encoding="ascii")
    partial.replace(_hash_file(path))
