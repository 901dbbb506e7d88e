"""Choose, for each place mention, the gazetteer entry the article means, and say why.

Every candidate gets named features, each with the reason in words: how well the name matched, how
big the place is (log population; what kind of place: continent, country, province), whether it is a
town that shares the name with its province (the bare name means the town: "Aleppo", "Homs"), whether
its country is the article's focus, whether its province or state is named or holds many of the
article's other places, whether its county is named ("Paris and Henry County"), whether the words
after it name its state ("Lexington, Ky."), how close it lies to the other places (a country: whether
it holds one), what the sentence calls it ("the province of", "Aleppo countryside", "the town of",
"Aleppo city", "eastern Homs"), whether it opens a dateline, whether it is a capital. Its score is the
ranker's weighted sum of them (`ranker.py`). Resolution runs in passes: each pass learns the article's
countries, provinces and places from the one before. The places a name itself was resolved to never
count as evidence for that name. Some readings are never taken: a one-word name's loose likeness to a
place of a country the article never names, and, for a word of an organisation's name ("Human" of
"Syrian Observatory for Human Rights"), any weak reading. A far loose reading may be declined ("none
of these", `Readings`). What the rest of the article says about a reading is in `article_view.py`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..models import GazetteerEntry, NameMatch, Place
from . import context
from .abbreviations import admin_abbreviation_codes
from .article_view import ArticleContext, Evidence, Reading, View, county_of, features
from .gazetteer import Gazetteer
from .normalise import exact_key, keys
from .organisations import Organisation
from .ranker import Ranker, fitted
from .reading_features import WIDE_KINDS, Cues, Parts, cue_parts, importance, name_reason, qualifier_parts
from .relative import distance_km
from .sources import capital_names

PASSES = 4
CITY_OF_PROVINCE = 0.2  # a namesake town with this share of its province's people: the bare name is the city ("Daraa")
HALVED_CITY = 1_000_000  # a city this big has halves the news names: "east Aleppo", "west Mosul"
HALVES = ("east", "west")
CITY_SHARE = 0.8  # a province whose namesake town holds this share of its people is that city (Damascus)
FAR_KM = 1000.0  # a loose reading this far from all the article's other places may be declined
PRECISION = {"continent": 3, "country": 3, "admin1": 3, "admin2": 2, "town": 1, "region": 3, "sea": 3}
WORLD_KINDS = {"continent", "country", "region", "sea"}
AREA_FEATURES = {"gas_field", "oil_field", "mountain_range", "road", "region", "area"}
# the share of the country evidence that makes a country one of the article's own; and the people in a
# town whose main name alone still names it inside an organisation's name
MAIN_SHARE = 0.25
WELL_KNOWN = 10_000
BY_TOWN = "its town's"  # the name_kind of a province read by its namesake town's name only


@dataclass(frozen=True)
class Mention:
    """A stretch of text taken to name a place; `organisation`: the organisation's name it lies in."""

    start: int
    end: int
    text: str
    organisation: Organisation | None = None


def _counties(candidates: dict[str, list[NameMatch]]) -> dict[str, dict[Reading, str]]:
    """Name key -> the counties (second-level divisions) that some reading of the name is by the county's
    main name ("Henry County"; not "Washington", an alternate name of thirty counties) or lies in ("Paris"
    in Henry County, Tennessee), each with how the article names it."""
    found: dict[str, dict[Reading, str]] = {}
    for name, matches in candidates.items():
        counties = found.setdefault(name_key(name), {})
        for match in matches:
            named = match.entry.kind == "town" or match.name_kind == "primary"
            if match.entry.kind in ("admin2", "town") and match.entry.admin2_name and named:
                counties.setdefault((*county_of(match.entry), match.entry.kind), name)
    return found


@dataclass(frozen=True)
class _Scored:
    match: NameMatch
    score: float
    why: tuple[str, ...]
    declined: bool = False  # the best reading is too weak: none of these


def name_key(text: str) -> str:
    """Mentions with the same key are one name: "Deir Ezzor" and "Deir ez-Zor" are."""
    return keys(text)[1]


def resolve(
    text: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    focus: Counter[str] | None = None,
    ranker: Ranker | None = None,
) -> list[Place]:
    """One Place per mention, in the same order; unresolvable names stay, with the reason."""
    ranker = ranker or fitted()
    found = readings(text, mentions, gazetteer, ranker, focus)
    return [_place(m, r, _best(r, ranker), gazetteer, ranker) for m, r in zip(mentions, found, strict=True)]


