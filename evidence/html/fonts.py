"""The system fonts Vega (vl-convert) measures and draws text with, as a fingerprint for cache names.

Charts are laid out with the widths of their labels and social cards are drawn with these fonts, so a
chart or card made with other fonts is another entry: every font file vl-convert can find, by path and
size (reading them all would take longer than drawing a chart).
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
             "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts"]
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2"}


@functools.cache
def fingerprint() -> str:
    digest = hashlib.sha256()
    for folder in FONT_DIRS:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file()):
            digest.update(f"{path}\0{path.stat().st_size}\0".encode())
    return digest.hexdigest()
