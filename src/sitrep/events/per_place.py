"""One event per place: a sentence that names several places for one violent event ("strikes on the
villages of A, B and C", "in Idlib and Hama provinces") tells one event at each, as ACLED codes them.
The places are those coordinated with the event's own in the parse, of one level (two villages, two
provinces); a capitalised name the gazetteer lacks counts too, kept unresolved and placed near the
known place named with it. A sentence that counts its dead place by place in joined clauses ("two were
killed in A and three others died in B") gives each town its own count, or, for parts of one town, counts
that are parts of the event's toll."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..models import Evidence, Place, Span
from ..places.context import admin_cue
from ..places.geoparse import DERIVED, INSIDE_KM
from ..places.relative import distance_km
from .candidate import Candidate, site_key
from .location import vicinity
from .syntax import VERBAL
from .tolls import Toll, fatalities
from .actor_mentions import ActorMention

DEATH_LEMMAS = frozenset({"kill", "die"})
MAX_CLIMB = 4  # steps from a place up to the phrases joined to its own
PLACE_NOUNS = frozenset({"village", "town", "city", "district", "neighbourhood", "neighborhood", "quarter", "suburb", "area", "camp"})
SPLIT_TYPES = frozenset({
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon", "Air/drone strike",
    "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade", "Attack",
    "Abduction/forced disappearance",
})  # fmt: skip


def per_place(doc: Doc, candidate: Candidate, places: Sequence[Place], actors: Sequence[ActorMention]) -> list[Candidate]:
    """One candidate per place where the sentence names several for one violent event ("strikes on
    the villages of A, B and C", "in Idlib and Hama provinces"), as ACLED codes one event per place.
    The first place keeps the sentence's toll (a joint toll is never counted twice), unless the
    sentence counts the dead place by place (`_counted`)."""
    site = candidate.site
    counted = _counted(doc, candidate, places)
    splits = site is not None and candidate.event.sub_event_type in SPLIT_TYPES and site.feature != "country"
    if counted and not (splits and all(p.resolved and p.feature != "country" for p, _ in counted)):
        return [_parts(candidate, counted)]  # parts of one town ("nine killed in Qaterji, two in the Mayssar neighbourhood")
    if site is None or not splits:
        return [candidate]
    near = vicinity(candidate.event.place) if candidate.event.place is not None else None  # for a village beside a known town
    if counted:
        return [_at(candidate, place, toll, near) for place, toll in counted]
    others = [p for p in _conjoined(doc, site, places, actors) if _same_level(site, p, doc.text)]
    copies = []
    for other in others:
        place = other if other.resolved else near
        event = replace(candidate.event, place=place, fatalities=None, civilian_fatalities=None,
                        evidence=tuple(e for e in candidate.event.evidence if e.field not in ("place", "fatalities"))
                        + (Evidence("place", Span(other.start, other.end, other.text)),),
                        why=(*candidate.event.why, f"one of the places the sentence names for it: {other.text}"))  # fmt: skip
        copies.append(replace(candidate, event=event, site=other, toll=None))
    return [candidate, *copies]


def _at(candidate: Candidate, site: Place, toll: Toll, near: Place | None) -> Candidate:
    """The candidate's event at `site`, with `toll` as its own (kept as read: the sentence's other
    figures are other places'), counted as a part where a record for a wider place takes it in."""
    event = candidate.event
    evidence = [e for e in event.evidence if e.field not in ("place", "fatalities")]
    evidence += [Evidence("place", Span(site.start, site.end, site.text)), Evidence("fatalities", Span(toll.start, toll.end, toll.text))]
    event = replace(event, place=site if site.resolved else near, fatalities=toll.fatalities, civilian_fatalities=toll.civilians,
                    evidence=tuple(evidence), why=(*event.why, f"at {site.text}, toll {toll.fatalities}: its toll told for that place in its own clause"))  # fmt: skip
    # a part of any record told for a wider place, the whole toll of the record at this one
    return replace(candidate, event=event, site=site, toll=replace(toll, kind="part"), toll_by_place=True)


def _unknown_name(token: Token) -> Place | None:
    """A capitalised name the gazetteer lacks, as the object of "in": "in Qaterji", "in the Mayssar
    neighbourhood" (kept unresolved)."""
    if token.pos_ != "PROPN" and token.lemma_.lower() in PLACE_NOUNS:
        token = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), token)
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    first = min(t.i for t in token.subtree if t.dep_ == "compound" or t.i == token.i)
    words = token.doc[first : token.i + 1]
    return Place(words.start_char, words.end_char, words.text, resolved=False, why=("named as where some of the dead died",))