@dataclass(frozen=True)
class Readings:
    """A mention's admissible readings, each with its features, and whether it may get none of them:
    when no reading is exact (by its main name, or any name of a country, province or region), none
    lies in a country the rest of the article names, and each lies more than FAR_KM from every place
    the rest of the article names. A loose spelling of a place of the article's countries ("Deir
    Ezzor") is a transliteration; of a place far off in a country it never names, most often a
    coincidence ("Golat" as Gillette, Wyoming; "Madira" as Madhira, India, by an alternate name)."""

    options: list[tuple[NameMatch, Parts]]
    may_decline: bool
    facility: str | None = None  # the facility noun after the name, when readings were left out for it
    seat: bool = False  # only its country's capital was kept: the name speaks in the article, a government


@dataclass(frozen=True)
class _Static:
    """A mention's readings with the features that do not depend on the rest of the article, and what
    the rest of it may still rule out: `abroad`, provinces or states whose big city shares the name
    (the state is not what news from elsewhere means: "ministers met in New York"), and `facility`,
    the facility noun after the name ("Al-Quds hospital"); `shared`: the name is exactly that of a
    state and of its big city, so that the city, read by an alternate name, is no loose guess."""

    options: list[tuple[NameMatch, Parts]]
    abroad: frozenset[tuple[str | None, str | None]] = frozenset()
    facility: str | None = None
    shared: bool = False
    seat: bool = False


def readings(
    text: str, mentions: Sequence[Mention], gazetteer: Gazetteer, ranker: Ranker, focus: Counter[str] | None = None
) -> list[Readings]:
    """Each mention's admissible readings with their features, in the article's context as the passes
    learn it: each pass takes what the ranker makes of the one before."""
    candidates = {m.text: _candidates(m.text, gazetteer) for m in mentions}
    speakers = {name_key(m.text) for m in mentions if context.speaks(text, m.start, m.end)}
    static = [_static(text, m, candidates[m.text], gazetteer, name_key(m.text) in speakers) for m in mentions]
    hints = Counter(focus or {})
    counties = _counties(candidates)
    doc = ArticleContext(hints=hints, counties=counties)
    found: list[Readings] = []
    for done in range(PASSES):
        if done:
            doc = _learn(mentions, [_best(r, ranker) for r in found], hints, counties)
        found = [_readings(m, parts, doc) for m, parts in zip(mentions, static, strict=True)]
    return found


def _candidates(name: str, gazetteer: Gazetteer) -> list[NameMatch]:
    """The gazetteer's places of this name, and the state or province it abbreviates ("Ky.", "NSW")."""
    found = gazetteer.lookup(name)
    if gazetteer.is_first_word(name):  # "Deir" is loosely "Dayr", a name of Dyer, Indiana: a coincidence
        found = [m for m in found if m.level == "exact"]
    ids = {m.entry.id for m in found}
    for country, code in admin_abbreviation_codes(name):
        entry = gazetteer.admin1(country, code)
        if entry and entry.id not in ids:
            found.append(NameMatch(entry, name, "exact", "abbreviation"))
            ids.add(entry.id)
    for match in list(found):
        town = match.entry
        if town.kind == "town" and town.country and town.admin1_code and _is_namesake(town):
            province = gazetteer.admin1(town.country, town.admin1_code)
            if province and province.id not in ids:  # "Deir al-Zour" spells the town, and so its province
                found.append(NameMatch(province, match.matched, match.level, BY_TOWN))
                ids.add(province.id)
    return found


def _shares_name(town: NameMatch) -> bool:
    """Whether a bare name is shared by a town and its province, so that it means the town: it is the
    town's main name, or the province bears the town's name ("Aleppo" and Ḩalab)."""
    return _is_namesake(town.entry) or town.name_kind == "primary"


def _spelled_as_town(town: NameMatch, province: NameMatch) -> bool:
    """Whether the name spells the town exactly and its province only loosely ("Lattakia": Latakia by an
    alternate name, Al Lādhiqīyah loosely): a bare name so spelled is the town's, though the town
    earns no namesake bonus for it ("northern Lattakia" is still the province's north)."""
    return town.level == "exact" and province.level != "exact" and province.name_kind != BY_TOWN


def _is_namesake(town: GazetteerEntry) -> bool:
    """Whether the town's province or state bears its name ("Dayr az Zawr" and "Deir ez-Zor")."""
    return bool(town.admin1_name) and _skeleton(town.name) == _skeleton(town.admin1_name or "")


