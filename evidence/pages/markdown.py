"""Writing site text into Markdown safely: data strings never become markup or template code.

Every string from data/ that the generated pages carry passes through one of these functions: `md_text` in
Markdown text, `html_text` where the theme prints it as HTML (front matter titles and descriptions, menu
entries: Material's templates print them unescaped, and mkdocs-macros renders a title holding `{{`).
"""

from __future__ import annotations

import html
import re

import yaml

from evidence.load.schemas import SAFE_LOADER

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#+!|>~-])")


def md_text(text: str) -> str:
    """Escape a data string for inline Markdown; braces become entities so Jinja never sees `{{`."""
    escaped = html.escape(str(text), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def publication_link(publication: dict) -> str:
    """After a publication's citation: a link to the original where its address is known (`url` in
    publications.yml), so a reader can check the source; nothing while it is not."""
    return f" [Læs publikationen]({publication['url']})" if publication.get("url") else ""


def html_text(text: str) -> str:
    """A data string as HTML text for the theme's templates: markup escaped, attributes closed, and braces as
    entities, so neither the browser nor Jinja (mkdocs-macros renders a page title holding `{{`) reads code."""
    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


def front_matter(**fields) -> str:
    """The page's front matter; its texts (title, description) are printed by the theme as HTML."""
    shown = {k: html_text(v) if isinstance(v, str) else v for k, v in fields.items() if v is not None}
    return "---\n" + yaml.safe_dump(shown, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"


def with_front_matter(markdown: str, **fields) -> str:
    """The page with fields added to its front matter (computed after the page: its card, its JSON-LD).
    Values are set as given: a page's structured data is a mapping the theme prints as JSON."""
    meta, body = split_front_matter(markdown)
    meta |= fields
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n" + body


def split_front_matter(text: str) -> tuple[dict, str]:
    """A page's front matter (empty when it has none) and the Markdown after it."""
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        return {}, text
    head, body = text[4:].split("\n---\n", 1)
    return yaml.load(head, Loader=SAFE_LOADER) or {}, body


def macro(name: str, *args: str) -> str:
    """A macro call; arguments are ids (validated slugs), never free text."""
    rendered = ", ".join(f'"{arg}"' for arg in args)
    return "{{ " + f"{name}({rendered})" + " }}"
