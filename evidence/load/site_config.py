"""The site's own settings – its name and public address – as mkdocs.yml states them, the one place they
are written: the cards, the embedded charts, the feed and the data package name the site from here.

MkDocs' YAML reader resolves `!ENV` as the build does, so the address is the one the pages are built for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load


@dataclass(frozen=True)
class Site:
    name: str
    url: str


def site_config(root: Path) -> Site:
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return Site(config["site_name"], config["site_url"])
