"""Writing site text into Markdown safely: data strings never become markup or template code."""

from __future__ import annotations

import html
import re

import yaml

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#+!|>~-])")


def md_text(text: str) -> str:
    """Escape a data string for inline Markdown; braces become entities so Jinja never sees `{{`."""
    escaped = html.escape(str(text), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def front_matter(**fields) -> str:
    shown = {k: v for k, v in fields.items() if v is not None}
    return "---\n" + yaml.safe_dump(shown, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def macro(name: str, *args: str) -> str:
    """A macro call; arguments are ids (validated slugs), never free text."""
    rendered = ", ".join(f'"{arg}"' for arg in args)
    return "{{ " + f"{name}({rendered})" + " }}"
