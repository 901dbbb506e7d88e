"""Which index finds a filtered read's events first, on a database whose planner cannot weigh them.

SQLite walks the first `IN (subquery)` it can seek by, whatever its size: given a box and an actor,
search words or `min_sources`, it seeks every event of the box (the R*Tree's ids) and checks the
other sets, even when those hold a few thousand events of the box's million. `area_first` compares
the sizes: the box's events, read from migration 0008's running totals at a level where the box
spans a few cells, against each other set's events, counted no further than that. When one is
smaller the box is checked on the events' own columns and that set is walked instead.
PostgreSQL's planner weighs its GiST and btree indexes itself (`pg_search.plans_itself`).
"""

from __future__ import annotations

import math
from typing import Any

from .backend import Db, Search
from .cells import LEVELS, Grid, totals_table
from .filters import EventFilters, sources_clause, words
from .search import Circle


def box_events(db: Db, filters: EventFilters) -> int:
    """At least as many events as the filters' area (and period) holds: the running totals of the
    cells over it, at the level where it spans at most two cells each way."""
    assert filters.area is not None
    box = filters.area.box() if isinstance(filters.area, Circle) else filters.area
    span = max(box.east - box.west, box.north - box.south, 1e-9)
    level = max(LEVELS[0], min(LEVELS[-1], math.floor(math.log2(90 / span))))
    table, where, params = totals_table(filters, Grid.covering(box, level))
    return int(db.execute(f"SELECT COALESCE(SUM(events), 0) FROM {table} WHERE {where}", params).fetchone()[0])


def _fewer(db: Db, clause: tuple[str, list[Any]], limit: int) -> bool:
    """Whether fewer than `limit` events pass `clause` (a WHERE clause on events `e`), counted no further."""
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE {clause[0]} LIMIT ?) AS first"
    return int(db.execute(sql, [*clause[1], limit]).fetchone()[0]) < limit


def area_first(db: Db, search: Search, filters: EventFilters, min_sources: int = 1) -> bool:
    """Whether the filters' area is the narrowest way to their events (else the area is checked on
    each event found another way); True without an area or without another set to walk."""
    if filters.area is None or search.plans_itself():
        return True
    sets = [clause for clause in (filters.actor_clause(),) if clause is not None]
    if filters.text is not None:
        sets.append(search.text_clause("e.article_id", words(filters.text)))
    if min_sources > 1:
        sets.append(sources_clause(min_sources))
    if not sets:
        return True
    limit = box_events(db, filters)
    return not any(_fewer(db, clause, limit) for clause in sets)
