"""The one flat row of each listing (events, incidents, articles): the columns, in order, with their
types, that CSV, GeoJSON properties and Parquet carry, written by the CLI and the API alike.

Every cell is a scalar (lists are joined with "; "), so a row drops into a spreadsheet, a GIS layer
or a data frame as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, cast

Kind = Literal["str", "int", "float", "bool"]


@dataclass(frozen=True)
class Column:
    """A column of a flat row: its name and the type of its non-empty cells."""

    name: str
    kind: Kind


def _columns(spec: str) -> tuple[Column, ...]:
    """Columns from "name:kind name:kind ..." (kind str when left out)."""
    found = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        if kind not in ("", "str", "int", "float", "bool"):
            raise ValueError(f"column {name}: unknown kind {kind!r}")
        found.append(Column(name, cast(Kind, kind or "str")))
    return tuple(found)


EVENT_COLUMNS = _columns(
    "id article_id event_date time_precision:int event_type sub_event_type actor1 actor2 assoc_actors location"
    " admin1 admin2 country latitude:float longitude:float geo_precision:int fatalities:int modality"
    " historical:bool sources:int incident outlet outlets title published notes"
)
INCIDENT_COLUMNS = _columns(
    "id article_id first_date last_date event_type sub_event_type actor1 actor2 location admin1 country"
    " latitude:float longitude:float geo_precision:int sources:int articles:int events:int fatalities:int"
    " fatalities_low:int fatalities_high:int fatalities_range outlets disagreements event_ids"
)
ARTICLE_COLUMNS = _columns("id published outlet kind sources:int near_duplicates:int title url")


def names(columns: Iterable[Column]) -> list[str]:
    return [c.name for c in columns]


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v)


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """A stored event (as `Store.list_events` gives it) as its `EVENT_COLUMNS`."""
    article = event.get("article") or {}
    return {
        **{c.name: event.get(c.name) for c in EVENT_COLUMNS},
        "article_id": article.get("id"),
        "actor1": (event.get("actor1") or {}).get("name"),
        "actor2": (event.get("actor2") or {}).get("name"),
        "assoc_actors": _joined(a["name"] for a in event.get("assoc_actors") or []),
        "outlet": article.get("outlet"),
        "outlets": _joined(str(article.get("outlets") or article.get("outlet") or "").split(",")),
        "title": article.get("title"),
        "published": article.get("published"),
    }


def incident_row(incident: dict[str, Any]) -> dict[str, Any]:
    """An incident report (`link.incidents.report`) as its `INCIDENT_COLUMNS`: counts for its lists,
    the figure and its range, outlets, disagreements and event ids joined."""
    figures = incident["fatalities"]
    first = next((e for e in incident["events"] if e["id"] == incident["id"]), incident["events"][0])
    return {
        **{c.name: incident.get(c.name) for c in INCIDENT_COLUMNS},
        "article_id": first["article"]["id"],
        "events": len(incident["events"]),
        "fatalities": figures["figure"],
        "fatalities_low": figures["low"],
        "fatalities_high": figures["high"],
        "fatalities_range": "" if figures["low"] is None else f"{figures['low']}-{figures['high']}",
        "outlets": _joined(incident["outlets"]),
        "disagreements": ", ".join(d["field"] for d in incident["disagreements"]),
        "event_ids": _joined(e["id"] for e in incident["events"]),
    }


def article_row(article: dict[str, Any]) -> dict[str, Any]:
    """An article summary (as `Store.list_articles` gives it) as its `ARTICLE_COLUMNS`."""
    return {c.name: article.get(c.name) for c in ARTICLE_COLUMNS}


def feature(item_id: str, row: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature: the row as its properties, a Point where it has coordinates."""
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": item_id, "geometry": geometry, "properties": row}
