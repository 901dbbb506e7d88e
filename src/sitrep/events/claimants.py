"""Who claimed an attack: "Daesh claimed responsibility via its news arm Amaq" names the side that
acted, as ACLED codes a claimed attack to the group that claims it. The claim gives actor1 to the
violent record told last at or before it (within `WINDOW` sentences) when that record names no
catalogue actor as its actor1 (none, or only a description such as "suicide bombers" or "gunmen").
A denied or absent claim ("no group has claimed responsibility", "IS did not claim") names nobody."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import ActorRef, Event, Evidence
from .amend import amended, told_last
from .candidate import VIOLENT_TYPES
from .actor_mentions import ActorMention
from .syntax import subject_of

WINDOW = 3  # a claim refers to an event told in its own sentence or the three before it
CLAIM_LEMMAS = frozenset({"claim", "take", "accept", "assume", "bear", "admit"})
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
# "IS claimed the attack": the claimed noun is the event itself
EVENT_NOUNS = frozenset({"attack", "bombing", "blast", "explosion", "assault", "killing", "strike", "ambush", "massacre"})


def may_claim(present: set[str]) -> bool:
    """Whether a sentence, given the word forms of all its tokens, may hold a claim (the scan parses it)."""
    return bool(present & CLAIMED_NOUNS) or ("claim" in present and bool(present & EVENT_NOUNS))


@dataclass(frozen=True)
class Claim:
    """A claim of responsibility: the claimant and the sentence it is made in (by index)."""

    claimant: ActorMention
    sentence: int
    words: str


def claims(doc: Doc, mentions: Sequence[ActorMention]) -> list[Claim]:
    """The article's claims of responsibility whose claimant is a catalogue actor."""
    by_root = {m.root: m for m in mentions if m.ref.actor_id is not None}
    found = []
    for n, sent in enumerate(doc.sents):
        for token in sent:
            verb = _claiming_verb(token)
            if verb is None or _denied(verb):
                continue
            subject = subject_of(verb, sent)
            if subject is None or any(t.lower_ == "no" for t in subject.subtree):  # "no group has claimed"
                continue
            claimant = next((by_root[t.i] for t in subject.subtree if t.i in by_root), None)
            if claimant is not None:
                found.append(Claim(claimant, n, doc[verb.i : token.i + 1].text))
    return found


def _claiming_verb(token: Token) -> Token | None:
    """The verb of "claimed responsibility", "took credit", "claimed the attack" at its object."""
    if token.dep_ != "dobj" or token.head.lemma_ not in CLAIM_LEMMAS:
        return None
    if token.lemma_ in CLAIMED_NOUNS or (token.lemma_ in EVENT_NOUNS and token.head.lemma_ == "claim" and not _others(token)):
        return token.head
    return None


def _others(noun: Token) -> bool:
    """Whether a claimed event noun names other events than one told: a plural with no determiner or
    owner ("IS has claimed previous bombings in the town"), not "the attacks" or "Tuesday's attacks"."""
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)


def _denied(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(c.lemma_ in ("deny", "refuse") for c in verb.ancestors)


def credit(events: Sequence[Event], found: Sequence[Claim], doc: Doc) -> list[Event]:
    """The events with each claim's claimant as actor1 of the record it claims (see the module)."""
    if not found:
        return list(events)
    starts = [s.start_char for s in doc.sents]
    out = list(events)
    for claim in found:
        i = told_last(out, starts, claim.sentence - WINDOW, claim.sentence, lambda e: e.event_type in VIOLENT_TYPES)
        if i is None:
            continue
        event = out[i]
        if (event.actor1 is not None and event.actor1.actor_id is not None) or (
            event.actor2 is not None and event.actor2.actor_id == claim.claimant.ref.actor_id
        ):
            continue
        ref = claim.claimant.ref
        why = f"actor1 {ref.name}: it claimed the event ({claim.words!r})"
        actor1 = ActorRef(ref.name, ref.actor_id, ref.type, ref.country, ref.span, why)
        out[i] = amended(event, Evidence("actor1", ref.span), why, actor1=actor1)
    return out
