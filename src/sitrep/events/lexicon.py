"""Event vocabulary: ACLED event types, trigger words and modality cues, read from `data/`.

`classify(sent)` finds the trigger words of a parsed sentence and the sub-event type each signals;
`modality(sent, token)` reads from the dependency parse whether the event of a trigger is told as
reported, claimed, predicted, planned, hypothetical, denied or negated. The spaCy model is never
loaded here: pass sentences of a Doc made by `sitrep.nlp.load()`. The files are described in
`data/EVENTS.md`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..errors import Code, SitrepError
from ..models import Span

MODES = ("reported", "claimed", "predicted", "planned", "hypothetical", "denied", "negated")
ATTACHES = frozenset({"aux", "neg", "det", "mark", "advmod", "amod", "timex", "governor", "prep"})
AGENT_KINDS = frozenset({"state", "nonstate"})
GAP = frozenset({"*"})
MAX_GAP = 3
HYPHENS = frozenset({"-", "–", "—", "‐"})
VERBAL = frozenset({"VERB", "AUX"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Steps from a noun trigger to its verb that keep the verb's modals and negation in scope.
ARGUMENT_STEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "compound", "amod", "appos", "conj", "nmod"})
CLAUSAL = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "parataxis", "conj"})
PAST_TAGS = frozenset({"VBD", "VBN"})
SELF_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "its", "their", "our", "his", "her"})

AgentKind = Callable[[Token], "str | None"]


@dataclass(frozen=True)
class EventType:
    """One ACLED sub-event type with its event type and a short definition."""

    event_type: str
    sub_event_type: str
    code: str
    definition: str


@dataclass(frozen=True)
class Trigger:
    """A row of the trigger lexicon: a lemma pattern, the sub-event type it signals, conditions."""

    pattern: str
    elements: tuple[frozenset[str], ...]  # word alternatives per position; GAP for "*"
    sub_event_type: str
    event_type: str
    weight: float
    pos: frozenset[str]
    requires: frozenset[str]  # words, and "@LABEL" entity labels
    excludes: frozenset[str]
    agent: str | None  # "state" | "nonstate" | None
    note: str


@dataclass(frozen=True)
class ModalityCue:
    """A row of the modality cues: a word or phrase, the mode it sets and where it must stand."""

    cue: str
    words: tuple[frozenset[str], ...]
    mode: str
    attach: str
    scope: frozenset[str]
    weight: float
    source_dep: str | None
    source_role: str | None
    self_mode: str | None
    note: str


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


@dataclass(frozen=True)
class ModeHit:
    """How a trigger's event is told; `cue` and `source` are offsets into the Doc text."""

    mode: str
    cue: Span | None
    why: str
    source: Span | None = None
    source_role: str | None = None


# ---------------------------------------------------------------- loading


