"""`sitrep events` (stored events, filtered, in seven formats) and `sitrep extract` (JSONL in and out)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .cli_support import DbOption, fail, open_db, parse_date, run_jsonl
from .errors import Code, SitrepError
from .export.listing import EVENTS, Listing, emit, render
from .output import Format, write_rows
from .store import DEFAULT_DB
from .store.sqlite import EventFilters

MODALITIES = ("reported", "claimed", "predicted", "planned", "hypothetical", "denied", "negated")
TABLE_COLUMNS = ["id", "event_date", "sub_event_type", "actor1", "actor2", "location", "modality", "fatalities"]


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"
    parquet = "parquet"


OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (needed for parquet on a terminal).")]
AllModalities = Annotated[
    bool, typer.Option("--all-modalities", help="acled: also predicted, planned, hypothetical, denied, negated and historical events, tagged in `tags`.")
]


def events_command(
    db: DbOption = DEFAULT_DB,
    since: Annotated[Optional[str], typer.Option(help="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on or before this date (YYYY-MM-DD).")] = None,
    event_type: Annotated[Optional[str], typer.Option("--type", help="An event type or sub-event type, as ACLED names it.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Part of an actor's name (case-insensitive).")] = None,
    country: Annotated[Optional[str], typer.Option(help="Country, ISO 3166 alpha-2 (SY).")] = None,
    admin1: Annotated[Optional[str], typer.Option(help="First-level division as stored (e.g. Ḩimş).")] = None,
    modality: Annotated[Optional[str], typer.Option(help=f"One of: {', '.join(MODALITIES)}.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet of the reporting article.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
    output: OutputOption = None,
    all_modalities: AllModalities = False,
) -> None:
    """List stored events, newest first, as a table, JSONL, CSV, GeoJSON, Parquet or ACLED's columns
    (acled keeps to events that happened, reported or claimed, unless --all-modalities)."""
    parse_date(since, "--since")
    parse_date(until, "--until")
    if modality is not None and modality not in MODALITIES:
        fail(SitrepError(Code.BAD_OPTION, f"--modality {modality!r} is not one of {', '.join(MODALITIES)}"))
    filters = EventFilters(since, until, event_type, actor, country, admin1, modality, outlet)
    with open_db(db) as store:
        events = store.list_events(filters, limit=limit)
    write_listing(EVENTS, events, fmt.value, output, all_modalities, TABLE_COLUMNS)


def write_listing(
    listing: Listing, records: list[dict[str, Any]], fmt: str, output: Path | None, all_modalities: bool,
    table: list[str],
) -> None:
    """A table on the terminal; every other format from `sitrep.export`, to --output or stdout."""
    if fmt == "table":
        write_rows([listing.row(r) for r in records], table, Format.table)
        return
    try:
        emit(render(listing, records, fmt, all_modalities=all_modalities), output, sys.stdout)
    except SitrepError as error:
        fail(error)


def extract_command(
    source: Annotated[str, typer.Argument(help="JSONL file of {\"id\", \"text\", \"published\"?} lines, or - for stdin.")] = "-",
) -> None:
    """Read events from articles: JSONL in, JSONL {"id", "events": [...]} out (most salient first). No database."""
    from .events.jsonl import extract_lines
    from .library import processor

    if run_jsonl(source, lambda lines: extract_lines(lines, processor())):
        raise typer.Exit(1)
