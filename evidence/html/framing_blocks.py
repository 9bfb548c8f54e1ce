"""A publication's words about itself – purpose, main points, method, ethics, foreword, a chapter's
introduction – as a cited block: the source's text verbatim, the site's heading, and where it stands.

The text's paragraphs are separated by blank lines; lines that begin with the source's own list markers
('- ', or '1. ' for a numbered item) are list items, and indentation makes a sub-list. The markers are
part of the checked text (evidence.load.fidelity) and become list markup here, nothing else changes.
"""

from __future__ import annotations

import re

from evidence.html.templates import render
from evidence.load.dataset_types import Dataset

_ITEM = re.compile(r"^(?P<indent> *)(?:- |(?P<number>\d+)\. )(?P<text>.*)$")


def passage_block(publication: dict, passage: dict) -> str:
    """One passage: the text as printed, its signature and where it stands."""
    return cited_text(passage["text"], passage.get("signed"), publication["citation"], passage["locator"])


def cited_text(text: str, signed: str | None, citation: str, locator: str) -> str:
    """The source's words in a quotation block, with the signature and where they stand (one line of HTML,
    so Markdown passes it on as a block)."""
    return render("framing.html", blocks=text_blocks(text), signed=signed.splitlines() if signed else [],
                  citation=citation, locator=locator)


def text_blocks(text: str) -> list[dict]:
    """The text's paragraphs ({'paragraph': text}) and lists ({'list': tree}), in order."""
    blocks = []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        if _ITEM.match(lines[0]):
            blocks.append({"paragraph": None, "list": list_tree(lines)})
        else:
            blocks.append({"paragraph": " ".join(line.strip() for line in lines)})
    return blocks


def list_tree(lines: list[str]) -> dict:
    """Nested lists from marked lines: {'tag': 'ul'|'ol', 'items': [{'text', 'children'}]}, where indentation
    (two spaces a level) makes a sub-list and an unmarked line continues the item above it."""
    root = {"tag": None, "items": []}
    path = [root]  # the open list at each depth
    for line in lines:
        match = _ITEM.match(line)
        if not match:
            path[-1]["items"][-1]["text"] += " " + line.strip()
            continue
        depth = (len(match["indent"]) + 1) // 2
        del path[depth + 1:]
        while len(path) < depth + 1:  # a deeper item opens a list inside the item above it
            parent = path[-1]["items"] or [{"text": "", "children": None}]
            path[-1]["items"] = parent
            parent[-1]["children"] = parent[-1]["children"] or {"tag": None, "items": []}
            path.append(parent[-1]["children"])
        node = path[-1]
        node["tag"] = node["tag"] or ("ol" if match["number"] else "ul")
        node["items"].append({"text": match["text"], "children": None})
    return root


def chapter_intro(dataset: Dataset, publication_id: str, number: int) -> str:
    """A chapter's introduction as printed (data/facts/<publication>-chapters.yml), cited to the chapter."""
    publication = dataset.publications[publication_id]
    chapter = next(c for c in dataset.booklet_texts[publication_id]["chapters"] if c["chapter"] == int(number))
    return cited_text(chapter["intro"], None, publication["citation"],
                      f"Kapitel {chapter['chapter']} »{chapter['title']}«, indledningen")