def _parts(candidate: Candidate, counted: Sequence[tuple[Place, Toll]]) -> Candidate:
    """The candidate with its sentence's toll as a part of the event's: the dead counted place by place
    in parts of one town, or in places not all known, add up to the event's toll, which another
    mention may give whole."""
    toll = candidate.toll
    if toll is None or toll.kind != "event":
        return candidate
    places = ", ".join(p.text for p, _ in counted)
    return replace(candidate, toll=replace(toll, kind="part", why=f"counted place by place ({places}): a part of the event's toll"))


def _counted(doc: Doc, candidate: Candidate, places: Sequence[Place]) -> list[tuple[Place, Toll]]:
    """The places and tolls of a sentence that counts its dead place by place in joined clauses ("two
    people were killed in Mayssar and three others died in Kafr Batna when shells hit the two towns"):
    each clause's place with the figure told in it, when there are two or more places; else nothing."""
    sent = doc[candidate.head].sent
    mentioned: dict[int, Place] = {}
    for mention in places:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and sent.start <= span.root.i < sent.end:
            mentioned[span.root.i] = mention
    found: list[tuple[Place, Toll]] = []
    joined: set[int] = set()  # the first counting clause and those joined to it
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_ in DEATH_LEMMAS):
        if joined and verb.i not in joined:
            continue
        # the place named in its "in" phrase ("in Qaterji", "in the Mayssar neighbourhood of the city")
        objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        place = next((mentioned[t.i] for g in objects for t in g.subtree if t.i in mentioned), None) or next(
            (p for g in objects if (p := _unknown_name(g)) is not None), None)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if place is None or subject is None or any(site_key(place) == site_key(p) for p, _ in found):
            continue
        start = doc[subject.left_edge.i].idx
        toll = fatalities(doc.text[start : place.end], offset=start)
        if toll is None or toll.kind in ("summed", "injuries"):
            continue
        joined = joined or {verb.i, *(c.i for c in verb.conjuncts)}
        found.append((place, toll))
    return found if len(found) > 1 else []


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
    sent = span.root.sent
    mentioned: dict[int, Place] = {}
    for mention in places:
        if sent.start_char <= mention.start < sent.end_char and mention.feature not in DERIVED:
            other = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if other is not None:
                mentioned.setdefault(other.root.i, mention)
    conjuncts += [
        t for t in _phrase_conjuncts(span.root)
        if t.i in mentioned and t not in conjuncts and mentioned[t.i].resolved and not _holds(site, mentioned[t.i])
    ]  # fmt: skip
    if not conjuncts:
        return []
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


def _holds(a: Place, b: Place) -> bool:
    """Whether one of two places is a district of the town the other is ("al-Hamadaniyeh area and al-Assad
    suburb in Aleppo")."""
    if {a.feature, b.feature} != {"district", "town"} or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return distance_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0) <= INSIDE_KM


def _phrase_conjuncts(root: Token) -> list[Token]:
    """The tokens of the phrases joined to one that holds the place, up to the verb: "in A, in B as well as in
    C", "rebel areas in A and B as well as east of C", "positions in A in B as well as in C"; never the
    branch that holds the place ("al-Mazzeh area in Damascus city" names one place)."""
    node, found = root, []
    for _ in range(MAX_CLIMB):
        parent = node.head
        if parent.i == node.i or parent.pos_ in VERBAL:
            break
        own = {t.i for t in node.subtree}
        if node.dep_ == "conj":  # a later conjunct: the first, with what hangs on it, is joined to it
            found += [t for t in parent.subtree if t.i not in own]
        else:
            found += [t for c in parent.children if c.dep_ == "conj" for t in c.subtree]
        if node.dep_ == "prep":
            found += [t for c in _coordinated_preps(node) for t in c.subtree]
        node = parent
    return found


def _coordinated_preps(prep: Token) -> list[Token]:
    """The other phrases of one preposition on one head, when a coordinator stands among them: the parser
    hangs "positions in A in B as well as in C" as three phrases side by side, not joined."""
    same = [c for c in prep.head.children if c.dep_ == "prep" and c.lower_ == prep.lower_]
    first, last = min(c.i for c in same), max(c.i for c in same)
    if not any(t.dep_ == "cc" for t in prep.doc[first + 1 : last]):
        return []
    return [c for c in same if c.i != prep.i]


def _same_level(a: Place, b: Place, text: str) -> bool:
    """Whether two places are of one level (two villages, two provinces, two parts of towns), neither
    holding the other."""
    if "country" in (a.feature, b.feature):
        return False
    return _level(a, text) == _level(b, text)


def _level(place: Place, text: str) -> str:
    """"region" for a province or a part of one ("central Hama province", "central Syria"), "part" for a
    part of a town (a neighbourhood, "the outskirts of"), else "town"."""
    if place.feature == "admin1":
        return "region"
    if place.feature in DERIVED and (place.geo_precision == 3 or admin_cue(text, place.start, place.end)):
        return "region"
    return "part" if place.feature == "part" else "town"