@lru_cache(maxsize=100_000)
def _skeleton(name: str) -> str:
    return keys(name)[2]


def _learn(
    mentions: Sequence[Mention],
    best: Sequence[_Scored | None],
    hints: Counter[str],
    counties: dict[str, dict[Reading, str]],
) -> ArticleContext:
    """Context from a pass: every resolved place, under its name."""
    evidence = [Evidence(name_key(m.text), b.match.entry) for m, b in zip(mentions, best, strict=True) if b and not b.declined]
    return ArticleContext(hints=hints, evidence=evidence, counties=counties)


def _static(text: str, mention: Mention, matches: Sequence[NameMatch], gazetteer: Gazetteer, seat: bool = False) -> _Static:
    """Each candidate with the score parts that do not depend on the rest of the article: its name,
    its size, what the words around the mention call it. A bare name of a town that holds
    CITY_OF_PROVINCE of its namesake province's people is the town, as ACLED codes it ("Aleppo",
    "Daraa"): the province is no reading unless the text says province, governorate or countryside,
    or names a part ("rural", "northern"); nor, without such words, is a province that only its town's
    name names (`BY_TOWN`: "Barna", a village near Aleppo, is an alternate name of Bern, not of its
    canton). The east or west of a city of HALVED_CITY people is a half
    of the city, not of its province ("east Aleppo", "west Mosul"). A name that spells exactly a town
    of CITY_OF_PROVINCE of the people of a province or state the name also names ("New York") is the
    town when "-based" follows (an organisation's seat), and, unless the words around call it an area
    or name a part, where the rest of the article hardly names its country (`_Static.abroad`). A `seat`:
    the name speaks somewhere in the article ("Washington and Paris say"), so that, unless the words
    around call it an area or name a part, it is a government's seat, its country's capital (`_seats`)."""
    cues = Cues(
        context.admin_cue(text, mention.start, mention.end),
        context.settlement_cue(text, mention.start, mention.end),
        context.part_of(text, mention.start),
    )
    seats = _seats(matches) if seat and not cues.admin and not cues.part else []
    matches = seats or matches
    provinces = {(m.entry.country, m.entry.admin1_code): m for m in matches if m.entry.kind == "admin1"}
    qualifier = context.comma_qualifier(text, mention.end)
    qualifying = _qualifying(qualifier, gazetteer) if qualifier else []
    dated = context.dateline(text, mention.start, mention.end)
    big: set[tuple[str | None, str | None]] = set()  # provinces a big town of the name lies in
    cities: set[tuple[str | None, str | None]] = set()  # provinces the name's city is the main town of
    halved: set[tuple[str | None, str | None]] = set()  # ... whose city's halves the east or west named are
    found = []
    for match in matches:
        entry = match.entry
        parts: Parts = [(f"match_{match.level}", 1.0, name_reason(match))]
        if match.name_kind == "primary":
            parts.append(("main_name", 1.0, "the place's main name"))
        parts += importance(entry)
        named = provinces.get((entry.country, entry.admin1_code))  # its province, if the name also names it
        if entry.kind == "town" and named is not None:
            key, province = (entry.country, entry.admin1_code), named.entry
            share = entry.population / province.population if province.population else 0.0
            if match.level == named.level == "exact" and named.name_kind != BY_TOWN and share >= CITY_OF_PROVINCE:
                big.add(key)
            if _spelled_as_town(match, named) and share >= CITY_OF_PROVINCE:
                cities.add(key)
            if _shares_name(match):
                if named.name_kind != BY_TOWN:  # a bonus against its province, not against other towns of the
                    # name: in "the Sana news agency", Schaan (one of whose names is "Sana") would outrank Sanaa
                    parts.append(("namesake_town", 1.0, f"its province/state {province.name} goes by the same name: the bare name means the town"))
                if share >= CITY_OF_PROVINCE:
                    cities.add(key)
                if cues.part in HALVES and entry.population >= HALVED_CITY:
                    halved.add(key)
                if cues.part and share >= CITY_SHARE:
                    parts.append(("city_is_province", 1.0, f"{province.name} is the city itself ({share:.0%} of its people): its parts are the town's"))
        parts += qualifier_parts(qualifier, qualifying, entry)
        parts += cue_parts(cues, entry)
        if entry.kind == "town" and entry.country and capital_names().get(entry.country) == entry.name:
            parts.append(("capital", 1.0, f"the capital of {entry.country}"))
        if dated and entry.kind == "town":
            parts.append(("dateline_town", 1.0, "the name opens a dateline, which names a town"))
        found.append((match, parts))
    facility = context.facility_after(text, mention.end)
    if cues.admin:
        return _Static(found, facility=facility, shared=bool(big), seat=bool(seats))
    dropped = halved if cues.part else cities | (big if context.seat_after(text, mention.end) else set())
    kept = [
        (m, parts)
        for m, parts in found
        if m.entry.kind != "admin1" or ((m.entry.country, m.entry.admin1_code) not in dropped and (cues.part or m.name_kind != BY_TOWN))
    ]
    return _Static(kept, frozenset() if cues.part else frozenset(big - dropped), facility, bool(big), bool(seats))


