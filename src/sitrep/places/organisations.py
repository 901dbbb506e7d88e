"""Organisations' names, and the place names inside them.

"Human" of "the Syrian Observatory for Human Rights" is an alternate name of Uman, Ukraine; "Daesh",
an alias of the Islamic State, resembles Dasha, China; "Press" of "Press TV" is loosely Prees,
England. Three sources say that a stretch of text names an organisation:

- the actor catalogue (`sitrep.actors`): a named actor's alias ("Daesh", "Ahrar al-Sham");
- an organisation word heading a capitalised name (data/organisation_words.txt): "Syrian
  Observatory for Human Rights", "Press TV", "Ministry of Defence";
- the model's ORG entities longer than the place name, a guess only: the model also calls
  transliterated towns ORG ("Raqa"), and a guess is not carried to other mentions of the name.

A place name inside an organisation's name is still a place mention when its reading is strong, as
the LGL and GeoVirus gold have it ("Mansfield" of "Mansfield Police Department", "Minnesota" of "the
Minnesota Department of Transportation"); `resolve.py` judges the readings, since only it knows the
article's countries. A name that is part of a surely named organisation once is so everywhere in the
article (one reading per name: "Al-Manar" of "Al-Manar TV" is the channel also in "according to
Al-Manar").
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from ..word_lists import packaged_words


SOURCES = ("actor", "organisation word", "model")  # most certain first


@dataclass(frozen=True)
class Organisation:
    """The organisation's name a place mention lies in, and what says that it is one."""

    text: str
    source: str  # one of SOURCES

    @property
    def sure(self) -> bool:
        """The actor catalogue or an organisation word says so, not the model alone."""
        return self.source != "model"


Span = tuple[int, int, Organisation]
_WORD_CHAR = re.compile(r"[\w-]")  # no name part begins or ends beside one
_WORD = r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w'’-]*(?:\.[A-Za-z][\w'’-]*)*"  # "U.S" but never across "Raqqa. Police"


def organisation_spans(doc: Doc, text: str) -> list[Span]:
    """The organisations' names of a text, most certain sources first."""
    from ..actors import default_catalogue

    spans = [(m.start, m.end, Organisation(m.text, "actor")) for m in default_catalogue().find(text)]
    spans += [(m.start(), m.end(), Organisation(m.group(), "organisation word")) for m in _worded().finditer(text)]
    spans += [(e.start_char, e.end_char, Organisation(e.text, "model")) for e in doc.ents if e.label_ == "ORG"]
    return spans


def inside(mentions: Sequence[tuple[int, int, str]], spans: Sequence[Span]) -> list[Organisation | None]:
    """For each (start, end, text) mention, the surely named organisation whose name it is part of,
    here or anywhere in the text ("Al-Manar" where "Al-Manar TV" is named too), else the model's ORG
    entity it lies in, else None. Only an actor's name may be the whole of the mention: an organisation
    word or an ORG entity as long as the mention says nothing ("Soviet Union" names a place; "Raqa"
    alone as ORG is the model's mistake). Each is the first of `spans` that fits."""
    sure = _sure_parts(spans, max((len(text) for _, _, text in mentions), default=0))
    by_start = sorted(range(len(spans)), key=lambda n: spans[n][0])
    found: list[Organisation | None] = [None] * len(mentions)
    around: list[tuple[int, int]] = []  # (end, index) of the spans begun by the mention's start
    taken = 0
    for at in sorted(range(len(mentions)), key=lambda n: mentions[n][0]):
        start, end, text = mentions[at]
        while taken < len(by_start) and spans[by_start[taken]][0] <= start:
            heapq.heappush(around, (spans[by_start[taken]][1], by_start[taken]))
            taken += 1
        while around and around[0][0] <= start:
            heapq.heappop(around)  # ended before this mention: before every later one too
        guess = min((n for e, n in around if end <= e and e - spans[n][0] > end - start), default=None)
        found[at] = sure.get(text) or (spans[guess][2] if guess is not None else None)
    return found


def _sure_parts(spans: Sequence[Span], longest: int) -> dict[str, Organisation]:
    """Every name of at most `longest` characters that is some words of a surely named organisation
    (or all of an actor's), with the first such organisation."""
    parts: dict[str, Organisation] = {}
    for _, _, organisation in spans:
        if not organisation.sure:
            continue
        name = organisation.text
        starts = [a for a in range(len(name)) if a == 0 or not _WORD_CHAR.match(name, a - 1)]
        ends = [b for b in range(1, len(name) + 1) if b == len(name) or not _WORD_CHAR.match(name, b)]
        whole = organisation.source == "actor"
        for a in starts:
            for b in ends:
                if b - a > longest:
                    break
                if a < b and (whole or b - a < len(name)):
                    parts.setdefault(name[a:b], organisation)
    return parts


@cache
def _worded() -> re.Pattern[str]:
    """Capitalised words headed by organisation words, with an "of"/"for"/"on" complement:
    "Syrian Observatory for Human Rights", "Aleppo Media Center", "Press TV"."""
    words = "|".join(sorted(set(packaged_words("organisation_words.txt")), key=len, reverse=True))
    head = rf"(?:{words})\b(?![-'’])"
    return re.compile(
        rf"\b(?:{_WORD}[ \t]+)*{head}(?:[ \t]+{head})*(?:[ \t]+(?:of|for|on)(?:[ \t]+the)?(?:[ \t]+{_WORD})+)*"
    )

