"""Macro blocks reach the page as they are, without Python-Markdown parsing their HTML again.

A block's HTML is complete and escaped when a macro returns it (evidence/html/). Markdown would read it
once more with Python's html.parser to find where each raw HTML block ends, which took a quarter of a
build. The macros mark each block (`mark`), and this Markdown extension hands the marked HTML to
Markdown's own stash of raw HTML, which puts it back unchanged after the conversion.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

START, END = "<!--evidence-block-->", "<!--/evidence-block-->"
_BLOCK = re.compile(re.escape(START) + "(.*?)" + re.escape(END), re.S)


def mark(html: str) -> str:
    return f"{START}{html}{END}"


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = _BLOCK.sub(lambda block: self.md.htmlStash.store(block.group(1)), "\n".join(lines))
        return text.split("\n")


class RawBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After whitespace normalising (30), which removes the stash's marker characters; before the
        # raw-HTML preprocessor (20), which would parse the block.
        md.preprocessors.register(_Stash(md), "evidence_raw_blocks", 25)
