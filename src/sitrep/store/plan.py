"""Which index finds a filtered read's events first, on a database whose planner cannot weigh them.

SQLite walks the first `IN (subquery)` it can seek by, whatever its size: given a box and an actor,
search words or `min_sources`, it seeks every event of the box (the R*Tree's ids) and checks the
other sets, even when those hold a few thousand events of the box's million. `area_first` compares
the sizes: the box's events, read from migration 0008's running totals at a level where the box
spans a few cells, against each other set's events, counted no further than that. When one is
smaller the box is checked on the events' own columns and that set is walked instead.
PostgreSQL's planner weighs its GiST and btree indexes itself (`pg_search.plans_itself`).
`incidents_plan` chooses, on both databases, between the two ways `list_incidents` has of finding
the latest incidents with a matching event: all the matching events first, or the incidents latest
first, each checked on its own few events until the page is full.
"""

from __future__ import annotations

import math
from typing import Any

from .backend import Db, Search
from .cells import LEVELS, Grid, totals_table
from .filters import EventFilters, sources_clause, words
from .search import Circle

GATHERED = 4  # an event of a box gathered through the R*Tree (its incident looked up, kept to be sorted)
# costs about as much as four incident events checked in a walk (bench/reads.py's incidents at 1M: 10-25
# us against 3-7 us); an actor's event, found in the names' index, about one


def box_events(db: Db, filters: EventFilters) -> int:
    """At least as many events as the filters' area (and period) holds: the running totals of the
    cells over it, at the level where it spans at most two cells each way."""
    assert filters.area is not None
    box = filters.area.box() if isinstance(filters.area, Circle) else filters.area
    span = max(box.east - box.west, box.north - box.south, 1e-9)
    level = max(LEVELS[0], min(LEVELS[-1], math.floor(math.log2(90 / span))))
    table, where, params = totals_table(filters, Grid.covering(box, level))
    return int(db.execute(f"SELECT COALESCE(SUM(events), 0) FROM {table} WHERE {where}", params).fetchone()[0])


def _fewer(db: Db, rows: tuple[str, list[Any]], limit: int) -> bool:
    """Whether fewer than `limit` rows are in `rows` (FROM and WHERE), counted no further."""
    sql = f"SELECT COUNT(*) FROM (SELECT 1 {rows[0]} LIMIT ?) AS first"
    return int(db.execute(sql, [*rows[1], limit]).fetchone()[0]) < limit


def _events(clause: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    """The events passing `clause` (a WHERE clause on events `e`) as FROM and WHERE."""
    return f"FROM events e WHERE {clause[0]}", clause[1]


def _sets(search: Search, filters: EventFilters, min_sources: int = 1) -> list[tuple[str, list[Any]]]:
    """The sets besides the area a read's events may be walked from, as FROM and WHERE: the actor's
    (counted on its names' rows, an event of two such names twice: the clause on `e` would first
    gather every event of the names, 300,000 for "civilians" at 1M), the words' and `min_sources`'."""
    sets = [rows for rows in (filters.actor_rows(),) if rows is not None]
    if filters.text is not None:
        sets.append(_events(search.text_clause("e.article_id", words(filters.text))))
    if min_sources > 1:
        sets.append(_events(sources_clause(min_sources)))
    return sets


def area_first(db: Db, search: Search, filters: EventFilters, min_sources: int = 1) -> bool:
    """Whether the filters' area is the narrowest way to their events (else the area is checked on
    each event found another way); True without an area or without another set to walk."""
    return _area_first(db, search, filters, _sets(search, filters, min_sources))[0]


def _area_first(db: Db, search: Search, filters: EventFilters, sets: list[tuple[str, list[Any]]]) -> tuple[bool, int | None]:
    """`area_first` given the other `sets`, with the area's `box_events` when it counted them."""
    if filters.area is None or search.plans_itself() or not sets:
        return True, None
    box = box_events(db, filters)
    return not any(_fewer(db, clause, box) for clause in sets), box


def incidents_plan(db: Db, search: Search, filters: EventFilters) -> tuple[bool, bool]:
    """How `list_incidents` finds the incidents a box or an actor keeps: (walk, area_index). Walk:
    the incidents latest first, each checked on its few events (every incident's events at worst),
    when gathering the filters' events first would read more: the set `area_first` walks (the
    area's events by the running totals, weighed `GATHERED` each, the R*Tree's being dearer; else
    the actor's names' rows or the words' events) is not smaller than the incidents' events.
    Without an area or an actor the events are gathered, as before."""
    sets = _sets(search, filters)
    area_index, box = _area_first(db, search, filters, sets)
    if filters.area is None and filters.actor_rows() is None:
        return False, area_index
    # counted on each call: linking (in this process or another) adds incident events at any time
    walked = int(db.execute("SELECT COUNT(*) FROM incident_events").fetchone()[0])
    if filters.area is not None and area_index:
        return (box_events(db, filters) if box is None else box) * GATHERED >= walked, area_index
    return not any(_fewer(db, rows, walked) for rows in sets), area_index
