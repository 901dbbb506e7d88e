"""A listing (events, incidents, articles) in any export format, as text or bytes: the one place
the CLI and the API turn stored records into CSV, JSON lines, GeoJSON, ACLED's CSV or Parquet."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import Code, SitrepError
from . import acled
from .files import csv_text, geojson, parquet_bytes
from .rows import ARTICLE_COLUMNS, EVENT_COLUMNS, INCIDENT_COLUMNS, Column, article_row, event_row, incident_row, names

Records = Sequence[dict[str, Any]]


@dataclass(frozen=True)
class Listing:
    """What a listing's records become: its flat row and columns, and its ACLED rows if it has them."""

    columns: tuple[Column, ...]
    row: Callable[[dict[str, Any]], dict[str, Any]]
    acled: Callable[..., list[dict[str, Any]]] | None = None


EVENTS = Listing(EVENT_COLUMNS, event_row, acled.event_rows)
INCIDENTS = Listing(INCIDENT_COLUMNS, incident_row, acled.incident_rows)
ARTICLES = Listing(ARTICLE_COLUMNS, article_row)


def render(listing: Listing, records: Records, fmt: str, *, all_modalities: bool = False) -> str | bytes:
    """The records in `fmt` (csv, jsonl, geojson, acled or parquet). JSON lines carry each record in
    full; the other formats its flat row (ACLED's columns for acled)."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "acled":
        if listing.acled is None:
            raise ValueError("this listing has no ACLED layout")
        return csv_text(listing.acled(list(records), all_modalities=all_modalities), names(acled.ACLED_COLUMNS))
    rows = [listing.row(r) for r in records]
    if fmt == "csv":
        return csv_text(rows, names(listing.columns))
    if fmt == "geojson":
        return json.dumps(geojson(rows), ensure_ascii=False) + "\n"
    if fmt == "parquet":
        return parquet_bytes(rows, listing.columns)
    raise ValueError(f"no export format {fmt!r}")


def emit(data: str | bytes, output: Path | None, stdout: TextIO) -> None:
    """Write an export to `output`, else to `stdout`; binary data never goes to a terminal."""
    if output is not None:
        try:
            output.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        except OSError as error:
            raise SitrepError(Code.UNWRITABLE, f"{output}: {error.strerror}") from None
    elif isinstance(data, bytes):
        if stdout.isatty():
            raise SitrepError(Code.BINARY_TO_TERMINAL, "Parquet is binary: give --output FILE, or redirect the output")
        stdout.flush()
        binary: BinaryIO = stdout.buffer
        binary.write(data)
        binary.flush()
    else:
        stdout.write(data)
