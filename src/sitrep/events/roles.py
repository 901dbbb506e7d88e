"""Who did what to whom: the actors of an article, and which of them fill a trigger's roles.

Actor mentions come from the catalogue (named actors, then generic phrases resolved for the
article's country: "government troops" in a Syria article are the Military Forces of Syria, "the
terrorist group" the latest compatible named actor). A generic phrase no catalogue actor stands for
("Hungarian officials", "Kurdish rebels", "police in Cairo") is kept as written, with the country its
own words or the parse give ("Iraq's interim government": a possessive, an adjective, "of"/"in"/
"from" a country) and the type of its phrase. Where the sentence is parsed, a country named in an
argument position stands for its state ("Iran threatened...", "...an ultimatum to Ecuador",
"Serbia's crackdown"), as ACLED's government actors, which are state forces.

Roles come from the dependency parse around the trigger: the subject or the passive's "by" agent is
actor1; the object, the passive subject or the complement of "against", "on", "from", "with", "to"
is actor2; an adjective or compound on a noun trigger ("Russian airstrikes") is actor1; "between X
and Y" gives both. Who reports the event is no actor of it: the subject of "said" after the event
("..., police said"), "according to X", "security sources".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..actors import ANAPHORS, Catalogue, GenericMatch, country_of
from ..models import ActorRef, Span
from .lexicon import word_lists
from .records import countries

MAX_CLIMB = 6
BACKING_LEMMAS = frozenset({"back", "broker", "mediate", "sponsor", "support", "help", "aid", "assist", "arm", "fund", "train"})
BACKING_NOUNS = frozenset({"help", "support", "backing", "aid", "assistance", "cover", "mediation"})
# "rebel-held", "Daesh-controlled": who holds a place describes the place, it does not act in the event;
# "Turkish-backed", "al-Qaeda-linked": who backs a group or is tied to it does not act either
_HOLDER = re.compile(
    r"\s?[-‐–]\s?(?:held|controlled|besieged|occupied|run|dominated|infested|ruled"
    r"|affiliated|linked|allied|aligned|inspired|backed|sponsored|supported)\b",  # "Al-Qaeda-affiliated Nusra": whom a group is tied to
    re.IGNORECASE,
)
HELD_BY_CHARS = 80  # how far before a mention "controlled by" is sought
# "Al-Qaeda affiliate Al-Nusra Front", "al-Qaedas Syria branch": the group named after is the one meant
_AFFILIATE_OF = re.compile(r"(?:['’]?s)?(?:\s+[A-Z][\w-]*)?\s+(?:affiliate|branch|offshoot|franchise)\s+(?:the\s+)?[A-Z]")
# "rebel areas", "opposition districts": who holds the place describes it, as "rebel-held" does
# ("civilian areas" are the civilians' still: shelling them targets civilians)
_HELD_AREA = re.compile(
    r"(?i)\s+(?:areas?|territor(?:y|ies)|districts?|neighbou?rhoods?|towns?|villages?|parts?|suburbs?|enclaves?)\b"
)
# "... the al-Jafra area which is controlled by the Syrian government", "under the control of IS": the same
_HELD_BY = re.compile(
    r"(?i:\b(?:controlled|held|run|ruled|dominated)\s+by|\bunder\s+(?:the\s+)?control\s+of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+(?:[A-Z][\w-]*\s+)?(?:affiliate|branch|offshoot|franchise)\s+(?:the\s+)?)?$"  # "... by the PKKs Syrian affiliate YPG"
)
_GROUP_NAME = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]+\s+(?:(?:of|al|el)[\s-]+(?:the\s+)?)?){1,5}[A-Z][a-z]+\b")
MODIFIERS = frozenset({"amod", "acl", "relcl"})  # a verb modifying a noun: its subject is not the event's
PATIENT_PREPS = frozenset({"against", "on", "from", "with", "upon", "at", "targeting", "to", "toward", "towards"})
# Links climbed from a trigger to the verb whose subject acts: "agreed to a ceasefire" (pobj, prep),
# "is willing to withdraw" (xcomp, acomp), "launched an offensive" (dobj), "said they would" (ccomp)
CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "relcl", "ccomp", "dobj", "acomp"})
RELATIVES = frozenset({"which", "who", "that"})
# Where a country named in a sentence is an actor: as the subject, object or agent of a verb, a
# possessive ("Serbia's crackdown"), or the object of these prepositions; not of "in", "near", "of"...
ARGUMENT_DEPS = {
    "nsubj": "the subject of",
    "nsubjpass": "the passive subject of",
    "dobj": "the object of",
    "dative": "the indirect object of",
    "poss": "the possessor of",
}
ARGUMENT_PREPS = frozenset({"against", "with", "to", "on", "by", "upon", "from", "between", "toward", "towards", "for"})
# Nouns a country adjective only locates ("the Turkish border", "Syrian territory"): no actor
PLACE_NOUNS = frozenset(
    "border borders frontier capital city cities town towns village villages territory territories soil side coast "
    "waters airspace region regions province provinces area areas land lands part parts north south east west "
    "origin descent".split()
)
CROSSINGS = frozenset({"crossing", "crossings", "gate", "checkpoint", "frontier"})  # "a border crossing with Turkey"
# Words that make an office no state's: "opposition leader", "party officials", "tribal leaders"
NON_STATE_QUALIFIERS = frozenset(
    "opposition rebel rebels insurgent militant guerrilla party union tribal clan religious spiritual community "
    "student students protest church village civic business labor labour trade media company militia".split()
)
SAY_LEMMAS = frozenset({"say", "tell", "report", "add", "confirm", "state", "quote", "note", "write"})
# Who reacts to an event does not act in it: "the Syrian Coalition condemned the bombing"
REACT_LEMMAS = frozenset({"condemn", "denounce", "deplore", "decry", "slam", "criticise", "criticize", "mourn", "welcome"})
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
ACCUSE_LEMMAS = frozenset({"accuse", "blame", "hold", "charge"})  # "accused X of", "blamed X for", "held X responsible for"
REPEL_LEMMAS = frozenset({"repel", "repulse", "foil", "thwart", "fend", "halt"})  # "repelled an attack by X": X acted
ATTACK_NOUNS = frozenset({"attack", "assault", "offensive", "attempt", "infiltration", "advance", "incursion", "raid"})
VICTIM_LEMMAS = frozenset({"kill", "die", "wound", "injure", "hurt", "execute", "behead", "abduct", "kidnap"})
GROUP_NAMES = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters"}  # ACLED: "Civilians (Syria)"
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


def actor_mentions(doc: Doc, catalogue: Catalogue, country: str | None, text: str | None = None) -> list[ActorMention]:
    """Every actor mention of the article, named and generic, and the countries acting as states in
    parsed sentences, in text order; `text` is the Doc's, when the caller has it."""
    text = doc.text if text is None else text
    found: list[ActorMention] = []
    named, generics = catalogue.find_all(text, country)
    for match in named:
        actor = match.actor
        span = Span(match.start, match.end, match.text)
        why = f"catalogue alias {match.alias!r}"
        found.append(_mention(doc, ActorRef(actor.name, actor.id, actor.type, actor.country, span, why)))
    for generic in generics:
        if "civilians" not in generic.types and _HELD_AREA.match(text, generic.end):
            continue  # "rebel areas": whose the place is
        mention = _mention(doc, _generic_ref(generic))
        if mention.root >= 0 and _parsed(doc[mention.root]):
            mention = _country_from_parse(doc, mention, generic)
            if _other_office(doc[mention.root], generic, mention.ref.country != generic.country):
                continue
        found.append(mention)
    found = [m for m in found if m.root >= 0]
    found += _unknown_groups(doc, text, found)
    found += _countries_acting(doc, found)
    found = [m for m in found if not _HOLDER.match(text, m.ref.span.end) and not _HELD_BY.search(text, max(0, m.ref.span.start - HELD_BY_CHARS), m.ref.span.start)]
    found = [m for m in found if not _AFFILIATE_OF.match(text, m.ref.span.end)]
    return sorted(found, key=lambda m: m.ref.span.start)


