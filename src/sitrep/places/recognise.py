"""Find the place mentions in a parsed article.

spaCy's place entities (GPE, LOC, FAC) are the start. A gazetteer-driven scan then corrects the
model's known failures on transliterated names ("Al-Sukhnah" as PERSON, "Hama" as ORG): a run of
capitalised words that the gazetteer knows is taken as a place when the model called it a place,
when the words around it say so ("in", "near", "the town of", "the villages of A and", "Homs
province", a list after another place, a verb of taking ground: "retook", "entered", held ground:
"rebel-held"; a country's or province's possessive between them is set aside: "in Syria's Idlib"; a
province's name heading a round-up's section, run into its first sentence: "Daraa Army units ..."), or
when it carries an Arabic article ("al-", "al- " cut from its name by a space, "Deir ez-"), stands
alone (never the tail of a longer capitalised name, as "al-Baghdadi" is in "Abu Bakr al-Baghdadi")
and is not a person's name by its context (a title before it, "said" after it). The model's PERSON
label is not trusted for such names: it is the failure being corrected ("rebel-held Khan Sheikhoun"
as PERSON). Weaker cues need a strong
reading of a name that stands alone (a country, region or sea, a place of PROMINENT people, or any
place of a country the article names): the object of an attack or of freeing ("shelling hit Aleppo",
"freed Palmyra"), and a locative cue for a name the model calls, just that name, a date ("in Quneitra" as DATE; never a
month, a weekday or a holiday). "rural" before or "countryside" after a name joins it when the whole
is a name ("rural Damascus" is Rif Dimashq, "rural Idlib" stays Idlib with a cue). Scraped news is loose with case and apostrophes: a
name's later words may be lowercase ("Deir ezzor", "Ras al-ain"), taken when the whole is a name the
gazetteer knows; a possessive ends a name ("Syria's Idlib" is two), also without its apostrophe
("Syrias Idlib") when the word less its "s" is a country or province and the word itself names
nothing; an Arabic article never ends a name (the "al" of "al-Nusra"). One reading per name: once a
name is a place in an article, it is a place everywhere in that article. Demonyms ("Syrian army")
are not places, but they count towards the article's country focus. Names inside a longer
capitalised name ("Police" in "Mansfield Police Department") and the institutional nouns of
data/not_places.txt are not taken on their own. Each mention carries the organisation's name it lies
in, if any ("Human" of "Syrian Observatory for Human Rights", see organisations.py), for the resolver
to ask more of its readings. A known name that only begins a longer capitalised name ("Baba" of "Baba
Amr") is taken only when a reading of it is near: in a country the article names, or a country,
region, sea or place of PROMINENT people. After "the city of" and its kin, a name the index knows only
by its consonants is taken in the country the article names most ("Maaret al-Numan", `spellings`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

from spacy.tokens import Doc

from .context import admin_cue, settlement_cue
from .gazetteer import Gazetteer
from .name_runs import ARTICLE, AREA_KINDS, POSSESSIVE_KINDS, RUN, at_sentence_start, named_runs, tail_end
from .normalise import keys
from .organisations import inside, organisation_spans
from .resolve import Mention
from .spellings import country_counts, cued_spellings, main_country

from ..word_lists import packaged_words

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|to|into|outside|around|towards?|across|through|via|between|inside|"
    r"(?:outskirts|suburbs?|edges?|countryside|parts?|areas?|districts?|neighbou?rhoods?|quarters?)\s+of|(?:north|south|east|west)(?:ern)?\s+of|(?:north|south|east|west)(?:ern)?|central|rural|"
    r"province\s+of|governorate\s+of|city\s+of|town\s+of|village\s+of|capital|control\s+of|"
    r"(?:re)?took|(?:re)?captured|seized|entered|liberated|stormed|besieged|shelled|bombed|struck|reached|"
    r"(?:re)?(?:take|taking|capture|capturing)|seiz(?:e|ing)|liberat(?:e|ing)|storm(?:ing)?|enter(?:ing)?|"
    r"surrounded|encircled|(?:advanc\w*|march\w*|push\w*|offensive|assault|attacks?|strikes?|raids?)\s+(?:on|against)|"
    r"\w+-(?:held|controlled|besieged|occupied))"  # "rebel-held Khan Sheikhoun"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Words after which a name is the object of an attack, or a person's ("hit Aleppo", "targeted Kerry"):
# the name is taken only when it stands alone and has a strong reading (`_Readings.strong`).
_ATTACKED_BEFORE = re.compile(
    r"\b(?:hit|hitting|pounded|pounding|targeted|targeting|attacked|attacking|bombarded|bombarding|raided|rocked|freed|freeing|"
    r"shelling|bombing|(?:shelling|bombing|bombardment|siege|fall|capture|recapture|liberation|battle)\s+(?:of|for))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CALENDAR = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|"
    r"(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Christmas|Easter|Thanksgiving|Halloween|Ramadan|Eid|Passover|"
    r"Hanukkah|Nowruz|Day|Week|Weekend|Month|Year|Today|Tonight|Yesterday|Tomorrow|Morning|Evening|Night)(?:'s|’s)?",
    re.IGNORECASE,
)
_NUMBER_AFTER = re.compile(r"\.?,?\s*\d")
PROMINENT = 100_000  # people in a town (or a province's towns) that the news names without saying what it is
_NOT_NAMES = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central"}
_SECTION_OPENER = re.compile(r"\s+(?:Army|The|A|An|Units?|Terrorists?|SANA|In|On|Meanwhile|Syrian|Russian)\b")  # a section's first words
_LIST_BEFORE = re.compile(r"^(?:,|,?\s+and|,?\s+or|\s+to|-|–)\s+$")
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Rev|Gen|Col|Lt|Sgt|Capt|Maj|Rep|Sen|Gov|Sheikh|President|Officer|Judge|Minister|General|"
    r"Colonel|Commander|Imam|Bishop|King|Prince|Queen|coach|spokesman|spokeswoman|leader)\.?\s+$"
)
_SPEAKER_AFTER = re.compile(r",?\s+(?:said|says|told|added|stated|announced|noted|declared|warned)\b")
_WORLD_KINDS = frozenset({"country", "continent", "region", "sea"})
_HAS_ARTICLE = re.compile(rf"^{ARTICLE}-|\s{ARTICLE}[-\s]", re.IGNORECASE)
_DIRECTION_OF = re.compile(r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\s+of\s+(?:the\s+)?", re.IGNORECASE)
_POSSESSOR_BEFORE = re.compile(r"\b([A-Z][\w.]*?)(?:'s|’s|s)\s+$")
_RURAL_BEFORE = re.compile(r"\b[Rr]ural\s+$")
_COUNTRYSIDE_AFTER = re.compile(r"\s+[Cc]ountryside\b")


def recognise(doc: Doc, gazetteer: Gazetteer, text: str | None = None) -> tuple[list[Mention], Counter[str]]:
    """Place mentions in text order, and the article's country evidence from demonyms; `text` is
    the Doc's, when the caller has it (`Doc.text` joins the tokens anew)."""
    text = doc.text if text is None else text
    labels = _labels(doc)
    focus, demonyms = _demonym_focus(doc, gazetteer)
    mentions: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            for span in _place_spans(text, ent.start_char, ent.end_char, gazetteer, ent.label_):
                mentions[span] = Mention(span[0], span[1], text[span[0] : span[1]])
    misread = frozenset((e.start_char, e.end_char) for e in doc.ents if e.label_ in _NOT_NAMES)
    named_countries = frozenset(country_counts([m.text for m in mentions.values()], focus, gazetteer, areas=True))
    readings = _Readings(gazetteer, named_countries, misread)
    named = list(named_runs(text, gazetteer))  # both passes below read them, `taken` aside
    runs = list(_untaken(named, mentions))
    tails = {keys(text[s:e])[1] for s, e, position in runs if position == "inner"}
    previous_end = -1
    for start, end, position in runs:
        if position == "inner" or start in demonyms:
            continue
        alone = position == "whole" and keys(text[start:end])[1] not in tails
        if position == "head" and text[end : end + 1] != "." and not readings.near(text[start:end]):
            continue  # "Baba" of "rebel-held Baba Amr": a longer name the index lacks, not a town in Ecuador
        if _accepted(text, start, end, labels, previous_end, mentions, alone, readings):
            start, end = _widened(text, start, end, gazetteer)
            mentions[(start, end)] = Mention(start, end, text[start:end])
            previous_end = end
    main = main_country([m.text for m in mentions.values()], focus, gazetteer)
    for start, end in list(cued_spellings(text, gazetteer, main, readings.countries, mentions)) if main else ():
        mentions[(start, end)] = Mention(start, end, text[start:end])
    _one_reading_per_name(text, named, mentions, labels)
    found = sorted(
        (
            m
            for m in mentions.values()
            if m.text.lower() not in _not_places()
            and not _personal(text, m)
            and _plausible_acronym(m.text, gazetteer)
            and not _calendar_word(text, m)
        ),
        key=lambda m: m.start,
    )
    organisations = inside([(m.start, m.end, m.text) for m in found], organisation_spans(doc, text))
    return [replace(m, organisation=o) for m, o in zip(found, organisations, strict=True)], focus


