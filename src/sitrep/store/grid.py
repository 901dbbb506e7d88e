"""The map's counts, computed in the database: events per grid cell of a box at a zoom (or the events
themselves when few), and events per day, week or month.

A mixin of `SQLStore`, on either database (its `search` module gives the SQL that differs). Filters on types, modalities, dates and a box alone are read from migration
0008's running totals (`event_cells`; `event_cell_days` for a period; `event_days` for the timeline);
any other filter counts the matching events themselves, found through `EventFilters` as
`list_events` finds them (the R*Tree, or an actor's, the words' or the sources' events when
`plan.area_first` finds those fewer).
A cell of level L is 90 / 2^L degrees square and holds [west, east) x [south, north).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from ..filter_values import acled_types
from .backend import Db, Search
from .filters import EventFilters, add_clause, sources_clause
from .cells import LEVELS, Grid, totals_table
from .plan import area_first
from .search import Box, Circle

TOTALS = ("grid_levels", "event_cells", "event_cell_days", "event_days")  # 0008's tables: the events' triggers fill them
WORLD = Box(-180.0, -90.0, 180.0, 90.0)
EVENT_COLUMNS = (
    "e.article_id, e.n, e.lat, e.lon, e.event_date, e.event_type, e.sub_event_type, e.modality, e.fatalities,"
    " e.location, e.geo_precision, i.incident_id, a.outlet"
)


def _bucket(search: Search, bucket: str, day: str) -> str:
    """The SQL of the first day (YYYY-MM-DD) of the day, week (from Monday) or month of `day`."""
    if bucket == "week":
        return search.week_of(day)
    return f"substr({day}, 1, 7) || '-01'" if bucket == "month" else day


def _from_events(
    search: Search, filters: EventFilters, min_sources: int, *, area_index: bool, whole: bool = False
) -> tuple[str, list[str], list[Any]]:
    """FROM events `e` and the WHERE clauses of the filters (the area through its index if
    `area_index`); with their article `a` and incident `i` when `whole` or the filters need them
    (else the map's covering index answers alone)."""
    where, params = filters.sql(search, area_index=area_index)
    sql = f" FROM {search.map_events()}"
    if whole or filters.outlet is not None:
        sql += " JOIN articles a ON a.id = e.article_id"
    if whole:
        sql += " LEFT JOIN incident_events i ON i.article_id = e.article_id AND i.n = e.n"
    if min_sources > 1:
        add_clause(where, params, sources_clause(min_sources))
    return sql, where, params


def _totals_serve(filters: EventFilters, min_sources: int, *, boxed: bool) -> bool:
    """Whether the running totals can answer: filters on a main event type, modalities, dates and a
    box (cells: `boxed`) or none (timeline) only."""
    rest = replace(filters, event_type=None, modality=(), area=None, since=None, until=None)
    typed = filters.event_type is None or filters.event_type in acled_types()[0]
    area = not isinstance(filters.area, Circle) if boxed else filters.area is None
    return min_sources == 1 and typed and area and rest == EventFilters()


def _totals_where(filters: EventFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.event_type is not None:
        add_clause(where, params, ("event_type = ?", [filters.event_type]))
    if filters.modality:
        add_clause(where, params, (f"modality IN ({', '.join('?' * len(filters.modality))})", list(filters.modality)))
    return where, params


class GridTables:
    _db: Db
    search: ClassVar[Search]

    def grid(self, filters: EventFilters, zoom: float, *, min_sources: int = 1, max_events: int = 1000) -> dict[str, Any]:
        """The located events matching `filters` in its box (or circle; else the world) at map zoom
        `zoom`: at most `max_events` of them as compact rows, else cells with counts by type. The box
        grows to the edges of the cells it touches; `bbox` is that box."""
        area = filters.area
        grid = Grid.covering(area.box() if isinstance(area, Circle) else area or WORLD, zoom)
        box = grid.box()
        answer: dict[str, Any] = {"level": grid.level, "cell": grid.size, "bbox": [box.west, box.south, box.east, box.north]}
        filters = replace(filters, area=box if not isinstance(area, Circle) else area)
        area_index = True
        if _totals_serve(filters, min_sources, boxed=True) and grid.level in LEVELS:
            rows = self._total_cells(filters, grid)
        else:
            area_index = area_first(self._db, self.search, filters, min_sources)
            rows = self._event_cells(filters, grid, min_sources, area_index)
        if sum(row[3] for row in rows) <= max_events:
            events = self._view_events(filters, min_sources, max_events, area_index)
            return {**answer, "kind": "events", "total": len(events), "events": events}
        cells = _cells(rows)
        return {**answer, "kind": "cells", "total": sum(c["count"] for c in cells), "cells": cells}

    def _total_cells(self, filters: EventFilters, grid: Grid) -> list[tuple[Any, ...]]:
        """Rows of cells from the running totals: of every day, or of the days of the period."""
        where, params = _totals_where(filters)
        table, head, first = totals_table(filters, grid)
        sql = (
            f"SELECT y, x, event_type, SUM(events), SUM(fatalities), SUM(lat_sum), SUM(lon_sum) FROM {table}"
            f" WHERE {head}{''.join(' AND ' + w for w in where)} GROUP BY y, x, event_type"
        )
        return [tuple(r) for r in self._db.execute(sql, [*first, *params])]

    def _event_cells(self, filters: EventFilters, grid: Grid, min_sources: int, area_index: bool) -> list[tuple[Any, ...]]:
        source, where, params = _from_events(self.search, filters, min_sources, area_index=area_index)
        where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
        y, x = (self.search.cell_index(f"(e.{c} + {d}) / ?") for c, d in (("lat", 90), ("lon", 180)))
        sql = (
            f"SELECT {y}, {x}, e.event_type, COUNT(*),"
            f" SUM(COALESCE(e.fatalities, 0)), SUM(e.lat), SUM(e.lon){source} WHERE {' AND '.join(where)} GROUP BY 1, 2, 3"
        )
        rows = self._db.execute(sql, [grid.size, grid.size, *params])
        return [tuple(r) for r in rows if grid.y0 <= r[0] <= grid.y1 and grid.x0 <= r[1] <= grid.x1]

    def _view_events(self, filters: EventFilters, min_sources: int, limit: int, area_index: bool) -> list[dict[str, Any]]:
        """Located events as the map draws them (the card fetches the rest)."""
        source, where, params = _from_events(self.search, filters, min_sources, area_index=area_index, whole=True)
        where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
        sql = (
            f"SELECT {EVENT_COLUMNS}{source} WHERE {' AND '.join(where)}"
            " ORDER BY e.event_date DESC NULLS LAST, e.article_id, e.n LIMIT ?"
        )
        found = []
        for row in self._db.execute(sql, [*params, limit]):
            event = dict(row)
            event["id"] = f"{event['article_id'][:12]}-{event.pop('n')}"
            event["incident"] = event.pop("incident_id")
            found.append(event)
        return found

    def timeline(self, filters: EventFilters, bucket: str, *, min_sources: int = 1) -> dict[str, Any]:
        """Events matching `filters` per `bucket` (day, week from Monday, month) and type, oldest
        first, and the undated per type."""
        if _totals_serve(filters, min_sources, boxed=False):
            where, params = _totals_where(filters)
            if filters.since or filters.until:
                where.append("day != ''")
            for clause, value in (("day >= ?", filters.since), ("day <= ?", filters.until)):
                if value is not None:
                    add_clause(where, params, (clause, [value]))
            when = f"CASE WHEN day = '' THEN NULL ELSE {_bucket(self.search, bucket, 'day')} END"
            sql = f"SELECT {when}, event_type, SUM(events) FROM event_days{' WHERE ' if where else ''}{' AND '.join(where)}"
        else:
            area_index = area_first(self._db, self.search, filters, min_sources)
            source, where, params = _from_events(self.search, filters, min_sources, area_index=area_index)
            when = _bucket(self.search, bucket, "e.event_date")
            sql = f"SELECT {when}, e.event_type, COUNT(*){source}{' WHERE ' if where else ''}{' AND '.join(where)}"
        buckets: dict[str, dict[str, int]] = {}
        undated: dict[str, int] = {}
        for day, event_type, count in self._db.execute(sql + " GROUP BY 1, 2 ORDER BY 1, 2", params):
            (undated if day is None else buckets.setdefault(day, {}))[event_type] = count
        return {
            "bucket": bucket,
            "buckets": [{"date": day, "counts": counts} for day, counts in buckets.items()],
            "undated": undated,
        }


def _cells(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows of (y, x, type, events, fatalities, lat sum, lon sum) as cells: the centre of their events,
    counts, fatalities, counts by type; in the order of their cells and types, whatever order the
    database's plan gave the rows."""
    merged: dict[tuple[int, int], list[Any]] = {}
    for y, x, event_type, events, fatalities, lat_sum, lon_sum in sorted(rows, key=lambda r: (r[0], r[1], r[2] or "")):
        if not events:
            continue
        cell = merged.setdefault((y, x), [0, 0, 0.0, 0.0, {}])
        cell[0] += events
        cell[1] += fatalities
        cell[2] += lat_sum
        cell[3] += lon_sum
        cell[4][event_type] = cell[4].get(event_type, 0) + events
    return [
        {"lat": round(lat / n, 4), "lon": round(lon / n, 4), "count": n, "fatalities": dead, "types": types}
        for n, dead, lat, lon, types in merged.values()
    ]
