"""What the store's SQL needs of a database connection, whichever database it is.

The table mixins and `SQLStore` issue `?`-placeholder SQL through `Db`; SQLite's connection is
one, `postgres.Pooled` another. `Search` is the SQL behind the search indexes, which differs:
`search` (SQLite's FTS5 and R*Tree) or `pg_search` (PostgreSQL's tsvector and PostGIS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .search import Area

ALL_ROWS = 2**63 - 1  # a LIMIT that keeps every row: both databases take it (SQLite also -1, PostgreSQL also NULL)


class Rows(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Db(Protocol):
    """Rows are read by position and by column name (`row[0]`, `row["id"]`, `dict(row)`)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Rows: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...


class Search(Protocol):
    def area_clause(self, area: Area, since: str | None = None, until: str | None = None, *, indexed: bool = True) -> tuple[str, list[Any]]: ...
    def text_clause(self, column: str, query: str) -> tuple[str, list[Any]]: ...
    def snippets(self, db: Db, query: str, article_ids: Sequence[str]) -> dict[str, str]: ...
    def plans_itself(self) -> bool: ...
    def map_events(self) -> str: ...
    def cell_index(self, value: str) -> str: ...
    def week_of(self, day: str) -> str: ...


def row_limit(rows: int | None) -> int:
    """A LIMIT parameter: `rows`, or every row for None."""
    return ALL_ROWS if rows is None else rows


def is_postgres(location: str | Path) -> bool:
    """Whether `location` names a PostgreSQL database (a postgresql:// or postgres:// URL)."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def resolved(location: str | Path) -> str:
    """`location` for another process (`serve`'s workers): a file's absolute path, a URL as it is."""
    return str(location) if is_postgres(location) else str(Path(location).resolve())


def shown(location: str | Path) -> str:
    """`location` for a message: a URL without its password (in the user part or a parameter)."""
    if not is_postgres(location):
        return str(location)
    scheme, _, rest = str(location).partition("://")
    user, at, host = rest.rpartition("@")
    host = re.sub(r"(?i)\bpassword=[^&]*", "password=***", host)
    return f"{scheme}://{user.split(':', 1)[0]}{':***' if ':' in user else ''}{at}{host}"
