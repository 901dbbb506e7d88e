"""Choose, for each place mention, the gazetteer entry the article means, and say why.

Every candidate gets a score that is a sum of named parts, each with the reason it was added:
how well the name matched, how important the place is, whether its country is the article's
focus, whether its province or state is named nearby ("Lexington, Ky.", "in Homs province"), how
close it lies to the other places the article names, and what the sentence says it is ("the
province of", "the town of"). Resolution runs twice: the first pass finds the article's countries,
provinces and unambiguous places; the second scores every mention against them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import GazetteerEntry, NameMatch, Place
from . import context
from .abbreviations import admin_by_abbreviation
from .gazetteer import Gazetteer
from .relative import distance_km

MATCH_SCORE = {"exact": 3.0, "loose": 2.0, "skeleton": 0.8}
NAME_KIND_SCORE = {"primary": 0.3, "alternate": 0.0, "abbreviation": 0.0, "demonym": 0.0}
KIND_SCORE = {"country": 3.0, "admin1": 2.2, "admin2": 0.8}
FEATURE_SCORE = 2.0  # a curated feature named in full ("Al-Hayl gas field") is specific
FOCUS_WEIGHT = 3.0
ADMIN_NAMED = 2.5  # the candidate's province or state is named in the article
QUALIFIED = 5.0  # "Name, Qualifier" where the qualifier is the candidate's state or country
CUE_WEIGHT = 3.0
NEAR_KM = ((50.0, 2.0), (200.0, 1.0), (600.0, 0.4))
PRECISION = {"country": 3, "admin1": 3, "admin2": 2, "town": 1}
AREA_FEATURES = {"gas_field", "oil_field", "mountain_range", "road", "region", "area"}


@dataclass(frozen=True)
class Mention:
    """A stretch of text taken to name a place."""

    start: int
    end: int
    text: str


@dataclass
class _Context:
    """What the article as a whole says about where it is."""

    focus: Counter[str] = field(default_factory=Counter)  # country -> weight of evidence
    admins: set[tuple[str, str]] = field(default_factory=set)  # (country, admin1 code) named
    anchors: list[GazetteerEntry] = field(default_factory=list)  # places resolved with confidence

    def focus_share(self, country: str | None) -> float:
        total = sum(self.focus.values())
        return self.focus[country] / total if country and total else 0.0


@dataclass(frozen=True)
class _Scored:
    match: NameMatch
    score: float
    why: tuple[str, ...]


def resolve(
    text: str, mentions: Sequence[Mention], gazetteer: Gazetteer, focus: Counter[str] | None = None
) -> list[Place]:
    """One Place per mention, in the same order; unresolvable names stay, with the reason."""
    candidates = {m.text: gazetteer.lookup(m.text) for m in mentions}
    doc = _Context(focus=Counter(focus or {}))
    first = [_best(text, m, candidates[m.text], doc, gazetteer) for m in mentions]
    doc = _learn(first, doc.focus)
    return [_place(m, _best(text, m, candidates[m.text], doc, gazetteer)) for m in mentions]


def _learn(first: Sequence[_Scored | None], hints: Counter[str]) -> _Context:
    """Context from the first pass: countries, provinces named, and the confident places."""
    doc = _Context(focus=Counter(hints))
    for scored in first:
        if scored is None:
            continue
        entry = scored.match.entry
        if entry.country:
            doc.focus[entry.country] += 1
        if entry.kind == "admin1" and entry.country and entry.admin1_code:
            doc.admins.add((entry.country, entry.admin1_code))
        if entry.kind not in ("country", "admin1"):
            doc.anchors.append(entry)
    return doc


def _best(text: str, mention: Mention, matches: Sequence[NameMatch], doc: _Context, gazetteer: Gazetteer) -> _Scored | None:
    if not matches:
        return None
    scored = [_score(text, mention, match, doc, gazetteer) for match in matches]
    return max(scored, key=lambda s: (s.score, s.match.entry.population, s.match.entry.id))


def _score(text: str, mention: Mention, match: NameMatch, doc: _Context, gazetteer: Gazetteer) -> _Scored:
    entry = match.entry
    parts: list[tuple[float, str]] = []
    parts.append((MATCH_SCORE[match.level] + NAME_KIND_SCORE[match.name_kind], _name_reason(match)))
    parts.append(_importance(entry))
    share = doc.focus_share(entry.country)
    if share:
        parts.append((FOCUS_WEIGHT * share, f"{entry.country} is {share:.0%} of the article's country evidence"))
    if entry.country and entry.admin1_code and (entry.country, entry.admin1_code) in doc.admins and entry.kind != "admin1":
        parts.append((ADMIN_NAMED, f"its province/state {entry.admin1_name or entry.admin1_code} is named in the article"))
    parts += _qualifier(text, mention, entry, gazetteer)
    parts += _cues(text, mention, entry)
    parts += _nearness(entry, doc.anchors)
    parts = [(value, reason) for value, reason in parts if value]
    return _Scored(match, round(sum(v for v, _ in parts), 3), tuple(reason for _, reason in parts))


def _name_reason(match: NameMatch) -> str:
    how = {"exact": "matches", "loose": "matches (spelling variants aside)", "skeleton": "resembles"}[match.level]
    return f"name {how} {match.name_kind} name {match.matched!r}"


def _importance(entry: GazetteerEntry) -> tuple[float, str]:
    if entry.kind in KIND_SCORE:
        return KIND_SCORE[entry.kind], f"a {entry.kind}"
    if entry.kind == "town":
        value = 0.45 * math.log10(entry.population + 1)
        return value, f"population {entry.population:,}" if entry.population else "population unknown (0 in GeoNames)"
    return FEATURE_SCORE, f"a named {entry.kind.replace('_', ' ')}"


def _qualifier(text: str, mention: Mention, entry: GazetteerEntry, gazetteer: Gazetteer) -> list[tuple[float, str]]:
    """"Lexington, Ky." / "Homs, Syria": the words after the comma name the candidate's state or country."""
    qualifier = context.comma_qualifier(text, mention.end)
    if not qualifier or entry.kind == "country":
        return []
    admin = admin_by_abbreviation(qualifier)
    if admin and (entry.country, entry.admin1_code) == admin:
        return [(QUALIFIED, f"followed by {qualifier!r}, its state")]
    for match in gazetteer.lookup(qualifier, limit=10):
        other = match.entry
        if match.level != "exact":
            continue
        if other.kind == "country" and other.country == entry.country:
            return [(QUALIFIED, f"followed by {qualifier!r}, its country")]
        if other.kind == "admin1" and (other.country, other.admin1_code) == (entry.country, entry.admin1_code):
            return [(QUALIFIED, f"followed by {qualifier!r}, its province/state")]
    return []


