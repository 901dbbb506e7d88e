"""Trigger words: `classify(sent)` finds the rows of `event_triggers.csv` a parsed sentence holds and
the ACLED sub-event type each signals. The spaCy model is never loaded here: pass sentences of a Doc
made by `sitrep.nlp.load()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .lexicon import GAP, Trigger, triggers, word_forms, word_lists
from .syntax import VERBAL, clause_of, coarse_pos, in_sentence, noun_phrase, predicate_of, subject_of

MAX_GAP = 3
HYPHENS = frozenset({"-", "–", "—", "‐"})

BACKED = frozenset({"backed", "allied", "aligned", "affiliated", "supported", "sponsored", "led"})  # "government-backed"
AgentKind = Callable[[Token], "str | None"]
PLACE = "PLACE"  # the "@PLACE" label of `requires`: a token of a place mention


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found in a sentence: token range [start, end) and char offsets in the Doc."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    head: int  # Doc index of the match's syntactic head, the token to pass to `modality`
    sub_event_type: str
    event_type: str
    weight: float
    cue: str  # the lexicon pattern that matched
    agent: str | None = None  # text of the agent the row's actor condition was read from
    agent_kind: str | None = None


@cache
def _trigger_index() -> dict[str, tuple[Trigger, ...]]:
    index: dict[str, list[Trigger]] = {}
    for trigger in triggers():
        for word in trigger.elements[0]:
            index.setdefault(word, []).append(trigger)
    return {word: tuple(rows) for word, rows in index.items()}


def actor_kind(agent: Token) -> str | None:
    """"state", "nonstate" or None for an agent, from the `$state_actor`/`$nonstate_actor` lists.

    "pro-government" and "government-backed" mark a state affiliate; otherwise non-state words win over state words
    ("anti-government rebels"); a national name with "forces"/"troops" reads as state.
    """
    lists = word_lists()
    state, nonstate = lists.get("state_actor", frozenset()), lists.get("nonstate_actor", frozenset())
    tokens = [t for t in noun_phrase(agent) if t.text not in HYPHENS]
    keys = [word_forms(t) for t in tokens]
    for here, after in zip(keys, keys[1:]):
        if ("pro" in here and after & state) or (here & state and after & BACKED):
            return "state"  # pro-government fighters, government-backed militias: on the state's behalf
    if any(k & nonstate for k in keys):
        return "nonstate"
    if any(k & state for k in keys):
        return "state"
    if any(t.ent_type_ in ("NORP", "GPE") for t in tokens) and word_forms(agent) & {"force", "troop", "unit"}:
        return "state"
    return None


def _match(keys: Sequence[frozenset[str]], tokens: Sequence[Token], i: int, elements: Sequence[frozenset[str]]) -> int | None:
    """End (exclusive, sentence-relative) of `elements` matched from token i, or None."""
    if not elements:
        return i
    first, rest = elements[0], elements[1:]
    if first == GAP:
        for skip in range(MAX_GAP + 1):
            if skip and (i + skip - 1 >= len(tokens) or (tokens[i + skip - 1].is_punct and tokens[i + skip - 1].text not in HYPHENS)):
                break
            end = _match(keys, tokens, i + skip, rest)
            if end is not None:
                return end
        return None
    while 0 < i < len(tokens) and tokens[i].text in HYPHENS:
        i += 1
    if i < len(tokens) and keys[i] & first:
        return _match(keys, tokens, i + 1, rest)
    return None


def _holds(words: frozenset[str], tokens: Iterable[Token], places: frozenset[int] = frozenset()) -> bool:
    """Whether any token has one of `words` as a form, or an "@LABEL" entity label; "@PLACE" is a token
    of a place the geoparser found (spaCy often labels "Palmyra" or "Tabqa" a person or an organisation)."""
    labels = _labels(words)
    if not labels:
        return any(word_forms(t) & words for t in tokens)
    near = places if PLACE in labels else frozenset()
    return any(word_forms(t) & words or t.ent_type_ in labels or t.i in near for t in tokens)


@cache
def _labels(words: frozenset[str]) -> frozenset[str]:
    """The entity labels among `words`, without their "@"."""
    return frozenset(word[1:] for word in words if word.startswith("@"))


def _object_of(token: Token, sent: SpacySpan, requires: frozenset[str]) -> bool:
    """Whether `token` is what a "^verb" of `requires` acts on: its object or passive subject, reached
    through conjuncts, appositions and "of" phrases ("destroyed dozens of guns, rockets and IEDs"); not as
    a modifier ("arms depots")."""
    verbs = frozenset(word[1:] for word in requires if word.startswith("^"))
    if not verbs:
        return False
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i or not in_sentence(head, sent):
            return False
        dep = node.dep_
        if head.pos_ in VERBAL:
            return dep in ("dobj", "nsubjpass") and bool(word_forms(head) & verbs)
        if dep not in ("conj", "appos", "nmod", "pobj") and not (dep == "prep" and node.lower_ in ("of", "including")):
            return False
        node = head
    return False


def classify(sent: SpacySpan, agent_kind: AgentKind | None = None, places: frozenset[int] = frozenset()) -> list[TriggerHit]:
    """The trigger hits of a parsed sentence, in text order; where matches overlap the heavier one stays.

    `agent_kind` maps an agent token to "state"/"nonstate"/None for rows with an actor condition;
    by default `actor_kind` is used. `places` are the Doc indices of tokens in place mentions.
    """
    kind_of = agent_kind or actor_kind
    tokens = list(sent)
    keys = [word_forms(t) for t in tokens]
    index = _trigger_index()
    found: list[TriggerHit] = []
    clauses: dict[int, list[Token]] = {}  # by trigger head: rows of one word often share their head
    for i, token in enumerate(tokens):
        if token.text in HYPHENS:
            continue
        rows = {id(row): row for key in sorted(keys[i]) for row in index.get(key, ())}  # sorted: ties break the same way every run
        for row in rows.values():
            end = _match(keys, tokens, i, row.elements)
            if end is None:
                continue
            hit = _check(row, sent, tokens, i, end, kind_of, clauses, places)
            if hit is not None:
                found.append(hit)
    kept: list[TriggerHit] = []
    taken: set[int] = set()
    for hit in sorted(found, key=lambda h: (-h.weight, -(h.end - h.start), h.start)):
        cover = set(range(hit.start, hit.end))
        if not cover & taken:
            kept.append(hit)
            taken |= cover
    return sorted(kept, key=lambda h: h.start)


def _check(
    row: Trigger,
    sent: SpacySpan,
    tokens: list[Token],
    i: int,
    end: int,
    kind_of: AgentKind,
    clauses: dict[int, list[Token]],
    places: frozenset[int],
) -> TriggerHit | None:
    """The hit of a matched row if its POS, context and actor conditions hold; `clauses` keeps the
    clause of each head met."""
    doc = sent.doc
    start, stop = tokens[i].i, tokens[end - 1].i + 1
    match = doc[start:stop]
    head = match.root
    if row.pos and coarse_pos(head) not in row.pos:
        return None
    if row.excludes and _holds(row.excludes, (t for t in tokens if not start <= t.i < stop)):
        return None
    if row.requires:
        clause = clauses.get(head.i)
        if clause is None:
            clause = clauses[head.i] = _clause_with_subject(predicate_of(head, sent), sent)
        if not _holds(row.requires, (t for t in clause if not start <= t.i < stop), places) and not _object_of(head, sent, row.requires):
            return None
    agent_text = kind = None
    if row.agent is not None:
        last = match[-1]
        if last.pos_ == "ADP" and last.dep_ in ("prep", "agent", "dative"):
            agent = next((c for c in last.children if c.dep_ == "pobj"), None)
        else:
            agent = subject_of(predicate_of(head, sent), sent)
        kind = kind_of(agent) if agent is not None else None
        if kind != row.agent or agent is None:
            return None
        agent_text = " ".join(t.text for t in noun_phrase(agent))
    return TriggerHit(
        start=start,
        end=stop,
        start_char=match.start_char,
        end_char=match.end_char,
        text=match.text,
        head=head.i,
        sub_event_type=row.sub_event_type,
        event_type=row.event_type,
        weight=row.weight,
        cue=row.pattern,
        agent=agent_text,
        agent_kind=kind,
    )


def _clause_with_subject(verb: Token, sent: SpacySpan) -> list[Token]:
    """A verb's clause, and the subject it shares with the verb it is coordinated with or extends
    ("protesters stormed the building and ransacked offices", "militants tried to seize the town")."""
    clause = clause_of(verb, sent)
    if verb.pos_ in VERBAL and verb.dep_ in ("conj", "xcomp", "advcl"):
        subject = subject_of(verb, sent)
        if subject is not None and subject not in clause:
            clause = clause + noun_phrase(subject)
    return clause


def best(hits: Sequence[TriggerHit]) -> TriggerHit | None:
    """The heaviest hit, the earliest of equals; None for no hits."""
    return min(hits, key=lambda h: (-h.weight, h.start), default=None)
