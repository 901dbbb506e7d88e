"""Storage: every database access goes through this package.

`open_store` picks the backend from the location; only SQLite exists today, and a PostgreSQL backend
will plug in here with the same methods.
"""

import os
from pathlib import Path

from .sqlite import SQLiteStore

DEFAULT_DB = "sitrep.db"
Store = SQLiteStore


def default_location() -> str:
    """`$SITREP_DB` when set, else ./sitrep.db."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None) -> Store:
    """Open (creating and migrating when needed) the store at `location`."""
    return SQLiteStore(location or default_location())


__all__ = ["DEFAULT_DB", "Store", "default_location", "open_store"]
