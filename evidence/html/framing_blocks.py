"""A publication's words about itself – purpose, main points, method, ethics, foreword, a chapter's
introduction – as a cited block: the source's text verbatim, the site's heading, and where it stands.

The text's paragraphs are separated by blank lines; lines that begin with the source's own list markers
('- ', or '1. ' for a numbered item) are list items, and indentation makes a sub-list. The markers are
part of the checked text (evidence.load.fidelity) and become list markup here, nothing else changes.
"""

from __future__ import annotations

import re

from evidence.html.blocks import esc
from evidence.load.dataset_types import Dataset

_ITEM = re.compile(r"^(?P<indent> *)(?:- |(?P<number>\d+)\. )(?P<text>.*)$")


def passage_block(publication: dict, passage: dict) -> str:
    """One passage: the text as printed, its signature and where it stands."""
    return cited_text(passage["text"], passage.get("signed"), publication["citation"], passage["locator"])


def cited_text(text: str, signed: str | None, citation: str, locator: str) -> str:
    """The source's words in a quotation block, with the signature and where they stand (one line of HTML,
    so Markdown passes it on as a block)."""
    signature = (f'<p class="ev-quote__who">– {"<br>".join(esc(line) for line in signed.splitlines())}</p>'
                 if signed else "")
    return (f'<div class="ev-framing"><blockquote>{text_html(text)}</blockquote>{signature}'
            f'<p class="ev-quote__cite"><span>Kilde:</span> {esc(citation)} {esc(locator)}.</p></div>')


def text_html(text: str) -> str:
    """Paragraphs and (nested) lists; every word escaped."""
    blocks = []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        if _ITEM.match(lines[0]):
            blocks.append(_list_html(lines))
        else:
            blocks.append(f"<p>{esc(' '.join(line.strip() for line in lines))}</p>")
    return "".join(blocks)


def _list_html(lines: list[str]) -> str:
    """Nested <ul>/<ol> from marked lines; an unmarked line continues the item above it."""
    items: list[list] = []
    for line in lines:
        match = _ITEM.match(line)
        if match:
            depth = (len(match["indent"]) + 1) // 2
            items.append([depth, "ol" if match["number"] else "ul", match["text"]])
        else:
            items[-1][2] += " " + line.strip()
    html, open_lists = [], []
    for depth, tag, text in items:
        while len(open_lists) > depth + 1:
            html.append(f"</li></{open_lists.pop()}>")
        if len(open_lists) == depth + 1:
            html.append("</li>")
        while len(open_lists) < depth + 1:
            open_lists.append(tag)
            html.append(f"<{tag}>")
        html.append(f"<li>{esc(text)}")
    while open_lists:
        html.append(f"</li></{open_lists.pop()}>")
    return "".join(html)


def chapter_intro(dataset: Dataset, publication_id: str, number: int) -> str:
    """A chapter's introduction as printed (data/facts/<publication>-chapters.yml), cited to the chapter."""
    publication = dataset.publications[publication_id]
    chapter = next(c for c in dataset.booklet_texts[publication_id]["chapters"] if c["chapter"] == int(number))
    return cited_text(chapter["intro"], None, publication["citation"],
                      f"Kapitel {chapter['chapter']} »{chapter['title']}«, indledningen")