def _rows(name: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of a bundled CSV, comments skipped."""
    text = resources.files("sitrep").joinpath(f"data/{name}").read_text("utf-8")
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    rows = []
    for row in reader:
        number = numbered[reader.line_num - 1][0]
        if None in row or any(value is None for value in row.values()):
            raise SitrepError(Code.BAD_LEXICON, f"{name}:{number}: wrong number of columns")
        rows.append((number, {key: value.strip() for key, value in row.items()}))
    return rows


def _bad(name: str, number: int, message: str) -> SitrepError:
    return SitrepError(Code.BAD_LEXICON, f"{name}:{number}: {message}")


def _number(name: str, number: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise _bad(name, number, f"weight {value!r} is not a number") from None


@cache
def event_types() -> tuple[EventType, ...]:
    """The 25 ACLED sub-event types of `event_types.csv`, in file order."""
    return tuple(
        EventType(row["event_type"], row["sub_event_type"], row["code"], row["definition"])
        for _, row in _rows("event_types.csv")
    )


@cache
def _types_by_sub() -> dict[str, EventType]:
    return {kind.sub_event_type: kind for kind in event_types()}


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """The named word lists of `event_triggers.csv` (rows whose pattern is "$name"), by name."""
    lists: dict[str, frozenset[str]] = {}
    for _, row in _rows("event_triggers.csv"):
        if _is_list(row):
            lists[row["pattern"][1:]] = frozenset(word.lower() for word in row["requires"].split("|") if word)
    return lists


def _is_list(row: dict[str, str]) -> bool:
    """A word-list row: a "$name" pattern with no sub-event type ("$weapon * be find" is a trigger)."""
    return row["pattern"].startswith("$") and not row["sub_event_type"]


def _words(spec: str, name: str, number: int) -> frozenset[str]:
    """Alternatives of a "a|$list|@GPE|^verb" column, lists expanded; entity labels keep their "@",
    governing verbs their "^"."""
    out: set[str] = set()
    for word in filter(None, spec.split("|")):
        if word.startswith("$"):
            if word[1:] not in word_lists():
                raise _bad(name, number, f"unknown word list {word}")
            out |= word_lists()[word[1:]]
        else:
            out.add(word if word.startswith("@") else word.lower())
            if word.startswith("^") and len(word) < 2:
                raise _bad(name, number, "'^' needs a verb")
    return frozenset(out)


@cache
def triggers() -> tuple[Trigger, ...]:
    """The trigger rows of `event_triggers.csv` (word-list rows left out), checked."""
    name = "event_triggers.csv"
    out = []
    for number, row in _rows(name):
        if _is_list(row):
            continue
        sub = _types_by_sub().get(row["sub_event_type"])
        if sub is None:
            raise _bad(name, number, f"unknown sub-event type {row['sub_event_type']!r}")
        elements = tuple(GAP if part == "*" else _words(part, name, number) for part in row["pattern"].split())
        if not elements or elements[0] == GAP or elements[-1] == GAP or any(any(w[:1] in "@^" for w in e) for e in elements):
            raise _bad(name, number, f"bad pattern {row['pattern']!r}")
        if row["agent"] and row["agent"] not in AGENT_KINDS:
            raise _bad(name, number, f"agent must be state or nonstate, not {row['agent']!r}")
        out.append(
            Trigger(
                pattern=row["pattern"],
                elements=elements,
                sub_event_type=sub.sub_event_type,
                event_type=sub.event_type,
                weight=_number(name, number, row["weight"]),
                pos=frozenset(filter(None, row["pos"].upper().split("|"))),
                requires=_words(row["requires"], name, number),
                excludes=_words(row["excludes"], name, number),
                agent=row["agent"] or None,
                note=row["note"],
            )
        )
    return tuple(out)


@cache
def _trigger_index() -> dict[str, tuple[Trigger, ...]]:
    index: dict[str, list[Trigger]] = {}
    for trigger in triggers():
        for word in trigger.elements[0]:
            index.setdefault(word, []).append(trigger)
    return {word: tuple(rows) for word, rows in index.items()}


@cache
def modality_cues() -> tuple[ModalityCue, ...]:
    """The rows of `modality_cues.csv`, checked."""
    name = "modality_cues.csv"
    out = []
    for number, row in _rows(name):
        if row["mode"] not in MODES or (row["self_mode"] and row["self_mode"] not in MODES):
            raise _bad(name, number, f"unknown mode in {row['mode']!r} / {row['self_mode']!r}")
        if row["attach"] not in ATTACHES:
            raise _bad(name, number, f"unknown attach {row['attach']!r}")
        words = tuple(frozenset(w.lower() for w in part.split("|")) for part in row["cue"].split())
        if not words:
            raise _bad(name, number, "empty cue")
        out.append(
            ModalityCue(
                cue=row["cue"],
                words=words,
                mode=row["mode"],
                attach=row["attach"],
                scope=frozenset(filter(None, row["scope"].split("|"))),
                weight=_number(name, number, row["weight"]),
                source_dep=row["source_dep"] or None,
                source_role=row["source_role"] or None,
                self_mode=row["self_mode"] or None,
                note=row["note"],
            )
        )
    return tuple(out)


@cache
def _cues_by_attach() -> dict[str, tuple[ModalityCue, ...]]:
    groups: dict[str, list[ModalityCue]] = {}
    for cue in modality_cues():
        groups.setdefault(cue.attach, []).append(cue)
    return {attach: tuple(cues) for attach, cues in groups.items()}


# ---------------------------------------------------------------- tokens and tree


def _keys(token: Token) -> frozenset[str]:
    """The forms a lexicon word may match: lower-cased text and lemma, and a bare plural.

    Every stage asks for them, often of the same tokens: they are kept by the string ids of the
    three attributes they are made of (the same in every Doc of a vocabulary)."""
    ids = (token.lower, token.lemma, token.tag)
    keys = _KEYS.get(ids)
    if keys is None:
        if len(_KEYS) >= MAX_KEPT_KEYS:
            _KEYS.clear()
        keys = _KEYS[ids] = _forms(token.lower_, token.lemma_, token.tag_)
    return keys


def _forms(lower: str, lemma: str, tag: str) -> frozenset[str]:
    lower = lower.replace("’", "'")
    keys = {lower, lemma.lower().replace("’", "'")}
    if tag in ("NNS", "NNPS") and lower.endswith("s") and len(lower) > 3:
        keys.add(lower[:-1])
    return frozenset(keys)


MAX_KEPT_KEYS = 500_000
_KEYS: dict[tuple[int, int, int], frozenset[str]] = {}


def _in(token: Token, sent: SpacySpan) -> bool:
    return sent.start <= token.i < sent.end


def _predicate(token: Token, sent: SpacySpan) -> Token:
    """The verb of the clause a token stands in: itself, or the nearest verb above it."""
    node = token
    for _ in range(6):
        if node.pos_ in VERBAL or node.head.i == node.i or not _in(node.head, sent):
            return node
        node = node.head
    return node


def _subject(verb: Token, sent: SpacySpan) -> Token | None:
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
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and _in(node.head.head, sent):
            node = node.head.head  # "After capturing the hills, the army ...": the main clause's subject
            continue
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i or not _in(node.head, sent):
            return None
        node = node.head
    return None


def _phrase(token: Token, top: bool = True) -> list[Token]:
    """A noun phrase without clauses, and without prepositional phrases on its head except "of"."""
    out = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "appos", "conj"):
            continue
        if top and child.dep_ == "prep" and child.lower_ != "of":
            continue
        out.extend(_phrase(child, False))
    return sorted(out, key=lambda t: t.i)


def _clause(verb: Token, sent: SpacySpan) -> list[Token]:
    """The tokens of a verb's own clause: its subtree without embedded clauses (xcomp kept)."""
    out = [verb]
    for child in verb.children:
        if _in(child, sent) and (child.dep_ not in CLAUSAL or child.dep_ == "xcomp" or _noun_conjunct(child)):
            out.extend(_clause(child, sent))
    return out


def _noun_conjunct(token: Token) -> bool:
    """A conjunct that is not a clause: "police and protesters", not "clashed and looted"."""
    return token.dep_ == "conj" and token.pos_ not in VERBAL and token.head.pos_ not in VERBAL


def _span(doc: Doc, start: int, end: int) -> Span:
    """Char-offset Span of tokens doc[start:end] (its text from the tokens: `Doc.text` joins the whole Doc)."""
    words = doc[start:end]
    return Span(words.start_char, words.end_char, words.text)


def actor_kind(agent: Token) -> str | None:
    """"state", "nonstate" or None for an agent, from the `$state_actor`/`$nonstate_actor` lists.

    "pro-government" marks a state affiliate; otherwise non-state words win over state words
    ("anti-government rebels"); a national name with "forces"/"troops" reads as state.
    """
    lists = word_lists()
    state, nonstate = lists.get("state_actor", frozenset()), lists.get("nonstate_actor", frozenset())
    tokens = [t for t in _phrase(agent) if t.text not in HYPHENS]
    keys = [_keys(t) for t in tokens]
    for here, after in zip(keys, keys[1:]):
        if "pro" in here and after & state:
            return "state"
    if any(k & nonstate for k in keys):
        return "nonstate"
    if any(k & state for k in keys):
        return "state"
    if any(t.ent_type_ in ("NORP", "GPE") for t in tokens) and _keys(agent) & {"force", "troop", "unit"}:
        return "state"
    return None


# ---------------------------------------------------------------- triggers


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


def _holds(words: frozenset[str], tokens: Iterable[Token]) -> bool:
    """Whether any token has one of `words` as a form, or an "@LABEL" entity label."""
    labels = _labels(words)
    if not labels:
        return any(_keys(t) & words for t in tokens)
    return any(_keys(t) & words or t.ent_type_ in labels for t in tokens)


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
        if head.i == node.i or not _in(head, sent):
            return False
        dep = node.dep_
        if head.pos_ in VERBAL:
            return dep in ("dobj", "nsubjpass") and bool(_keys(head) & verbs)
        if dep not in ("conj", "appos", "nmod", "pobj") and not (dep == "prep" and node.lower_ in ("of", "including")):
            return False
        node = head
    return False


def classify(sent: SpacySpan, agent_kind: AgentKind | None = None) -> list[TriggerHit]:
    """The trigger hits of a parsed sentence, in text order; where matches overlap the heavier one stays.

    `agent_kind` maps an agent token to "state"/"nonstate"/None for rows with an actor condition;
    by default `actor_kind` is used.
    """
    kind_of = agent_kind or actor_kind
    tokens = list(sent)
    keys = [_keys(t) for t in tokens]
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
            hit = _check(row, sent, tokens, i, end, kind_of, clauses)
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
) -> TriggerHit | None:
    """The hit of a matched row if its POS, context and actor conditions hold; `clauses` keeps the
    clause of each head met."""
    doc = sent.doc
    start, stop = tokens[i].i, tokens[end - 1].i + 1
    match = doc[start:stop]
    head = match.root
    if row.pos and head.pos_ not in row.pos:
        return None
    if row.excludes and _holds(row.excludes, (t for t in tokens if not start <= t.i < stop)):
        return None
    if row.requires:
        clause = clauses.get(head.i)
        if clause is None:
            clause = clauses[head.i] = _clause(_predicate(head, sent), sent)
        if not _holds(row.requires, (t for t in clause if not start <= t.i < stop)) and not _object_of(head, sent, row.requires):
            return None
    agent_text = kind = None
    if row.agent is not None:
        last = match[-1]
        if last.pos_ == "ADP" and last.dep_ in ("prep", "agent", "dative"):
            agent = next((c for c in last.children if c.dep_ == "pobj"), None)
        else:
            agent = _subject(_predicate(head, sent), sent)
        kind = kind_of(agent) if agent is not None else None
        if kind != row.agent or agent is None:
            return None
        agent_text = " ".join(t.text for t in _phrase(agent))
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


