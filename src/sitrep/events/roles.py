"""Who did what to whom: the actors of an article, and which of them fill a trigger's roles.

Actor mentions come from the catalogue (named actors, then generic phrases resolved for the
article's country: "government troops" in a Syria article are the Military Forces of Syria, "the
terrorist group" the latest compatible named actor). Roles come from the dependency parse around
the trigger: the subject or the passive's "by" agent is actor1; the object, the passive subject or
the complement of "against", "on", "from", "with" is actor2; an adjective or compound on a noun
trigger ("Russian airstrikes") is actor1; "between X and Y" gives both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..actors import Catalogue, GenericMatch
from ..models import ActorRef, Span

MAX_CLIMB = 6
MODIFIERS = frozenset({"amod", "acl", "relcl"})  # a verb modifying a noun: its subject is not the event's
PATIENT_PREPS = frozenset({"against", "on", "from", "with", "upon", "at", "targeting"})
CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "relcl", "ccomp"})
TYPE_GUESS = {
    "rebels": "rebel_group",
    "militants": "rebel_group",
    "insurgents": "rebel_group",
    "gunmen": "rebel_group",
    "protesters": "protesters",
    "civilians": "civilians",
}


@dataclass(frozen=True)
class ActorMention:
    """An actor found in the article, with the token it hangs on in the parse."""

    ref: ActorRef
    root: int  # Doc index of the mention's syntactic head


@dataclass(frozen=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc: tuple[ActorMention, ...]
    why: tuple[str, ...]
    syntactic: bool  # actor1 was read from the parse, not guessed from word order


def actor_mentions(doc: Doc, catalogue: Catalogue, country: str | None) -> list[ActorMention]:
    """Every actor mention of the article, named and generic, in text order."""
    text = doc.text
    found: list[ActorMention] = []
    for match in catalogue.find(text, country):
        actor = match.actor
        span = Span(match.start, match.end, match.text)
        why = f"catalogue alias {match.alias!r}"
        found.append(_mention(doc, ActorRef(actor.name, actor.id, actor.type, actor.country, span, why)))
    for generic in catalogue.find_generics(text, country):
        found.append(_mention(doc, _generic_ref(generic)))
    return sorted((m for m in found if m.root >= 0), key=lambda m: m.ref.span.start)


def _generic_ref(generic: GenericMatch) -> ActorRef:
    span = Span(generic.start, generic.end, generic.text)
    if generic.actor is not None:
        actor = generic.actor
        why = f"{generic.phrase!r} stands for {actor.name}" + (
            f" (article country {generic.country})" if generic.role != "anaphor" else " (the latest such actor named)"
        )
        return ActorRef(actor.name, actor.id, actor.type, actor.country, span, why)
    guess = generic.types[0] if generic.types else TYPE_GUESS.get(generic.phrase.split()[-1])
    return ActorRef(generic.text, None, guess, generic.country, span, f"no catalogue actor: kept as written ({generic.role})")


def _mention(doc: Doc, ref: ActorRef) -> ActorMention:
    span = doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
    return ActorMention(ref, span.root.i if span is not None else -1)


def roles(sent: SpacySpan, trigger: Token, mentions: Sequence[ActorMention], last: Token | None = None) -> Roles:
    """actor1, actor2 and associated actors of the event a trigger names, from the sentence's parse.
    `last` is the trigger phrase's last word: when it is a preposition ("fell to", "in the hands of"),
    its object is the actor that took the place."""
    inside = [m for m in mentions if sent.start <= m.root < sent.end]
    if not inside:
        return Roles(None, None, (), (), False)
    by_token = {m.root: m for m in inside}
    agent, patient, why = _syntax(trigger, by_token)
    if last is not None and last.pos_ == "ADP" and last.i != trigger.i:
        taker = next((_actor_in(g, by_token) for g in last.children if g.dep_ == "pobj"), None)
        if taker is not None:
            agent = taker
            why = f"the object of {last.text!r} in the trigger phrase is the one that took the place"
            patient = patient if patient is not taker else None
    syntactic = agent is not None
    if agent is None and patient is None:
        before = [m for m in inside if m.ref.span.end <= trigger.idx]
        after = [m for m in inside if m.ref.span.start >= trigger.idx + len(trigger.text)]
        subject = next((_actor_in(c, by_token) for c in sent.root.children if c.dep_ == "nsubj"), None)
        agent = subject or (before[-1] if before else None)
        patient = next((m for m in after if agent is None or m.ref.name != agent.ref.name), None)
        why = (
            "actor1 is the sentence's subject" if subject else "nearest actors before and after the trigger"
        ) + " (no syntactic link to the trigger)"
    if patient is None and agent is not None:
        allied = {t.i for t in sent.doc[agent.root].subtree}
        opposed = [m for m in inside if m.root not in allied and _opposed(agent, m)]
        patient = next((m for m in opposed if m.ref.actor_id), opposed[0] if opposed else None)
        if patient is not None:
            why += f"; actor2 {patient.ref.name}: the other side named in the sentence"
    chosen = {id(m) for m in (agent, patient) if m is not None}
    with_agent = {t.i for t in sent.doc[agent.root].subtree} if agent is not None else set()
    assoc = tuple(m for m in inside if id(m) not in chosen and m.root in with_agent and m.ref.name not in _names(agent, patient))
    return Roles(agent, patient, assoc, (why,) if why else (), syntactic)


def _opposed(agent: ActorMention, other: ActorMention) -> bool:
    """A state actor against a non-state one, or the reverse: the two sides of a fight."""
    sides = {"state_forces": "state", "external_forces": "state"}
    mine, theirs = sides.get(agent.ref.type or "", "other"), sides.get(other.ref.type or "", "other")
    return other.ref.name != agent.ref.name and mine != theirs and "civilians" not in (agent.ref.type, other.ref.type)


def _names(*mentions: ActorMention | None) -> set[str]:
    return {m.ref.name for m in mentions if m is not None}


def _syntax(trigger: Token, by_token: dict[int, ActorMention]) -> tuple[ActorMention | None, ActorMention | None, str]:
    """Agent and patient read from the trigger's dependents, climbing to its verb when needed."""
    node: Token | None = trigger
    agent = patient = None
    steps = 0
    while node is not None and steps < MAX_CLIMB and agent is None:
        for child in node.children:
            dep = child.dep_
            if dep in ("nsubj", "csubj") and agent is None and (node.i == trigger.i or node.dep_ not in MODIFIERS):
                agent = _actor_in(child, by_token)
            elif dep == "agent" and agent is None:
                agent = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)
            elif dep == "nsubjpass" and patient is None:
                patient = _actor_in(child, by_token)
            elif dep in ("dobj", "obj") and patient is None:
                patient = _actor_in(child, by_token)
            elif dep == "prep" and patient is None and child.lower_ in PATIENT_PREPS:
                patient = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)
            elif dep in ("amod", "compound", "poss") and agent is None and node.pos_ == "NOUN":
                agent = _actor_in(child, by_token)
            elif dep == "prep" and child.lower_ == "between":
                pair = [m for g in child.subtree if (m := by_token.get(g.i)) is not None]
                if len(pair) >= 2:
                    return pair[0], pair[1], "the two sides named after \"between\""
        if node.dep_ not in CLIMB or node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    why = "subject or agent of the trigger is actor1; its object or target is actor2" if agent or patient else ""
    return agent, patient, why


def _actor_in(token: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The first actor mention inside a token's phrase (its subtree, in text order)."""
    for node in token.subtree:
        if node.i in by_token:
            return by_token[node.i]
    return None
