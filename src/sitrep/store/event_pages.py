"""Pages of stored events: as records (`list_events`) and as the JSON text an API page holds (`event_texts`).

An event is its stored record (the JSON `events.records.event_json` writes, with Python's default
separators) plus its `id`, `article`, `incident` and `sources`. The API's JSON page used to read each
record into a dict and write it back (about a third of a request's time at 100 records of 4 kB):
`event_texts` has SQLite rewrite the record compactly instead, with those four keys set to null where
Python's dict would put them (`json_set` replaces a key in place and appends a new one, as a dict
assignment does), and fills in their values as text. The bytes are those of
`json.dumps(event, ensure_ascii=False, separators=(",", ":"))`: SQLite keeps a number's and a string's
text as stored and drops only the whitespace between tokens (tests/test_event_pages.py compares the two).
A record SQLite cannot read (NaN, which Python writes and SQLite refuses) and PostgreSQL's records take
the dict's way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar, NamedTuple

from .backend import Db, Search, row_limit
from .filters import EventFilters, add_clause, sources_clause
from .plan import area_first
from .search import after_clause

PAGE_ORDER = "{0}.event_date DESC NULLS LAST, {0}.article_id, {0}.n"  # events' listing order, newest first
ADDED = ("id", "article", "incident", "sources")  # what a listed event holds besides its record
ADDED_NULL = "".join(f'"{key}":null,' for key in ADDED)[:-1] + "}"  # how SQLite's rewritten record ends
_NULLS = ", ".join(f"'$.{key}', NULL" for key in ADDED)
COMPACT_RECORD = f"iif(json_valid(e.record), json_set(e.record, {_NULLS}), NULL)"  # SQLite: the record without spaces, ADDED null


class EventText(NamedTuple):
    """A listed event as compact JSON text, with the keys of its place in the listing."""

    event_date: str | None
    article_id: str
    n: int
    text: str


def compact(value: Any) -> str:
    """`value` as JSON the way the API's responses write it (starlette's JSONResponse)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


class EventPages:
    """Listing events; a mixin of `SQLStore`. `compact_records`: the backend rewrites a record
    compactly in SQL (SQLite's `json_set`)."""

    _db: Db
    search: ClassVar[Search]
    compact_records: ClassVar[bool] = False

    def list_events(
        self,
        filters: EventFilters,
        *,
        min_sources: int = 1,
        limit: int | None = None,
        offset: int = 0,
        after: Sequence[Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events with their article's id, outlet, title and sources, their incident and its
        independent sources (1 for an event in no incident), newest first (undated last); `after`:
        the (event_date, article_id, n) of the previous page's last event."""
        sql, params = self._page_sql(filters, min_sources, after, "e.record")
        return [_event(row, json.loads(row["record"])) for row in self._db.execute(sql, [*params, row_limit(limit), offset])]

    def event_texts(
        self, filters: EventFilters, *, min_sources: int = 1, limit: int | None = None, after: Sequence[Any] | None = None
    ) -> list[EventText]:
        """The events `list_events` gives, each as the JSON text `compact` writes of it."""
        if not self.compact_records:
            return [EventText(e["event_date"], e["article"]["id"], int(e["id"].rsplit("-", 1)[1]), compact(e))
                    for e in self.list_events(filters, min_sources=min_sources, limit=limit, after=after)]  # fmt: skip
        record = f"{COMPACT_RECORD} AS compact, iif(json_valid(e.record), NULL, e.record) AS record, e.event_date"
        sql, params = self._page_sql(filters, min_sources, after, record)
        found = []
        for row in self._db.execute(sql, [*params, row_limit(limit), 0]):
            text = row["compact"]
            if text is not None and text.endswith(ADDED_NULL):  # the four keys were not in the record
                added = _event(row, {})
                text = text[: -len(ADDED_NULL)] + compact(added)[1:]
            else:  # in the record already (kept in place) or a record SQLite cannot read
                text = compact(_event(row, json.loads(text if text is not None else row["record"])))
            found.append(EventText(row["event_date"], row["article_id"], row["n"], text))
        return found

    def _page_sql(self, filters: EventFilters, min_sources: int, after: Sequence[Any] | None, record: str) -> tuple[str, list[Any]]:
        """A page's SELECT (its LIMIT and OFFSET last) reading `record` (SQL on the event `e`) with the listing's other columns."""
        where, params = filters.sql(self.search, area_index=area_first(self._db, self.search, filters, min_sources))
        if min_sources > 1:
            add_clause(where, params, sources_clause(min_sources))
        if after is not None:
            add_clause(where, params, after_clause("e.event_date", ["e.article_id", "e.n"], after))
        # the page's keys first (through the indexes alone when the filters allow), then the
        # records of those events only: a sort of thousands of candidates moves no record
        keys = "SELECT e.article_id, e.n, e.event_date FROM events e"
        if filters.outlet is not None:
            keys += " JOIN articles a ON a.id = e.article_id"
        if where:
            keys += " WHERE " + " AND ".join(where)
        keys += f" ORDER BY {PAGE_ORDER.format('e')} LIMIT ? OFFSET ?"
        sql = (
            f"SELECT e.article_id, e.n, {record}, a.outlet, a.title, a.published, a.url, a.created_at,"
            " (SELECT group_concat(DISTINCT COALESCE(s.outlet, a.outlet)) FROM sources s WHERE s.article_id = a.id)"
            " AS source_outlets, i.incident_id, COALESCE(c.sources, 1) AS independent"
            f" FROM ({keys}) k JOIN events e ON e.article_id = k.article_id AND e.n = k.n"
            " JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN incident_events i ON i.article_id = e.article_id AND i.n = e.n"
            " LEFT JOIN incidents c ON c.id = i.incident_id"
            f" ORDER BY {PAGE_ORDER.format('k')}"
        )
        return sql, params


def _event(row: Any, event: dict[str, Any]) -> dict[str, Any]:
    """`event` (a record, or {}) with the listing's keys ADDED from its row."""
    event["id"] = f"{row['article_id'][:12]}-{row['n']}"
    event["article"] = {
        "id": row["article_id"], "outlet": row["outlet"], "title": row["title"],
        "published": row["published"], "url": row["url"], "outlets": row["source_outlets"] or row["outlet"],
        "stored": row["created_at"],
    }  # fmt: skip
    event["incident"], event["sources"] = row["incident_id"], row["independent"]
    return event