def _unknown_groups(doc: Doc, text: str, known: Sequence[ActorMention]) -> list[ActorMention]:
    """Capitalised names ending in a group word ("the Sultan Murad Division") that no catalogue or
    generic match covers: kept under their own name, with the group word's type as the guess."""
    words = _group_words()
    found = []
    for match in _GROUP_NAME.finditer(text):
        last = match.group().rsplit(maxsplit=1)[-1]
        start, end = match.span()
        if last not in words or any(m.ref.span.start < end and start < m.ref.span.end for m in known):
            continue
        why = f"an armed group's name the catalogue lacks (ends in {last!r}): kept as written, type guessed"
        mention = _mention(doc, ActorRef(match.group(), None, words[last], None, Span(start, end, match.group()), why))
        if mention.root >= 0:
            found.append(mention)
    return found


@cache
def _group_words() -> dict[str, str]:
    text = resources.files("sitrep").joinpath("data/group_words.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["word"]: row["type"] for row in rows}


def of_country(actor: ActorRef | None, country: str | None) -> ActorRef | None:
    """Unarmed people no country word names ("civilians") as those of `country` ("Civilians (Syria)")."""
    name = countries().get(country or "", {}).get("name")
    if actor is None or actor.actor_id is not None or actor.country is not None or actor.type not in GROUP_NAMES or not name:
        return actor
    return replace(actor, name=f"{GROUP_NAMES[actor.type]} ({name})", country=country, why=f"{actor.why}, of {name}")


def _generic_ref(generic: GenericMatch) -> ActorRef:
    span = Span(generic.start, generic.end, generic.text)
    if generic.actor is not None:
        actor = generic.actor
        why = f"{generic.phrase!r} stands for {actor.name}" + (
            f" (article country {generic.country})" if generic.role not in ANAPHORS else " (the latest such actor named)"
        )
        return ActorRef(actor.name, actor.id, actor.type, actor.country, span, why)
    guess = generic.types[0] if generic.types else TYPE_GUESS.get(generic.phrase.split()[-1])
    if generic.role == "group" and guess in GROUP_NAMES:
        code = generic.country if generic.country_word is not None else None  # else named by the event's place (`of_country`)
        country = countries().get(code or "", {}).get("name")
        name = f"{GROUP_NAMES[guess]} ({country})" if country else GROUP_NAMES[guess]
        why = f"{generic.phrase!r} names unarmed people as ACLED does: {name}"
        return ActorRef(name, None, guess, code, span, why)
    if generic.country_word is not None:
        where = f"country {generic.country} from {generic.country_word!r}"
    elif generic.country is not None:
        where = f"article country {generic.country}"
    else:
        where = "no country"
    what = {"government": "a state office or body (ACLED types government actors as state forces)"}.get(
        generic.role, f"generic phrase, role {generic.role}"
    )
    why = f"no catalogue actor: {generic.phrase!r} is {what}; kept as written, {where}"
    return ActorRef(generic.text, None, guess, generic.country, span, why)


def _mention(doc: Doc, ref: ActorRef) -> ActorMention:
    span = doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
    return ActorMention(ref, span.root.i if span is not None else -1)


def _parsed(token: Token) -> bool:
    """True when the token's sentence has a real parse (elsewhere the scan leaves a flat tree)."""
    return any(t.dep_ not in ("dep", "ROOT", "") for t in token.sent)


def _other_office(root: Token, generic: GenericMatch, country_in_parse: bool) -> bool:
    """An office of some group rather than of a state ("opposition leader", "party officials", "leaders
    of the opposition coalition"), or an office word used as an adjective ("an official newspaper")."""
    if generic.role != "government" or generic.country_word is not None:
        return False
    if root.dep_ == "amod" or root.pos_ == "ADJ":
        return True
    if country_in_parse:
        return False
    qualifiers = [c for c in root.children if c.dep_ in ("compound", "amod", "nmod")]
    qualifiers += [t for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    return any(t.lower_ in NON_STATE_QUALIFIERS for t in qualifiers)


def _country_from_parse(doc: Doc, mention: ActorMention, generic: GenericMatch) -> ActorMention:
    """A generic phrase whose own words name no country takes one from its modifiers in the parse:
    "Iraq's interim government", "Irish nationalist guerrillas", "police in Cairo"."""
    ref = mention.ref
    if generic.country_word is not None or ref.actor_id is not None:
        return mention
    root = doc[mention.root]
    for child in root.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < root.i:
            words = _entity_text(child)
            found, shown = country_of(words), words
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "in") and child.i > root.i:
            if child.lower_ == "in" and generic.role in ("state_forces", "national_forces"):
                continue  # "troops in Iraq" need not be Iraq's
            words = next((_entity_text(g) for g in child.children if g.dep_ == "pobj"), "")
            found, shown = country_of(words), f"{child.text} {words}"
        else:
            continue
        if found is not None:
            why = ref.why.rsplit("; kept as written", 1)[0] + f"; kept as written, country {found} from {shown!r} in the parse"
            return ActorMention(replace(ref, country=found, why=why), mention.root)
    return mention


def _entity_text(token: Token) -> str:
    """The named entity a token belongs to ("North Korea" for "Korea"), else the token."""
    if token.ent_type_:
        for ent in token.sent.ents:
            if ent.start <= token.i < ent.end:
                return ent.text
    return token.text


def _countries_acting(doc: Doc, known: Sequence[ActorMention]) -> list[ActorMention]:
    """Countries named as actors in parsed sentences, outside the mentions already found: "Iran" as a
    subject, "Ecuador" after "an ultimatum to", "Serbia's", "a Senegalese peace plan". A country acts
    through its state: ACLED types government actors as state forces."""
    covered = {i for m in known for i in range(m.ref.span.start, m.ref.span.end)}
    heads = {m.root: m for m in known}
    found: list[ActorMention] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP") or ent.start_char in covered or not _parsed(ent.root):
            continue
        role = _argument(ent.root)
        country = country_of(ent.text) if role else None
        if country is None or role is None:
            continue
        span = Span(ent.start_char, ent.end_char, ent.text)
        head = heads.get(ent.root.head.i)
        if role.startswith("the adjective") and head is not None:  # "Hungarian and Romanian officials"
            why = f"the country word {ent.text!r} ({country}) on {head.ref.name!r}: an actor of that type from {country}"
            found.append(ActorMention(ActorRef(f"{ent.text} {ent.root.head.text}", None, head.ref.type, country, span, why), ent.root.i))
            continue
        if role.startswith("the adjective") and _civilian_thing(ent.root.head):
            continue  # "a Syrian bus convoy", "a Syrian market": the country's people or things, no side
        if role.startswith("the adjective") and ent.root.head.tag_ in ("NNS", "NNPS"):
            why = f"the country word {ent.text!r} ({country}) as {role}: people or things of the country, type unknown"
            found.append(ActorMention(ActorRef(ent.text, None, None, country, span, why), ent.root.i))
            continue
        why = f"the country {ent.text!r} ({country}) as {role} stands for its state, kept as written (ACLED types government actors as state forces)"
        found.append(ActorMention(ActorRef(ent.text, None, "state_forces", country, span, why), ent.root.i))
    return found


def _civilian_thing(noun: Token) -> bool:
    """Whether a noun, or a noun compounded into it ("bus convoy"), names civilians or their things
    (the trigger lexicon's `$civilian` list)."""
    civilian = word_lists()["civilian"]
    return any(t.lemma_.lower() in civilian or t.lower_ in civilian for t in (noun, *(c for c in noun.children if c.dep_ == "compound")))


def _argument(token: Token) -> str | None:
    """How a country's name is an argument of its sentence ("the subject of 'threatened'"), else None."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    dep, head = node.dep_, node.head
    while dep == "amod" and head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.i != head.i:
        head = head.head  # "Syrian and Russian joint airstrikes": the adjectives of one noun
    if dep in ARGUMENT_DEPS:
        return f"{ARGUMENT_DEPS[dep]} {head.text!r}"
    if dep == "pobj" and head.lower_ in ARGUMENT_PREPS and head.head.lemma_.lower() not in PLACE_NOUNS | CROSSINGS:
        return f"the object of {head.text!r}"  # not "the border with Turkey", "a crossing with Iraq"
    if dep in ("amod", "compound") and token.ent_type_ == "NORP" and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in PLACE_NOUNS:
        return f"the adjective of {head.text!r}"
    return None


def roles(
    sent: SpacySpan, trigger: Token, mentions: Sequence[ActorMention], last: Token | None = None, sides: bool = True
) -> Roles:
    """actor1, actor2 and associated actors of the event a trigger names, from the sentence's parse.
    `last` is the trigger phrase's last word: when it is a preposition ("fell to", "in the hands of"),
    its object is the actor that took the place. With `sides` (a fight), an actor of the other side
    named in the sentence is actor2 when the parse gives none."""
    inside = [m for m in mentions if sent.start <= m.root < sent.end and not _reporter(sent.doc[m.root], trigger) and not _backer(sent.doc[m.root])]
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
    if agent is None and patient is None:
        before = [m for m in inside if m.ref.span.end <= trigger.idx]
        after = [m for m in inside if m.ref.span.start >= trigger.idx + len(trigger.text)]
        victims = sent.root.lemma_ in VICTIM_LEMMAS  # "70 fighters killed in ... airstrikes": the dead, not the actor
        subject = None if victims else next((_actor_in(c, by_token) for c in sent.root.children if c.dep_ == "nsubj"), None)
        agent = subject or (before[-1] if before else None)
        patient = next((m for m in after if agent is None or m.ref.name != agent.ref.name), None)
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
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "nmod"):
                found = _actor_in(child, by_token)
            elif child.dep_ == "prep" and child.lower_ == "by":
                found = next((_actor_in(g, by_token) for g in child.children if g.dep_ == "pobj"), None)
            else:
                continue
            if found is not None:
                return found
    return None


def _dead_of(trigger: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The side acted upon, as the dead or hurt of the event: the subject of a death or injury verb
    whose "in"/"by" phrase the trigger is ("X were killed in air strikes"), or the object of one the
    trigger is the subject of ("an airstrike killed five pro-regime forces"), directly or through a
    participle ("an Israeli plane hit a car, killing two men from Hezbollah")."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in ("in", "by") and head.head.lemma_ in VICTIM_LEMMAS:
        subject = next((c for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        return _actor_in(subject, by_token) if subject is not None else None
    if trigger.dep_ != "nsubj":
        return None
    verbs = [head, *(c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG")]
    for verb in (v for v in verbs if v.lemma_ in VICTIM_LEMMAS):
        dead = next((_actor_in(c, by_token) for c in verb.children if c.dep_ == "dobj"), None)
        if dead is not None:
            return dead
    return None


def _backer(token: Token) -> bool:
    """True when a mention names who backs, brokers or helps rather than who acts: "a ceasefire brokered
    by Russia", "rebels backed by Turkey", "with the help of air strikes by the coalition"."""
    node = token
    while node.dep_ in ("compound", "amod", "conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    if preposition.lower_ == "by" and preposition.dep_ == "agent":
        return preposition.head.lemma_ in BACKING_LEMMAS
    if preposition.lower_ == "of" and preposition.head.lemma_ in BACKING_NOUNS:
        return True  # "with the help of", "with the support of"
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
    if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ == "according":
        return True
    if node.dep_ in ("dobj", "dative") and node.head.lemma_ in SAY_LEMMAS and node.head.i != trigger.i:
        return True  # "had told Tehran", "told AFP": whom a speaker tells is no actor of what is told
    saying = node.head
    if node.dep_ != "nsubj" or saying.lemma_ not in SAY_LEMMAS | REACT_LEMMAS or saying.i == trigger.i or trigger.i in {t.i for t in node.subtree}:
        return False
    if node.i > trigger.i:
        return True  # "..., police said"
    # "the governor told AFP the car bomb went off": the speaker tells what its clause says, unless the
    # clause's subject is a pronoun that can be the speaker ("the army said it captured the town")
    clause = next((c for c in saying.children if c.left_edge.i <= trigger.i <= c.right_edge.i), None)
    return clause is not None and clause.dep_ in ("ccomp", "dobj", "parataxis") and not _self_told(clause)


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
    if trigger.dep_ in ("nsubj", "nsubjpass"):  # "clashes broke out between X and Y"
        for child in trigger.head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pair = [m for g in child.subtree if (m := by_token.get(g.i)) is not None]
                if len(pair) >= 2:
                    return pair[0], pair[1], "the two sides named after \"between\""
    node: Token | None = trigger
    agent = patient = None
    steps = 0
    modified = False
    arrived = ""  # the link last climbed
    while node is not None and steps < MAX_CLIMB and agent is None:
        if node.i != trigger.i and node.lemma_ in ACCUSE_LEMMAS:
            # "the US accused the regime of the attack": the accused acts, the accuser tells
            accused = next((_actor_in(c, by_token) for c in node.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if accused is not None:
                return accused, patient, f"the one {node.text!r} names is actor1 (the accuser only tells)"
            break
        if node.i != trigger.i and node.lemma_ in VICTIM_LEMMAS and arrived in ("pobj", "prep"):
            # "70 fighters killed in Russian airstrikes": the dead are the event's target
            victims = next((_actor_in(c, by_token) for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
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
                pair = [m for g in child.subtree if (m := by_token.get(g.i)) is not None]
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
        node, steps = node.head, steps + 1
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and patient is None:
        patient = by_token.get(trigger.head.i) or next(
            (by_token[c.i] for c in trigger.head.children if c.dep_ in ("compound", "amod") and c.i in by_token), None
        )  # "the FSA officers executed by ...": the noun a participle describes is who it was done to
    why = "subject or agent of the trigger is actor1; its object or target is actor2" if agent or patient else ""
    return agent, patient, why


def _self_told(clause: Token) -> bool:
    """Whether a clause under a verb of saying has a pronoun subject that can be the speaker ("the
    army said it captured the town"), so that the speaker is the actor."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in SPEAKER_PRONOUNS


def _purpose_target(verb: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The object of a purpose clause on the acting verb: "staged a strike to protest against Sweden's
    decision", "began a hunger strike to demand the return of property seized by the army"."""
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ in ("dobj", "obj"):
                found = _actor_in(child, by_token)
            elif child.dep_ == "prep" and child.lower_ in PATIENT_PREPS:
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
