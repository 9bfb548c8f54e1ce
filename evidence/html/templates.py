"""The Jinja environment for the site's own markup: templates in evidence/html/templates/, autoescaped,
so a string from data/ is always text, never markup."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


@cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=False)


def render(name: str, **values) -> str:
    return environment().get_template(name).render(**values)
