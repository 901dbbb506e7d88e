"""`sitrep events` (stored events, filtered, in six formats) and `sitrep extract` (JSONL in and out)."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Annotated, Any, Optional, TextIO

import typer

from . import filters
from .support import DbOption, open_db, run_jsonl
from ..events.records import ACLED_COLUMNS, acled_row, source_of
from .output import Format, write_rows
from ..store import DEFAULT_DB

COLUMNS = [
    "id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country",
    "latitude", "longitude", "geo_precision", "fatalities", "modality", "historical", "source", "notes",
]  # fmt: skip
TABLE_COLUMNS = ["id", "event_date", "sub_event_type", "actor1", "actor2", "location", "modality", "fatalities"]


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"


def events_command(
    db: DbOption = DEFAULT_DB,
    since: filters.Since = None,
    until: filters.Until = None,
    event_type: filters.Type = None,
    actor: filters.Actor = None,
    country: filters.Country = None,
    admin1: filters.Admin1 = None,
    modality: filters.Modality = None,
    outlet: filters.Outlet = None,
    q: filters.Words = None,
    bbox: filters.Bbox = None,
    near: filters.Near = None,
    radius: filters.Radius = None,
    min_sources: Annotated[int, typer.Option(min=1, help="Only events of incidents at least this many independent outlets reported.")] = 1,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
) -> None:
    """List stored events, newest first, as a table, JSONL, CSV, GeoJSON or ACLED's columns.

    A filter value that can match nothing (an unknown type, country or province) is an error naming
    what is accepted."""
    chosen = filters.event_filters(since, until, event_type, actor, country, admin1, modality, outlet, q, bbox, near, radius)
    with open_db(db) as store:
        events = store.list_events(chosen, min_sources=min_sources, limit=limit)
    write_events(events, fmt, sys.stdout)


def write_events(events: list[dict[str, Any]], fmt: EventFormat, out: TextIO) -> None:
    """One writer per format; every format carries the same events."""
    if fmt is EventFormat.jsonl:
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif fmt is EventFormat.geojson:
        json.dump({"type": "FeatureCollection", "features": [_feature(e) for e in events]}, out, ensure_ascii=False)
        out.write("\n")
    elif fmt is EventFormat.acled:
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(acled_row(e, e["id"], source_of(e)) for e in events)
    else:
        rows = [_flat(e) for e in events]
        write_rows(rows, TABLE_COLUMNS if fmt is EventFormat.table else COLUMNS, Format(fmt.value), out)


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    return {
        **{key: event.get(key) for key in COLUMNS},
        "actor1": (event.get("actor1") or {}).get("name"),
        "actor2": (event.get("actor2") or {}).get("name"),
        "source": source_of(event),
    }


def _feature(event: dict[str, Any]) -> dict[str, Any]:
    lat, lon = event.get("latitude"), event.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event["id"], "geometry": geometry, "properties": _flat(event)}


def extract_command(
    source: Annotated[str, typer.Argument(help="JSONL file of {\"id\", \"text\", \"published\"?} lines, or - for stdin.")] = "-",
) -> None:
    """Read events from articles: JSONL in, JSONL {"id", "events": [...]} out (most salient first). No database."""
    from ..events.jsonl import extract_lines
    from ..process import Processor

    processor = Processor()
    if run_jsonl(source, lambda lines: extract_lines(lines, processor)):
        raise typer.Exit(1)