def _qualifying(qualifier: str, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """The places a qualifier's words name exactly ("Quneitra"), or without a possessive's s run into
    them ("in Aleppos southern countryside")."""
    for words in (qualifier, qualifier[:-1] if qualifier.endswith("s") else None):
        found = [m.entry for m in gazetteer.lookup(words, limit=10) if m.level == "exact"] if words else []
        if found:
            return found
    return []


def _seats(matches: Sequence[NameMatch]) -> list[NameMatch]:
    """The readings that are a country's capital, named exactly (for each country, the biggest town of
    its capital's name: Washington, D.C., not Washington, Utah). A place that speaks ("Washington and
    Paris say", "Tbilisi has denied") is a government, which sits in its capital: not the state of
    Washington, nor a county or a town of the name elsewhere."""
    capitals = capital_names()
    seats: dict[str, NameMatch] = {}
    for match in matches:
        entry = match.entry
        if entry.kind == "town" and match.level == "exact" and entry.country and capitals.get(entry.country) == entry.name:
            if entry.country not in seats or entry.population > seats[entry.country].entry.population:
                seats[entry.country] = match
    return list(seats.values())


def _readings(mention: Mention, static: _Static, doc: ArticleContext) -> Readings:
    if not static.options:
        return Readings([], False)
    view = doc.view(name_key(mention.text))

    def foreign(entry: GazetteerEntry) -> bool:  # a place of a country the rest of the article hardly names
        return bool(view.focus) and view.focus_share(entry.country) < MAIN_SHARE

    options = [
        (match, features(match, parts, view))
        for match, parts in static.options
        if _admissible(mention, match, view)
        and not (static.facility and foreign(match.entry))
        and not ((match.entry.country, match.entry.admin1_code) in static.abroad and match.entry.kind == "admin1" and foreign(match.entry))
    ]
    near = static.shared or any(_exact(match) or view.focus[match.entry.country or ""] or _near(match.entry, view.anchors) for match, _ in options)
    left_out = static.facility if static.facility and len(options) < len(static.options) else None
    return Readings(options, bool(view.anchors) and not near, left_out, static.seat)


def _near(entry: GazetteerEntry, anchors: Sequence[GazetteerEntry]) -> bool:
    return any(distance_km(entry.lat, entry.lon, a.lat, a.lon) <= FAR_KM for a in anchors if a.id != entry.id)


def _best(found: Readings, ranker: Ranker) -> _Scored | None:
    """The reading that scores highest; declined when the name may have none and the best scores under
    the ranker's "none of these"."""
    scored = [(ranker.score(parts), match, parts) for match, parts in found.options]
    top = max(scored, key=lambda s: (s[0], s[1].entry.population, s[1].entry.id), default=None)
    if top is None:
        return None
    score, match, parts = top  # the reasons are put in order for the winner only
    declined = ranker.none is not None and score < ranker.none and found.may_decline
    return _Scored(match, score, ranker.reasons(parts), declined)


def _exact(match: NameMatch) -> bool:
    """An exact match by a place's main name, or by any name of a country, province or region of its own
    (not a province read by its town's name: "Barna", a village near Aleppo, is an alternate name of
    Bern, and so of the canton only through the town)."""
    return match.level == "exact" and (match.name_kind == "primary" or (match.entry.kind in WIDE_KINDS and match.name_kind != BY_TOWN))


def _admissible(mention: Mention, match: NameMatch, view: View) -> bool:
    """Whether a reading may be taken at all: a strong one inside an organisation's name, and never a
    coincidence of spelling (`_stray`)."""
    return _strong(mention, match, view) if mention.organisation else not _stray(mention, match, view)


def _stray(mention: Mention, match: NameMatch, view: View) -> bool:
    """A one-word name only loosely like a place (a town, a province, a feature) of a country that the
    rest of the article, which names others, never names, or only by its consonants like one of a
    country short of MAIN_SHARE of the article's evidence: "Shiite" as Shiida, Japan, "al-Foua" as
    Fuwwah, Egypt, in an article on Syria; or by its consonants like a place more than FAR_KM from every
    other town or feature the article names, whatever its country: "Maisaloun" (by Raqqa) as Massillon,
    Ohio, in an article that names the US-led coalition. A coincidence of spelling, not a reading."""
    entry = match.entry
    if match.level == "exact" or " " in name_key(mention.text) or entry.kind in WORLD_KINDS:
        return False
    if match.level == "skeleton" and view.anchors and not _near(entry, view.anchors):
        return True
    if not view.focus:
        return False
    share = view.focus_share(entry.country)
    return share < MAIN_SHARE if match.level == "skeleton" else not share


def _strong(mention: Mention, match: NameMatch, view: View) -> bool:
    """A reading strong enough inside an organisation's name ("Human" of "Syrian Observatory for Human
    Rights", "Daesh" of the Islamic State): a place in one of the article's own countries (MAIN_SHARE
    of its country evidence; any, when the article has none besides this name) that the name matches
    better than by its consonants ("Deir Ezzor Police"), or a place the name matches exactly (a leading
    "The" aside) that is a country, province or region, or a town of WELL_KNOWN people by its main
    name ("Geneva Conventions")."""
    entry = match.entry
    own = view.focus_share(entry.country) >= MAIN_SHARE or not view.focus
    if own and match.level != "skeleton":
        return True
    exact = match.level == "exact" or exact_key(re.sub(r"^[Tt]he\s+", "", mention.text)) == exact_key(match.matched)
    main = match.name_kind in ("primary", "abbreviation") and entry.population >= WELL_KNOWN
    return exact and (entry.kind in WIDE_KINDS or main)


def organisation_word(mention: Mention, place: Place, gazetteer: Gazetteer) -> bool:
    """Whether an unresolved mention is a word of an organisation's name rather than a place: it is
    an actor's name ("Hizballah"), or it lies in an organisation's name and has readings, none strong.
    A name the gazetteer lacks in "Local Coordination Committee of Deir al-Adas" is still a place."""
    organisation = mention.organisation
    if place.resolved or organisation is None:
        return False
    return organisation.source == "actor" or bool(gazetteer.lookup(mention.text, limit=1))


def _unresolved(mention: Mention, gazetteer: Gazetteer) -> str:
    name, organisation = mention.text, mention.organisation
    if organisation and gazetteer.lookup(name, limit=1):
        return f"part of {organisation.text!r}, an organisation's name (by {organisation.source}), and no reading is strong"
    if gazetteer.is_first_word(name) and gazetteer.lookup(name, limit=1):
        return "a word that mostly begins longer names, and no gazetteer entry has it as its exact name"
    if gazetteer.lookup(name, limit=1):
        return "its readings match only loosely, far from the article's other places or in a country it hardly names: coincidences of spelling"
    return "no gazetteer entry has this name"


def _place(mention: Mention, found: Readings, best: _Scored | None, gazetteer: Gazetteer, ranker: Ranker) -> Place:
    if best is None and found.facility:
        why = f"the name of a {found.facility}, named after a place in a country the article hardly names: not where it lies"
        return Place(mention.start, mention.end, mention.text, resolved=False, why=(why,))
    if best is None:
        return Place(mention.start, mention.end, mention.text, resolved=False, why=(_unresolved(mention, gazetteer),))
    if best.declined:
        entry, how = best.match.entry, {"exact": "only by an alternate name", "loose": "but for spelling variants", "skeleton": "only by its consonants"}[best.match.level]
        why = f"none of these: the best reading, {entry.name} ({entry.country or entry.kind}), matches {how}, lies far from the article's other places, and scores {best.score:.2f}, under {ranker.none:.2f}"
        return Place(mention.start, mention.end, mention.text, resolved=False, score=best.score, why=(why, *best.why[:3]))
    entry = best.match.entry
    seat = f"{mention.text} speaks in the article (says, warns, denies ...): a government, seated in its country's capital"
    reasons = (seat, *best.why) if found.seat else best.why
    return Place(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        resolved=True,
        name=entry.name,
        id=entry.id,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        admin1=entry.admin1_name,
        admin1_code=entry.admin1_code,
        admin2=entry.admin2_name,
        feature=entry.kind,
        geo_precision=PRECISION.get(entry.kind, 2 if entry.kind in AREA_FEATURES else 1),
        score=best.score,
        why=reasons,
    )
