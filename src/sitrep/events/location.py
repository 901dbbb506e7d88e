"""Where an event happened: the place the sentence ties to its trigger.

Candidates are the resolved places inside the sentence. The one reached from the trigger through
the parse ("captured hilltops north of Al-Hayl", "regained control of Al-Sukhnah", "clashes in
Idlib") wins; among the rest, a nearer and more precise place beats a farther or coarser one, and a
relative location ("4 km north of ...") beats the bare place it is anchored on. With no place in
the sentence, the event takes the article's main place (the one it names most), else the place of
the article's previous event, each with a reason and never a finer precision than near-a-town (2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token
from spacy.tokens import Span as SpacySpan

from ..models import Place, Span
from ..places.geoparse import DERIVED

LINK_STEPS = 4


def place_in_sentence(
    sent: SpacySpan, trigger: Token, places: Sequence[Place], actor_spans: Sequence[Span] = ()
) -> tuple[Place, str] | None:
    """The sentence's place for the event, with why. A place named inside an actor's name ("US" in
    "US-led coalition", "Syria" in "Military Forces of Syria") says whose the actor is, not where."""
    inside = [
        p
        for p in places
        if p.resolved
        and sent.start_char <= p.start
        and p.end <= sent.end_char
        and not any(a.start <= p.start and p.end <= a.end for a in actor_spans)
    ]
    if not inside:
        return None
    scored = [(_score(sent, trigger, p, inside), p) for p in inside]
    (score, reason), best = max(scored, key=lambda item: (item[0][0], -item[1].start))
    return best, reason


def _score(sent: SpacySpan, trigger: Token, place: Place, inside: Sequence[Place]) -> tuple[float, str]:
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    steps = _path(trigger, span.root) if span is not None else None
    value = 0.0
    reason = "in the same sentence"
    if steps is not None:
        value += 4.0 - steps * 0.5
        reason = f"linked to the trigger {trigger.text!r} in the parse ({steps} steps)"
    value -= abs(place.start - trigger.idx) / 200
    value -= {1: 0.0, 2: 0.3, 3: 1.0}.get(place.geo_precision or 3, 1.0)
    if place.feature == "relative":
        value += 1.0
    elif any(other.feature == "relative" and other.start <= place.start and place.end <= other.end for other in inside):
        value -= 1.0  # the anchor of a relative location: the relative one is the event's place
    return value, reason


def _path(trigger: Token, target: Token) -> int | None:
    """Steps from the trigger down to the place, or up from the place to the trigger's verb."""
    node, steps = target, 0
    while steps <= LINK_STEPS:
        if node == trigger or (node == trigger.head and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")):
            return steps
        if node.head.i == node.i:
            return None
        node, steps = node.head, steps + 1
    return None


def fallback(previous: Place | None, places: Sequence[Place]) -> tuple[Place, str] | None:
    """With no place in the sentence: the article's main place (named most, and more than once),
    else the previous event's place."""
    named = Counter(p.id for p in places if p.resolved and p.feature not in ("country", "admin1", *DERIVED))
    ranked = named.most_common(2)
    if ranked and ranked[0][1] > 1 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        place = next(p for p in places if p.id == ranked[0][0])
        return _coarse(place), f"no place in the sentence: the article's main place, {place.name} (named {ranked[0][1]} times)"
    if previous is not None:
        return _coarse(previous), f"no place in the sentence: the previous event's place, {previous.name}"
    return None


def _coarse(place: Place) -> Place:
    return replace(place, geo_precision=max(place.geo_precision or 2, 2))