def _cues(text: str, mention: Mention, entry: GazetteerEntry) -> list[tuple[float, str]]:
    """What the sentence calls the place: a province, a town, part of a region."""
    found: list[tuple[float, str]] = []
    admin = context.admin_cue(text, mention.start, mention.end)
    if admin:
        is_admin = entry.kind in ("admin1", "admin2")
        found.append((CUE_WEIGHT if is_admin else -CUE_WEIGHT / 2, f"the sentence calls it an area ({admin!r})"))
    settlement = context.settlement_cue(text, mention.start)
    if settlement:
        is_town = entry.kind == "town"
        found.append((CUE_WEIGHT if is_town else -CUE_WEIGHT / 2, f"the sentence calls it a settlement ({settlement!r})"))
    return found


def _nearness(entry: GazetteerEntry, anchors: Sequence[GazetteerEntry]) -> list[tuple[float, str]]:
    others = [a for a in anchors if a.id != entry.id]
    if not others or entry.kind == "country":
        return []
    nearest = min(others, key=lambda a: distance_km(entry.lat, entry.lon, a.lat, a.lon))
    km = distance_km(entry.lat, entry.lon, nearest.lat, nearest.lon)
    for limit, value in NEAR_KM:
        if km <= limit:
            return [(value, f"{km:.0f} km from {nearest.name}, also named in the article")]
    return []


def _place(mention: Mention, best: _Scored | None) -> Place:
    if best is None:
        return Place(mention.start, mention.end, mention.text, resolved=False, why=("no gazetteer entry has this name",))
    entry = best.match.entry
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
        why=best.why,
    )
