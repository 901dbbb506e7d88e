"""/api/events, /api/incidents, /api/claims, /api/stories, /api/stats."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from ..link import claims, incidents, story_store
from ..export.listing import EVENTS, INCIDENTS
from ..link.rows import CLAIM_COLUMNS, STORY_COLUMNS, claim_row, story_row
from ..store.sqlite import EventFilters
from .params import ArticleId, FormatQuery, Page, date_range, decode_cursor, encode_cursor, event_filters, one_of, output_format, page
from .render import csv_page, export_page, json_page, json_text_page
from .schemas import CSV, ERRORS, GEOJSON, ClaimList, EventList, IncidentList, StoryList, answers, enum
from .stores import store_of

router = APIRouter(prefix="/api", responses=ERRORS)
MinSources = Annotated[int, Query(ge=1, le=1000, description="At least this many independent outlets.")]
Filters = Annotated[EventFilters, Depends(event_filters)]
Paging = Annotated[Page, Depends(page)]
AllModalities = Annotated[
    bool, Query(description="format=acled: also events that did not happen (predicted, denied, ...) and background, tagged in `tags`.")
]
EXPORTS = ("json", "geojson", "csv", "acled", "parquet")


def _rank(item_id: str) -> int:
    return int(item_id.rsplit("-", 1)[1])


@router.get("/events", summary="Events, newest first", responses=answers(EventList, GEOJSON, CSV))
def list_events(
    request: Request, filters: Filters, paging: Paging, min_sources: MinSources = 1, fmt: FormatQuery = None,
    all_modalities: AllModalities = False,
) -> Response:
    """Stored events matching every filter; JSON, GeoJSON (`format=geojson` or `Accept:
    application/geo+json`), CSV, ACLED's CSV or Parquet. See docs/API.md for the shapes."""
    kind = output_format(fmt, request, EXPORTS)
    after = decode_cursor(paging.cursor, (str, str, int))
    if kind == "json":  # the records as the store writes them out, not read into dicts and written again
        texts = store_of(request).event_texts(filters, min_sources=min_sources, limit=paging.limit + 1, after=after)
        page, cursor = _split(texts, paging.limit, lambda e: [e.event_date, e.article_id, e.n])
        return json_text_page(request, [e.text for e in page], cursor, paging.limit)
    found = store_of(request).list_events(filters, min_sources=min_sources, limit=paging.limit + 1, after=after)
    items, cursor = _split(found, paging.limit, lambda e: [e["event_date"], e["article"]["id"], _rank(e["id"])])
    return export_page(request, EVENTS, items, kind, cursor, all_modalities)


@router.get("/incidents", summary="Incidents, latest first", responses=answers(IncidentList, GEOJSON, CSV))
def list_incidents(
    request: Request, filters: Filters, paging: Paging, min_sources: MinSources = 1, fmt: FormatQuery = None,
    all_modalities: AllModalities = False,
) -> Response:
    """Incidents with at least one event matching every filter and at least `min_sources`
    independent outlets; the same formats as events."""
    kind = output_format(fmt, request, EXPORTS)
    after = decode_cursor(paging.cursor, (str, str))
    store = store_of(request)
    rows = store.list_incidents(filters, min_sources=min_sources, limit=paging.limit + 1, after=after)
    rows, cursor = _split(rows, paging.limit, lambda r: [r["last_date"], r["id"]])
    items = [incidents.report(store, row) for row in rows]
    if kind != "json":
        return export_page(request, INCIDENTS, items, kind, cursor, all_modalities)
    return json_page(request, items, cursor, paging.limit)


@router.get("/claims", summary="Predictions and claims, latest first", responses=answers(ClaimList, CSV))
def list_claims(
    request: Request,
    paging: Paging,
    kind: Annotated[str | None, Query(description="prediction or claim.", json_schema_extra=enum(("prediction", "claim")))] = None,
    status: Annotated[str | None, Query(description=", ".join(claims.STATUSES), json_schema_extra=enum(claims.STATUSES))] = None,
    since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    article_id: ArticleId = None,
    fmt: FormatQuery = None,
) -> Response:
    """Predictions, plans and claims with their status as of the newest stored article."""
    out = output_format(fmt, request, ("json", "csv"))
    one_of("kind", kind, ("prediction", "claim"))
    one_of("status", status, claims.STATUSES)
    after = decode_cursor(paging.cursor, (str, str, int))
    store = store_of(request)
    first, last = date_range(since, until)
    rows = store.list_claims(
        kind=kind, status=status, since=first, until=last, article_id=article_id, limit=paging.limit + 1, after=after
    )
    rows, cursor = _split(rows, paging.limit, lambda r: [r["published"], r["article_id"], r["n"]])
    as_of = store.newest_published()
    items = [claims.report(store, row, as_of) for row in rows]
    if out == "csv":
        return csv_page(request, [claim_row(c) for c in items], CLAIM_COLUMNS, cursor)
    return json_page(request, items, cursor, paging.limit)


@router.get("/stories", summary="Stories, latest first", responses=answers(StoryList, CSV))
def list_stories(
    request: Request,
    paging: Paging,
    since: Annotated[date | None, Query(description="With an article published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="With an article published on or before (YYYY-MM-DD).")] = None,
    min_articles: Annotated[int, Query(ge=1, le=100000, description="At least this many articles.")] = 1,
    fmt: FormatQuery = None,
) -> Response:
    """Stories (articles about one seminal event, grouped as they were stored), each with its articles."""
    out = output_format(fmt, request, ("json", "csv"))
    after = decode_cursor(paging.cursor, (str, str))
    first, last = date_range(since, until)
    found = story_store.list_stories(
        store_of(request), since=first, until=last, min_articles=min_articles, limit=paging.limit + 1, after=after
    )
    items, cursor = _split(found, paging.limit, lambda s: [s["last_published"], s["id"]])
    if out == "csv":
        return csv_page(request, [story_row(s) for s in items], STORY_COLUMNS, cursor)
    return json_page(request, items, cursor, paging.limit)


@router.get("/stats", summary="Counts of what the store holds", responses={200: {"description": "The object `sitrep stats --format jsonl` prints."}})
def stats(request: Request) -> JSONResponse:
    return JSONResponse(store_of(request).stats())


def _split(found: list[Any], limit: int, key: Any) -> tuple[list[Any], str | None]:
    """The page (the first `limit` of `limit + 1` rows asked for) and the cursor after it, if more."""
    if len(found) <= limit:
        return found, None
    page = found[:limit]
    return page, encode_cursor(key(page[-1]))
