"""Copying one store into another, SQLite to PostgreSQL or back (`sitrep export-store`)."""

from __future__ import annotations

from ..errors import Code, SitrepError
from .sqlite import SQLStore, tables


def copy_store(source: SQLStore, target: SQLStore) -> list[tuple[str, int]]:
    """Copy every table of `source` (as it is when the copy starts, whatever is written to it
    meanwhile) into the empty store `target`, in one transaction; then check that each table holds
    as many rows in both. Returns (table, rows) in copy order."""
    names = tables()
    held = [name for name in names if target.count_rows(name)]
    if held:
        raise SitrepError(Code.TARGET_NOT_EMPTY, f"{target.path} is not empty (its {held[0]} table holds rows): copy into a new store")
    with source.snapshot(), target.transaction():
        for name in names:
            columns = target.table_columns(name)
            for rows in source.table_rows(name, columns):
                target.add_rows(name, columns, rows)
        counts = [(name, source.count_rows(name)) for name in names]
    differ = [f"{name} {copied} of {n}" for name, n in counts if (copied := target.count_rows(name)) != n]
    if differ:
        raise SitrepError(Code.COUNTS_DIFFER, f"{target.path} differs from {source.path} after the copy: {', '.join(differ)}")
    return counts
