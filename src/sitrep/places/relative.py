"""Relative locations: "4 kilometers north of X", "the outskirts of X", "the road from A to B".

A relative expression moves or widens the point of the place it is anchored to; the result is
ACLED geo_precision 2 ("near a town, or part of a region").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .context import DIRECTIONS

EARTH_KM = 6371.0
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_UNITS = {"km": 1.0, "kms": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
          "mile": 1.609, "miles": 1.609, "mi": 1.609}  # fmt: skip
_NUMBER = r"(\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(km|kms|kilomet(?:er|re)s?|miles?|mi)\b"
_DIRECTION = r"(north|south|east|west)(?:[- ]?(east|west))?(?:ern)?"
_FILLER = r"(?:the\s+)?(?:(?:[a-z]+\s+){0,2}(?:city|town|village|capital)\s+of\s+)?"
_OFFSET_BEFORE = re.compile(rf"{_NUMBER}\s*-?\s*{_UNIT}\s+(?:\([^()]{{0,20}}\)\s*)?{_DIRECTION}\s+of\s+{_FILLER}$", re.I)
_DIRECTION_BEFORE = re.compile(rf"\b{_DIRECTION}\s+of\s+{_FILLER}$", re.I)
_DISTANCE_AFTER = re.compile(rf"^[^.;]{{0,40}}?\b(?:to|at|for|of)\s+a\s+distance\s+of\s+{_NUMBER}\s*{_UNIT}", re.I)
_NEAR_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?outskirts\s+of|near|nearby|outside(?:\s+of)?|around|close\s+to|on\s+the\s+edge\s+of|"
    r"(?:the\s+)?vicinity\s+of|(?:the\s+)?countryside\s+of|rural|(?:the\s+)?environs\s+of)\s+(?:the\s+)?$",
    re.I,
)
_ROAD = re.compile(r"\b(?:road|highway|route)\s+(?:from|between)\s+$", re.I)
_ROAD_JOIN = re.compile(r"^\s+(?:to|and)\s+$", re.I)


@dataclass(frozen=True)
class Relation:
    """How a mention's point is moved: by `km` towards `bearing` (unit vector east, north), or not at all.

    `start`/`end` are the offsets of the whole expression in the text; `phrase` says it in short.
    """

    phrase: str
    start: int
    end: int
    km: float = 0.0
    bearing: tuple[float, float] = (0.0, 0.0)


def relation_before(text: str, start: int, end: int) -> Relation | None:
    """The relative expression anchored on the mention at text[start:end], if any."""
    base = max(0, start - 60)
    window = text[base:start]
    offset = _OFFSET_BEFORE.search(window)
    if offset:
        km = _number(offset.group(1)) * _UNITS[offset.group(2).lower()]
        bearing = _bearing(offset.group(3), offset.group(4))
        return Relation(offset.group() + text[start:end], base + offset.start(), end, km, bearing)
    direction = _DIRECTION_BEFORE.search(window)
    if direction:
        later = _DISTANCE_AFTER.match(text[end : end + 80])
        if later:
            km = _number(later.group(1)) * _UNITS[later.group(2).lower()]
            phrase = f"{km:g} km {direction.group().strip()} {text[start:end]}"
            bearing = _bearing(direction.group(1), direction.group(2))
            return Relation(phrase, base + direction.start(), end + later.end(), km, bearing)
        return Relation(direction.group() + text[start:end], base + direction.start(), end)
    near = _NEAR_BEFORE.search(window)
    if near:
        return Relation(near.group() + text[start:end], base + near.start(), end)
    return None


def is_road_between(text: str, first_end: int, second_start: int, first_start: int) -> bool:
    """True for "the road from A to B" / "highway between A and B" with A and B the two mentions."""
    return bool(_ROAD.search(text[max(0, first_start - 30) : first_start])) and bool(
        _ROAD_JOIN.match(text[first_end:second_start])
    )


def offset_point(lat: float, lon: float, km: float, bearing: tuple[float, float]) -> tuple[float, float]:
    """The point `km` from (lat, lon) in the direction of the unit vector `bearing` (east, north)."""
    east, north = bearing
    angle = math.atan2(east, north)
    distance = km / EARTH_KM
    phi1, lambda1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi1) * math.cos(distance) + math.cos(phi1) * math.sin(distance) * math.cos(angle))
    lambda2 = lambda1 + math.atan2(
        math.sin(angle) * math.sin(distance) * math.cos(phi1), math.cos(distance) - math.sin(phi1) * math.sin(phi2)
    )
    return round(math.degrees(phi2), 5), round((math.degrees(lambda2) + 540) % 360 - 180, 5)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _number(word: str) -> float:
    lowered = word.lower()
    return float(_NUMBER_WORDS[lowered]) if lowered in _NUMBER_WORDS else float(lowered.replace(",", "."))


def _bearing(first: str, second: str | None) -> tuple[float, float]:
    return DIRECTIONS[(first + (second or "")).lower()]
