"""A store's whole content as comparable rows: every table but the database's own (SQLite's, PostGIS's)
and the search indexes (derived from the tables compared: SQLite's FTS5 and R*Tree shadow tables,
PostgreSQL's generated columns and stored order), without the times of writing; the map's running
sums of coordinates to 9 decimals (their last bits follow the order events were added). A store is
a SQLite file or a postgresql:// URL."""

import sqlite3
from pathlib import Path
from typing import Any

from sitrep.store import is_postgres
from sitrep.store.grid import TOTALS
from sitrep.store.postgres import DERIVED

TIMES = {"created_at", "ingested_at", "applied_at"}


def store_rows(db: Path | str) -> dict[str, list[tuple[object, ...]]]:
    if is_postgres(db):
        return _postgres_rows(str(db))
    with sqlite3.connect(db) as con:
        tables = [
            name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not name.startswith(("sqlite_", "articles_fts", "events_rtree"))
        ]  # fmt: skip
        found = {}
        for table in tables:
            columns = [row[1] for row in con.execute(f"PRAGMA table_info({table})") if row[1] not in TIMES]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = _sorted(table, rows)
    return found


def _postgres_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    import psycopg

    with psycopg.connect(url) as con:
        tables = [name for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys' ORDER BY table_name"
        )]  # fmt: skip
        found = {}
        for table in tables:
            names = con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = %s ORDER BY ordinal_position",
                (table,),
            )
            columns = [name for (name,) in names if name not in TIMES and name not in DERIVED]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}".encode()).fetchall()
            found[table] = _sorted(table, rows)
    return found


def _sorted(table: str, rows: list[Any]) -> list[tuple[object, ...]]:
    """`rows` in a fixed order, a running total's float sums rounded (see the module's docstring)."""
    if table in TOTALS:
        rows = [tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows]
    return sorted(rows, key=repr)
