"""Amending finished records from a later sentence (a claim of responsibility, a toll told on its own):
which record the sentence refers to, and the record with a field changed, its evidence, reason and
notes kept in step."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..models import Event, Evidence
from .notes import write_notes


def told_last(events: Sequence[Event], starts: Sequence[int], first: int, last: int, accept: Callable[[Event], bool]) -> int | None:
    """The index of the accepted event with a mention told latest in sentences `first` to `last` (by
    their indices; `starts`: the sentences' start offsets), or None."""
    told = []
    for i, event in enumerate(events):
        indices = [n for m in event.mentions if first <= (n := bisect_right(starts, m.sentence.start) - 1) <= last]
        if indices and accept(event):
            told.append((max(indices), i))
    return max(told)[1] if told else None


def amended(event: Event, evidence: Evidence, why: str, **fields: Any) -> Event:
    """The event with `fields` changed, `evidence` in place of its field's, `why` added, notes rewritten."""
    changed = replace(
        event,
        **fields,
        evidence=tuple(sorted((*(e for e in event.evidence if e.field != evidence.field), evidence), key=lambda e: (e.span.start, e.field))),
        why=(*event.why, why),
    )
    source = changed.attribution.source.text if changed.attribution else None
    notes = write_notes(changed.sub_event_type, changed.actor1, changed.actor2, changed.place, changed.date, changed.fatalities,
                        changed.modality, source)  # fmt: skip
    return replace(changed, notes=notes)
