"""`sitrep export-store`: a store copied into a new one, SQLite to PostgreSQL or back, every table counted."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import SitrepError
from ..store import DEFAULT_DB
from ..store.backend import shown
from .support import DbOption, fail, open_db


def export_store_command(
    to: Annotated[str, typer.Option("--to", help="The new store: a SQLite file, or a postgresql:// URL of an empty database.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Copy the store at --db into the empty store at --to (SQLite into PostgreSQL, or back), then
    check that every table holds as many rows in both. A target that holds rows is refused."""
    from ..store.copy import copy_store

    with open_db(db) as source, open_db(to, create=True) as target:
        try:
            counts = copy_store(source, target)
        except SitrepError as error:
            fail(error)
    typer.echo(f"copied {shown(db)} to {shown(to)}; rows in both, table by table:")
    for table, rows in counts:
        typer.echo(f"  {table:<16} {rows:>10}")
