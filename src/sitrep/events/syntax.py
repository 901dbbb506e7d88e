"""The dependency tree as the trigger and modality readers walk it: a token's clause verb, a verb's
subject, a noun phrase, all within one sentence."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
CLAUSAL = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "parataxis", "conj"})
ANSWER_NOUNS = frozenset({"response", "retaliation", "revenge", "reprisal", "retribution", "reply"})  # "in response to ..."
ANSWER_PREPS = frozenset({"to", "for", "against"})


def in_sentence(token: Token, sent: SpacySpan) -> bool:
    return sent.start <= token.i < sent.end


def with_to(verb: Token) -> bool:
    """Whether a verb is an infinitive with "to" ("to halt", "to retake")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def coarse_pos(token: Token) -> str:
    """The token's part of speech, a "verb" the parse places as a subject or object read as the noun
    it is ("US strikes on a convoy killed 12": the model tags "strikes" a verb that is the subject)."""
    if token.pos_ == "VERB" and token.dep_ in NOMINAL:
        return "NOUN"
    return token.pos_


def predicate_of(token: Token, sent: SpacySpan) -> Token:
    """The verb of the clause a token stands in: itself, or the nearest verb above it."""
    node = token
    for _ in range(6):
        if coarse_pos(node) in VERBAL or node.head.i == node.i or not in_sentence(node.head, sent):
            return node
        node = node.head
    return node


def clause_of(verb: Token, sent: SpacySpan) -> list[Token]:
    """The tokens of a verb's own clause: its subtree without embedded clauses (xcomp kept)."""
    out = [verb]
    for child in verb.children:
        if in_sentence(child, sent) and (child.dep_ not in CLAUSAL or child.dep_ == "xcomp" or _noun_conjunct(child)):
            out.extend(clause_of(child, sent))
    return out


def _noun_conjunct(token: Token) -> bool:
    """A conjunct that is not a clause: "police and protesters", not "clashed and looted"."""
    return token.dep_ == "conj" and token.pos_ not in VERBAL and token.head.pos_ not in VERBAL


def subject_of(verb: Token, sent: SpacySpan) -> Token | None:
    """Who does what a verb says: its subject, a passive's "by" agent, or that of the verb it extends."""
    node = verb
    for _ in range(4):
        children = list(node.children)
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            for agent in (c for c in children if c.dep_ == "agent"):
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            return None
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and in_sentence(node.head.head, sent):
            node = node.head.head  # "After capturing the hills, the army ...": the main clause's subject
            continue
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i or not in_sentence(node.head, sent):
            return None
        node = node.head
    return None


def tree_distance(a: Token, b: Token, clause_step: int = 1) -> int:
    """Steps between two tokens of one sentence through the dependency tree; a step into or out of
    an embedded clause (see CLAUSAL) counts `clause_step`."""

    def cost(node: Token) -> int:
        return clause_step if node.dep_ in CLAUSAL else 1

    up = {a.i: 0}
    node, steps = a, 0
    while node.head.i != node.i:
        node, steps = node.head, steps + cost(node)
        up[node.i] = steps
    node, steps = b, 0
    while node.i not in up:
        if node.head.i == node.i:
            return steps + max(up.values()) + 1  # different trees (a sentence the parser left flat)
        node, steps = node.head, steps + cost(node)
    return steps + up[node.i]


def noun_phrase(token: Token, top: bool = True) -> list[Token]:
    """A noun phrase without clauses, and without prepositional phrases on its head except "of"."""
    out = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "appos", "conj"):
            continue
        if top and child.dep_ == "prep" and child.lower_ != "of":
            continue
        out.extend(noun_phrase(child, False))
    return sorted(out, key=lambda t: t.i)


def answered(trigger: Token) -> Token | None:
    """The phrase that tells the trigger as what another event answers, or None: "launched cruise
    missiles ... in response to a deadly poison gas attack", "in retaliation for the bombings", "to
    avenge the massacre" (the phrase's head noun: "attack", "bombings", "massacre")."""
    node = trigger
    while node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in ANSWER_PREPS and node.head.head.lemma_.lower() in ANSWER_NOUNS:
            return node
        if node.dep_ == "dobj" and node.head.lemma_.lower() == "avenge":
            return node
        node = node.head
    return None
