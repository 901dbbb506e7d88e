"""Modality: `modality(sent, token)` reads from the dependency parse, with the cues of
`modality_cues.csv`, whether the event of a trigger is told as reported, claimed, predicted, planned,
hypothetical, denied or negated, and who tells it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..models import Span
from .lexicon import ModalityCue, modality_cues, word_forms
from .syntax import CLAUSAL, VERBAL, in_sentence, noun_phrase, predicate_of, subject_of

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Steps from a noun trigger to its verb that keep the verb's modals and negation in scope.
ARGUMENT_STEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "compound", "amod", "appos", "conj", "nmod"})
PAST_TAGS = frozenset({"VBD", "VBN"})
SELF_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "its", "their", "our", "his", "her"})
# A state's military voice and its forces: "the military spokesperson" tells what "the Armed Forces" did
STATE_VOICE = frozenset({"army", "military", "ministry", "command", "spokesman", "spokesperson"})
STATE_FORCES = frozenset({"army", "military", "force", "forces", "troop", "troops", "soldier", "soldiers"})


@dataclass(frozen=True)
class ModeHit:
    """How a trigger's event is told; `cue` and `source` are offsets into the Doc text."""

    mode: str
    cue: Span | None
    why: str
    source: Span | None = None
    source_role: str | None = None


@cache
def _cues_by_attach() -> dict[str, tuple[ModalityCue, ...]]:
    groups: dict[str, list[ModalityCue]] = {}
    for cue in modality_cues():
        groups.setdefault(cue.attach, []).append(cue)
    return {attach: tuple(cues) for attach, cues in groups.items()}


def _span(doc: Doc, start: int, end: int) -> Span:
    """Char-offset Span of tokens doc[start:end] (its text from the tokens: `Doc.text` joins the whole Doc)."""
    words = doc[start:end]
    return Span(words.start_char, words.end_char, words.text)


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
        if i + offset >= limit or not word_forms(doc[i + offset]) & choice:
            return None
    return i + len(words)


def _cues(attach: str) -> tuple[ModalityCue, ...]:
    return _cues_by_attach().get(attach, ())


def _single(attach: str, token: Token) -> ModalityCue | None:
    """The heaviest one-word cue of this attachment that the token is (the first listed of equals)."""
    words = _single_words(attach)
    hits = {number: cue for key in word_forms(token) for number, cue in words.get(key, ())}
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
        if not in_sentence(child, sent):
            continue
        dep = child.dep_
        cue = None
        if dep == "aux":
            cue = None if _judged(node) else _single("aux", child)
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
                if timex is not None and in_sentence(word, sent):
                    found.append(_Found(depth, timex, word.i, word.i + 1, f"time phrase '{' '.join(t.text for t in child.subtree)}' on non-past '{node.text}'"))
                    break
    opening = _opening("mark", node, sent)
    if opening is not None:
        cue, at, end = opening
        found.append(_Found(depth, cue, at, end, f"clause of '{node.text}' opens with '{doc[at:end].text}'"))


def _judged(verb: Token) -> bool:
    """Whether a copula ranks the event with a superlative ("the attack could be the deadliest on a
    school"): a modal there hedges the judgment, not whether the event happened."""
    return verb.lemma_ == "be" and any(
        c.dep_ in ("attr", "acomp") and any(t.tag_ == "JJS" or t.lower_ == "most" for t in c.subtree) for c in verb.children
    )


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
        if child.dep_ == cue.source_dep and in_sentence(child, sent):
            return child
        if cue.source_dep == "pobj" and child.dep_ in ("prep", "pcomp") and in_sentence(child, sent):
            inner = _source(child, cue, sent)
            if inner is not None:
                return inner
    return None


def _according(node: Token, sent: SpacySpan) -> tuple[ModalityCue, int, int, Token | None] | None:
    """A prepositional attribution ("according to X") on a node: cue, token range, source."""
    for child in node.children:
        for cue in _cues("prep"):
            end = _phrase_at(sent.doc, child.i, cue.words, sent.end)
            if end is not None and in_sentence(child, sent):
                return cue, child.i, end, _source(child, cue, sent)
    return None


