"""One pickled value kept between builds in a file of its own under `.cache/`.

The file's name says which inputs it belongs to, so a folder holds one current file: writing a
new one removes the others, and a reader never sees a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path
from typing import Any


def read(path: Path) -> Any | None:
    """The stored value, or None when there is none (not stored yet, or cut short)."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        return None


def write_alone(path: Path, value: Any) -> None:
    """Store the value as the folder's only file; a read-only project still builds, only slower."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        for older in path.parent.glob(f"*{path.suffix}"):
            older.unlink()
        partial.replace(path)
