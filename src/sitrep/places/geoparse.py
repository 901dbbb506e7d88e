"""Geoparsing: the place mentions of a text, resolved, plus the relative locations anchored on them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Place
from .capitals import with_capitals
from .context import part_of
from .gazetteer import Gazetteer
from .ranker import Ranker
from .recognise import recognise
from .context import DIRECTIONS
from .relative import distance_km, is_road_between, offset_point, relation_before
from .resolve import Mention, organisation_word, resolve

DERIVED = frozenset({"relative", "part"})  # features of places worked out from an anchor mention
INSIDE_KM = 25.0  # a part of a town lies this close to it
PROVINCE_KM = 100.0  # ... and a district of its province this close
_OF = re.compile(r"\s+of\s+")
_OF_NAME = re.compile(r"\s+of\s+(?P<name>[A-Z][\w'’-]+)")  # "... of Aleppo"
_PAIR = re.compile(r"[-‐–](?P<word>[A-Z][a-z]+)\b")  # "US-Russian"
_PART_AFTER = re.compile(r"(?i)\s+(?P<word>neighbou?rhood|district|quarter)\b")  # "the Zahra neighbourhood"
_PART_OF = re.compile(r"(?i)\s+(?:neighbou?rhoods?|districts?|quarters?|areas?|suburbs?)\s+of\s+(?:the\s+(?:city|town)\s+of\s+)?")  # "... district of Aleppo"
PART_SHIFT_KM = {"admin1": 50.0, "admin2": 15.0, "country": 200.0}


def geoparse_doc(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in a parsed text, resolved, with relative locations after their anchors."""
    text = doc.text  # joined from the tokens at each use: read once
    mentions, focus = recognise(doc, gazetteer, text)
    places = resolve(text, mentions, gazetteer, focus)
    kept = [p for p, m in zip(places, mentions, strict=True) if not organisation_word(m, p, gazetteer) and not _paired(text, p, gazetteer)]
    return with_relations(text, _with_containers(text, with_capitals(text, kept, gazetteer), gazetteer))


def _with_containers(text: str, places: Sequence[Place], gazetteer: Gazetteer) -> list[Place]:
    """The places, with the town a place is said to be "of" when no mention took it ("the Old City of
    Aleppo", where the model names only "the Old City"): `with_relations` then puts the part in it."""
    starts = {p.start for p in places}
    found = []
    for place in places:
        name = _OF_NAME.match(text, place.end)
        if place.resolved and name is not None and name.start("name") not in starts:
            (town,) = resolve_spans(text, [name.span("name")], gazetteer)
            if town.resolved and town.feature == "town" and town.country != place.country:
                found.append(town)
    return sorted([*places, *found], key=lambda p: p.start) if found else list(places)


def _paired(text: str, place: Place, gazetteer: Gazetteer) -> bool:
    """"the US-Russian deal": a country joined to another people's adjective qualifies a noun, it is no place."""
    pair = _PAIR.match(text, place.end)
    if place.feature != "country" or pair is None:
        return False
    return any(m.level == "exact" and m.name_kind == "demonym" for m in gazetteer.lookup(pair["word"], limit=10))


def geoparse_texts(texts: Iterable[str], gazetteer: Gazetteer, nlp: Language) -> Iterator[list[Place]]:
    """geoparse_doc over many texts, parsed in batches."""
    for doc in nlp.pipe(texts, batch_size=32):
        yield geoparse_doc(doc, gazetteer)


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer, ranker: Ranker | None = None) -> list[Place]:
    """Resolve exactly these spans, in this order (toponym resolution with given mentions)."""
    return resolve(text, [Mention(s, e, text[s:e]) for s, e in spans], gazetteer, ranker=ranker)


def with_relations(text: str, places: Sequence[Place]) -> list[Place]:
    """The places, each followed by the relative locations anchored on it."""
    result: list[Place] = []
    town: Place | None = None  # the last town named
    for index, place in enumerate(places):
        following = places[index + 1] if index + 1 < len(places) else None
        if following is not None and (
            _PART_OF.fullmatch(text, place.end, following.start)
            or (_OF.fullmatch(text, place.end, following.start) and place.country != following.country)
        ):
            place = _inside(place, following, text)  # "the Old City of Aleppo": not Jerusalem's
        elif town is not None and (after := _PART_AFTER.match(text, place.end)):
            place = _inside(place, town, text, after["word"].lower())
        if place.resolved and place.feature == "town":
            town = place
        result.append(place)
        if not place.resolved or place.lat is None or place.lon is None:
            continue
        extra = _relative(text, place) or _part(text, place)
        if extra:
            result.append(extra)
        if following and following.resolved and is_road_between(text, place.end, following.start, place.start):
            result.append(_road(text, place, following))
    return result