def best(hits: Sequence[TriggerHit]) -> TriggerHit | None:
    """The heaviest hit, the earliest of equals; None for no hits."""
    return min(hits, key=lambda h: (-h.weight, h.start), default=None)


# ---------------------------------------------------------------- modality


@dataclass(frozen=True)
class _Found:
    depth: int
    cue: ModalityCue
    start: int  # Doc token range of the cue words
    end: int
    why: str


def _phrase_at(doc: Doc, i: int, words: Sequence[frozenset[str]], limit: int) -> int | None:
    """End of `words` matched in order from doc[i] (not past `limit`), or None."""
    for offset, choice in enumerate(words):
        if i + offset >= limit or not _keys(doc[i + offset]) & choice:
            return None
    return i + len(words)


def _cues(attach: str) -> tuple[ModalityCue, ...]:
    return _cues_by_attach().get(attach, ())


def _single(attach: str, token: Token) -> ModalityCue | None:
    """The heaviest one-word cue of this attachment that the token is (the first listed of equals)."""
    words = _single_words(attach)
    hits = {number: cue for key in _keys(token) for number, cue in words.get(key, ())}
    return max(hits.items(), key=lambda item: (item[1].weight, -item[0]), default=(0, None))[1]


@cache
def _single_words(attach: str) -> dict[str, tuple[tuple[int, ModalityCue], ...]]:
    """The one-word cues of an attachment by each of their words, with their place in the file."""
    index: dict[str, list[tuple[int, ModalityCue]]] = {}
    for number, cue in enumerate(_cues(attach)):
        if len(cue.words) == 1:
            for word in cue.words[0]:
                index.setdefault(word, []).append((number, cue))
    return {word: tuple(cues) for word, cues in index.items()}


