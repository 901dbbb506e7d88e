"""The store's linking tables (migrations 0004, 0006): event blocks, incidents, claims.

A mixin of `SQLStore`: sitrep.link decides what links; these methods only read and write.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar

from .filters import EventFilters, add_clause, conditions
from .backend import Db, Search, row_limit
from .plan import incidents_plan
from .search import after_clause

EVENT_ROW = "e.article_id, e.n, e.record, a.published, a.outlet"  # what sitrep.link reads of an event
EVENT_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"
BLOCK_COLUMNS = ("day", "week", "cell_lat", "cell_lon", "region", "geo_precision")
INCIDENT_COLUMNS = ("id", "event_type", "sub_event_type", "first_date", "last_date", "events", "articles", "sources")


def _place_clause(table: str, where: dict[str, Any]) -> tuple[str, list[Any]]:
    """Where a block search looks (see `sitrep.link.match.Lookup`): the region's province- or
    country-level rows, or the places in the 3x3 cells around `where`."""
    if where["region_level"]:
        return f"{table}.region = ? AND {table}.geo_precision >= 3", [where["region"]]
    lat, lon = where["cell_lat"], where["cell_lon"]
    clause = f"{table}.cell_lat BETWEEN ? AND ? AND {table}.cell_lon BETWEEN ? AND ? AND {table}.geo_precision < 3"
    return clause, [lat - 1, lat + 1, lon - 1, lon + 1]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


class LinkTables:
    _db: Db
    search: ClassVar[Search]

    def unlinked_articles(self) -> list[tuple[int, str]]:
        """(stored order, id) of the articles with events none of which is filed in a block: never
        linked (stored before linking existed), or with nothing linkable."""
        sql = (
            "SELECT a.rowid, a.id FROM articles a WHERE EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM event_blocks b WHERE b.article_id = a.id) ORDER BY a.rowid"
        )
        return [(row[0], row[1]) for row in self._db.execute(sql)]

    def article_events(self, article_id: str) -> list[dict[str, Any]]:
        """An article's stored events in rank order, as rows the linker reads."""
        sql = f"SELECT {EVENT_ROW} {EVENT_FROM} WHERE e.article_id = ? ORDER BY e.n"
        return [dict(row) for row in self._db.execute(sql, (article_id,))]

    def add_event_block(self, article_id: str, n: int, modality: str, block: dict[str, Any]) -> None:
        """File an event under its type, day, week, grid cell and region (see `sitrep.link.match.Block`)."""
        self._db.execute(
            "INSERT INTO event_blocks (article_id, n, modality, sub_event_type, day, week, cell_lat, cell_lon, region,"
            " geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (article_id, n) DO NOTHING",
            (article_id, n, modality, block["sub_event_type"], *(block[k] for k in BLOCK_COLUMNS)),
        )

    def block_events(self, where: dict[str, Any], modalities: Sequence[str]) -> list[dict[str, Any]]:
        """Events of `where`'s sub-event types filed in the 3x3 cells around it (or in its region) in its
        weeks, with these modalities."""
        sql, params = self._blocks(EVENT_ROW, where, modalities)
        rows = [dict(row) for row in self._db.execute(sql, params)]  # sorted here, as in `block_claims`
        return sorted(rows, key=lambda row: (row["article_id"], row["n"]))

    def block_incidents(self, where: dict[str, Any], modalities: Sequence[str]) -> list[str]:
        """The incidents (ids, sorted) of the events `block_events` finds: what a new event may join."""
        sql, params = self._blocks("DISTINCT i.incident_id", where, modalities, incidents=True)
        return sorted(row[0] for row in self._db.execute(sql, params))

    def _blocks(
        self, columns: str, where: dict[str, Any], modalities: Sequence[str], *, incidents: bool = False
    ) -> tuple[str, list[Any]]:
        """A block search: only the incident links (`incidents`), or the events with their articles."""
        weeks, sub_types = list(where["weeks"]), list(where["sub_event_types"])
        join = (
            " JOIN incident_events i ON i.article_id = b.article_id AND i.n = b.n" if incidents
            else " JOIN events e ON e.article_id = b.article_id AND e.n = b.n JOIN articles a ON a.id = e.article_id"
        )  # fmt: skip
        place, place_params = _place_clause("b", where)
        sql = (
            f"SELECT {columns} FROM event_blocks b{join}"
            f" WHERE b.week IN ({_marks(weeks)}) AND b.modality IN ({_marks(modalities)})"
            f" AND b.sub_event_type IN ({_marks(sub_types)}) AND {place}"
        )
        return sql, [*weeks, *modalities, *sub_types, *place_params]

    def incident_members(self, incident_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Every event of these incidents, with its incident id, in article and rank order."""
        ids = list(incident_ids)
        if not ids:
            return []
        sql = (
            f"SELECT {EVENT_ROW}, i.incident_id, i.why, a.title, a.url, a.created_at FROM incident_events i"
            " JOIN events e ON e.article_id = i.article_id AND e.n = i.n JOIN articles a ON a.id = e.article_id"
            f" WHERE i.incident_id IN ({_marks(ids)}) ORDER BY i.incident_id, a.published, e.article_id, e.n"
        )
        return [dict(row) for row in self._db.execute(sql, ids)]

    def save_incident(self, incident: dict[str, Any]) -> None:
        """Insert or update an incident's summary row (`INCIDENT_COLUMNS`)."""
        values = [incident[k] for k in INCIDENT_COLUMNS]
        updates = ", ".join(f"{k} = excluded.{k}" for k in INCIDENT_COLUMNS[1:])
        self._db.execute(
            f"INSERT INTO incidents ({', '.join(INCIDENT_COLUMNS)}) VALUES ({_marks(values)})"
            f" ON CONFLICT (id) DO UPDATE SET {updates}",
            values,
        )

    def add_incident_event(self, article_id: str, n: int, incident_id: str, why: Sequence[str]) -> None:
        self._db.execute(
            "INSERT INTO incident_events (article_id, n, incident_id, why) VALUES (?, ?, ?, ?)",
            (article_id, n, incident_id, json.dumps(list(why), ensure_ascii=False)),
        )

    def article_outlets(self, article_ids: Sequence[str]) -> dict[str, set[str]]:
        """Every outlet that carried each article (its own and those of its exact copies)."""
        ids = sorted(set(article_ids))
        found: dict[str, set[str]] = {i: set() for i in ids}
        if not ids:
            return found
        marks = _marks(ids)
        rows = self._db.execute(
            f"SELECT id, outlet FROM articles WHERE id IN ({marks}) AND outlet IS NOT NULL"
            f" UNION SELECT article_id, outlet FROM sources WHERE article_id IN ({marks}) AND outlet IS NOT NULL",
            [*ids, *ids],
        )
        for article_id, outlet in rows:
            found[article_id].add(outlet)
        return found

    def near_duplicate_pairs(self, article_ids: Sequence[str]) -> set[tuple[str, str]]:
        """Near-duplicate links among these articles, as (a, b) with a < b."""
        ids = sorted(set(article_ids))
        if len(ids) < 2:
            return set()
        marks = _marks(ids)
        rows = self._db.execute(f"SELECT a, b FROM near_duplicates WHERE a IN ({marks}) AND b IN ({marks})", [*ids, *ids])
        return {(a, b) for a, b in rows}

    def add_claim(self, article_id: str, n: int, kind: str, span: tuple[int, int], block: dict[str, Any]) -> None:
        """A predicted, planned or claimed event, open, with the days an outcome may fall on."""
        self._db.execute(
            "INSERT INTO claims (article_id, n, kind, status, first_day, last_day, cell_lat, cell_lon, region,"
            " geo_precision) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (article_id, n) DO NOTHING",
            (article_id, n, kind, "open", *span, *(block[k] for k in BLOCK_COLUMNS[2:])),
        )

    def block_claims(self, where: dict[str, Any], day: int, kind: str) -> list[dict[str, Any]]:
        """Claims of this kind around `where` whose outcome days include `day`."""
        place, place_params = _place_clause("c", where)
        sql = (
            f"SELECT {EVENT_ROW}, c.first_day, c.last_day FROM claims c"
            " JOIN events e ON e.article_id = c.article_id AND e.n = c.n JOIN articles a ON a.id = e.article_id"
            f" WHERE c.kind = ? AND c.last_day >= ? AND c.first_day <= ? AND {place}"
        )  # sorted here: an ORDER BY would lead SQLite to walk the whole table in key order
        rows = [dict(row) for row in self._db.execute(sql, [kind, day, day, *place_params])]
        return sorted(rows, key=lambda row: (row["article_id"], row["n"]))

    def add_claim_match(self, claim: tuple[str, int], event: tuple[str, int], relation: str, why: Sequence[str]) -> None:
        self._db.execute(
            "INSERT INTO claim_matches (claim_article_id, claim_n, article_id, n, relation, why) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT (claim_article_id, claim_n, article_id, n) DO NOTHING",
            (*claim, *event, relation, json.dumps(list(why), ensure_ascii=False)),
        )

    def claim_matches(self, claim: tuple[str, int]) -> list[dict[str, Any]]:
        """The events matched to a claim, with their relation and article, earliest event first."""
        sql = (
            f"SELECT {EVENT_ROW}, m.relation, m.why, a.title, a.url FROM claim_matches m"
            " JOIN events e ON e.article_id = m.article_id AND e.n = m.n JOIN articles a ON a.id = e.article_id"
            " WHERE m.claim_article_id = ? AND m.claim_n = ? ORDER BY e.event_date, a.published, e.article_id, e.n"
        )
        return [dict(row) for row in self._db.execute(sql, claim)]

    def set_claim_status(self, claim: tuple[str, int], status: str) -> None:
        self._db.execute("UPDATE claims SET status = ? WHERE article_id = ? AND n = ?", (status, *claim))

    def list_incidents(
        self,
        filters: EventFilters,
        *,
        min_sources: int = 1,
        limit: int | None = None,
        after: Sequence[Any] | None = None,
        walk: bool | None = None,
    ) -> list[dict[str, Any]]:
        """Incidents with at least one event matching `filters` and at least `min_sources` independent
        outlets, latest first, each with its `members` (as `incident_members` gives them); `after`:
        the (last_date, id) of the previous page's last incident. `walk`: whether to walk the
        incidents latest first, checking each one's events, or gather the matching events first
        (None: as `plan.incidents_plan` estimates; the same incidents either way)."""
        chosen, area_index = incidents_plan(self._db, self.search, filters)
        walk = chosen if walk is None else walk
        area_index = area_index and not walk
        by_event = walk or (area_index and filters.area is not None)  # the actor checked on events found by the area
        matching, params = filters.sql(self.search, area_index=area_index, actor_by_event=by_event)
        where = ["c.sources >= ?"]
        params = [min_sources, *params]
        events = "FROM incident_events i JOIN events e ON e.article_id = i.article_id AND e.n = i.n JOIN articles a ON a.id = e.article_id"
        if matching and walk:
            where.append(f"EXISTS (SELECT 1 {events} WHERE i.incident_id = c.id AND {' AND '.join(matching)})")
        elif matching:
            where.append(f"c.id IN (SELECT i.incident_id {events} WHERE {' AND '.join(matching)})")
        if after is not None:
            add_clause(where, params, after_clause("c.last_date", ["c.id"], after))
        sql = f"SELECT c.* FROM incidents c WHERE {' AND '.join(where)} ORDER BY c.last_date DESC, c.id LIMIT ?"
        rows = [dict(r) for r in self._db.execute(sql, [*params, row_limit(limit)])]
        members: dict[str, list[dict[str, Any]]] = {row["id"]: [] for row in rows}
        for member in self.incident_members(list(members)):
            members[member["incident_id"]].append(member)
        return [{**row, "members": members[row["id"]]} for row in rows]

    def list_claims(
        self,
        *,
        kind: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        after: Sequence[Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Claims with their event row and status, latest claiming article first (or only those of
        one article); `after`: the (published, article_id, n) of the previous page's last claim."""
        where, params = conditions(
            [("c.kind = ?", kind), ("c.status = ?", status), ("a.published >= ?", since), ("a.published <= ?", until),
             ("c.article_id = ?", article_id)]
        )  # fmt: skip
        if after is not None:
            add_clause(where, params, after_clause("a.published", ["c.article_id", "c.n"], after))
        sql = (
            f"SELECT {EVENT_ROW}, c.kind, c.status, c.first_day, c.last_day, a.title, a.url FROM claims c"
            " JOIN events e ON e.article_id = c.article_id AND e.n = c.n JOIN articles a ON a.id = e.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC NULLS LAST, c.article_id, c.n LIMIT ?"
        return [dict(row) for row in self._db.execute(sql, [*params, row_limit(limit)])]
