"""Query parameters: the filter model shared by events and incidents, pages and cursors, formats.

Every value is checked here; a bad one is a 422 naming the parameter and what it takes. Values reach
the store as typed fields (never as SQL)."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Annotated, Any

from fastapi import Query, Request

from ..events.lexicon import event_types
from ..export.files import PARQUET_MEDIA_TYPE
from ..events_cli import MODALITIES
from ..store.search import Box, Circle, match_query
from ..store.sqlite import EventFilters
from .. import strict_json
from .errors import bad

MAX_LIMIT = 1000
MAX_TEXT = 200
FORMATS = ("json", "geojson", "csv")
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
FormatQuery = Annotated[str | None, Query(alias="format", max_length=20, description="json, geojson, csv, acled or parquet, as the listing offers (else the Accept header).")]


@cache
def types() -> tuple[frozenset[str], frozenset[str]]:
    """ACLED's event types and sub-event types, from `data/event_types.csv`."""
    return frozenset(t.event_type for t in event_types()), frozenset(t.sub_event_type for t in event_types())


def one_of(name: str, value: str | None, allowed: frozenset[str] | tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise bad(f"{name}: {value!r} is not one of {', '.join(sorted(allowed))}")
    return value


def words(q: str | None) -> str | None:
    """Search words as given; a 422 when they hold no word at all."""
    if q is not None and match_query(q) is None:
        raise bad(f"q: {q!r} holds no word to search for")
    return q


def date_range(since: date | None, until: date | None) -> tuple[str | None, str | None]:
    """`since` and `until` as the store takes them (ISO dates); 422 when the range is empty."""
    if since and until and since > until:
        raise bad(f"since {since} is after until {until}")
    return (None if since is None else since.isoformat()), (None if until is None else until.isoformat())


@dataclass(frozen=True)
class Page:
    limit: int
    cursor: str | None


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 100,
    cursor: Annotated[str | None, Query(max_length=400, description="`next` of the previous page.")] = None,
) -> Page:
    return Page(limit, cursor)


def event_filters(
    since: Annotated[date | None, Query(description="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="On or before this date (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    lat: Annotated[float | None, Query(ge=-90, le=90, description="Centre of a circle (with lon, radius_km).")] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    radius_km: Annotated[float | None, Query(gt=0, le=2000)] = None,
    event_type: Annotated[str | None, Query(max_length=MAX_TEXT, description="An ACLED event type.")] = None,
    sub_event_type: Annotated[str | None, Query(max_length=MAX_TEXT, description="An ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of an actor's name.")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166 alpha-2.")] = None,
    admin1: Text = None,
    outlet: Text = None,
    modality: Annotated[str | None, Query(description=", ".join(MODALITIES))] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words that must all occur in the article.")] = None,
) -> EventFilters:
    """The event filters of /api/events and /api/incidents."""
    kinds, sub_kinds = types()
    first, last = date_range(since, until)
    return EventFilters(
        since=first,
        until=last,
        event_type=one_of("event_type", event_type, kinds),
        actor=actor,
        country=country,
        admin1=admin1,
        modality=one_of("modality", modality, MODALITIES),
        outlet=outlet,
        sub_event_type=one_of("sub_event_type", sub_event_type, sub_kinds),
        area=area(bbox, lat, lon, radius_km),
        text=words(q),
    )


def area(bbox: str | None, lat: float | None, lon: float | None, radius_km: float | None) -> Box | Circle | None:
    circle = (lat, lon, radius_km)
    if bbox is not None and any(v is not None for v in circle):
        raise bad("bbox and lat/lon/radius_km: give one area, not both")
    if bbox is not None:
        return _box(bbox)
    if all(v is None for v in circle):
        return None
    if lat is None or lon is None or radius_km is None:
        raise bad("lat, lon and radius_km go together: give all three")
    return Circle(lat, lon, radius_km)


def _box(text: str) -> Box:
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise bad(f"bbox: {text!r} is not four numbers west,south,east,north") from None
    if not (-180 <= west <= east <= 180):
        raise bad("bbox: longitudes must satisfy -180 <= west <= east <= 180")
    if not (-90 <= south <= north <= 90):
        raise bad("bbox: latitudes must satisfy -90 <= south <= north <= 90")
    return Box(west, south, east, north)


def output_format(fmt: str | None, request: Request, allowed: tuple[str, ...]) -> str:
    """`?format=` when given, else the Accept header, else JSON; a format this list lacks is a 422."""
    if fmt is None:
        accept = request.headers.get("accept", "")
        fmt = "geojson" if "application/geo+json" in accept else "csv" if "text/csv" in accept else "json"
        fmt = "parquet" if PARQUET_MEDIA_TYPE in accept else fmt
    if fmt not in allowed:
        raise bad(f"format: {fmt!r} is not one of {', '.join(allowed)} here")
    return fmt


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, shape: tuple[type, ...]) -> list[Any] | None:
    """The sort key a cursor holds, checked against `shape` (the first value may be null); a 422 for
    anything else."""
    if cursor is None:
        return None
    try:  # strict: no NaN, nothing nested, integers SQLite can hold
        key = strict_json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)), max_depth=1)
    except (binascii.Error, ValueError):
        key = None
    if not isinstance(key, list) or len(key) != len(shape):
        raise bad("cursor: not a cursor this endpoint gave")
    for n, (value, kind) in enumerate(zip(key, shape)):
        if not (isinstance(value, kind) and not isinstance(value, bool)) and not (n == 0 and value is None):
            raise bad("cursor: not a cursor this endpoint gave")
    return key