def _inside(place: Place, town: Place, text: str, word: str = "") -> Place:
    """"the Midan neighbourhood of Damascus", or "the al-Hamidiyeh neighbourhood" after Aleppo was
    named: a part of the town named after it, or else before it. A reading of the part's name far from
    that town (Al Mayadin, 400 km away) is another place of a like name: the part lies at the town's
    point. A "district" may be one of the province the town shares its name with ("Aleppo's
    opposition-held Atarib district", 30 km west of the city): a town of that province stays itself."""
    if not (place.resolved and town.resolved and town.feature == "town") or place.feature == "country":
        return place
    if place.lat is None or place.lon is None or town.lat is None or town.lon is None:
        return place
    km = distance_km(place.lat, place.lon, town.lat, town.lon)
    if km <= INSIDE_KM:
        return place
    if word == "district" and place.feature == "town" and place.admin1_code == town.admin1_code and km <= PROVINCE_KM:
        return place
    why = f"{place.text!r} is a part of {town.name}, not {place.name}, {km:.0f} km away"
    return _derived(town, place.start, place.end, text, place.text, town.lat, town.lon, 2, why, "part")


def _relative(text: str, place: Place) -> Place | None:
    relation = relation_before(text, place.start, place.end)
    if relation is None or place.lat is None or place.lon is None:
        return None
    lat, lon = place.lat, place.lon
    why = f"{relation.phrase}: "
    if relation.km:
        lat, lon = offset_point(place.lat, place.lon, relation.km, relation.bearing)
        why += f"{relation.km:g} km from {place.name} ({place.lat:.4f}, {place.lon:.4f})"
    else:
        why += f"near {place.name}, at its point"
    return _derived(place, relation.start, relation.end, text, relation.phrase, lat, lon, 2, why, "relative")


def _part(text: str, place: Place) -> Place | None:
    """"eastern Homs", "central Syria": part of an area, moved towards that side of it."""
    side = part_of(text, place.start)
    shift = PART_SHIFT_KM.get(place.feature or "")
    if side is None or shift is None or place.lat is None or place.lon is None:
        return None
    phrase = text[text.rfind(" ", 0, place.start - 1) + 1 : place.end]
    lat, lon = place.lat, place.lon
    if side in DIRECTIONS:
        lat, lon = offset_point(lat, lon, shift, DIRECTIONS[side])
    why = f"{side} part of {place.name}: {shift:g} km {side} of its centre" if side in DIRECTIONS else f"{side} {place.name}"
    precision = 3 if place.feature == "country" else 2
    return _derived(place, place.end - len(phrase), place.end, text, phrase, lat, lon, precision, why, "part")


def _road(text: str, first: Place, second: Place) -> Place:
    assert first.lat is not None and first.lon is not None and second.lat is not None and second.lon is not None
    lat, lon = (first.lat + second.lat) / 2, (first.lon + second.lon) / 2
    km = distance_km(first.lat, first.lon, second.lat, second.lon)
    phrase = f"road from {first.text} to {second.text}"
    why = f"midway along the {km:.0f} km between {first.name} and {second.name}"
    return _derived(first, first.start, second.end, text, phrase, round(lat, 5), round(lon, 5), 2, why, "relative")


def _derived(
    anchor: Place,
    start: int,
    end: int,
    text: str,
    phrase: str,
    lat: float,
    lon: float,
    precision: int,
    why: str,
    feature: str,
) -> Place:
    """A location worked out from an anchor place: same country and province, its own point; feature
    "relative" (an offset, a vicinity, a road between two places) or "part" (part of an area)."""
    return replace(
        anchor,
        start=start,
        end=end,
        text=text[start:end],
        name=phrase,
        id=None,
        geonameid=None,
        lat=lat,
        lon=lon,
        feature=feature,
        geo_precision=precision,
        why=(why, *anchor.why[:1]),
        relation=phrase,
    )
