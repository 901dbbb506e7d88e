"""Where an event happened: the place the sentence ties to its trigger.

Candidates are the resolved places inside the sentence. The one reached from the trigger through
the parse ("captured hilltops north of Al-Hayl", "regained control of Al-Sukhnah", "clashes in
Idlib") wins; among the rest, a nearer and more precise place beats a farther or coarser one, and a
relative location ("4 km north of ...") beats the bare place it is anchored on, unless it only says
where a town named just before it lies ("the town of Tabqa around 40 kilometres west of Raqqa").
With no place in the sentence, the event takes the article's main place (the one it names most),
else the place of the article's previous event, each with a reason and never a finer precision than
near-a-town (2).
A pronoun that stands for the place of a territorial event ("its liberation") overrides the sentence:
the event is at the place the pronoun refers back to (`antecedent`). Places in brackets and places
where someone is based ("the Britain-based monitor") are never an event's (`aside_starts`), nor is
a country that a clause has as its subject ("Israel said", "Turkey shelled") or that owns a thing rather
than a part ("America's interest", not "Syria's north").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token
from spacy.tokens import Span as SpacySpan

from ..models import Place, Span
from ..offsets import ByOffset
from ..places.context import ADMIN_WORDS, DIRECTIONS, SETTLEMENT_WORDS, settlement_cue
from ..places.geoparse import DERIVED
from ..places.relative import distance_km
from ..places.sources import capital_names
from ..word_lists import packaged_words
from .candidate import TAKEN, site_key
from .lexicon import modality_cues

LINK_STEPS = 4
ANTECEDENT_SENTENCES = 2  # a pronoun's antecedent place is sought in this many sentences before its own
# Territorial sub-types: a pronoun argument of theirs stands for the place; in the first two the
# possessor of the noun is the place taken ("its capture"), in the third it is who withdraws.
TERRITORIAL = frozenset({*TAKEN, "Non-violent transfer of territory"})
COARSE_FEATURES = frozenset({"country", "admin1", *DERIVED})
# "X of Y", "X district in Y": words between a part of a town and the town
_PART_OF = re.compile(r"\s+(?:(?:district|neighbou?rhood|quarter|area|suburb|camp|street)s?\s+)?(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?", re.IGNORECASE)
_BORDER_WITH = re.compile(r"\b(?:border|borders|crossing|frontier)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
CONTAINER_KM = 25.0  # a part's own reading farther than this from the town it is said to be part of is wrong
DESCRIBES_CHARS = 100  # a relative location this close after a town it describes ("Jayrud near Damascus")
_LISTED = re.compile(r",?\s*(?:and\s+)?", re.IGNORECASE)  # between places of one list: "A, B and C"


# "the Britain-based Observatory", "U.S. backed rebels", and any participle hyphened to the name ("a
# new US-formed group", "Saudi-funded"): whose or where from, not where
_BASED = re.compile(r"[-‐\s](?:based|backed|led|funded|supported|sponsored|trained|brokered|made)\b|(?-i:[-‐][a-z]+ed)\b", re.IGNORECASE)
# verbs whose subject undergoes or hosts, not acts: "Damascus came under fire", "Kabul witnessed a blast"
_UNDERGO = frozenset({"be", "come", "suffer", "sustain", "witness", "see", "experience", "endure", "face", "remain", "shake"})
INSTITUTION_GAP = 2  # words between a place and an institution word of it ("Turkey's <health> ministry")
CLAUSE_WORDS = ("where", "when", "which", "that", "while", "after", "before", "as", "and", "but", "the", "a", "an")
ASIDE_CHARS = 80  # how far an aside's brackets are sought around a mention


_LOCATOR_GAP = re.compile(r"\s*,?\s+")  # between a town and the offset that locates it
LOCATOR_KM = 60.0  # a town an offset locates lies this near the offset's point


def aside_starts(text: str, places: Sequence[Place]) -> frozenset[int]:
    """Start offsets of mentions that say nothing of where an event happened: inside brackets ("the
    Islamic State (banned in Russia)"), telling where someone is based or who backs or leads them
    ("the Britain-based Observatory", "U.S.-backed rebels", "the US-led coalition"), whose institution
    speaks ("Turkey's health ministry said"), the country across a border ("the crossing with
    Turkey"), an offset that locates the town named just before it ("Daraya west of Damascus"), or a
    town named just before an offset but read in another country ("al-Bureij northeast of Aleppo")."""
    found = set()
    for place in places:
        before = text[max(0, place.start - ASIDE_CHARS) : place.start]
        after = text[place.end : place.end + ASIDE_CHARS]
        bracketed = "(" in before and ")" not in before[before.rindex("(") :] and ")" in after and "(" not in after[: after.index(")")]
        beyond = _BORDER_WITH.search(before) is not None and place.feature == "country"  # "the border crossing with Turkey"
        if bracketed or beyond or _BASED.match(text, place.end) or _institution().match(text, place.end):
            found.add(place.start)
    for place in places:  # "Daraya west of Damascus": the offset locates the town named before it
        if place.feature == "relative" and any(_located(other, place, text) for other in places):
            found.update(p.start for p in places if place.start <= p.start and p.end <= place.end)
        elif place.feature == "relative":  # "al-Bureij northeast of Aleppo" read as Al Burayj in Gaza: the offset places it
            found.update(other.start for other in places if _elsewhere(other, place, text))
    return frozenset(found)


def _located(town: Place, offset: Place, text: str) -> bool:
    """Whether an offset right after a town ("Daraya west of Damascus") locates it: the town's reading
    lies near the offset's point (a reading far from it is another place of that name: the offset stands)."""
    if town.feature == "relative" or town.geo_precision != 1 or not _LOCATOR_GAP.fullmatch(text, town.end, offset.start):
        return False
    if town.lat is None or town.lon is None or offset.lat is None or offset.lon is None:
        return False
    return distance_km(town.lat, town.lon, offset.lat, offset.lon) <= LOCATOR_KM


def _elsewhere(town: Place, offset: Place, text: str) -> bool:
    """Whether the offset right after a town ("al-Bureij northeast of Aleppo") shows the town's reading to
    be another place of that name: one in another country."""
    if town.feature == "relative" or not town.resolved or not _LOCATOR_GAP.fullmatch(text, town.end, offset.start):
        return False
    return town.country is not None and offset.country is not None and town.country != offset.country


@cache
def _institution() -> re.Pattern[str]:
    """Right after a place: its possessive, a few words and an institution word of data/institution_words.txt."""
    words = sorted(set(packaged_words("institution_words.txt")), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    gap = rf"(?:\s+(?!(?:{'|'.join(CLAUSE_WORDS)})\b)[a-z][\w-]*){{0,{INSTITUTION_GAP}}}?"  # not "Aleppo where the government"
    return re.compile(rf"(?:['’]?s)?{gap}\s+(?:{alternation})\b", re.IGNORECASE)


def place_in_sentence(
    text: str, sent: SpacySpan, trigger: Token, places: Sequence[Place], actor_spans: Sequence[Span] = (), resolved: bool = True
) -> tuple[Place, str] | None:
    """The sentence's place for the event, with why. A place named inside an actor's name ("US" in
    "US-led coalition", "Syria" in "Military Forces of Syria") says whose the actor is, not where.
    With `resolved` False, names the gazetteer does not know compete too, as villages: the place the
    sentence names for the event, even where it cannot be put on a map."""
    inside = [
        p
        for p in places
        if (p.resolved or not resolved)
        and sent.start_char <= p.start
        and p.end <= sent.end_char
        and not any(a.start <= p.start and p.end <= a.end for a in actor_spans)
        and not _whose(sent, trigger, p)
        and not _acting(sent, p)
        and not _origin(sent, p)
        and not _told(sent, p)
        and not _across_countries(p)
    ]
    elsewhere = [p for p in inside if not _speakers(sent, p)]
    inside = elsewhere or inside  # where the speaker is tells the event's place only when nothing else does
    inside = [p for p in inside if not _owning(sent, p, inside)]
    if not inside:
        return None
    mentions = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char]
    scored = [(_score(text, sent, trigger, p, inside, mentions), p) for p in inside]
    (score, reason), best = max(scored, key=lambda item: (item[0][0], -item[1].start))
    return best, reason


def _across_countries(place: Place) -> bool:
    """A continent or a region across several countries ("lives in Europe", "deputy for Mideast and North
    Africa") places no event: ACLED codes every event in one country."""
    return place.feature == "continent" or (place.feature == "region" and place.country is None)


def _whose(sent: SpacySpan, trigger: Token, place: Place) -> bool:
    """A country that modifies the trigger, or as a compound any noun but a place's, says whose or what
    the thing is, not where: "US air attacks", "Turkey's offensive", "the US-Russia agreement", "US
    coalitions airstrikes"; not "the Syria-Turkey border"."""
    if place.feature != "country":
        return False
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.head.i == trigger.i and root.dep_ in ("compound", "amod", "poss", "nmod"):
        return True
    head = root.head
    return root.dep_ == "compound" and head.pos_ == "NOUN" and head.lower_ not in _PLACE_WORDS


def _acting(sent: SpacySpan, place: Place) -> bool:
    """A country that is a clause's subject, or stands beside one, acts rather than hosts: "the
    government and its ally Russia have blamed rebels for the attack", "Turkey shelled Kurdish positions";
    so does a capital that does something ("Washington has deliberately targeted the Syrian government";
    not "Damascus came under fire")."""
    capital = place.feature != "country" and capital_names().get(place.country or "") == place.name
    if place.feature != "country" and not capital:
        return False
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    node = span.root if span is not None else None
    while node is not None and node.dep_ in ("appos", "conj") and node.head.i != node.i:
        node = node.head
    if node is None or capital and (node.dep_ != "nsubj" or node.head.lemma_.lower() in _UNDERGO):
        return False
    return node.dep_ in ("nsubj", "nsubjpass")


def _told(sent: SpacySpan, place: Place) -> bool:
    """A name that is told something ("sources told Al-Manar", "told Moscow") is a listener, an outlet or
    a government, not where the event is."""
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("dobj", "dative") and span.root.head.lemma_.lower() == "tell"


def _origin(sent: SpacySpan, place: Place) -> bool:
    """A country people come from ("jihadists from Uzbekistan", "fighters from Chechnya") says who they
    are, and one they pass through ("entered Syria through Turkey") the way they came: not where the event is."""
    if place.feature != "country":
        return False
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj":
        return False
    prep = span.root.head
    if prep.lower_ in ("through", "via"):
        return True  # "entered Syria through Turkey": the way in, not where the event is
    return prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i != prep.i


def _speakers(sent: SpacySpan, place: Place) -> bool:
    """A place that says where a speaker is ("activists in rural Idlib said that airstrikes hit a market in
    the town of Sarmin"): the event's place only when the sentence names no other."""
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "from", "at") or prep.head.i == prep.i:
        return False
    speaker = prep.head
    return speaker.dep_ == "nsubj" and speaker.pos_ in ("NOUN", "PROPN") and speaker.head.lemma_ in speech_verbs()


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs whose subject is a report's source ("said", "confirmed"): the attribution cues of the lexicon."""
    return frozenset(c.cue for c in modality_cues() if c.attach == "governor" and c.source_dep == "nsubj" and " " not in c.cue)


_POSSESSIVE_NEXT = re.compile(r"(?:'s|’s|s)\s+[\"“]?((?:[\w-]+\s+){0,3}[\w-]+)")
_PLACE_WORDS = frozenset(
    {*DIRECTIONS, *(side + "ern" for side in DIRECTIONS), "central", "centre", "center", "interior", "border", "borders", "coast"}
    | {word.removesuffix(" of") for word in f"{ADMIN_WORDS}|{SETTLEMENT_WORDS}|capital|cities|towns|villages|provinces|regions".split("|")}
)


def _owning(sent: SpacySpan, place: Place, inside: Sequence[Place]) -> bool:
    """A country in the possessive owns a thing ("acted in Americas \"national security interest\"", "Syria's
    civil war") or a place the sentence names more closely ("Syrias town of Urum al-Joz in Idlib province");
    only with no such place does a part of it say where ("Syria's north", "Syrias largest city"). Any other
    place in the possessive yields to a place it owns ("Aleppos opposition-held Atarib district")."""
    after = _POSSESSIVE_NEXT.match(sent.text, place.end - sent.start_char)
    if after is None:
        return False
    if place.feature != "country":  # "Aleppos opposition-held Atarib district": the district
        end = sent.start_char + after.end(1)
        return any(other is not place and place.end < other.start < end for other in inside)
    words = after.group(1).split()
    if not words[0][:1].isupper() and not any(word.lower() in _PLACE_WORDS for word in words):
        return True
    return any(other.country == place.country and other.feature != "country" for other in inside)


def _score(text: str, sent: SpacySpan, trigger: Token, place: Place, inside: Sequence[Place], mentions: Sequence[Place]) -> tuple[float, str]:
    span = sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    steps = _path(trigger, span.root) if span is not None else None
    value = 0.0
    reason = "in the same sentence"
    if steps is not None:
        value += 4.0 - steps * 0.5
        reason = f"linked to the trigger {trigger.text!r} in the parse ({steps} steps)"
    value -= abs(place.start - trigger.idx) / 200
    value -= {1: 0.0, 2: 0.3, 3: 1.0}.get(place.geo_precision or (3 if place.resolved else 1), 1.0)
    if place.feature == "relative":
        if not any(_named_point(text, other, place, mentions) for other in inside):
            value += 1.0  # "4 km north of Al-Hayl" with no village named: the event lies there
    elif any(other.feature == "relative" and other.start <= place.start and place.end <= other.end for other in inside):
        value -= 1.0  # the anchor of a relative location: the relative one is the event's place
    return value, reason


def _named_point(text: str, other: Place, relative: Place, mentions: Sequence[Place]) -> bool:
    """A town or village the relative location describes ("the town of Jayrud near Damascus", "the
    villages of A and B, located northwest of C, in Homs province, southeast of D"): named as one
    before it, with only its own list and other descriptions of where it lies in between, none far
    apart. The event is there; the relative phrase only says where it lies."""
    if not other.resolved or other.geo_precision != 1 or other.feature in ("relative", *COARSE_FEATURES):
        return False
    if relative.start < other.end or settlement_cue(text, other.start) is None:
        return False
    if any(p.feature in DERIVED and p.start <= other.start and other.end <= p.end for p in mentions):
        return False  # the anchor of another relative location
    end = other.end
    for mention in sorted((p for p in mentions if other.end <= p.start and p.end <= relative.start), key=lambda p: p.start):
        if mention.start < end:
            continue  # the anchor inside a description passed over
        described = mention.feature in COARSE_FEATURES or (mention.resolved and mention.geo_precision != 1)
        if mention.start - end > DESCRIBES_CHARS or not (described or _LISTED.fullmatch(text[end : mention.start])):
            return False  # far apart, or another place comes between ("evacuees from A ... in B west of C")
        end = mention.end
    return relative.start - end <= DESCRIBES_CHARS


def container(text: str, place: Place, places: Sequence[Place]) -> tuple[Place, str] | None:
    """The town a place is said to be part of ("the Old City of Aleppo", "the Salah al-Din district
    of Aleppo"), with why, when the place's own reading lies elsewhere (or nowhere): ACLED codes a
    town's neighbourhoods at the town."""
    cue = _PART_OF.match(text, place.end)
    if cue is None:
        return None
    town = next((p for p in places if p.start == cue.end() and p.resolved and p.feature not in COARSE_FEATURES), None)
    if town is None or town.lat is None or town.lon is None:
        return None
    if place.resolved and place.feature != "part" and place.lat is not None and place.lon is not None:  # a part: the geoparser's own
        if distance_km(place.lat, place.lon, town.lat, town.lon) <= CONTAINER_KM:
            return None
    return town, f"{place.text!r} is part of {town.name} ({cue.group().strip()!r}), where its own reading is not"


def _path(trigger: Token, target: Token) -> int | None:
    """Steps from the trigger down to the place, or up from the place to the trigger's verb."""
    node, steps = target, 0
    while steps <= LINK_STEPS:
        if node == trigger or (node == trigger.head and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")):
            return steps
        if node.head.i == node.i:
            return None
        node, steps = node.head, steps + 1
    return None


def antecedent(sent: SpacySpan, trigger: Token, sub_event_type: str, places: Sequence[Place]) -> tuple[Place, str] | None:
    """The place a pronoun standing for the territory of a territorial event refers back to ("its
    liberation", "its capture", "withdrew from it"), with why; None without such a pronoun or place.

    The antecedent is the place of the sentences just before (and of this one, before the pronoun)
    that the article has named most so far, the latest of equals: the place it is talking about."""
    pronoun = _territory_pronoun(trigger, sub_event_type)
    if pronoun is None:
        return None
    sents = list(sent.doc.sents)
    at = next(n for n, s in enumerate(sents) if s.start == sent.start)
    window_start = sents[max(at - ANTECEDENT_SENTENCES, 0)].start_char
    before = [p for p in places if p.end <= pronoun.idx and p.feature not in COARSE_FEATURES]
    near = [p for p in before if p.start >= window_start]
    named = Counter(site_key(p) for p in before)
    best = max(near, key=lambda p: (named[site_key(p)], p.start), default=None)
    if best is None or not best.resolved:
        return None  # an antecedent the gazetteer does not know gives no place: the sentence's reading stands
    why = (
        f"{pronoun.text!r} on {trigger.text!r} stands for the event's place and refers back to {best.name}, "
        f"the place of the sentences before named most in the article so far ({named[site_key(best)]} times)"
    )
    return best, why


def _territory_pronoun(trigger: Token, sub_event_type: str) -> Token | None:
    """"its" on a noun naming a place taken ("its capture"), or "it" as the trigger's object or the
    object of its preposition ("captured it", "withdrawal from it"), for a territorial event."""
    if sub_event_type not in TERRITORIAL:
        return None
    for child in trigger.children:
        if child.dep_ == "poss" and child.lower_ == "its" and sub_event_type in TAKEN:
            return child
        if child.dep_ == "dobj" and child.lower_ == "it":
            return child
        if child.dep_ == "prep":
            inner = next((c for c in child.children if c.dep_ == "pobj" and c.lower_ == "it"), None)
            if inner is not None:
                return inner
    return None


def main_place(places: Sequence[Place]) -> tuple[Place, int] | None:
    """The article's main place: the one it names most, more than once and more than any other, and how
    often; a place of the country the article names most ("Moscow did not take the necessary steps"
    thrice in news from Syria is a government, not where Syria's events are)."""
    countries = Counter(p.country for p in places if p.resolved and p.country and not _across_countries(p))
    home = countries.most_common(1)[0][0] if countries else None
    named = Counter(
        p.id for p in places
        if p.resolved and p.feature not in COARSE_FEATURES and not _across_countries(p) and p.country == home
    )  # fmt: skip
    ranked = named.most_common(2)
    if ranked and ranked[0][1] > 1 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return next(p for p in places if p.id == ranked[0][0]), ranked[0][1]
    return None


def fallback(previous: Place | None, main: tuple[Place, int] | None) -> tuple[Place, str] | None:
    """With no place in the sentence: the article's main place (`main_place`), else the previous event's place."""
    if main is not None:
        place, times = main
        return vicinity(place), f"no place in the sentence: the article's main place, {place.name} (named {times} times)"
    if previous is not None:
        return vicinity(previous), f"no place in the sentence: the previous event's place, {previous.name}"
    return None


class Sites:
    """An article's place mentions for its events, read once: all of them, or for violence all but the
    venues of talks (fighting is not placed where talks about it are held); those of one sentence; the
    article's main place."""

    def __init__(self, places: Sequence[Place], venues: frozenset[int]) -> None:
        self.venues = venues
        self._all = list(places)
        self._fighting = [p for p in places if p.start not in venues]
        self._main = (main_place(self._all), main_place(self._fighting))
        self._at = ByOffset(self._all, lambda p: p.start)

    def of(self, violent: bool) -> list[Place]:
        return self._fighting if violent else self._all

    def main(self, violent: bool) -> tuple[Place, int] | None:
        return self._main[violent]

    def within(self, sent: SpacySpan, violent: bool) -> list[Place]:
        """The mentions that begin in the sentence, in the article's order."""
        here = self._at.within(sent.start_char, sent.end_char)
        return [p for p in here if p.start not in self.venues] if violent else here


def vicinity(place: Place) -> Place:
    """The place as an event's vicinity: at its point, geo_precision at least 2 ("near the town")."""
    return replace(place, geo_precision=max(place.geo_precision or 2, 2))