def _labels(doc: Doc) -> dict[int, str]:
    """Entity label by character offset of each entity token."""
    return {token.idx: token.ent_type_ for token in doc if token.ent_type_}


def _demonym_focus(doc: Doc, gazetteer: Gazetteer) -> tuple[Counter[str], set[int]]:
    """Country evidence from demonyms ("Syrian"), and where those demonyms start. The model also
    calls some towns NORP ("Aleppo"): those are not demonyms and stay candidates."""
    focus: Counter[str] = Counter()
    starts: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        for match in gazetteer.lookup(ent.text, limit=5):
            if match.name_kind == "demonym" and match.level == "exact" and match.entry.country:
                focus[match.entry.country] += 1
                starts.add(ent.start_char)
                break
    return focus, starts


def _place_spans(text: str, start: int, end: int, gazetteer: Gazetteer, label: str) -> list[tuple[int, int]]:
    """The place names inside a place entity: the whole of it, or the known names it strings together
    ("Homs, Hama" as two), or the known name it starts with ("Fargo" of "Fargo City") and any after
    "of" ("Aleppo" of "the Old City of Aleppo"); never a bare compass word ("West" of "West Broad
    Street")."""
    start, end = _trim(text, start, end)
    if start >= end:
        return []
    end = _longer_name_end(text, start, tail_end(text, start, end, gazetteer), gazetteer)
    if gazetteer.has_name(text[start:end]):
        return [_widened(text, start, end, gazetteer)]
    runs = named_runs(text, gazetteer, lo=start, hi=end)
    inner = [(s, e) for s, e, where in runs if where != "inner" or text[max(start, s - 3) : s] == "of "]  # "Old City of Aleppo"
    inner = [(s, e) for s, e in inner if text[s:e].lower() not in _COMPASS]
    if inner:
        return inner
    return [(start, end)] if label != "FAC" and text[start].isupper() else []


