"""Finding the words in a quote that may point to a person: first names, places, named institutions and
ages with details of a small group.

The finder reads text only; it decides nothing. It aims at a list a person can work through: a first name
or a place is listed wherever it stands, except at the start of a sentence when its lower-case form is an
ordinary word of the sources (»Per dag«); any other capitalised word is listed only in mid-sentence and only
when the sources never write it in lower case (»Modtagelsen« the department is also »modtagelsen« the
reception). The names on the editable `always` list are listed wherever and however they are written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
UPPER = "A-ZÆØÅÄÖÜÉ"
# Capitalised words in a row, one space apart (a regular expression: a loop over every word took most of the time).
CAPITALISED_RUN = re.compile(rf"(?<![\w’'-])[{UPPER}][\w’'-]*(?: [{UPPER}][\w’'-]*)*")
# What may stand between a sentence's end and its first word: space, quote marks, brackets, dashes, bullets.
OPENERS = " \t\n»«\"“”‘’'(–—-•*"
SENTENCE_END = ".!?:;…"
# Abbreviations whose full stop ends no sentence (»fra f.eks. Væksthuset«).
ABBREVIATIONS = {"f.eks", "fx", "bl.a", "ca", "mv", "osv", "pga", "hhv", "dvs", "inkl", "jf", "evt", "kl", "nr", "o.lign", "mht",
                 "ift", "vedr", "ang", "iht", "mfl", "m.fl", "m.m", "mm", "etc", "st", "tlf"}


@dataclass(frozen=True)
class Hit:
    kind: str
    words: str
    start: int


@dataclass(frozen=True)
class Lexicon:
    """What the finder knows: first names, place names, ordinary words (lower case), and the editable lists."""

    first_names: frozenset[str]
    places: frozenset[str]
    ordinary: frozenset[str]
    always: frozenset[str]
    not_identifying: frozenset[str]

    @functools.cached_property
    def always_pattern(self) -> re.Pattern | None:
        """The listed names as one pattern, longest first, whole words, any capitalisation."""
        terms = sorted(self.always, key=lambda term: (-len(term), term))
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)", re.IGNORECASE) if terms else None


def sentence_start(text: str, start: int) -> bool:
    """Whether a word opens a sentence, a paragraph or a bracket (only the few characters before it are read)."""
    window = max(0, start - 60)
    before = text[window:start].rstrip(OPENERS)
    between = text[window + len(before):start]
    if not before or "\n" in between or "(" in between:
        return True
    last_word = before.rsplit(None, 1)[-1].rstrip(".").lower()
    return before[-1] in SENTENCE_END and not (before[-1] == "." and last_word in ABBREVIATIONS)


def place_of(word: str, lexicon: Lexicon) -> str | None:
    """The place a word names: itself, its genitive (»Københavns«), the first part of a compound with a
    hyphen (»Herning-modellen«), or the start of a compound that is no ordinary word (»Brønderslevsager«)."""
    head = word.split("-", 1)[0]
    for candidate in (word, word.removesuffix("s"), head, head.removesuffix("s")):
        if candidate in lexicon.places:
            return candidate
    if word.lower() not in lexicon.ordinary:
        return next((place for place in lexicon.places if len(place) >= 4 and word.startswith(place)), None)
    return None


def capitalised_runs(text: str) -> Iterator[tuple[int, list[str]]]:
    """Capitalised words, those that follow each other with one space joined (»Tarsk Force«)."""
    for match in CAPITALISED_RUN.finditer(text):
        words = WORD.findall(match.group())
        if words:
            yield match.start(), words


def listed_terms(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """The names on the editable list, wherever they stand and however they are capitalised."""
    if lexicon.always_pattern is not None:
        for match in lexicon.always_pattern.finditer(text):
            yield Hit("egennavn", match.group(), match.start())


def names_and_places(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """First names, places and named institutions, each where it stands in the text."""
    listed = [hit.words for hit in listed_terms(text, lexicon)]
    for start, run in capitalised_runs(text):
        if sentence_start(text, start) and run[0].lower() in lexicon.ordinary:
            start, run = text.index(run[1], start) if len(run) > 1 else start, run[1:]
        words = " ".join(run)
        if not run or words in lexicon.not_identifying or any(term in words for term in listed):
            continue
        begin = 0  # an institution's name runs from the first word not already listed (»Tarsk Force«)
        for offset, word in enumerate(run):
            kind = _kind(word, offset == 0 and sentence_start(text, start), lexicon)
            if kind == "egennavn":
                yield Hit(kind, " ".join(run[begin:]), text.index(run[begin], start))
                break
            if kind:
                yield Hit(kind, word, text.index(word, start))
                begin = offset + 1


def _kind(word: str, first: bool, lexicon: Lexicon) -> str | None:
    ordinary = word.lower() in lexicon.ordinary
    if word in lexicon.not_identifying or word.split("-", 1)[0] in lexicon.not_identifying or (first and ordinary):
        return None
    if word in lexicon.first_names:
        return "fornavn"
    if place_of(word, lexicon):
        return "sted"
    shouting = word.isupper() and len(word) > 5
    if first or ordinary or shouting or word.lower().removesuffix("s") in lexicon.ordinary or len(word.split("-", 1)[0]) == 1:
        return None
    return "egennavn"


# Someone's own age in the text (»Jeg er 26 år gammel«, »32-årig«), not an age limit (»over 30 år«).
OWN_AGE = re.compile(r"\b[Jj]eg er (?:(?:knap|kun|næsten|snart|lige fyldt) )?\d{2} år(?: gammel)?|\b\d{2} år gammel|"
                     r"\b\d{2}-årige?\b")
# Details that narrow a group down: years in the job, a count of colleagues, a role only a few have, family,
# health, a course of education.
SMALL_GROUP = re.compile(
    r"\b\d+(?:,\d+)? års? (?:erfaring|anciennitet)\b"
    r"|\b(?:arbejdet|været|ansat|uddannet)(?: [^\W\d_]+){0,3} i (?:næsten |ca\. |over |under |lidt over )?\d+(?:,\d+)? år\b"
    r"|\b\d+ af \d+\b|\b(?:afdeling|team|gruppe) på (?:ca\. )?\d+\b"
    r"|\b\d+ (?:medarbejdere|kolleg(?:er|aer)|rådgivere|socialrådgivere|ansatte)\b"
    r"|\b(?:fælles)?tillidsrepræsentant\b|\bforstander\b|\barbejdsmiljørepræsentant\b"
    r"|\balene(?:mor|far)\b|\bgravid\b|\bbarsel\b|\bsygemeldt\b|\bbelastningsreaktion\b|\bdiplom\b")


def age_with_details(text: str, attribution: str | None) -> Hit | None:
    """An age (in the text, or in the attribution) together with details of a small group in the text."""
    ages = [m.group() for m in OWN_AGE.finditer(text)]
    if not ages and attribution:
        ages = re.findall(r"\b\d{2} år\b", attribution)[:1]
    if not ages:
        return None
    details = list(dict.fromkeys(m.group() for m in SMALL_GROUP.finditer(text)))
    if not details:
        return None
    anchor = ages[0] if ages[0] in text else details[0]
    return Hit("alder og detaljer", " · ".join([ages[0], *details]), text.find(anchor))


# --- details of a workplace or a career that narrow the writer down, with or without an age ------------------

# A count as the quotes write it: digits or a number word (»Tre ledere«).
COUNT = r"(?:\d{1,3}|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv)"
# The size of a team or a unit (»fast team på 8 medarbejdere«, »kun 2 (ud af 8)«, »ca. 40 rådgivere«).
GROUP_SIZE = re.compile(
    rf"\b(?:team|afdeling|gruppe|enhed|kontor)(?:et|en)? på (?:ca\. |kun |bare |omkring )?{COUNT}(?: [^\W\d_]+)?"
    rf"|\b{COUNT} \(?ud af {COUNT}\)?"
    rf"|\b(?:ca\. |omkring )?\d{{1,2}} (?:medarbejdere|kolleg(?:er|aer)|rådgivere|socialrådgivere|ansatte|sagsbehandlere)\b",
    re.IGNORECASE)
# A count of people on sick leave, dismissed or gone (»4 langtidssygemeldinger«, »Tre ledere er senere fyret«).
ABSENCE_COUNT = re.compile(
    rf"\b{COUNT}(?: [^\W\d_]+){{0,2}} (?:lang)?(?:tids)?(?:stress-?)?sygemeld\w*"
    rf"|\b{COUNT}(?: [^\W\d_]+){{1,2}} (?:er |blev |er blevet )?(?:senere |siden )?(?:fyret|afskediget|opsagt|sagt op)\b",
    re.IGNORECASE)
# A unit or programme by its own name: a capitalised compound ending in a unit, wherever it stands (»Familiehuset«).
NAMED_UNIT = re.compile(rf"(?<![\w’'-])[{UPPER}][a-zæøå]+(?:huset|centret|centeret|teamet|afdelingen|rådgivningen|enheden)\b")
# A span of a career (»19 år som socialrådgiver«, »efter kun 1 år på børneområdet«, »4 års erfaring«) ...
CAREER = re.compile(r"\b\d+(?:,\d+)? års? (?:erfaring|anciennitet)\b|\b\d+ år (?:som|på) [^\W\d_]+")
# ... told together with the writer's own health.
HEALTH = re.compile(r"\b(?:stress[- ]?)?sygemeld\w*|\bbelastningsreaktion\b|\bPTSD\b|\bblodprop\b", re.IGNORECASE)


def _each(kind: str, pattern: re.Pattern, text: str) -> list[Hit]:
    return [Hit(kind, match.group(), match.start()) for match in pattern.finditer(text)]


def group_sizes(text: str) -> list[Hit]:
    """Team and unit sizes: with the rest of a story they point to one workplace."""
    return _each("teamets størrelse", GROUP_SIZE, text)


def absence_counts(text: str) -> list[Hit]:
    """Counts of sick leave and dismissals: colleagues know how many of them were ill or fired."""
    return _each("antal sygemeldte eller fyrede", ABSENCE_COUNT, text)


def named_units(text: str, lexicon: Lexicon) -> list[Hit]:
    """Units and programmes by name, also where a sentence opens with them (the name finder skips those)."""
    return [hit for hit in _each("navngiven enhed", NAMED_UNIT, text) if hit.words not in lexicon.not_identifying]


def career_with_health(text: str) -> Hit | None:
    """A span of a career told together with the writer's own sick leave or illness: a small group to colleagues."""
    careers = list(dict.fromkeys(m.group() for m in CAREER.finditer(text)))
    health = list(dict.fromkeys(m.group() for m in HEALTH.finditer(text)))
    if not careers or not health:
        return None
    return Hit("karriere og helbred", " · ".join([careers[0], health[0]]), text.find(careers[0]))
