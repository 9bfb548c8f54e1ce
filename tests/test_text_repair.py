"""The conversion artefacts that repair() must undo, each taken from the real dumps.

Every snippet below is copied byte for byte from `data/sources/ds-2020.txt` (line numbers
in the comments), trailing spaces included: the trailing space is what tells a word
boundary from a broken word, so the snippets are written with explicit `\\n`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evidence.load.text_repair import repair, squash  # noqa: E402

BOOKLET = ROOT / "data" / "sources" / "ds-2020.txt"
REPORT = ROOT / "data" / "sources" / "kl-ds-2025.txt"


@pytest.fixture(scope="module")
def booklet() -> str:
    return repair(BOOKLET.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 281-282: a word broken without hyphen, no trailing space.
        (
            "For mennesker ramt af fattig\ndom og sociale problemer, for familier ",
            "For mennesker ramt af fattigdom og sociale problemer, for familier",
        ),
        # 7-8: a hyphenated break in the cover typesetting.
        (
            "i den afdeling, jeg ar-\nbejder i, hænger ikke med ",
            "i den afdeling, jeg arbejder i, hænger ikke med",
        ),
        # 55-56: a hyphenated break inside a word with a real hyphen.
        (
            "botilbud, skæv bolig, CTI eller ACT-bol-\nig. Alt kræver en VUM i dag. ",
            "botilbud, skæv bolig, CTI eller ACT-bolig. Alt kræver en VUM i dag.",
        ),
        # 245-246: a broken word followed by a real hyphen that stands mid-line.
        (
            "hvis der er be-\nhov- men jeg er ikke i tvivl om, at ",
            "hvis der er behov- men jeg er ikke i tvivl om, at",
        ),
        # 1045: a real suspended hyphen mid-line.
        (
            " Jeg sidder i en børne- og familieafdeling, vi er et team, ",
            "Jeg sidder i en børne- og familieafdeling, vi er et team,",
        ),
        # 572: a number range mid-line.
        (
            "Vi sidder med 80-100 sager hver, og det er umenneskeligt, ",
            "Vi sidder med 80-100 sager hver, og det er umenneskeligt,",
        ),
        # 577-578: a slash at the line end continues the same token.
        (
            "samtaler med barnet/\nden unge og familien, ",
            "samtaler med barnet/den unge og familien,",
        ),
        # 832-833: a place-name compound broken across lines.
        (
            "i medierne. Brønderslev\nsager, Tøndersager og andre ",
            "i medierne. Brønderslevsager, Tøndersager og andre",
        ),
        # 2607-2608: a word in capitals broken across lines.
        (
            "hvilke borgere der har ALLER\nMEST brug for vores hjælp ",
            "hvilke borgere der har ALLERMEST brug for vores hjælp",
        ),
        # 1109-1110: a list item without trailing space before a capitalised item is not a broken word.
        (
            "For meget administrativt arbejde\nMindre tid til at bruge sin faglighed.",
            "For meget administrativt arbejde Mindre tid til at bruge sin faglighed.",
        ),
        # 1106-1107: a list line ending in a full stop without trailing space.
        (
            "Ingen tid til ordentligt relationsarbejde.\nFor lidt tid til ordentligt tværfagligt samarbejde.",
            "Ingen tid til ordentligt relationsarbejde. For lidt tid til ordentligt tværfagligt samarbejde.",
        ),
        # 4604-4605: a broken word across the last line of a signature.
        (
            "rolle på Servicelovens voksen\nparagraffer.",
            "rolle på Servicelovens voksenparagraffer.",
        ),
    ],
)
def test_line_joins(raw: str, expected: str) -> None:
    assert repair(raw) == expected


def test_page_start_line_breaks_a_word() -> None:
    # 806-807: a new PDF page starts with a single space, in the middle of a word.
    raw = "deltagende i aktiviteter under familiebe\n handlingen for at forældrene kan øve sig "
    assert repair(raw) == "deltagende i aktiviteter under familiebehandlingen for at forældrene kan øve sig"


def test_page_start_line_at_a_word_boundary() -> None:
    # 727-728
    raw = "Ligesom manglende og dårlig søvn. Jeg kender dem, men jeg \n handler ikke på dem. "
    assert repair(raw) == "Ligesom manglende og dårlig søvn. Jeg kender dem, men jeg handler ikke på dem."


def test_page_footer_inside_a_sentence_is_removed_without_a_paragraph_break() -> None:
    # 1633-1642: page number and both running headers, wrapped in blank lines, mid-sentence.
    raw = (
        "da det ofte skaber mere forvirring end gavn, så tror jeg, at det kan hjælpe at dække \n"
        "\n\n\n67\nTID TIL SOCIALT ARBEJDE \n\nSocialrådgivernes fortællinger fra hverdagen\n\n"
        "lidt bredere fagligt og så have færre borgere. "
    )
    assert repair(raw) == (
        "da det ofte skaber mere forvirring end gavn, så tror jeg, at det kan hjælpe at dække "
        "lidt bredere fagligt og så have færre borgere."
    )


def test_page_footer_between_testimonies_keeps_the_paragraph_break() -> None:
    # 665-676: the end of story 4, a footer, printed story number 5, the start of story 5.
    raw = (
        "indgående kendskab til familierne.\n\n\n\n23\nTID TIL SOCIALT ARBEJDE \n\n"
        "Socialrådgivernes fortællinger fra hverdagen\n\n5\n\nHverdagen starter kl. 07.00 eller 07.30 "
    )
    assert repair(raw) == "indgående kendskab til familierne.\n\nHverdagen starter kl. 07.00 eller 07.30"


def test_printed_story_number_on_a_page_start_is_removed() -> None:
    # 626-629
    raw = "med mere tid til at fordybe sig i sagerne.\n 2\n\nJeg er 26 år gammel, har arbejdet "
    assert repair(raw) == "med mere tid til at fordybe sig i sagerne.\n\nJeg er 26 år gammel, har arbejdet"


def test_header_words_inside_running_text_stay() -> None:
    # 2391: the header's words written by a social worker are text, not a header.
    raw = "Jeg FORLANFER TID TIL SOCIALT ARBEJDE, så der ikke kommer en mail fra den øver\nste leder "
    assert repair(raw) == "Jeg FORLANFER TID TIL SOCIALT ARBEJDE, så der ikke kommer en mail fra den øverste leder"


def test_blank_lines_stay_paragraph_breaks() -> None:
    # 4609-4615: a poem whose lines are separate paragraphs.
    raw = " Tårernes varme og\n\nkolde fingre \n\nbløder stress \n"
    assert repair(raw) == "Tårernes varme og\n\nkolde fingre\n\nbløder stress"


def test_squash_collapses_every_whitespace_run() -> None:
    assert squash("  1.\t En dreng,\n\nsom er \r\n dybt ") == "1. En dreng, som er dybt"


def test_booklet_has_no_running_headers_or_bare_numbers_left(booklet: str) -> None:
    paragraphs = booklet.split("\n\n")
    assert "Socialrådgivernes fortællinger fra hverdagen" not in booklet
    assert not [p for p in paragraphs if p.strip() == "TID TIL SOCIALT ARBEJDE"]
    assert not [p for p in paragraphs if re.fullmatch(r"\d+", p.strip())]
    # Only the two sentences that use the words themselves keep them.
    assert booklet.count("TID TIL SOCIALT ARBEJDE") == 2


def test_booklet_words_are_rejoined(booklet: str) -> None:
    text = squash(booklet)
    for phrase in [
        "ramt af fattigdom og sociale problemer",
        "jeg arbejder i, hænger ikke med røven i vandskorpen",
        "CTI eller ACT-bolig",
        "at det kan hjælpe at dække lidt bredere fagligt",
        "Kære Politikere Her er et opråb",
    ]:
        assert phrase in text, phrase
    for artefact in ["fattig dom", "ar-bejder", "ACT-bol-ig", "dække 67"]:
        assert artefact not in text, artefact


def test_every_line_of_the_2025_report_survives() -> None:
    raw = REPORT.read_text(encoding="utf-8")
    text = squash(repair(raw))
    lost = [line for line in raw.splitlines() if line.strip() and squash(line) not in text]
    assert lost == []
