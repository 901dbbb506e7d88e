"""/api/events/grid and /api/events/timeline: what the map draws, counted in the database
(`store/grid.py`), so the page never loads every event."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from .events import Filters, MinSources
from .schemas import ERRORS, GridAnswer, TimelineAnswer, answers
from .stores import store_of

router = APIRouter(prefix="/api/events", responses=ERRORS)
MAX_EVENTS = 5000


@router.get("/grid", summary="The events of a box at a zoom: cells with counts, or the events when few", responses=answers(GridAnswer))
def grid(
    request: Request,
    filters: Filters,
    zoom: Annotated[float, Query(ge=0, le=20, description="The map's zoom: a cell is 90 / 2^zoom degrees (zoom 2 at least, its whole part).")] = 2,
    max_events: Annotated[int, Query(ge=0, le=MAX_EVENTS, description="At most this many events in the box: the events themselves, else cells.")] = 1000,
    min_sources: MinSources = 1,
) -> JSONResponse:
    """Located events matching every filter in `bbox` (else the world), grown to the edges of the
    cells it touches: as compact rows when at most `max_events`, else per cell (count, fatalities,
    counts by type, the centre of its events)."""
    return JSONResponse(store_of(request).grid(filters, zoom, min_sources=min_sources, max_events=max_events))


@router.get("/timeline", summary="Events per day, week or month, by type", responses=answers(TimelineAnswer))
def timeline(
    request: Request,
    filters: Filters,
    bucket: Annotated[Literal["day", "week", "month"], Query(description="day, week (from Monday) or month.")] = "month",
    min_sources: MinSources = 1,
) -> JSONResponse:
    """Events matching every filter (placed or not) counted per period and type, oldest first, and
    the undated per type."""
    return JSONResponse(store_of(request).timeline(filters, bucket, min_sources=min_sources))