def _longer_name_end(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """The end of a known name that starts with the entity and goes on past it ("Deir" tagged alone
    in "Deir ez-Zor airport"); else the entity's end."""
    run = RUN.match(text, start)
    if run and run.end() > end:
        for name_start, name_end, _ in named_runs(text, gazetteer, start, run.end()):
            if name_start == start and name_end > end:
                return name_end
    return end


def _widened(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """The name with "rural" before it or "countryside" after it when the whole is a name of its own:
    "rural Damascus" and "Damascus countryside" are Rif Dimashq, not Damascus ("rural Idlib" stays Idlib,
    which the resolver reads as the province by the cue)."""
    before = _RURAL_BEFORE.search(text, max(0, start - 10), start)
    if before and gazetteer.has_name(text[before.start() : end]):
        start = before.start()
    after = _COUNTRYSIDE_AFTER.match(text, end)
    if after and gazetteer.has_name(text[start : after.end()]):
        end = after.end()
    return start, end


@dataclass(frozen=True)
class _Readings:
    """What lets a name be taken on a weaker cue ("hit Aleppo") or against the model's label ("in
    Quneitra" as DATE): the article's countries, and the spans the model calls a date, a time or a
    number as a whole."""

    gazetteer: Gazetteer
    countries: frozenset[str]
    misread: frozenset[tuple[int, int]]

    def strong(self, name: str) -> bool:
        """A country, region or sea, a place of PROMINENT people, or any place in one of the article's
        countries, matched by its name or a transliteration; never a word that mostly begins longer
        names ("Khan")."""
        return not self.gazetteer.is_first_word(name) and self.near(name)

    def near(self, name: str) -> bool:
        """A country, region or sea, a place of PROMINENT people, or any place in one of the article's
        countries, matched by its name or a transliteration."""
        return any(
            m.level != "skeleton"
            and (m.entry.kind in _WORLD_KINDS or m.entry.population >= PROMINENT or m.entry.country in self.countries)
            for m in self.gazetteer.lookup(name, limit=10)
        )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" or direction ("Southwest of", left to `relative`) and a trailing possessive
    from an entity span."""
    if text[start:end].lower().startswith("the "):
        start += 4
    direction = _DIRECTION_OF.match(text, start, end)
    if direction:
        start = direction.end()
    for suffix in ("’s", "'s", "’", "'"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return start, end


def _untaken(runs: list[tuple[int, int, str]], taken: dict[tuple[int, int], Mention]) -> Iterator[tuple[int, int, str]]:
    """The named runs that overlap no `taken` span."""
    busy = sorted(taken)
    starts = [s for s, _ in busy]
    reach = list(accumulate((e for _, e in busy), max))  # the furthest end of the spans up to each
    for start, end, position in runs:
        before = bisect_left(starts, end)  # the spans that begin before the run ends
        if not (before and reach[before - 1] > start):
            yield start, end, position


def _accepted(
    text: str,
    start: int,
    end: int,
    labels: dict[int, str],
    previous_end: int,
    mentions: dict[tuple[int, int], Mention],
    alone: bool,
    readings: _Readings,
) -> bool:
    """Whether a known name the model did not call a place is one here. `alone`: the name is a whole
    run of capitalised words and never the tail of a longer one in this text (as surnames are). Alone
    and with a strong reading, a name is also one as the object of an attack ("hit Aleppo"), and with
    a locative cue when the model calls just that name a date or a number ("in Quneitra" as DATE)."""
    name = text[start:end]
    before = text[max(0, start - 40) : _past_possessor(text, start, end, readings.gazetteer)]
    cued = bool(_LOCATIVE_BEFORE.search(before) or admin_cue(text, start, end) or settlement_cue(text, start))
    if labels.get(start, "") in _NOT_NAMES:
        mistaken = (start, end) in readings.misread and not _CALENDAR.fullmatch(name)
        return mistaken and cued and alone and readings.strong(name)
    if cued or _section_head(text, start, end, readings.gazetteer):
        return True
    if alone and _ATTACKED_BEFORE.search(before) and readings.strong(name):
        return True
    last = max((e for _, e in mentions), default=-1)
    for anchor in (previous_end, last):
        if 0 <= anchor <= start and _LIST_BEFORE.match(text[anchor:start]):
            return True
    return alone and bool(_HAS_ARTICLE.search(text[start:end]))


def _section_head(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A province's name that heads a section of a round-up, run into the section's first sentence
    ("Daraa Army units killed ...", "Homs The Syrian Air Force conducted sorties ...")."""
    if not at_sentence_start(text, start) or not _SECTION_OPENER.match(text, end):
        return False
    return any(
        m.level == "exact" and (m.entry.kind == "admin1" or m.entry.population >= PROMINENT) for m in gazetteer.lookup(text[start:end], limit=10)
    )


def _past_possessor(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Where the words before a name end once the possessive of a country or province that holds a
    place of this name is set aside, so that "in Syria's Idlib" and "in Syrias Deir Ezzor" have "in"
    before the name ("Aleppo's Old City" keeps its possessor: no Old City is in Syria)."""
    possessor = _POSSESSOR_BEFORE.search(text, max(0, start - 30), start)
    if possessor is None:
        return start
    owners = {
        m.entry.country for m in gazetteer.lookup(possessor.group(1), limit=10) if m.level == "exact" and m.entry.kind in POSSESSIVE_KINDS
    }
    held = any(m.level != "skeleton" and m.entry.country in owners for m in gazetteer.lookup(text[start:end], limit=10))
    return possessor.start() if owners and held else start


@cache
def _not_places() -> frozenset[str]:
    """Single words never taken as places on their own (data/not_places.txt)."""
    return frozenset(word.lower() for word in packaged_words("not_places.txt"))


def _plausible_acronym(name: str, gazetteer: Gazetteer) -> bool:
    """A short all-capitals name ("US", "UAE", "IS") is a place only as a country's, region's or
    province's abbreviation, never as a town that happens to share the letters ("Is" in Russia)."""
    if not (name.isupper() and len(name.replace(".", "")) <= 4):
        return True
    return any(m.entry.kind in AREA_KINDS for m in gazetteer.lookup(name, limit=10) if m.level == "exact")


def _calendar_word(text: str, mention: Mention) -> bool:
    """A month or weekday before a number ("at Nov 27 2017", "Sat 5"): a date, whatever place shares it."""
    return _CALENDAR.fullmatch(mention.text) is not None and _NUMBER_AFTER.match(text, mention.end) is not None


def _personal(text: str, mention: Mention) -> bool:
    """A person's name: after a title ("coach Ripley", "President Saakashvili") or before "said" where
    no locative word comes first (scraped text drops commas: "killed in Aleppo said the monitor")."""
    before = text[max(0, mention.start - 30) : mention.start]
    speaker = _SPEAKER_AFTER.match(text, mention.end) and not _LOCATIVE_BEFORE.search(before)
    return bool(_TITLE_BEFORE.search(before) or speaker)


def _one_reading_per_name(
    text: str, named: list[tuple[int, int, str]], mentions: dict[tuple[int, int], Mention], labels: dict[int, str]
) -> None:
    """Every other occurrence of a name already taken as a place becomes a mention too, unless it
    follows other capitalised words ("Ripley" the town is not "coach Darren Ripley"); leading a
    longer name is fine ("Gainesville Police")."""
    taken_keys = {keys(m.text)[1] for m in mentions.values()}
    if not taken_keys:
        return
    for start, end, position in list(_untaken(named, mentions)):
        if position != "inner" and keys(text[start:end])[1] in taken_keys and labels.get(start) not in _NOT_NAMES:
            mentions[(start, end)] = Mention(start, end, text[start:end])
