"""The search SQL of the PostgreSQL store (migrations/postgres/0007): boxes and circles through
PostGIS and GiST, words through a tsvector and GIN; the same results as `search` gives on SQLite
(the exact columns are checked after the index, as there)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .backend import Db
from .search import WORD, Area, Circle

SLACK_M = 1.0  # metres: PostGIS's sphere and the haversine's may differ in the last digits


def area_clause(area: Area, since: str | None = None, until: str | None = None, *, indexed: bool = True) -> tuple[str, list[Any]]:
    """A WHERE clause on `e` (events) for events inside `area`: a box through the lon/lat GiST index,
    a circle through the geography one, which the planner walks or not (`indexed` is SQLite's
    choice); the dates are `EventFilters`' own clauses."""
    if isinstance(area, Circle):
        clause = (
            "ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, false)"
            " AND sitrep_km(?, ?, e.lat, e.lon) <= ?"
        )
        return clause, [area.lon, area.lat, area.radius_km * 1000 + SLACK_M, area.lat, area.lon, area.radius_km]
    clause = "(e.geog::geometry) && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?"
    return clause, [area.west, area.south, area.east, area.north, area.west, area.east, area.south, area.north]


def _words(query: str) -> str:
    """The words of a query `search.match_query` made (each quoted), for plainto_tsquery."""
    return " ".join(WORD.findall(query))


def text_clause(column: str, query: str) -> tuple[str, list[Any]]:
    """A WHERE clause keeping rows whose article (`column` holds its id) has every word of `query`."""
    clause = f"{column} IN (SELECT f.id FROM articles f WHERE f.search @@ plainto_tsquery('simple', sitrep_fold(?)))"
    return clause, [_words(query)]


def snippets(db: Db, query: str, article_ids: Sequence[str]) -> dict[str, str]:
    """A plain-text excerpt around the words in each of these articles' text (around any of them:
    all of them may be further apart than an excerpt)."""
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        "SELECT id, ts_headline('simple', text, replace(plainto_tsquery('simple', ?)::text, '&', '|')::tsquery,"
        " 'StartSel=\"\", StopSel=\"\", MaxWords=24, MinWords=12, ShortWord=0, FragmentDelimiter=\" … \", MaxFragments=1')"
        f" FROM articles WHERE id IN ({marks})",
        [_words(query), *article_ids],
    )
    return {article_id: text for article_id, text in rows}


def plans_itself() -> bool:
    """Whether the database weighs its indexes itself: PostgreSQL's planner does, from its statistics."""
    return True


def map_events() -> str:
    """The map's events `e` (store/grid.py); the planner picks the index."""
    return "events e"


def cell_index(value: str) -> str:
    """The whole part of the non-negative SQL expression `value` (PostgreSQL's CAST rounds)."""
    return f"CAST(floor({value}) AS INTEGER)"


def week_of(day: str) -> str:
    """The Monday (YYYY-MM-DD) of the week of the SQL date `day`."""
    return f"to_char(date_trunc('week', CAST({day} AS date)), 'YYYY-MM-DD')"
