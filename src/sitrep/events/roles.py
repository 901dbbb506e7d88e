"""Who did what to whom: which of the article's actors (`actor_mentions`) fill a trigger's roles.

Roles come from the dependency parse around the trigger: the subject or the passive's "by" agent is
actor1; the object, the passive subject or the complement of "against", "on", "from", "with", "to"
is actor2, though "from" on fire names who fires ("rocket fire from rebels"); an adjective or compound
on a noun trigger ("Russian airstrikes") is actor1; "between X and Y" gives both, one per side; the dead
of a passive death verb are acted upon; whose attack was repelled acted. Who reports the event is no actor of it: the
subject of "said" after the event ("..., police said"), "according to X", "security sources".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Token
from spacy.tokens import Span as SpacySpan

from .actor_mentions import ActorMention
from .syntax import answered, noun_phrase, with_to

MAX_CLIMB = 6
BACKING_LEMMAS = frozenset({"back", "broker", "mediate", "sponsor", "support", "help", "aid", "assist", "arm", "fund", "train"})
BACKING_NOUNS = frozenset({"help", "support", "backing", "aid", "assistance", "cover", "mediation"})
MODIFIERS = frozenset({"amod", "acl", "relcl"})  # a verb modifying a noun: its subject is not the event's
PATIENT_PREPS = frozenset({"against", "on", "from", "with", "upon", "at", "targeting", "to", "toward", "towards"})
# Links climbed from a trigger to the verb whose subject acts: "agreed to a ceasefire" (pobj, prep),
# "is willing to withdraw" (xcomp, acomp), "launched an offensive" (dobj), "said they would" (ccomp)
CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "relcl", "ccomp", "dobj", "acomp"})
RELATIVES = frozenset({"which", "who", "that"})
SAY_LEMMAS = frozenset({"say", "tell", "report", "add", "confirm", "state", "quote", "note", "write"})
# Who reacts to an event does not act in it: "the Syrian Coalition condemned the bombing"
REACT_LEMMAS = frozenset({"condemn", "denounce", "deplore", "decry", "slam", "criticise", "criticize", "mourn", "welcome"})
ALLEGE_LEMMAS = frozenset({"claim", "allege"})  # "activists claimed (that) the army ...": who tells, unless it claims the attack itself
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
ACCUSE_LEMMAS = frozenset({"accuse", "blame", "hold", "charge"})  # "accused X of", "blamed X for", "held X responsible for"
REPEL_LEMMAS = frozenset({"repel", "repulse", "foil", "thwart", "fend", "halt"})  # "repelled an attack by X": X acted
ATTACK_NOUNS = frozenset({"attack", "assault", "offensive", "attempt", "infiltration", "advance", "incursion", "raid"})
# Verbs of carrying an event out: "the strike was carried out by Russian planes" names who struck
DOING_LEMMAS = frozenset({"carry", "conduct", "launch", "perpetrate", "commit", "stage", "mount", "execute", "fire", "drop"})
# Nouns of fire and of those who attack, whose "from" phrase names who acts ("rocket fire from Syrian
# rebels", "a suicide bomber from the Islamic State group"), not whom it hits
FIRE_NOUNS = frozenset({
    "fire", "shelling", "barrage", "bombardment", "rocket", "mortar", "shell", "missile", "attack", "strike", "airstrike", "raid",
    "bomber", "gunman", "sniper",
})  # fmt: skip
VICTIM_LEMMAS = frozenset({"kill", "die", "wound", "injure", "hurt", "execute", "behead", "abduct", "kidnap"})
SUFFER_LEMMAS = frozenset({"suffer", "sustain", "incur"})  # "the group suffered heavy losses in the air raids": its losses


@dataclass(frozen=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc: tuple[ActorMention, ...]
    why: tuple[str, ...]
    syntactic: bool  # actor1 was read from the parse, not guessed from word order


def roles(
    sent: SpacySpan, trigger: Token, mentions: Sequence[ActorMention], last: Token | None = None, sides: bool = True
) -> Roles:
    """actor1, actor2 and associated actors of the event a trigger names, from the sentence's parse.
    `last` is the trigger phrase's last word: when it is a preposition ("fell to", "in the hands of"),
    its object is the actor that took the place. With `sides` (a fight), an actor of the other side
    named in the sentence is actor2 when the parse gives none."""
    inside = [m for m in mentions if sent.start <= m.root < sent.end and not _reporter(sent.doc[m.root], trigger) and not backing(sent.doc[m.root])]
    phrase = answered(trigger)  # "fired missiles ... in response to a gas attack": the answer's sides are not the attack's
    if phrase is not None:
        own = {t.i for t in noun_phrase(phrase, False)}  # its words, not a clause on them ("that Washington blamed on ...")
        inside = [m for m in inside if m.root in own]
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
    attacker = _repelled(trigger, by_token) if sides else None
    if attacker is not None and attacker is not agent:
        agent, patient = attacker, (agent if agent is not None and agent.ref.name != attacker.ref.name else patient)
        why = f"actor1 {attacker.ref.name}: whose attack {trigger.text!r} tells of, the side that acted; the side that stopped it is actor2"
    if patient is None:
        dead = _dead_of(trigger, by_token)  # "seven militants from the Nusra Front were killed in US-led air strikes"
        if dead is not None and dead is not agent:
            patient = dead
            why += f"; actor2 {dead.ref.name}: the dead of {trigger.head.head.text!r}, which the trigger caused"
    syntactic = agent is not None
    if agent is None and patient is None and phrase is not None:
        return Roles(None, None, (), (), False)  # no guess from the words around the phrase
    if agent is None and patient is None:
        before = [m for m in inside if m.ref.span.end <= trigger.idx]
        after = [m for m in inside if m.ref.span.start >= trigger.idx + len(trigger.text)]
        # "70 fighters killed in ... airstrikes": the dead, not the actor
        victims = sent.root.lemma_ in VICTIM_LEMMAS or _means_of_death(trigger)
        subject = None if victims else next((_actor_in(c, by_token) for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subject is not None and sent.root.lemma_ in SAY_LEMMAS and subject.root > trigger.i:
            subject = None  # "a blast killed 25 members of the Front, the Observatory said": told, not the actor
        # "23 DAESH terrorists were killed and a rocket launcher destroyed": the dead are acted upon
        told = next((c for c in sent.root.children if c.dep_ == "ccomp"), None) if sent.root.lemma_ in SAY_LEMMAS else None
        main = told if told is not None else sent.root  # "23 DAESH terrorists were killed ..., the sources said"
        fallen = [m for m in inside if _is_dead(sent.doc[m.root], main)] if main.lemma_ in VICTIM_LEMMAS else []
        before = [m for m in before if m not in fallen]
        agent = subject or (before[-1] if before else None)
        patient = next((m for m in fallen + after if agent is None or m.ref.name != agent.ref.name), None)
        why = (
            "actor1 is the sentence's subject" if subject else "nearest actors before and after the trigger"
        ) + " (no syntactic link to the trigger)"
    if patient is None and agent is not None and sides:
        allied = {t.i for t in sent.doc[agent.root].subtree}
        opposed = [m for m in inside if m.root not in allied and _opposed(agent, m)]
        patient = next((m for m in opposed if m.ref.actor_id), opposed[0] if opposed else None)
        if patient is not None:
            why += f"; actor2 {patient.ref.name}: the other side named in the sentence"
    chosen = {id(m) for m in (agent, patient) if m is not None}
    with_agent = {t.i for t in sent.doc[agent.root].subtree} if agent is not None else set()
    assoc = tuple(m for m in inside if id(m) not in chosen and m.root in with_agent and m.ref.name not in _names(agent, patient))
    return Roles(agent, patient, assoc, (why,) if why else (), syntactic)


def _repelled(trigger: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """Who made the attack a trigger says was stopped ("repelled an attack by ISIS", "the ISIL offensive
    was repelled"): the attack noun's own actor, by "by", a possessive or a name before it."""
    if trigger.lemma_ not in REPEL_LEMMAS:
        return None
    for noun in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in ATTACK_NOUNS):
        found = _child_actor(noun, ("poss", "compound", "nmod"), ("by",), by_token)
        if found is not None:
            return found
    return None


