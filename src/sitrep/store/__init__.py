"""Storage: every database access goes through this package.

`open_store` picks the backend from the location: a file is a SQLite store (`sqlite.py`), a
postgresql:// URL a PostgreSQL one (`postgres.py`); both have `SQLStore`'s methods.
"""

import os
from pathlib import Path

from .backend import is_postgres
from .sqlite import SQLiteStore, SQLStore

DEFAULT_DB = "sitrep.db"
Store = SQLStore


def default_location() -> str:
    """`$SITREP_DB` when set, else ./sitrep.db."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None, *, pool_size: int = 1) -> Store:
    """Open (creating the tables and migrating them when needed) the store at `location`: a SQLite
    file, or a postgresql:// URL (the database must exist; `pool_size`: connections at most)."""
    location = location or default_location()
    if is_postgres(location):
        from .postgres import PostgresStore

        return PostgresStore(str(location), pool_size=pool_size)
    return SQLiteStore(location)


__all__ = ["DEFAULT_DB", "Store", "default_location", "is_postgres", "open_store"]
