"""One event per place: a sentence that names several places for one violent event ("strikes on the
villages of A, B and C", "in Idlib and Hama provinces") tells one event at each, as ACLED codes them.
The places are those coordinated with the event's own in the parse, of one level (two villages, two
provinces); a capitalised name the gazetteer lacks counts too, kept unresolved and placed near the
known place named with it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..models import Evidence, Place, Span
from ..places.geoparse import DERIVED
from .candidate import Candidate, site_key
from .location import vicinity
from .actor_mentions import ActorMention

SPLIT_TYPES = frozenset({
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon", "Air/drone strike",
    "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade", "Attack",
    "Abduction/forced disappearance",
})  # fmt: skip


def per_place(doc: Doc, candidate: Candidate, places: Sequence[Place], actors: Sequence[ActorMention]) -> list[Candidate]:
    """One candidate per place where the sentence names several for one violent event ("strikes on
    the villages of A, B and C", "in Idlib and Hama provinces"), as ACLED codes one event per place.
    The first place keeps the sentence's toll (a joint toll is never counted twice)."""
    site = candidate.site
    if site is None or candidate.event.sub_event_type not in SPLIT_TYPES or site.feature == "country":
        return [candidate]
    others = [p for p in _conjoined(doc, site, places, actors) if _same_level(site, p)]
    near = vicinity(candidate.event.place) if candidate.event.place is not None else None  # for a village beside a known town
    copies = []
    for other in others:
        place = other if other.resolved else near
        event = replace(candidate.event, place=place, fatalities=None, civilian_fatalities=None,
                        evidence=tuple(e for e in candidate.event.evidence if e.field not in ("place", "fatalities"))
                        + (Evidence("place", Span(other.start, other.end, other.text)),),
                        why=(*candidate.event.why, f"one of the places the sentence names for it: {other.text}"))  # fmt: skip
        copies.append(replace(candidate, event=event, site=other, toll=None))
    return [candidate, *copies]


def _conjoined(doc: Doc, site: Place, places: Sequence[Place], actors: Sequence[ActorMention]) -> list[Place]:
    """The places coordinated with `site` in the parse ("A, B and C"), in text order: the article's
    place mentions, or a capitalised name the gazetteer lacks ("the towns of Rastan and Talbeesah"),
    kept unresolved."""
    span = doc.char_span(site.start, site.end, alignment_mode="expand")
    if span is None:
        return []
    # the root's conjuncts, and those of its other tokens the parse hangs outside it ("Jisr al-Shaghour
    # and Binnish" may come as three objects of "of", the last joined to "Binnish"); beside a name the
    # gazetteer lacks, only known places that way ("the Research and Tests Center" is one name)
    heads = [t for t in span if t.i != span.root.i and not span.start <= t.head.i < span.end]
    loose = {c.i for t in heads for c in t.conjuncts if not span.start <= c.i < span.end}
    conjuncts = sorted({*span.root.conjuncts, *(doc[i] for i in loose)}, key=lambda t: t.i)
    if not conjuncts:
        return []
    sent = span.root.sent
    mentioned: dict[int, Place] = {}
    for mention in places:
        if sent.start_char <= mention.start < sent.end_char and mention.feature not in DERIVED:
            other = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if other is not None:
                mentioned.setdefault(other.root.i, mention)
    acting = {m.root for m in actors}
    found, keys = [], {site_key(site)}
    for token in conjuncts:
        place: Place | None = mentioned.get(token.i)
        unknown_allowed = token.i not in loose or (site.resolved and site.feature not in DERIVED)
        if place is None and unknown_allowed and token.pos_ == "PROPN" and token.text[:1].isupper() and token.i not in acting:
            first = min(t.i for t in token.subtree if t.dep_ in ("compound", "amod") or t.i == token.i)
            words = doc[first : token.i + 1]
            place = Place(words.start_char, words.end_char, words.text, resolved=False, why=(f"named beside {site.text}",))
        if place is not None and site_key(place) not in keys:
            keys.add(site_key(place))
            found.append(place)
    return found


def _same_level(a: Place, b: Place) -> bool:
    """Whether two places are of one level (two villages, two provinces), neither holding the other."""
    if "country" in (a.feature, b.feature):
        return False
    return (a.feature == "admin1") == (b.feature == "admin1")
