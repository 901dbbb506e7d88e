"""The features of one reading of a place mention that depend on the place alone or on the words
around the mention: how the name matched, how big and what kind of place it is, what the words after
a comma and the sentence call it, and how near it lies to the article's other places. `resolve.py`
adds what the rest of the article says (its countries and provinces) and passes them to the ranker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import GazetteerEntry, NameMatch
from .abbreviations import admin_by_abbreviation
from .ranker import Part
from .relative import distance_km

Parts = list[Part]

KIND_FEATURE = {"continent": "continent", "country": "country", "admin1": "admin1", "admin2": "admin2"}
KIND_NAME = {"continent": "continent", "country": "country", "admin1": "province or state", "admin2": "district or county"}
REGION_NAME = {"region": "world or disputed region", "sea": "sea or ocean"}
NEAR_KM = ((50.0, "near_50"), (200.0, "near_200"), (600.0, "near_600"))
WIDE_KINDS = {"continent", "country", "admin1", "region", "sea"}  # too wide to say where the article's other places are
AREA_KINDS = {"continent", "country", "admin1", "admin2", "region", "sea"}


def name_reason(match: NameMatch) -> str:
    how = {"exact": "matches", "loose": "matches (spelling variants aside)", "skeleton": "resembles"}[match.level]
    if match.name_kind == "its town's":  # a province added by its namesake town (resolve.BY_TOWN)
        return f"name {how} its namesake town's name {match.matched!r}"
    return f"name {how} {match.name_kind} name {match.matched!r}"


def importance(entry: GazetteerEntry) -> Parts:
    """Bigger places are named more often: log population (a division's is the sum of its towns'), and a
    bonus for a continent, a country or a division, which the news names by itself more than a town."""
    if entry.kind in REGION_NAME:
        return [("region", 1.0, f"a {REGION_NAME[entry.kind]}, which the news names by itself")]
    if entry.kind not in KIND_FEATURE and entry.kind != "town":
        return [("feature", 1.0, f"a named {entry.kind.replace('_', ' ')}")]
    if entry.population:
        found: Parts = [("log_population", math.log10(entry.population + 1), f"population {entry.population:,}")]
    else:
        found = [("population_unknown", 1.0 if entry.kind == "town" else 0.0, "population unknown (0 in GeoNames)")]
    if entry.kind in KIND_FEATURE:
        found.append((KIND_FEATURE[entry.kind], 1.0, f"a {KIND_NAME[entry.kind]}"))
    return found


def qualifier_parts(qualifier: str | None, qualifying: Sequence[GazetteerEntry], entry: GazetteerEntry) -> Parts:
    """"Lexington, Ky." / "Homs, Syria": the words after the comma name the candidate's state or country."""
    if not qualifier or entry.kind in ("continent", "country"):
        return []
    admin = admin_by_abbreviation(qualifier)
    if admin and (entry.country, entry.admin1_code) == admin:
        return [("qualified", 1.0, f"followed by {qualifier!r}, its state")]
    for other in qualifying:
        if other.kind == "country" and other.country == entry.country:
            return [("qualified", 1.0, f"followed by {qualifier!r}, its country")]
        if other.kind == "admin1" and (other.country, other.admin1_code) == (entry.country, entry.admin1_code):
            return [("qualified", 1.0, f"followed by {qualifier!r}, its province/state")]
    return []


@dataclass(frozen=True)
class Cues:
    """What the words around a mention call it."""

    admin: str | None  # "province", "the province of"
    settlement: str | None  # "the town of"
    part: str | None  # "east" in "eastern Homs", "rural", "central"


def cue_parts(cues: Cues, entry: GazetteerEntry) -> Parts:
    """What the sentence calls the place: a province, a town, part of an area."""
    found: Parts = []
    is_area = entry.kind in AREA_KINDS
    if cues.admin:
        is_admin = entry.kind in ("admin1", "admin2", "region")
        found.append(("called_area_is_area" if is_admin else "called_area_not_area", 1.0, f"the sentence calls it an area ({cues.admin!r})"))
    if cues.part and (is_area or entry.kind == "town"):  # features (a gas field, a road) have parts too
        feature = "called_part_of_area" if is_area else "called_part_of_town"
        found.append((feature, 1.0, f"the sentence names part of it ({cues.part!r}), as of an area"))
    if cues.settlement:
        is_town = entry.kind == "town"
        found.append(("called_town_is_town" if is_town else "called_town_not_town", 1.0, f"the sentence calls it a settlement ({cues.settlement!r})"))
    return found


def nearness(entry: GazetteerEntry, anchors: Sequence[GazetteerEntry]) -> Parts:
    """How close the place lies to the article's other places. A country counts as near when it holds
    one, as its towns lie far from its centre ("Mexico" beside "Mexico City" is the country, not the state);
    a province's centre says nothing of where its places are (the share of them it holds does)."""
    others = [a for a in anchors if a.id != entry.id]
    if entry.kind == "country":
        inside = next((a for a in others if a.country == entry.country), None)
        return [("holds_named_place", 1.0, f"holds {inside.name}, also named in the article")] if inside else []
    if not others or entry.kind in WIDE_KINDS:
        return []
    km, nearest = min(((distance_km(entry.lat, entry.lon, a.lat, a.lon), a) for a in others), key=lambda pair: pair[0])
    for limit, feature in NEAR_KM:
        if km <= limit:
            return [(feature, 1.0, f"{km:.0f} km from {nearest.name}, also named in the article")]
    return []
