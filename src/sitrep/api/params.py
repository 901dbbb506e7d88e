"""Query parameters: the filter model shared by events and incidents, pages and cursors, formats.

Every value is checked here; a bad one is a 422 naming the parameter and what it takes. Values reach
the store as typed fields (never as SQL)."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request

from .. import filter_values
from ..errors import SitrepError
from ..export.files import PARQUET_MEDIA_TYPE
from ..filter_values import MODALITIES, acled_types
from ..store.search import match_query
from ..store.sqlite import EventFilters
from .. import strict_json
from .errors import bad
from .schemas import enum

MAX_LIMIT = 1000
MAX_TEXT = 200
FORMATS = ("json", "geojson", "csv")
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
API_NAMES = {"near": "lat/lon"}  # how errors name a filter field here, where it is not the parameter's own name
ArticleId = Annotated[str | None, Query(max_length=64, pattern="^[0-9a-f]+$", description="Only this article's (its full id).")]
FormatQuery = Annotated[str | None, Query(alias="format", max_length=20, description="json, geojson, csv, acled or parquet, as the listing offers (else the Accept header).", json_schema_extra=enum((*FORMATS, "acled", "parquet")))]


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
    event_type: Annotated[str | None, Query(max_length=MAX_TEXT, description="An ACLED event type or sub-event type (any case).", json_schema_extra=enum(sum(acled_types(), ())))] = None,
    sub_event_type: Annotated[str | None, Query(max_length=MAX_TEXT, description="An ACLED sub-event type (any case).", json_schema_extra=enum(acled_types()[1]))] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of an actor's name, or an alias the catalogue knows.")] = None,
    country: Annotated[str | None, Query(max_length=MAX_TEXT, description="A country's name or ISO 3166 code.")] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_TEXT, description="A first-level division by any name the place index knows.")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_TEXT, description="An outlet (any case or accents).")] = None,
    modality: Annotated[list[str] | None, Query(description=f"Any of {', '.join(MODALITIES)} (repeat for several).", json_schema_extra={"items": {"type": "string", **enum(MODALITIES)}})] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words that must all occur in the article.")] = None,
    article_id: ArticleId = None,
) -> EventFilters:
    """The event filters of /api/events and /api/incidents, checked as the command line checks them."""
    if (lat is None) != (lon is None):
        raise bad("lat, lon and radius_km go together: give all three")
    near = None if lat is None or lon is None else (lat, lon)
    try:
        found = filter_values.event_filters(
            lambda field: API_NAMES.get(field, field),
            since=since, until=until, event_type=event_type, sub_event_type=sub_event_type, actor=actor,
            country=country, admin1=admin1, modality=modality or (), outlet=outlet, bbox=bbox, near=near,
            radius_km=radius_km, q=q,
        )  # fmt: skip
    except SitrepError as error:
        raise bad(error.message) from None
    return replace(found, article_id=article_id)


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
