"""Pages of items out as JSON, GeoJSON or CSV, with the link to the next page."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from ..cli.output import Format, write_rows

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula

EVENT_PROPERTIES = [
    "id", "article_id", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors", "location", "admin1",
    "country", "event_date", "time_precision", "geo_precision", "fatalities", "modality", "historical", "sources", "incident",
    "outlet", "title", "published", "notes",
]  # fmt: skip
EVENT_CSV = [
    "id", "article_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
    "country", "latitude", "longitude", "geo_precision", "time_precision", "fatalities", "modality", "historical",
    "sources", "incident", "outlet", "notes",
]  # fmt: skip


def next_url(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    url = request.url.include_query_params(cursor=cursor)
    return f"{url.path}?{url.query}"


def json_page(request: Request, items: list[Any], cursor: str | None, limit: int) -> JSONResponse:
    return JSONResponse({"items": items, "next": cursor, "next_url": next_url(request, cursor), "limit": limit})


def geojson_page(request: Request, features: list[dict[str, Any]], cursor: str | None) -> JSONResponse:
    body = {"type": "FeatureCollection", "features": features, "next": cursor, "next_url": next_url(request, cursor)}
    return JSONResponse(body, media_type="application/geo+json")


def csv_page(request: Request, rows: Sequence[dict[str, Any]], columns: Sequence[str], cursor: str | None) -> Response:
    """CSV with the next page in a `Link` header; text cells that a spreadsheet would read as a
    formula get a leading apostrophe (article text is untrusted)."""
    out = io.StringIO()
    write_rows([{c: _safe(row.get(c)) for c in columns} for row in rows], columns, Format.csv, out)
    link = next_url(request, cursor)
    headers = {"Link": f'<{link}>; rel="next"'} if link else {}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _safe(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def feature(item: dict[str, Any], properties: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    lat, lon = item.get("latitude"), item.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": item["id"], "geometry": geometry, "properties": properties(item)}


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """An event's flat fields (GeoJSON properties, CSV columns)."""
    article = event["article"]
    return {
        **{key: event.get(key) for key in EVENT_CSV},
        "article_id": article["id"],
        "actor1": (event.get("actor1") or {}).get("name"),
        "actor2": (event.get("actor2") or {}).get("name"),
        "outlet": article["outlet"],
        "title": article["title"],
        "published": article["published"],
    }


def event_properties(event: dict[str, Any]) -> dict[str, Any]:
    """An event's GeoJSON properties: its CSV fields, the associated actors' names, the article's title."""
    row = {**event_row(event), "assoc_actors": [a["name"] for a in event.get("assoc_actors") or []]}
    return {key: row[key] for key in EVENT_PROPERTIES}


def incident_properties(incident: dict[str, Any]) -> dict[str, Any]:
    """An incident's flat fields (GeoJSON properties; CSV uses `sitrep incidents`' columns)."""
    first = next((e for e in incident["events"] if e["id"] == incident["id"]), incident["events"][0])
    figures = incident["fatalities"]
    return {
        **{key: incident.get(key) for key in (
            "id", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country", "first_date",
            "last_date", "geo_precision", "sources", "articles", "outlets",
        )},
        "article_id": first["article"]["id"],
        "event_date": incident["last_date"],
        "fatalities": figures["figure"],
        "fatalities_low": figures["low"],
        "fatalities_high": figures["high"],
        "events": len(incident["events"]),
        "event_ids": [e["id"] for e in incident["events"]],
        "disagreements": [d["field"] for d in incident["disagreements"]],
    }  # fmt: skip
