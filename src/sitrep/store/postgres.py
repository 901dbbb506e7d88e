"""The PostgreSQL store: `SQLStore`'s SQL over psycopg 3 and a connection pool.

The portable migrations run as written, but with REAL as DOUBLE PRECISION (SQLite's REAL is 8
bytes) and TEXT compared byte by byte (COLLATE "C", SQLite's order); migrations/postgres/ replaces
the SQLite-only ones. Statements outside a transaction borrow a pooled connection each; a
transaction keeps one for its thread. Every write transaction first takes one advisory lock of the
database, so several ingests (processes, machines) may write to one database at once: their
analyses run in parallel, their writes and linking one transaction at a time, each seeing what the
others committed (an article another ingest stored meanwhile becomes one more source of it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import Code, SitrepError
from . import pg_search
from .backend import Rows, Search, shown
from .sqlite import COPY_CHUNK, SQLStore, _migrations, _now, _order

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

WRITE_LOCK = 0x5175_7265_7001  # pg_advisory_xact_lock keys: one writer at a time, one migrator at a time
MIGRATE_LOCK = 0x5175_7265_7002
CONNECT_SECONDS = 10
DERIVED = ("rowid", "search", "geog")  # columns PostgreSQL fills itself (migrations/postgres/0007)


class Row(tuple[Any, ...]):
    """A row read by position or by column name, as sqlite3.Row."""

    names: tuple[str, ...]

    def keys(self) -> list[str]:
        return list(self.names)

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self.names.index(key) if isinstance(key, str) else key)


def _row_factory(cursor: psycopg.Cursor[Any]) -> Any:
    names = tuple(column.name for column in cursor.description or ())

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row.names = names
        return row

    return make


@cache
def _placeholders(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (and a literal `%` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Fetched:
    """The rows of a statement whose connection went back to the pool."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[Any]:
        return self.rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)


class Pooled:
    """`backend.Db` over a pool: the thread's transaction connection, else one borrowed per statement."""

    def __init__(self, pool: ConnectionPool[Any]) -> None:
        self.pool = pool
        self._local = threading.local()

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Rows:
        held: psycopg.Connection[Any] | None = getattr(self._local, "connection", None)
        if held is not None:
            return held.execute(_placeholders(sql), parameters)
        with self.pool.connection() as connection:
            cursor = connection.execute(_placeholders(sql), parameters)
            return _Fetched(cursor.fetchall() if cursor.description else [])

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        with self.transaction() as connection, connection.cursor() as cursor:
            cursor.executemany(_placeholders(sql), list(parameters))

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """A transaction on one connection, which this thread's statements use until it ends."""
        held: psycopg.Connection[Any] | None = getattr(self._local, "connection", None)
        if held is not None:  # already inside one
            yield held
            return
        with self.pool.connection() as connection, connection.transaction():
            self._local.connection = connection
            try:
                yield connection
            finally:
                self._local.connection = None


SHARED_END = "-- (PostgreSQL's migration of this version runs the statements above as they are.)"
SHARED_HERE = "-- (Here: the statements of SQLite's migration of this version, as they are.)"


def pg_migrations() -> list[tuple[int, str]]:
    """(version, sql) of the migrations as PostgreSQL runs them: SQLite's made portable, or the one of
    migrations/postgres/ in its place, whose line SHARED_HERE stands for the portable statements of
    SQLite's migration above its line SHARED_END (tables stated once for both databases)."""
    folder = resources.files("sitrep.store") / "migrations" / "postgres"
    own = {int(entry.name.split("_", 1)[0]): entry.read_text(encoding="utf-8") for entry in folder.iterdir() if entry.name.endswith(".sql")}
    return [(version, _with_shared(own[version], version, _portable(sql)) if version in own else _portable(sql)) for version, sql in _migrations()]


def _portable(sql: str) -> str:
    """SQLite's migration as PostgreSQL runs it: REAL as DOUBLE PRECISION, TEXT in SQLite's order
    (COLLATE "C"), tables without SQLite's WITHOUT ROWID (PostgreSQL's tables have no rowid)."""
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    return re.sub(r"\s+WITHOUT ROWID\b", "", re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql))


def _with_shared(own: str, version: int, portable: str) -> str:
    """PostgreSQL's own migration with SQLite's shared statements in place of its line SHARED_HERE."""
    if SHARED_HERE not in own:
        return own
    shared, found, _ = portable.partition(SHARED_END)
    if not found:
        raise ValueError(f"migration {version:04d} for PostgreSQL takes SQLite's statements, but SQLite's has no line {SHARED_END!r}")
    return own.replace(SHARED_HERE, shared.rstrip("\n"))


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database with PostGIS; `pool_size`: connections at most (one per
    thread that reads at once)."""

    search: ClassVar[Search] = pg_search

    def __init__(self, url: str, *, pool_size: int = 1) -> None:
        self.path = shown(url)
        try:
            import psycopg
            from psycopg_pool import ConnectionPool
        except ImportError:
            raise SitrepError(Code.NO_POSTGRES_DRIVER, "a PostgreSQL store needs psycopg: pip install 'sitrep[postgres]'") from None
        try:
            psycopg.connect(url, connect_timeout=CONNECT_SECONDS).close()
        except psycopg.Error as exc:
            raise SitrepError(Code.CANNOT_CONNECT, f"{self.path}: cannot connect ({' '.join(str(exc).split())})") from None
        settings = {"autocommit": True, "row_factory": _row_factory}
        self._pool: ConnectionPool[Any] = ConnectionPool(url, min_size=1, max_size=pool_size, kwargs=settings, open=False)
        self._pool.open(wait=True, timeout=CONNECT_SECONDS)
        self._db = self._pooled = Pooled(self._pool)
        try:
            self._migrate()
        except BaseException:
            self._pool.close()
            raise

    def close(self) -> None:
        self._pool.close()

    def _migrate(self) -> None:
        """Apply the migrations the database lacks, in one transaction, one process at a time."""
        import psycopg

        with self._pooled.transaction() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            applied = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
            for version, sql in pg_migrations():
                if version not in applied:
                    try:
                        db.execute(sql.encode())  # a script without parameters: several statements at once
                    except (psycopg.errors.FeatureNotSupported, psycopg.errors.InsufficientPrivilege) as exc:
                        raise SitrepError(Code.NO_POSTGIS, f"{self.path}: the store needs PostGIS ({str(exc).strip()}): install it on the server, or have an administrator run CREATE EXTENSION postgis in the database") from None
                    db.execute("INSERT INTO schema_migrations VALUES (%s, %s)", (version, _now()))

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        with self._pooled.transaction() as db:
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._pooled.transaction() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield

    def table_columns(self, table: str) -> list[str]:
        rows = self._db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
            " ORDER BY ordinal_position",
            (table,),
        )
        return [row[0] for row in rows if row[0] not in DERIVED]

    def add_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Rows in bulk, through COPY (ten times the speed of INSERTs)."""
        with self._pooled.transaction() as db, db.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN".encode()) as copy:
                for row in rows:
                    copy.write_row(row)

    def table_rows(self, table: str, columns: Sequence[str]) -> Iterator[list[tuple[Any, ...]]]:
        with self._pooled.transaction() as db, db.cursor(name=f"copy_{table}") as cursor:  # read on the server as it goes
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table}{_order(table)}".encode())
            while chunk := cursor.fetchmany(COPY_CHUNK):
                yield [tuple(row) for row in chunk]
