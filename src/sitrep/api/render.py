"""Pages of items out as JSON, GeoJSON, CSV, ACLED's CSV or Parquet, with the link to the next page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from ..export.acled import ACLED_COLUMNS
from ..export.files import PARQUET_MEDIA_TYPE, csv_text, geojson
from ..export.listing import Listing, render
from ..export.rows import names
from ..store.event_pages import compact

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


def next_url(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    url = request.url.include_query_params(cursor=cursor)
    return f"{url.path}?{url.query}"


def json_page(request: Request, items: list[Any], cursor: str | None, limit: int) -> JSONResponse:
    return JSONResponse({"items": items, "next": cursor, "next_url": next_url(request, cursor), "limit": limit})


def json_text_page(request: Request, items: list[str], cursor: str | None, limit: int) -> Response:
    """`json_page`'s bytes for items given as the JSON text `store.event_pages.compact` writes of each."""
    tail = compact({"next": cursor, "next_url": next_url(request, cursor), "limit": limit})
    return Response(f'{{"items":[{",".join(items)}],{tail[1:]}', media_type="application/json")


def csv_page(request: Request, rows: Sequence[dict[str, Any]], columns: Sequence[str], cursor: str | None) -> Response:
    """CSV (UTF-8 with a byte-order mark, for Excel) with the next page in a `Link` header; text
    cells that a spreadsheet would read as a formula get a leading apostrophe (article text is untrusted)."""
    body = csv_text([{c: _safe(row.get(c)) for c in columns} for row in rows], columns)
    return Response(body, media_type="text/csv; charset=utf-8", headers=_link(request, cursor))


def export_page(
    request: Request, listing: Listing, items: Sequence[dict[str, Any]], fmt: str, cursor: str | None, all_modalities: bool = False
) -> Response:
    """A page of a listing as the CLI writes it: GeoJSON, CSV, ACLED's CSV or Parquet, the same
    columns from the same function (`sitrep.export`); the next page in a `Link` header (GeoJSON: in the body)."""
    if fmt == "geojson":
        collection = geojson([listing.row(item) for item in items])
        body = {**collection, "next": cursor, "next_url": next_url(request, cursor)}
        return JSONResponse(body, media_type="application/geo+json")
    if fmt == "csv":
        return csv_page(request, [listing.row(item) for item in items], names(listing.columns), cursor)
    if fmt == "acled" and listing.acled is not None:
        rows = listing.acled(list(items), all_modalities=all_modalities)
        return csv_page(request, rows, names(ACLED_COLUMNS), cursor)
    data = render(listing, items, fmt)
    return Response(data, media_type=PARQUET_MEDIA_TYPE, headers=_link(request, cursor))


def _link(request: Request, cursor: str | None) -> dict[str, str]:
    link = next_url(request, cursor)
    return {"Link": f'<{link}>; rel="next"'} if link else {}


def _safe(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value
