"""One article in, its places and events out: the library call behind `ingest` and `extract`.

One spaCy pass per article feeds both stages: `scan.Scanner` runs the model with the dependency
parser only on the sentences that may hold an event trigger (places need entities, not the parse).
The model, the gazetteer and the actor catalogue load on first use and are shared by every article
after that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .events.extract import ArticleContext, extract_events
from .models import Event, Place, Rejected
from .places import Geoparser
from .places.geoparse import geoparse_doc
from .scan import Scanner

if TYPE_CHECKING:
    from .actors import Catalogue

BATCH = 16  # small batches keep the model's arrays in the CPU caches: faster than larger ones


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
        """Places and events of each text, in order; `contexts` give publication dates and titles."""
        if len(texts) != len(contexts):
            raise ValueError("one context per text")
        gazetteer, catalogue = self.geoparser.gazetteer, self.catalogue
        results = []
        for doc, context in zip(self.scanner.pipe(texts, batch_size=BATCH), contexts, strict=True):
            places = geoparse_doc(doc, gazetteer)
            extraction = extract_events(doc, places, catalogue, context)
            results.append(Analysis(places, extraction.events, extraction.rejected))
        return results