def _opening(attach: str, clause: Token, sent: SpacySpan) -> tuple[ModalityCue, int, int] | None:
    """The longest cue of this attachment that opens the clause headed by `clause`."""
    doc, at = sent.doc, clause.left_edge.i
    if _inner_clause(doc[at], clause):
        return None
    best_cue: tuple[ModalityCue, int, int] | None = None
    for cue in _cues(attach):
        end = _phrase_at(doc, at, cue.words, sent.end)
        if end is not None and (best_cue is None or end - at > best_cue[2] - best_cue[1]):
            best_cue = (cue, at, end)
    return best_cue


def _inner_clause(token: Token, clause: Token) -> bool:
    """Whether `token` stands inside a clause embedded in `clause` rather than in `clause` itself."""
    node = token
    while node.i != clause.i and node.head.i != node.i:
        if node.dep_ in CLAUSAL:
            return True
        node = node.head
    return False


def _local(node: Token, depth: int, sent: SpacySpan, found: list[_Found]) -> None:
    """Cues standing on a verb of the trigger's own clause: modals, negation, "no", markers, adverbs, times."""
    doc = sent.doc
    for child in node.children:
        if not _in(child, sent):
            continue
        dep = child.dep_
        cue = None
        if dep == "aux":
            cue = _single("aux", child)
        elif dep == "neg":
            cue = _single("neg", child)
        elif dep == "mark":
            cue = _single("mark", child)
        elif dep == "amod":
            cue = _single("amod", child)
        elif dep == "advmod":
            cue = _single("advmod", child) or _single("neg", child)
            for phrase in (c for c in _cues("advmod") if len(c.words) > 1):
                start = max(child.i - len(phrase.words) + 1, sent.start)
                if _phrase_at(doc, start, phrase.words, sent.end) == child.i + 1:
                    found.append(_Found(depth, phrase, start, child.i + 1, f"adverb '{doc[start:child.i + 1].text}'"))
            if cue is not None and cue.attach == "advmod" and "nonpast" in cue.scope and node.tag_ in PAST_TAGS:
                cue = None
        if cue is not None:
            found.append(_Found(depth, cue, child.i, child.i + 1, f"{cue.attach} '{child.text}' on '{node.text}'"))
        if dep in ("nsubj", "nsubjpass", "dobj", "attr"):
            _no(child, depth, found, node)
        if dep == "advcl":
            opening = _opening("mark", child, sent)
            marker = opening[0] if opening else next((_single("mark", c) for c in child.children if c.dep_ == "mark"), None)
            if marker is not None and "consequence" in marker.scope:
                at = opening[1] if opening else child.left_edge.i
                end = opening[2] if opening else at + 1
                found.append(_Found(depth, marker, at, end, f"main clause of a condition opened by '{doc[at:end].text}'"))
        if dep in ("npadvmod", "prep", "advmod", "obl") and node.tag_ not in PAST_TAGS:
            for word in child.subtree:
                timex = _single("timex", word)
                if timex is not None and _in(word, sent):
                    found.append(_Found(depth, timex, word.i, word.i + 1, f"time phrase '{' '.join(t.text for t in child.subtree)}' on non-past '{node.text}'"))
                    break
    opening = _opening("mark", node, sent)
    if opening is not None:
        cue, at, end = opening
        found.append(_Found(depth, cue, at, end, f"clause of '{node.text}' opens with '{doc[at:end].text}'"))


