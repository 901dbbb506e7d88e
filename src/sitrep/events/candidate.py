"""A candidate event: what one trigger word and its sentence say, before screening and coreference.

`screen` drops the candidates that are no events; `coreference` merges those that tell one real
event into one record. Both need more than the event's fields: how specific the trigger is, whether
the sentence itself names the place and the day, and whether a verb tells the event as having
happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..models import ActorRef, Event, Place
from .syntax import VERBAL, predicate_of
from .tolls import Toll

PAST_TAGS = frozenset({"VBD", "VBN"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})  # event types of violence
STATE_TYPES = frozenset({"state_forces"})
NONSTATE_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "external_forces"})
TAKEN = ("Government regains territory", "Non-state actor overtakes territory")
SHORT_SINCE_DAYS = 7  # "since Sunday": an event that began then; "since March": a stretch of time
# "continued to battle", "began withdrawing": a verb that says an action went on or began tells it as done
ASPECT_LEMMAS = frozenset({"continue", "begin", "start", "resume", "keep"})
# Links from a noun trigger to the verb that tells it: its subject, object or a phrase on the verb
TOLD_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "pobj", "prep", "pcomp", "attr", "compound", "conj", "appos", "npadvmod"})


@dataclass(frozen=True)
class Candidate:
    """One trigger's event as its own sentence tells it."""

    event: Event
    head: int  # Doc index of the trigger's syntactic head
    weight: float  # the trigger row's weight: how specific the words are
    place_stated: bool  # the sentence names the place (or a pronoun in it refers to one)
    dated: bool  # the sentence has a date expression
    told: bool  # a verb in a past or perfect tense tells it: "bombed", "were killed in air strikes"
    toll: Toll | None  # the sentence's toll, before it is given to one event
    site: Place | None = None  # the place its sentence names for it, known to the gazetteer or not
    days: tuple[date, date] | None = None  # the days its date words name, when `dated`
    distinct: bool = False  # told as another, earlier event ("another attack", "earlier this month")
    another: bool = False  # told as one more of its kind ("other air raids took place in Aleppo")
    period: str | None = None  # the sentence dates a stretch of time, not an event ("since April")
    headline: bool = False  # in the title: a summary of the article's events, never one by itself
    lead: bool = False  # in the body's first sentence, which tells the article's own event
    toll_by_place: bool = False  # its toll was told for its place in a clause of its own ("two killed in A, three in B")
    stale: bool = False  # its stated days end more than CURRENT_DAYS before publication: not the news an undated mention tells
    reported_by: date | None = None  # the day its sentence's saying is dated ("activists said Sunday"): it happened by then
    answered: bool = False  # told as what another event of its sentence answers ("in response to a poison gas attack")

    @property
    def anchored(self) -> bool:
        """Whether the candidate can stand as a record by itself. An event told as happened needs a
        verb that tells it so, a day or a toll of its own (not a part of one); one predicted, planned
        or supposed needs its place named and a day or an actor; one denied or negated its place
        and a day. Other candidates only count as further mentions of a record."""
        event = self.event
        if self.headline:
            return False
        if event.modality in ("reported", "claimed"):
            return self.told or self.dated or (self.toll is not None and self.toll.kind in ("event", "update"))
        if event.modality in ("denied", "negated"):
            return self.place_stated and self.dated
        return self.place_stated and (self.dated or event.actor1 is not None)


CURRENT_DAYS = 7  # news told without a date happened within this many days of publication
# "another attack", "a previous attack", "earlier this month": an event other than the one reported
DISTINCT_WORDS = frozenset({"another", "previous", "earlier", "prior", "former", "last"})
_DISTINCT_DATE = re.compile(r"(?i)^(?:earlier|last|the previous|previously)\b")
ANOTHER_WORDS = frozenset({"another", "other"})  # "other air raids", "another attack": one more of its kind


def another(trigger: Token) -> bool:
    """Whether the trigger is told as one more of its kind: "other air raids", "another attack", or
    in a sentence of more dead ("26 civilians were also killed yesterday when the air force pounded ...")."""
    root = trigger.sent.root
    dead = (root.lemma_ == "kill" and any(c.dep_ == "nsubjpass" for c in root.children)) or root.lemma_ == "die"
    return _qualified(trigger, ANOTHER_WORDS) or (dead and any(c.dep_ == "advmod" and c.lower_ == "also" for c in root.children))


def distinct(trigger: Token, date_words: str | None) -> bool:
    """Whether the words tell an event apart from the one reported: "another attack in January", "an
    earlier strike on Monday", "earlier this month". "Another explosion" with no day of its own is one
    more of the same day's blasts: one record per type, place and day."""
    if date_words is None:
        return False
    return _qualified(trigger, DISTINCT_WORDS) or _DISTINCT_DATE.match(date_words) is not None


def _qualified(trigger: Token, words: frozenset[str]) -> bool:
    """Whether a determiner or adjective of the trigger is one of `words`."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in words for c in trigger.children)


def told(sent: SpacySpan, trigger: Token, words: SpacySpan) -> bool:
    """Whether a verb in a past or perfect tense tells the trigger's event: the trigger itself ("the
    army shelled"), a past verb with its subject among its words ("Jaish al-Islam fired rocket and mortar
    shells", parsed as an adjective), a past verb saying it went on or began ("continued to battle"), or
    the verb its noun or gerund hangs on ("launched an attack", "killed in air strikes", "hailed the
    victory in regaining control")."""
    if any(w.i != trigger.i and w.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in w.children) for w in words):
        return True
    aspect = trigger.head
    if trigger.dep_ == "xcomp" and aspect.lemma_ in ASPECT_LEMMAS and any(c.dep_ == "nsubj" for c in aspect.children):
        return aspect.tag_ in PAST_TAGS
    if trigger.pos_ in VERBAL and trigger.tag_ != "VBG":
        return trigger.tag_ in PAST_TAGS and not _adjectival(trigger)
    node = trigger
    for _ in range(4):
        if node.dep_ not in TOLD_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in VERBAL:
            verb = predicate_of(node, sent)
            return verb.tag_ in PAST_TAGS and not _adjectival(verb)
    return False


def _adjectival(verb: Token) -> bool:
    """A participle used as an adjective ("the besieged town", "rebel-held areas"); not a verb with a
    subject of its own, which the parser took for one ("Jaish al-Islam fired rocket and mortar shells")."""
    return verb.dep_ == "amod" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def site_key(place: Place | None) -> str | None:
    """What tells two named places apart: a known place's id, else its words as written."""
    if place is None:
        return None
    return place.id if place.resolved and place.id else " ".join(place.text.lower().split())


def territory_by_agent(sub_event_type: str, actor1: ActorRef | None) -> str:
    """Territory changes hands by who takes it: state forces regain, non-state actors overtake."""
    if sub_event_type not in TAKEN or actor1 is None or actor1.type is None:
        return sub_event_type
    if actor1.type in STATE_TYPES:
        return TAKEN[0]
    if actor1.type in NONSTATE_TYPES:
        return TAKEN[1]
    return sub_event_type
