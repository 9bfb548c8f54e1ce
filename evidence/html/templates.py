"""The one Jinja environment for the site's own markup and files: templates in evidence/html/templates/,
autoescaped, so a string from data/ is always a value put into a template, never template source or markup.

A block template (any not under `documents/`) may spread its tags over lines for whoever reads it: a line
break between a tag (or a Jinja tag) and the next is not part of the output, so a block comes out on one
line and Markdown passes it on as it is. Where the page needs a space, the template writes one on the line.
Whole files (`documents/`: a forwarding page, the feed) come out as written.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

_BETWEEN_TAGS = re.compile(r"(?<=[>}])[ \t]*\n\s*(?=[<{])")


class _BlockLines(Extension):
    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name and name.startswith("documents/"):
            return source
        return _BETWEEN_TAGS.sub("", source).rstrip("\n")


def as_code(markup: str) -> Markup:
    """Markup shown as the text of its code (the embed code a reader copies), spelled as the site always
    spelled it (`&quot;`, where Jinja's own escape writes `&#34;`)."""
    return Markup(html.escape(str(markup)))


@cache
def environment() -> Environment:
    # auto_reload off: templates are code, read once per process like the modules that render them (a
    # build renders thousands of blocks, and each reload check is a file system call).
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True, extensions=[_BlockLines],
                      auto_reload=False)
    env.filters["as_code"] = as_code
    return env


def render(name: str, **values) -> str:
    return environment().get_template(name).render(**values)
