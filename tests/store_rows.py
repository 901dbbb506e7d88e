"""A store's whole content as comparable rows: every table but SQLite's own and the FTS5 and R*Tree
shadow tables (derived from the tables compared), without the times of writing."""

import sqlite3
from pathlib import Path

TIMES = {"created_at", "ingested_at", "applied_at"}


def store_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as con:
        tables = [
            name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not name.startswith(("sqlite_", "articles_fts", "events_rtree"))
        ]  # fmt: skip
        found = {}
        for table in tables:
            columns = [row[1] for row in con.execute(f"PRAGMA table_info({table})") if row[1] not in TIMES]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(rows, key=repr)
    return found
