"""`sitrep events` (stored events, filtered, in seven formats) and `sitrep extract` (JSONL in and out)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from . import filters
from .support import DbOption, fail, open_db, run_jsonl
from ..errors import SitrepError
from .output import Format, write_rows
from ..store import DEFAULT_DB
from ..store.filters import EventFilters

if TYPE_CHECKING:
    from ..export.listing import Listing

TABLE_COLUMNS = ["id", "event_date", "sub_event_type", "actor1", "actor2", "location", "modality", "fatalities"]


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"
    parquet = "parquet"


FormatOption = Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (needed for parquet on a terminal).")]
AllModalities = Annotated[
    bool, typer.Option("--all-modalities", help="acled: also predicted, planned, hypothetical, denied, negated and historical events, tagged in `tags`.")
]


@filters.filter_options()
def events_command(
    db: DbOption = DEFAULT_DB,
    min_sources: Annotated[int, typer.Option(min=1, help="Only events of incidents at least this many independent outlets reported.")] = 1,
    limit: Annotated[Optional[int], typer.Option(help="At most this many events.")] = None,
    fmt: FormatOption = EventFormat.table,
    output: OutputOption = None,
    all_modalities: AllModalities = False,
    *,
    chosen: EventFilters,  # what the filter options (--since ... --radius, filters.filter_options) keep
) -> None:
    """List stored events, newest first, as a table, JSONL, CSV, GeoJSON, Parquet or ACLED's columns
    (acled keeps to events that happened, reported or claimed, unless --all-modalities).

    A filter value that can match nothing (an unknown type, country or province) is an error naming
    what is accepted."""
    from ..export.listing import EVENTS

    with open_db(db) as store:
        events = store.list_events(chosen, min_sources=min_sources, limit=limit)
    write_listing(EVENTS, events, fmt.value, output, all_modalities, TABLE_COLUMNS)


def write_listing(
    listing: Listing, records: list[dict[str, Any]], fmt: str, output: Path | None, all_modalities: bool,
    table: list[str],
) -> None:
    """A table on the terminal; every other format from `sitrep.export`, to --output or stdout."""
    from ..export.listing import emit, render

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
    from ..events.jsonl import extract_lines
    from ..library import processor

    if run_jsonl(source, lambda lines: extract_lines(lines, processor())):
        raise typer.Exit(1)
