"""The trigger hits a sentence keeps: one per trigger head, one protest per sentence, and no verb told
with the weapon another hit names."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from . import triggers
from .coreference import MEANS


def sentence_hits(sent: SpacySpan, hits: Sequence[triggers.TriggerHit]) -> list[triggers.TriggerHit]:
    """The hits of `sent` that name its events, in text order."""
    return _by_instrument(sent, _one_per_head(hits))


def _one_per_head(hits: Sequence[triggers.TriggerHit]) -> list[triggers.TriggerHit]:
    """The heaviest hit per trigger head, one event per head; and one protest per sentence.

    A sentence that tells of a demonstration and of what happened to it tells one ACLED event, the
    most severe reading: violence by the demonstrators makes a riot even when force is used on them,
    force on peaceful demonstrators outranks their dispersal, and a dispersal outranks the protest.
    """
    severity = {
        "Peaceful protest": 0,
        "Protest with intervention": 1,
        "Excessive force against protesters": 2,
        "Violent demonstration": 3,
    }
    by_head: dict[int, triggers.TriggerHit] = {}
    for hit in hits:
        kept = by_head.get(hit.head)
        if kept is None or hit.weight > kept.weight:
            by_head[hit.head] = hit
    found = list(by_head.values())
    protest = [h for h in found if h.sub_event_type in severity]
    if len(protest) > 1:
        top = max(protest, key=lambda h: (severity[h.sub_event_type], h.weight, -h.start))
        found = [h for h in found if h.sub_event_type not in severity or h is top]
    return sorted(found, key=lambda h: h.start)


def _by_instrument(sent: SpacySpan, hits: list[triggers.TriggerHit]) -> list[triggers.TriggerHit]:
    """The hits less a verb told with the weapon another hit names ("was pounded with a barrage of
    barrel bombs", "attacked the checkpoint with a car bomb"): one event, of the weapon's type."""
    doc = sent.doc
    weapons = {h.head for h in hits if h.sub_event_type in MEANS}  # the weapon names the event's type
    if not weapons:
        return hits

    def wielded(hit: triggers.TriggerHit) -> bool:
        verb = doc[hit.head]
        if hit.sub_event_type not in MEANS | {"Attack", "Armed clash"}:
            return False  # "recaptured the town with support from airstrikes": ground taken, an event of its own
        return verb.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(t.i in weapons and t.i != hit.head for t in c.subtree) for c in verb.children
        )

    return [h for h in hits if not wielded(h)]
