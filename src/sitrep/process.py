"""One article in, its places and events out: the library call behind `ingest` and `extract`.

One spaCy pass per article feeds both stages: `scan.Scanner` runs the model with the dependency
parser only on the sentences that may hold an event trigger (places need entities, not the parse).
The model, the gazetteer and the actor catalogue load on first use and are shared by every article
after that. A long text is read in pieces (`pieces`); one over MAX_CHARS is not read (`too_long`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .errors import Code
from .events.extract import ArticleContext, extract_events, salience
from .models import Event, Place, Rejected
from .places import Geoparser
from .pieces import PIECE_CHARS, pieces, shifted
from .places.geoparse import geoparse_doc
from .scan import Scanner

if TYPE_CHECKING:
    from .actors import Catalogue

BATCH = 16  # small batches keep the model's arrays in the CPU caches: faster than larger ones
BATCH_CHARS = 200_000  # and a batch of long texts is cut short: its parses are all held at once
# The longest text read for places and events: about a minute's analysis (bench/long.py), spaCy's own
# limit for one text, and over a hundred times the longest demo article.
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Analysis:
    """What sitrep read from one article."""

    places: list[Place]
    events: list[Event]  # one record per real event, most salient first
    rejected: list[Rejected]  # candidate events that are none, with the reasons


class Processor:
    """Places and events for batches of articles, offline."""

    def __init__(self, geoparser: Geoparser | None = None, catalogue: Catalogue | None = None) -> None:
        self.geoparser = geoparser or Geoparser()
        self._catalogue = catalogue
        self._scanner: Scanner | None = None

    @property
    def scanner(self) -> Scanner:
        if self._scanner is None:
            self._scanner = Scanner(self.geoparser.model)
        return self._scanner

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            from .actors import default_catalogue

            self._catalogue = default_catalogue()
        return self._catalogue

    def analyse(self, texts: Sequence[str], contexts: Sequence[ArticleContext]) -> list[Analysis]:
        """Places and events of each text, in order; `contexts` give publication dates and titles.
        Texts over MAX_CHARS are the callers' to leave out (`too_long`): they would be read all the same."""
        if len(texts) != len(contexts):
            raise ValueError("one context per text")
        found: dict[int, Analysis] = {}
        for batch in _batches([(n, text) for n, text in enumerate(texts) if len(text) <= PIECE_CHARS]):
            docs = self.scanner.pipe([text for _, text in batch], batch_size=BATCH)
            found.update((n, self._read(doc, contexts[n])) for (n, _), doc in zip(batch, docs, strict=True))
        return [found[n] if n in found else self._in_pieces(text, contexts[n]) for n, text in enumerate(texts)]

    def _read(self, doc: Doc, context: ArticleContext) -> Analysis:
        places = geoparse_doc(doc, self.geoparser.gazetteer)
        extraction = extract_events(doc, places, self.catalogue, context)
        return Analysis(places, extraction.events, extraction.rejected)

    def _in_pieces(self, text: str, context: ArticleContext) -> Analysis:
        """A long text's analysis, piece by piece; the title and dateline are the first piece's."""
        read = [
            shifted(self._read(self.scanner(text[start:end]), context if start == 0 else replace(context, title_end=0, dateline=None)), start)
            for start, end in pieces(text)
        ]
        events = sorted((e for analysis in read for e in analysis.events), key=lambda e: salience(e, len(text)))
        return Analysis([p for a in read for p in a.places], events, [r for a in read for r in a.rejected])


def _batches(texts: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The texts in order, in batches of at most BATCH texts and BATCH_CHARS characters (a longer text alone)."""
    found: list[list[tuple[int, str]]] = []
    size = 0
    for item in texts:
        if not found or len(found[-1]) == BATCH or size + len(item[1]) > BATCH_CHARS:
            found.append([])
            size = 0
        found[-1].append(item)
        size += len(item[1])
    return found


def too_long(text: str) -> str | None:
    """Why a text is not read for places and events (E804: over MAX_CHARS), or None."""
    if len(text) <= MAX_CHARS:
        return None
    return f"{Code.ANALYSIS_SKIPPED.value} places and events not read (the text has {len(text):,} characters, over the limit of {MAX_CHARS:,})"
