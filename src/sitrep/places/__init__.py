"""Places: gazetteer, recognition and resolution of place mentions.

`Geoparser` is the library call the pipeline, the CLI and the benchmarks share. It loads the spaCy
model and opens the gazetteer on first use, so importing this package stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Place

if TYPE_CHECKING:
    from spacy.language import Language

    from .gazetteer import Gazetteer


class Geoparser:
    """Finds and resolves the place mentions of texts, offline."""

    def __init__(self, gazetteer: Gazetteer | None = None, model: Language | None = None) -> None:
        self._gazetteer = gazetteer
        self._model = model

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from .gazetteer import Gazetteer

            self._gazetteer = Gazetteer.open()
        return self._gazetteer

    @property
    def model(self) -> Language:
        if self._model is None:
            from .. import nlp

            self._model = nlp.load()
        return self._model

    def parse(self, texts: Sequence[str]) -> list[list[Place]]:
        """Every place mention of each text, resolved, with relative locations after their anchors."""
        from .geoparse import geoparse_texts

        return list(geoparse_texts(texts, self.gazetteer, self.model)) if texts else []

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Place]:
        """Resolve exactly these spans of `text`, in this order."""
        from .geoparse import resolve_spans

        return resolve_spans(text, spans, self.gazetteer)


__all__ = ["Geoparser"]