def modality(sent: SpacySpan, trigger: Token) -> ModeHit:
    """How the event of `trigger` is told, read from the dependency path up from it.

    The nearest cue wins (weights break ties at one distance); modals, negation, "no" and
    condition markers count on the trigger's own clause and verbs it extends (xcomp, conj);
    governing words (deny, claim, plan, expect ...) count anywhere above it but not through a
    subject, and so do nouns of intent (hope, aim) on a verb above an infinitive the trigger is in; attribution (said, according to) gives the source and, when the source is the
    event's own agent, turns reported into claimed. Default: "reported".
    """
    found: list[_Found] = []
    attribution: tuple[ModalityCue, int, int, Token | None] | None = None
    node, depth, local, step = trigger, 0, True, ""
    previous = trigger
    infinitive: Token | None = None
    verb_seen = trigger.pos_ in VERBAL
    if not verb_seen:
        _no(trigger, 0, found)
    while True:
        if node.i != trigger.i and step not in SUBJECTS:
            cue = _single("governor", node)
            if cue is not None and cue.mode == "claimed" and any(c.dep_ == "dobj" and c.lemma_ == "life" for c in node.children):
                cue = None  # "claiming the lives of 12": a toll, not a claim
            if cue is not None and (not cue.scope or step in cue.scope):
                if cue.source_dep is not None and attribution is None:
                    attribution = (cue, node.i, node.i + 1, _source(node, cue, sent))
                if cue.mode != "reported":
                    found.append(_Found(depth, cue, node.i, node.i + 1, f"'{node.text}' governs the trigger ({step})"))
            if infinitive is not None:
                _object(node, infinitive, depth, found)
        if infinitive is None and _infinitive(node):
            infinitive = node
        if step == "prep" and previous.lower_ == "of" and previous.i == trigger.head.i:
            _no_sign(node, depth, found)  # "no sign of bombardment", not "no reports of casualties in the shelling"
        if local:
            _local(node, depth, sent, found)
        if attribution is None:
            attribution = _according(node, sent)
        head = node.head
        previous = node
        if node.dep_ == "relcl" or head.i == node.i or not in_sentence(head, sent):
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


def _no_sign(node: Token, depth: int, found: list[_Found]) -> None:
    """"no" on what an "of" phrase above the trigger hangs on: the noun ("no sign of bombardment") or
    the noun a verb has ("there was no sign yet of resumed bombardment", where the parser hangs "of"
    on the verb): the event is negated."""
    nouns = [node] if node.pos_ in ("NOUN", "PROPN") else [c for c in node.children if c.dep_ in ("attr", "dobj")]
    for noun in nouns:
        _no(noun, depth, found)


def _infinitive(node: Token) -> bool:
    """Whether `node` is a verb with "to" ("to break")."""
    return node.pos_ in VERBAL and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)


def _object(verb: Token, infinitive: Token, depth: int, found: list[_Found]) -> None:
    """An `object` cue ("hope", "aim") that depends on a verb above the trigger and stands before the
    infinitive the trigger is in: "brings hope for the army to break the siege", "the aim is to
    capture", where the parser hangs the infinitive on the verb rather than on the noun."""
    for child in verb.children:
        if child.i < infinitive.i:
            cue = _single("object", child)
            if cue is not None and child.dep_ in cue.scope:
                why = f"'{child.text}' ({child.dep_} of '{verb.text}') before the infinitive '{infinitive.text}'"
                found.append(_Found(depth, cue, child.i, child.i + 1, why))


def _side_attribution(sent: SpacySpan, trigger: Token) -> tuple[ModalityCue, int, int, Token | None] | None:
    """An attribution verb hanging off the sentence rather than above the trigger ("..., the army said")."""
    root = sent.root
    for node in (root, predicate_of(trigger, sent)):
        for child in node.children:
            if child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and not (child.left_edge.i <= trigger.i <= child.right_edge.i):
                cue = _single("governor", child)
                if cue is not None and cue.mode == "reported" and cue.source_dep is not None:
                    return cue, child.i, child.i + 1, _source(child, cue, sent)
    return None


def _is_self(sent: SpacySpan, trigger: Token, source: Token) -> bool:
    """Whether the source of a statement is the agent of the event it tells ("ISIS said it ...")."""
    agent = subject_of(predicate_of(trigger, sent), sent)
    if agent is None:
        return False
    if agent.lower_ in SELF_PRONOUNS or any(c.dep_ == "poss" and c.lower_ in SELF_PRONOUNS for c in agent.children):
        return True
    return agent.lemma_.lower() == source.lemma_.lower() or _one_state(noun_phrase(agent), noun_phrase(source))


def _one_state(agent: Sequence[Token], source: Sequence[Token]) -> bool:
    """Whether a state's military voice tells of its own forces: the source names the army, the
    military or its spokesperson, the agent its forces, and the two name no different countries."""
    said = {t.lower_ for t in source}
    done = {t.lower_ for t in agent}
    if not (said & STATE_VOICE and said & {"army", "military", "defence", "defense"} and done & STATE_FORCES):
        return False
    countries = [{t.lower_ for t in phrase if t.ent_type_ in ("NORP", "GPE")} for phrase in (agent, source)]
    return not (countries[0] and countries[1]) or bool(countries[0] & countries[1])


def _decide(
    sent: SpacySpan, trigger: Token, found: list[_Found], attribution: tuple[ModalityCue, int, int, Token | None] | None
) -> ModeHit:
    doc = sent.doc
    source = role = None
    if attribution is not None:
        acue, astart, aend, speaker = attribution
        role = acue.source_role
        if speaker is not None:
            words = noun_phrase(speaker)
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