def _dead_of(trigger: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The side acted upon, as the dead or hurt of the event: the subject of a death or injury verb
    whose "in"/"by" phrase the trigger is ("X were killed in air strikes"), or the object of one the
    trigger is the subject of ("an airstrike killed five pro-regime forces"), directly or through a
    participle ("an Israeli plane hit a car, killing two men from Hezbollah")."""
    head = trigger.head
    if _means_of_death(trigger):
        return next((m for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj") and (m := _actor_in(c, by_token)) is not None), None)
    if trigger.dep_ != "nsubj":
        return None
    verbs = [head, *(c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG")]
    for verb in (v for v in verbs if v.lemma_ in VICTIM_LEMMAS):
        dead = next((_actor_in(c, by_token) for c in verb.children if c.dep_ == "dobj"), None)
        if dead is not None:
            return dead
    return None


def _means_of_death(trigger: Token) -> bool:
    """Whether the trigger is what killed ("were killed in strikes", "died in the shelling"): the words
    before it then name the dead, not who struck."""
    verb = trigger.head.head
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in ("in", "by"):
        return False
    return verb.lemma_ in SUFFER_LEMMAS or (verb.lemma_ in VICTIM_LEMMAS and not _killed_whom(verb))


def _killed_whom(verb: Token) -> bool:
    """Whether a death verb is active with its object ("troops killed 32 rebels"): its subject killed."""
    return any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def backing(token: Token) -> bool:
    """True when a mention names who backs, brokers or helps rather than who acts: "a ceasefire brokered
    by Russia", "rebels backed by Turkey", "with the help of air strikes by the coalition"; or, for a
    trigger, the means of that help ("units backed by the air force and artillery")."""
    node = token
    while node.dep_ in ("compound", "amod", "conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    if preposition.lower_ == "by" and preposition.dep_ == "agent":
        return preposition.head.lemma_ in BACKING_LEMMAS
    if preposition.lower_ == "of" and preposition.head.lemma_ in BACKING_NOUNS:
        return preposition.head.head.lower_ != "in"  # "with the help of", "with the support of"; not "in support of"
    return False


def _reporter(token: Token, trigger: Token) -> bool:
    """True when a mention names who reports the event rather than an actor of it: the subject of a
    verb of saying after the event ("..., police said") or of one reacting to it ("condemned the
    bombing"), "according to the army", "security sources", "a source at the Free Syrian Army", and
    whom a speaker tells ("told Tehran")."""
    node = token
    while node.dep_ in ("compound", "amod", "poss", "conj", "appos", "nmod") and node.head.i != node.i:
        node = node.head
    if node.lemma_ in ("source", "sources") and node.i != token.i:
        return True
    if node.dep_ == "pobj" and node.head.lower_ in ("at", "in", "from", "with", "within") and node.head.head.lemma_ in ("source", "official", "spokesman"):
        return True  # "a military source at the Free Syrian Army told ..."
    told_by = node
    while told_by.dep_ == "pobj" and told_by.head.lower_ == "of" and told_by.head.head.i != told_by.head.i:
        told_by = told_by.head.head  # "according to the Twitter account of the Islamic Front"
    if told_by.dep_ == "pobj" and told_by.head.lower_ == "to" and told_by.head.head.lower_ == "according":
        return True
    if node.dep_ in ("dobj", "dative") and node.head.lemma_ in SAY_LEMMAS and node.head.i != trigger.i:
        return True  # "had told Tehran", "told AFP": whom a speaker tells is no actor of what is told
    if _said_last(token):
        return True  # "..., state media and activists said.", however the parser attaches them
    saying = node.head
    verbs = SAY_LEMMAS | REACT_LEMMAS | ALLEGE_LEMMAS
    if node.dep_ != "nsubj" or saying.lemma_ not in verbs or saying.i == trigger.i or trigger.i in {t.i for t in node.subtree}:
        return False
    if node.i > trigger.i and saying.lemma_ not in ALLEGE_LEMMAS:
        return True  # "..., police said"
    # "the governor told AFP the car bomb went off": the speaker tells what its clause says, unless the
    # clause's subject is a pronoun that can be the speaker ("the army said it captured the town"); one
    # who alleges tells only a clause ("activists claimed the army carried out a chlorine attack", not
    # "IS claimed the attack")
    clause = next((c for c in saying.children if c.left_edge.i <= trigger.i <= c.right_edge.i), None)
    told = ("ccomp",) if saying.lemma_ in ALLEGE_LEMMAS else ("ccomp", "dobj", "parataxis")
    if clause is not None and saying.lemma_ in ALLEGE_LEMMAS and any(c.dep_ == "nsubj" and trigger.i in {t.i for t in c.subtree} for c in clause.children):
        return False  # "IS claims the suicide bomb attack that hit ..." parsed as a clause whose subject is the attack
    return clause is not None and clause.dep_ in told and not _self_told(clause)


def _opposed(agent: ActorMention, other: ActorMention) -> bool:
    """A state actor against a non-state one, or the reverse: the two sides of a fight."""
    sides = {"state_forces": "state", "external_forces": "state"}
    mine, theirs = sides.get(agent.ref.type or "", "other"), sides.get(other.ref.type or "", "other")
    return other.ref.name != agent.ref.name and mine != theirs and "civilians" not in (agent.ref.type, other.ref.type)


def _names(*mentions: ActorMention | None) -> set[str]:
    return {m.ref.name for m in mentions if m is not None}


def _syntax(trigger: Token, by_token: dict[int, ActorMention]) -> tuple[ActorMention | None, ActorMention | None, str]:
    """Agent and patient read from the trigger's dependents, climbing to its verb when needed."""
    own = by_token.get(trigger.i)
    if own is not None:  # "Israeli air raids", "riot police": the trigger's words name who acts
        patient = next(
            (m for c in trigger.children if c.dep_ == "prep" and c.lower_ in PATIENT_PREPS for g in c.children
             if g.dep_ == "pobj" and (m := _actor_in(g, by_token)) is not None),
            None,
        )  # fmt: skip
        return own, patient, "the trigger phrase names actor1; the object of its preposition is actor2"
    if trigger.dep_ == "nsubjpass":  # "the strike was suspected to have been carried out by Russian planes"
        verbs = [trigger.head, *(c for c in trigger.head.children if c.dep_ == "xcomp")]
        for verb in (v for v in verbs if v.lemma_ in DOING_LEMMAS):
            by = next((c for c in verb.children if c.dep_ == "agent"), None)
            doer = next((_actor_in(g, by_token) for g in by.children if g.dep_ == "pobj" and not _alternatives(g)), None) if by is not None else None
            if doer is not None:
                return doer, None, f"the agent of {verb.text!r}, which the trigger is the subject of, is actor1"
    if trigger.dep_ in ("nsubj", "nsubjpass"):  # "clashes broke out between X and Y"
        for child in trigger.head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pair = _sides(child, by_token)
                if len(pair) >= 2:
                    return pair[0], pair[1], "the two sides named after \"between\""
    node: Token | None = trigger
    agent = patient = None
    steps = 0
    modified = False
    arrived = ""  # the link last climbed
    came_from: Token | None = None  # the token it was climbed from
    while node is not None and steps < MAX_CLIMB and agent is None:
        if node.i != trigger.i and node.lemma_ in ACCUSE_LEMMAS:
            # "the US accused the regime of the attack": the accused acts, the accuser tells
            accused = next((_actor_in(c, by_token) for c in node.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if accused is not None:
                return accused, patient, f"the one {node.text!r} names is actor1 (the accuser only tells)"
            break
        under = arrived == "prep" and came_from is not None and came_from.lower_ == "under" and node.lemma_ == "come"
        if node.i != trigger.i and (under or (node.lemma_ in SUFFER_LEMMAS and arrived in ("pobj", "prep", "dobj"))):
            # "ISIS militants suffered heavy losses in Syrian army air raids", "the ISIL strongholds came under
            # the bombardments": who suffered or came under it was acted upon
            patient = patient or next((m for c in node.children if c.dep_ == "nsubj" and (m := _actor_in(c, by_token)) is not None), None)
            break
        if node.i != trigger.i and node.lemma_ in VICTIM_LEMMAS and arrived in ("pobj", "prep"):
            if _killed_whom(node):  # "troops killed 32 rebels in an ambush": who killed acted, the killed were acted upon
                agent = next((m for c in node.children if c.dep_ == "nsubj" and (m := _actor_in(c, by_token)) is not None), None)
                patient = patient or next((m for c in node.children if c.dep_ == "dobj" and (m := _actor_in(c, by_token)) is not None), None)
                break
            # "70 fighters killed in Russian airstrikes": the dead are the event's target
            victims = next((m for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and (m := _actor_in(c, by_token)) is not None), None)
            patient = patient or victims
            break
        for child in node.children:
            dep = child.dep_
            if dep in ("nsubj", "csubj") and agent is None and (node.i == trigger.i or node.dep_ not in MODIFIERS):
                agent = _actor_in(child, by_token)
            elif dep == "nsubj" and agent is None and node.dep_ == "relcl" and child.lower_ in RELATIVES:
                agent = by_token.get(node.head.i)  # "Macedonia, which is preparing an offensive"
            elif dep == "agent" and agent is None:
                agent = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)
            elif dep == "nsubjpass" and patient is None:
                patient = _actor_in(child, by_token)
            elif dep in ("dobj", "obj", "dative") and patient is None:
                patient = _actor_in(child, by_token)
            elif dep == "prep" and child.lower_ == "from" and agent is None and node.i == trigger.i and node.lemma_ in FIRE_NOUNS:
                agent = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)  # "rocket fire from rebels"
            elif dep == "prep" and patient is None and child.lower_ in PATIENT_PREPS and child.i > node.i:
                # after the verb: "attacked positions on the hill", not "on Friday ISIL seized"
                patient = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)
            elif dep == "prep" and child.lower_ == "by" and agent is None and node.i == trigger.i and node.pos_ in ("NOUN", "PROPN"):
                agent = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)  # "air strikes by the regime"
            elif dep in ("amod", "compound", "poss") and agent is None and node.i == trigger.i and node.pos_ in ("NOUN", "PROPN"):
                agent = _actor_in(child, by_token)  # "Russian airstrikes", "the army's shelling"
            elif dep in ("acl", "relcl") and agent is None and node.i == trigger.i and node.pos_ in ("NOUN", "PROPN"):
                # "a bomb attack dropped by the regime": the participle's agent made the attack
                by = next((c for c in child.children if c.dep_ == "agent"), None)
                agent = next((_actor_in(g, by_token) for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            elif dep == "prep" and child.lower_ == "between":
                pair = _sides(child, by_token)
                if len(pair) >= 2:
                    return pair[0], pair[1], "the two sides named after \"between\""
        if agent is not None and patient is None:
            patient = _purpose_target(node, by_token)
        if node.dep_ not in CLIMB or node.head.i == node.i:
            break
        if node.dep_ == "dobj" and modified:
            break  # the trigger describes a noun that is some verb's object: that verb's subject is not its agent
        if node.head.lemma_ in SAY_LEMMAS and not _self_told(node):
            break  # "the governor told AFP the car bomb went off": who tells is not who acts
        modified = node.dep_ in MODIFIERS
        arrived = node.dep_
        came_from = node
        node, steps = node.head, steps + 1
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and patient is None:
        patient = by_token.get(trigger.head.i) or next(
            (by_token[c.i] for c in trigger.head.children if c.dep_ in ("compound", "amod") and c.i in by_token), None
        )  # "the FSA officers executed by ...": the noun a participle describes is who it was done to
    why = "subject or agent of the trigger is actor1; its object or target is actor2" if agent or patient else ""
    return agent, patient, why


def _is_dead(token: Token, verb: Token) -> bool:
    """Whether a token lies in the subject of a passive death verb ("23 terrorists were killed") or of
    "die": the dead."""
    passive = verb.lemma_ == "die" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and any(c.dep_ in ("nsubjpass", "nsubj") and c.left_edge.i <= token.i <= c.right_edge.i for c in verb.children)


def _alternatives(token: Token) -> bool:
    """Whether a phrase names one of several possible doers ("either Russian or Syrian government planes")."""
    words = {t.lower_ for t in token.subtree if t.dep_ in ("cc", "preconj")}
    return "or" in words or "either" in words


def _sides(between: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """The actors named after "between", one per name: "between Islamic State militants and government
    forces" names two sides, though "Islamic State" and "militants" are two mentions of one."""
    sides: dict[str, ActorMention] = {}
    for token in between.subtree:
        if (mention := by_token.get(token.i)) is not None:
            sides.setdefault(mention.ref.name, mention)
    return list(sides.values())


def _said_last(token: Token) -> bool:
    """Whether a mention is followed by a verb of saying that ends its sentence ("..., activists said.")."""
    doc, after = token.doc, token.i + 1
    if after >= len(doc) or doc[after].lemma_ not in SAY_LEMMAS or doc[after].pos_ != "VERB":
        return False
    return after + 1 >= len(doc) or doc[after + 1].is_punct or doc[after + 1].is_sent_start is True


def _self_told(clause: Token) -> bool:
    """Whether a clause under a verb of saying has a pronoun subject that can be the speaker ("the
    army said it captured the town"), so that the speaker is the actor."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in SPEAKER_PRONOUNS


def _purpose_target(verb: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The object of a purpose clause on the acting verb: "staged a strike to protest against Sweden's
    decision", "began a hunger strike to demand the return of property seized by the army"."""
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "xcomp") or not with_to(clause):
            continue
        found = _child_actor(clause, ("dobj", "obj"), PATIENT_PREPS, by_token)
        if found is not None:
            return found
    return None


def _child_actor(head: Token, deps: Collection[str], preps: Collection[str], by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The first actor a head's children name: one in a dependent of `deps`, or the object of one of
    the prepositions `preps`."""
    for child in head.children:
        if child.dep_ in deps:
            found = _actor_in(child, by_token)
        elif child.dep_ == "prep" and child.lower_ in preps:
            found = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)
        else:
            continue
        if found is not None:
            return found
    return None


def _actor_in(token: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The actor a token's phrase names: its first named actor (catalogued or kept under its own
    name), else its first generic one ("Fighters of the Sultan Murad Division" is the Division)."""
    inside = [by_token[node.i] for node in token.subtree if node.i in by_token]
    return next((m for m in inside if m.ref.actor_id or m.ref.why.startswith("an armed group's name")), None) or (
        inside[0] if inside else None
    )
