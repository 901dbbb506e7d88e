"""Full-text and spatial filters, and keyset pages: the SQL behind the API's search parameters.

The two indexes are SQLite virtual tables (migration 0007): `articles_fts` (FTS5 over title and text)
and `events_rtree` (R*Tree over each located event's point and day). Everything that reads them is
here; the PostgreSQL store uses `pg_search` instead (tsvector + GIN, PostGIS + GiST).
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..filter_values import fold
from .backend import Db

EARTH_KM = 6371.0088  # mean Earth radius
KM_PER_DEGREE = math.pi * EARTH_KM / 180
SLACK = 1e-4  # degrees: the R*Tree stores 32-bit floats rounded outwards
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Box:
    """West, south, east, north in degrees; west <= east."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class Circle:
    """Everything within `radius_km` of a point, by great-circle distance."""

    lat: float
    lon: float
    radius_km: float

    def box(self) -> Box:
        """A box holding the circle (the whole longitude range near a pole)."""
        dlat = self.radius_km / KM_PER_DEGREE
        cos_lat = math.cos(math.radians(self.lat))
        south, north = max(-90.0, self.lat - dlat), min(90.0, self.lat + dlat)
        if north >= 90 or south <= -90 or cos_lat < 1e-6:
            return Box(-180.0, south, 180.0, north)
        dlon = dlat / cos_lat
        if dlon >= 180:
            return Box(-180.0, south, 180.0, north)
        return Box(self.lon - dlon, south, self.lon + dlon, north)


Area = Box | Circle


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def register(db: sqlite3.Connection) -> None:
    """The distance function the circle filter calls (PostGIS: ST_DWithin on geography), and the fold
    names are compared under (no case, no accents; PostgreSQL: lower(unaccent(...)))."""
    db.create_function("sitrep_km", 4, haversine_km, deterministic=True)
    db.create_function("sitrep_fold", 1, fold, deterministic=True)


def area_clause(area: Area, since: str | None = None, until: str | None = None, *, indexed: bool = True) -> tuple[str, list[Any]]:
    """A WHERE clause on `e` (events) for events inside `area`, found through the R*Tree (unless not
    `indexed`), which also narrows by the date range when one is given; the exact columns are
    checked after it."""
    box = area.box() if isinstance(area, Circle) else area
    clause = "e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?"
    params: list[Any] = [box.west, box.east, box.south, box.north]
    if isinstance(area, Circle):
        clause += " AND sitrep_km(?, ?, e.lat, e.lon) <= ?"
        params += [area.lat, area.lon, area.radius_km]
    if not indexed:
        return clause, params
    index = [
        "max_lon >= ?", "min_lon <= ?", "max_lat >= ?", "min_lat <= ?",
    ]  # fmt: skip
    found: list[Any] = [box.west - SLACK, box.east + SLACK, box.south - SLACK, box.north + SLACK]
    if since is not None:
        index.append("max_day >= julianday(?) - 1")
        found.append(since)
    if until is not None:
        index.append("min_day <= julianday(?) + 1")
        found.append(until)
    return f"(e.article_id, e.n) IN (SELECT article_id, n FROM events_rtree WHERE {' AND '.join(index)}) AND {clause}", [*found, *params]


def match_query(text: str) -> str | None:
    """The FTS5 query for a user's words: each word quoted (no operators), all required; None when
    the text holds no word."""
    words = WORD.findall(text)
    return " ".join(f'"{w}"' for w in words) if words else None


def text_clause(column: str, query: str) -> tuple[str, list[Any]]:
    """A WHERE clause keeping rows whose article (`column` holds its id) matches `query`, which
    `match_query` made."""
    return f"{column} IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)", [query]


def snippets(db: Db, query: str, article_ids: Sequence[str]) -> dict[str, str]:
    """A plain-text excerpt around the match in each of these articles' text."""
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        "SELECT article_id, snippet(articles_fts, 2, '', '', '…', 24) FROM articles_fts"
        f" WHERE articles_fts MATCH ? AND article_id IN ({marks})",
        [query, *article_ids],
    )
    return {article_id: text for article_id, text in rows}


def after_clause(descending: str, ties: Sequence[str], key: Sequence[Any]) -> tuple[str, list[Any]]:
    """Keyset page condition for `ORDER BY descending DESC NULLS LAST, *ties`: the rows after `key`
    (the last row's values of those columns)."""
    value, rest = key[0], list(key[1:])
    later = f"({', '.join(ties)}) > ({', '.join('?' * len(rest))})"
    if value is None:
        return f"({descending} IS NULL AND {later})", rest
    return f"({descending} < ? OR {descending} IS NULL OR ({descending} = ? AND {later}))", [value, value, *rest]


def plans_itself() -> bool:
    """Whether the database weighs its indexes itself (SQLite: no, `plan.area_first` does)."""
    return False


def map_events() -> str:
    """The map's events `e` (store/grid.py), read through migration 0008's covering index."""
    return "events e INDEXED BY events_map"  # the R*Tree's (article_id, n), then only this index's columns


def cell_index(value: str) -> str:
    """The whole part of the non-negative SQL expression `value`: a grid cell's column or row."""
    return f"CAST({value} AS INTEGER)"


def week_of(day: str) -> str:
    """The Monday (YYYY-MM-DD) of the week of the SQL date `day`."""
    return f"date({day}, '-6 days', 'weekday 1')"
