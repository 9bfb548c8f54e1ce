"""The Jinja templates of the markup and files this package writes, with autoescape on: a text from
data/ is always a value put into a template, never template source or markup."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(default=True, default_for_string=True), keep_trailing_newline=True)


def render(name: str, **context) -> str:
    return _TEMPLATES.get_template(name).render(**context)