def _no(noun: Token, depth: int, found: list[_Found], verb: Token | None = None) -> None:
    """A negating determiner ("no civilians") on a noun (an argument of `verb`, when given)."""
    for child in noun.children:
        if child.dep_ == "det":
            cue = _single("det", child)
            if cue is not None:
                what = f"'{noun.text}'" if verb is None else f"'{noun.text}', {noun.dep_} of '{verb.text}'"
                found.append(_Found(depth, cue, child.i, child.i + 1, f"determiner '{child.text}' on {what}"))


def _source(governor: Token, cue: ModalityCue, sent: SpacySpan) -> Token | None:
    """Who an attribution cue names as the source, by the cue's `source_dep`."""
    if cue.source_dep is None:
        return None
    if cue.source_dep == "nsubj" and any(c.dep_ == "auxpass" for c in governor.children):
        agent = next((c for c in governor.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    for child in governor.children:
        if child.dep_ == cue.source_dep and _in(child, sent):
            return child
        if cue.source_dep == "pobj" and child.dep_ in ("prep", "pcomp") and _in(child, sent):
            inner = _source(child, cue, sent)
            if inner is not None:
                return inner
    return None


def _according(node: Token, sent: SpacySpan) -> tuple[ModalityCue, int, int, Token | None] | None:
    """A prepositional attribution ("according to X") on a node: cue, token range, source."""
    for child in node.children:
        for cue in _cues("prep"):
            end = _phrase_at(sent.doc, child.i, cue.words, sent.end)
            if end is not None and _in(child, sent):
                return cue, child.i, end, _source(child, cue, sent)
    return None


def modality(sent: SpacySpan, trigger: Token) -> ModeHit:
    """How the event of `trigger` is told, read from the dependency path up from it.

    The nearest cue wins (weights break ties at one distance); modals, negation, "no" and
    condition markers count on the trigger's own clause and verbs it extends (xcomp, conj);
    governing words (deny, claim, plan, expect ...) count anywhere above it but not through a
    subject; attribution (said, according to) gives the source and, when the source is the
    event's own agent, turns reported into claimed. Default: "reported".
    """
    found: list[_Found] = []
    attribution: tuple[ModalityCue, int, int, Token | None] | None = None
    node, depth, local, step = trigger, 0, True, ""
    verb_seen = trigger.pos_ in VERBAL
    if not verb_seen:
        _no(trigger, 0, found)
    while True:
        if node.i != trigger.i and step not in SUBJECTS:
            cue = _single("governor", node)
            if cue is not None and (not cue.scope or step in cue.scope):
                if cue.source_dep is not None and attribution is None:
                    attribution = (cue, node.i, node.i + 1, _source(node, cue, sent))
                if cue.mode != "reported":
                    found.append(_Found(depth, cue, node.i, node.i + 1, f"'{node.text}' governs the trigger ({step})"))
        if local:
            _local(node, depth, sent, found)
        if attribution is None:
            attribution = _according(node, sent)
        head = node.head
        if node.dep_ == "relcl" or head.i == node.i or not _in(head, sent):
            break
        step = node.dep_
        if verb_seen:
            local = local and step in ("xcomp", "conj")
        else:
            local = local and step in ARGUMENT_STEPS
        node, depth = head, depth + 1
        verb_seen = verb_seen or node.pos_ in VERBAL
    if attribution is None:
        attribution = _side_attribution(sent, trigger)
    return _decide(sent, trigger, found, attribution)


def _side_attribution(sent: SpacySpan, trigger: Token) -> tuple[ModalityCue, int, int, Token | None] | None:
    """An attribution verb hanging off the sentence rather than above the trigger ("..., the army said")."""
    root = sent.root
    for node in (root, _predicate(trigger, sent)):
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and not (child.left_edge.i <= trigger.i <= child.right_edge.i):
                cue = _single("governor", child)
                if cue is not None and cue.mode == "reported" and cue.source_dep is not None:
                    return cue, child.i, child.i + 1, _source(child, cue, sent)
    return None


def _is_self(sent: SpacySpan, trigger: Token, source: Token) -> bool:
    """Whether the source of a statement is the agent of the event it tells ("ISIS said it ...")."""
    agent = _subject(_predicate(trigger, sent), sent)
    if agent is None:
        return False
    if agent.lower_ in SELF_PRONOUNS or any(c.dep_ == "poss" and c.lower_ in SELF_PRONOUNS for c in agent.children):
        return True
    return agent.lemma_.lower() == source.lemma_.lower()


def _decide(
    sent: SpacySpan, trigger: Token, found: list[_Found], attribution: tuple[ModalityCue, int, int, Token | None] | None
) -> ModeHit:
    doc = sent.doc
    source = role = None
    if attribution is not None:
        acue, astart, aend, speaker = attribution
        role = acue.source_role
        if speaker is not None:
            words = _phrase(speaker)
            source = _span(doc, words[0].i, words[-1].i + 1)
    if found:
        pick = min(found, key=lambda f: (f.depth, -f.cue.weight))
        denial = next((f for f in sorted(found, key=lambda f: f.depth) if f.cue.mode == "denied"), None)
        if pick.cue.mode in ("claimed", "reported") and denial is not None:
            pick = denial  # a denial of a claim still denies the event
        mode, why = pick.cue.mode, pick.why
        if pick.cue.attach == "aux" and pick.cue.mode == "hypothetical" and attribution is not None:
            if not any(f.cue.attach == "mark" for f in found):
                mode, why = "predicted", f"{why}, in reported speech without a condition"
        return ModeHit(mode, _span(doc, pick.start, pick.end), why, source, role)
    if attribution is not None:
        acue, astart, aend, speaker = attribution
        mode, why = acue.mode, f"attributed by '{doc[astart:aend].text}'"
        if acue.self_mode is not None and speaker is not None and _is_self(sent, trigger, speaker):
            mode, why = acue.self_mode, f"{why}; the source tells of its own action"
        return ModeHit(mode, _span(doc, astart, aend), why, source, role)
    return ModeHit("reported", None, "no modal, negation, condition, denial, claim or attribution governs the trigger")
