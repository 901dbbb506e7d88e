"""The actors an article names, each with the token it hangs on in the parse.

Actor mentions come from the catalogue (named actors, then generic phrases resolved for the
article's country: "government troops" in a Syria article are the Military Forces of Syria, "the
terrorist group" the latest compatible named actor). A generic phrase no catalogue actor stands for
("Hungarian officials", "Kurdish rebels", "police in Cairo") is kept as written, with the country its
own words or the parse give ("Iraq's interim government": a possessive, an adjective, "of"/"in"/
"from" a country) and the type of its phrase. Where the sentence is parsed, a country named in an
argument position stands for its state ("Iran threatened...", "...an ultimatum to Ecuador",
"Serbia's crackdown"), as ACLED's government actors, which are state forces. Who holds a place
("rebel-held") or backs a group ("Turkish-backed") is no mention: it describes, it does not act.
In finished violent records, a state body kept as written ("the regime") is its state's forces
(`fighting_states`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..actors import ANAPHORS, Catalogue, GenericMatch, country_of
from ..models import ActorRef, Event, Span
from ..word_lists import packaged_words
from .candidate import VIOLENT_TYPES
from .lexicon import word_lists
from .notes import write_notes
from .records import countries

# "rebel-held", "Daesh-controlled": who holds a place describes the place, it does not act in the event;
# "Turkish-backed", "al-Qaeda-linked": who backs a group or is tied to it does not act either
_HOLDER = re.compile(
    r"\s?[-‐–]\s?(?:held|controlled|besieged|occupied|run|dominated|infested|ruled"
    r"|affiliated|linked|allied|aligned|inspired|backed|sponsored|supported)\b",  # "Al-Qaeda-affiliated Nusra": whom a group is tied to
    re.IGNORECASE,
)
HELD_BY_CHARS = 80  # how far before a mention "controlled by" is sought
# After a name in the possessive with its apostrophe lost, a part of the place it names: "Kafr Zita in
# Hamas countryside" is Hama's countryside, not the group
_PLACE_PART_AFTER = re.compile(
    r"\s+(?:(?:north|south)?(?:east|west)?ern\s+|central\s+|rural\s+)?(?:countryside|province|governorate|outskirts|suburbs|city)\b"
)
_OF_ARMY = re.compile(r"\s+of\s+the\s+(?:army|armed\s+forces|military)\b", re.IGNORECASE)  # "Hama Units of the army"
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
# Verbs of firing whose "on"/"into"/"at" phrase says where the shots fell
FIRING_LEMMAS = frozenset({
    "fire", "drop", "launch", "lob", "rain", "hurl", "shell", "pound",
    "attack", "strike", "airstrike", "raid", "shelling", "bombardment", "bombing",  # "rocket attacks on Damascus": where they fell
})  # fmt: skip
LANDING_PREPS = frozenset({"on", "upon", "into", "at"})
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
GROUP_NAMES = {"civilians": "Civilians", "protesters": "Protesters", "rioters": "Rioters"}  # ACLED: "Civilians (Syria)"
TYPE_GUESS = {
    "rebels": "rebel_group",
    "militants": "rebel_group",
    "insurgents": "rebel_group",
    "gunmen": "rebel_group",
    "protesters": "protesters",
    "civilians": "civilians",
}


# Generic phrases (data/actor_generics.csv) that name a state as a body, not a person or an office in it:
# in violence, the state's forces act for them
STATE_BODIES = frozenset({"regime", "the regime", "government", "the government", "administration", "authorities", "the authorities"})


@dataclass(frozen=True)
class ActorMention:
    """An actor found in the article, with the token it hangs on in the parse."""

    ref: ActorRef
    root: int  # Doc index of the mention's syntactic head
    office: bool = False  # a state body kept as written (`STATE_BODIES`: "the regime", "the government")


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
        found.append(replace(mention, office=generic.phrase in STATE_BODIES and mention.ref.actor_id is None))
    found = [m for m in found if m.root >= 0]
    found += _unknown_groups(doc, text, found)
    found += _countries_acting(doc, found)
    found = [m for m in found if not _HOLDER.match(text, m.ref.span.end) and not _HELD_BY.search(text, max(0, m.ref.span.start - HELD_BY_CHARS), m.ref.span.start)]
    found = [m for m in found if not _AFFILIATE_OF.match(text, m.ref.span.end)]
    found = [m for m in found if not (m.ref.span.text.endswith("s") and _PLACE_PART_AFTER.match(text, m.ref.span.end))]
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
        if _OF_ARMY.match(text, end):
            continue  # "Hama Units of the army and armed forces": the army's units in a round-up's section on Hama
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


def fighting_states(events: Sequence[Event], mentions: Sequence[ActorMention], catalogue: Catalogue) -> list[Event]:
    """The events, each violent one whose side is a state body kept as written ("the regime dropped barrel
    bombs", at a town of its country) with that state's forces as the side, as ACLED codes them (the
    Military Forces of Syria), its notes rewritten."""
    offices = frozenset((m.ref.span.start, m.ref.span.end) for m in mentions if m.office)
    return [_forces_of(event, offices, catalogue) for event in events]


def _forces_of(event: Event, offices: frozenset[tuple[int, int]], catalogue: Catalogue) -> Event:
    if event.event_type not in VIOLENT_TYPES or event.place is None:
        return event
    country = event.place.country
    actor1, actor2 = (
        _fighting_state(a, catalogue, country) if a is not None and a.actor_id is None and (a.span.start, a.span.end) in offices else a
        for a in (event.actor1, event.actor2)
    )
    if actor1 is event.actor1 and actor2 is event.actor2:
        return event
    source = event.attribution.source.text if event.attribution else None
    notes = write_notes(event.sub_event_type, actor1, actor2, event.place, event.date, event.fatalities, event.modality, source)
    return replace(event, actor1=actor1, actor2=actor2, notes=notes)


def _fighting_state(actor: ActorRef, catalogue: Catalogue, country: str | None) -> ActorRef:
    """A state body of `country` as its state forces, when the catalogue has them."""
    forces = catalogue.state_forces(actor.country) if actor.country is not None and actor.country == country else None
    if forces is None:
        return actor
    why = f"{actor.why}; in violence a government acts through its state forces: {forces.name}"
    return ActorRef(forces.name, forces.id, forces.type, forces.country, actor.span, why)


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
        doc, sent = token.doc, token.sent
        start, end = token.i, token.i + 1
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if sent.start <= start and end <= sent.end:  # an entity of the sentence
            return doc[start:end].text
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
        if role.startswith("the adjective") and ent.root.head.lemma_.lower() in _media_words():
            continue  # "Syrian state television reported": an outlet, never a side
        if role.startswith("the adjective") and ent.root.head.tag_ in ("NNS", "NNPS"):
            why = f"the country word {ent.text!r} ({country}) as {role}: people or things of the country, type unknown"
            found.append(ActorMention(ActorRef(ent.text, None, None, country, span, why), ent.root.i))
            continue
        why = f"the country {ent.text!r} ({country}) as {role} stands for its state, kept as written (ACLED types government actors as state forces)"
        found.append(ActorMention(ActorRef(ent.text, None, "state_forces", country, span, why), ent.root.i))
    return found


@cache
def _media_words() -> frozenset[str]:
    return frozenset(packaged_words("media_words.txt"))


def _civilian_thing(noun: Token) -> bool:
    """Whether a noun, or a noun compounded into it ("bus convoy"), names civilians or their things
    (the trigger lexicon's `$civilian` list)."""
    civilian = word_lists()["civilian"]
    return any(t.lemma_.lower() in civilian or t.lower_ in civilian for t in (noun, *(c for c in noun.children if c.dep_ == "compound")))


def _fighters(noun: Token) -> bool:
    """Whether a noun names armed people (the trigger lexicon's `$armed` and `$nonstate_actor` lists)."""
    lists = word_lists()
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in lists["armed"] | lists["nonstate_actor"]


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
    if dep == "pobj" and head.lower_ == "from" and (head.head.pos_ == "PROPN" or _fighters(head.head)):
        return None  # "jihadists from Uzbekistan", "Nusra from ...": where fighters come from, not a state that acts
    if dep == "pobj" and head.lower_ in LANDING_PREPS and head.head.lemma_.lower() in FIRING_LEMMAS:
        return None  # "fired rockets on Damascus", "dropped bombs into Turkey": where they fell, not a state acted upon
    if dep == "pobj" and head.lower_ in ARGUMENT_PREPS and head.head.lemma_.lower() not in PLACE_NOUNS | CROSSINGS:
        return f"the object of {head.text!r}"  # not "the border with Turkey", "a crossing with Iraq"
    if dep in ("amod", "compound") and token.ent_type_ == "NORP" and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in PLACE_NOUNS:
        return f"the adjective of {head.text!r}"
    return None
