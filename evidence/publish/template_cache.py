"""Jinja's compiled templates (`.cache/templates/`), checked on every read.

A compiled template is Python bytecode that the build runs, so an entry changed after Jinja wrote it
must never be loaded: each is stored with the hash of its content (evidence/cache_entries.py) and a
changed one is compiled again. Jinja itself names an entry by the template and checks it against the
template's source.
"""

from __future__ import annotations

from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache

from evidence import cache_entries


class CheckedBytecodeCache(BytecodeCache):
    def __init__(self, directory: Path):
        self.directory = directory

    def _path(self, bucket: Bucket) -> Path:
        return self.directory / f"{bucket.key}.cache"

    def load_bytecode(self, bucket: Bucket) -> None:
        if (stored := cache_entries.read_bytes(self._path(bucket))) is not None:
            bucket.bytecode_from_string(stored)

    def dump_bytecode(self, bucket: Bucket) -> None:
        cache_entries.write_bytes(self._path(bucket), bucket.bytecode_to_string())
