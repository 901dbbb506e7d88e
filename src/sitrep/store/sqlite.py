"""The store's SQL (`SQLStore`, every query both databases run as written) and the SQLite store.

SQLite: WAL mode, foreign keys on, versioned migrations applied in order on open. Every write happens
inside `transaction()`, so an interrupted ingest leaves the file as it was after the last commit.
The PostgreSQL store (`postgres.py`) shares `SQLStore` and differs in its connection, migrations and
search SQL.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Self

from ..errors import Code, SitrepError
from ..models import Article, Place, Source, Span
from . import search
from .articles import ArticleReads
from .backend import Db, Search
from .filters import EventFilters as EventFilters
from .event_pages import EventPages
from .grid import TOTALS, GridTables
from .links import LinkTables
from .stories import StoryTables

__all__ = ["EventFilters", "SQLStore", "SQLiteStore"]  # EventFilters: where the API and the benches have imported it from


def _migrations() -> list[tuple[int, str]]:
    """(version, sql) for every migration file, in version order."""
    folder = resources.files("sitrep.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


COPY_CHUNK = 5000  # rows a copy reads at a time
BUSY_SECONDS = 30  # how long a store waits for another process's write (and retries its opening)


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one by one (a trigger's body stays with its trigger)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if any(line.strip() and not line.strip().startswith("--") for line in statement.splitlines()):
        raise sqlite3.OperationalError(f"incomplete statement in a migration: {statement[:60]!r}")


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _order(table: str) -> str:
    """How a copy reads `table`: articles in the order they were stored (`sitrep link` follows it)."""
    return " ORDER BY rowid" if table == "articles" else ""


def tables() -> list[str]:
    """The store's tables in the order the migrations create them (a table refers only to earlier
    ones), without migration 0008's totals, which the events' triggers keep."""
    found = [name for _, sql in _migrations() for name in re.findall(r"^CREATE TABLE (\w+)", sql, re.MULTILINE)]
    return [name for name in found if name not in TOTALS]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _span_json(span: Span | None) -> str | None:
    return None if span is None else json.dumps(asdict(span), ensure_ascii=False)


class SQLStore(ArticleReads, EventPages, LinkTables, StoryTables, GridTables):
    """Articles, their sources, duplicate links, places and events, and the linking tables: the SQL
    both databases run. A backend gives `_db`, `search`, `transaction` and `close`."""

    path: str  # the database's file or URL, for messages
    _db: Db
    search: ClassVar[Search]

    def transaction(self) -> AbstractContextManager[None]:
        """Everything inside commits together or not at all (also on Ctrl-C)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def snapshot(self) -> AbstractContextManager[None]:
        """Reads inside see the store as it was at the first of them, whatever others write meanwhile."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return int(self._one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    # -- writes ---------------------------------------------------------------------------------

    def add_article(self, article: Article) -> None:
        removed = json.dumps([asdict(span) for span in article.removed], ensure_ascii=False)
        self._db.execute(
            "INSERT INTO articles (id, title, text, kind, published, published_from, outlet, url, removed,"
            " title_span, kind_evidence, dateline, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.title,
                article.text,
                article.kind,
                article.published.isoformat() if article.published else None,
                article.published_from,
                article.outlet,
                article.url,
                removed,
                _span_json(article.title_span),
                _span_json(article.kind_evidence),
                _span_json(article.dateline),
                _now(),
            ),
        )

    def add_source(self, article_id: str, source: Source) -> None:
        where = source.provenance
        self._db.execute(
            "INSERT INTO sources (key, article_id, path, line, record, record_offset, raw_sha256, format,"
            " encoding, outlet, url, title, published, metadata, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                source.key,
                article_id,
                where.path,
                where.line,
                where.record,
                where.offset,
                source.raw_sha256,
                source.format,
                source.encoding,
                source.outlet,
                source.url,
                source.title,
                source.published.isoformat() if source.published else None,
                json.dumps(source.metadata, ensure_ascii=False, default=str),
                _now(),
            ),
        )

    def add_lsh_keys(self, article_id: str, keys: Iterable[tuple[int, int]]) -> None:
        self._db.executemany(
            "INSERT INTO lsh_keys (band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, bucket, article_id) for band, bucket in keys],
        )

    def add_places(self, article_id: str, places: Sequence[Place]) -> None:
        self._db.executemany(
            "INSERT INTO places (article_id, n, span_start, span_end, text, resolved, name, place_id, geonameid,"
            " lat, lon, country, admin1, admin1_code, admin2, feature, geo_precision, score, why, relation)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article_id, n, p.start, p.end, p.text, int(p.resolved), p.name, p.id, p.geonameid, p.lat,
                    p.lon, p.country, p.admin1, p.admin1_code, p.admin2, p.feature, p.geo_precision, p.score,
                    json.dumps(list(p.why), ensure_ascii=False), p.relation,
                )  # fmt: skip
                for n, p in enumerate(places)
            ],
        )

    def add_events(self, article_id: str, events: Sequence[dict[str, Any]]) -> None:
        """An article's events (as `sitrep.events.records.event_json` writes them), most salient first."""
        rows, named = [], []  # named: (actor name, article, rank) for migration 0009's tables
        for n, event in enumerate(events):
            actors = [a["name"] for a in (event["actor1"], event["actor2"], *event["assoc_actors"]) if a]
            named += [(name, article_id, n) for name in dict.fromkeys("\n".join(actors).split("\n")) if name]
            rows.append(
                (
                    article_id, n, event["event_type"], event["sub_event_type"],
                    (event["actor1"] or {}).get("name"), (event["actor2"] or {}).get("name"), "\n".join(actors),
                    event["event_date"], event["time_precision"], event["country"], event["admin1"],
                    event["location"], event["latitude"], event["longitude"], event["geo_precision"],
                    event["fatalities"], event["modality"], int(event["historical"]), event["confidence"],
                    json.dumps(event, ensure_ascii=False),
                )  # fmt: skip
            )
        self._db.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 20)})", rows)
        self._db.executemany("INSERT INTO actor_names (name) VALUES (sitrep_fold(?)) ON CONFLICT DO NOTHING", [(name,) for name, _, _ in named])
        self._db.executemany(
            "INSERT INTO event_actors (name, article_id, n) VALUES (sitrep_fold(?), ?, ?) ON CONFLICT DO NOTHING", named
        )

    def link_near_duplicates(self, a: str, b: str, jaccard: float, containment: float) -> None:
        first, second = sorted((a, b))
        self._db.execute(
            "INSERT INTO near_duplicates (a, b, jaccard, containment) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (a, b) DO NOTHING",
            (first, second, round(jaccard, 4), round(containment, 4)),
        )

    def count_group_lines(self, group: str, line_keys: Iterable[str]) -> None:
        """Record that one more article of `group` carried each of these (distinct) lines."""
        self._db.execute(
            "INSERT INTO line_groups (grp, docs) VALUES (?, 1) ON CONFLICT (grp) DO UPDATE SET docs = line_groups.docs + 1",
            (group,),
        )
        self._db.executemany(
            "INSERT INTO group_lines (grp, line_key, docs) VALUES (?, ?, 1)"
            " ON CONFLICT (grp, line_key) DO UPDATE SET docs = group_lines.docs + 1",
            [(group, key) for key in line_keys],
        )

    # -- reads used by ingest -------------------------------------------------------------------

    def source_article(self, key: str) -> str | None:
        """The id of the article a stored source belongs to, or None for a source not stored."""
        row = self._db.execute("SELECT article_id FROM sources WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def lsh_candidates(self, keys: Sequence[tuple[int, int]]) -> set[str]:
        """Articles sharing at least one LSH bucket with these keys."""
        found: set[str] = set()
        for band, bucket in keys:
            rows = self._db.execute(
                "SELECT article_id FROM lsh_keys WHERE band = ? AND bucket = ?", (band, bucket)
            )
            found.update(row[0] for row in rows)
        return found

    def article_text(self, article_id: str) -> str:
        return str(self._db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0])

    def group_counts(self, group: str, line_keys: Iterable[str]) -> tuple[int, dict[str, int]]:
        """(articles stored for the group, how many of them carry each of these lines)."""
        row = self._db.execute("SELECT docs FROM line_groups WHERE grp = ?", (group,)).fetchone()
        counts: dict[str, int] = {}
        keys = list(line_keys)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT line_key, docs FROM group_lines WHERE grp = ? AND line_key IN ({marks})", [group, *chunk]
            )
            counts.update((key, docs) for key, docs in rows)
        return (row[0] if row else 0), counts

    # -- queries for people and programs (the article reads in `articles.py`) -------------------

    def stats(self) -> dict[str, Any]:
        """Counts a user checks after an ingest."""
        articles, sources = self._one("SELECT COUNT(*) FROM articles"), self._one("SELECT COUNT(*) FROM sources")
        return {
            "articles": articles,
            "sources": sources,
            "exact_duplicates": sources - articles,
            "near_duplicate_pairs": self._one("SELECT COUNT(*) FROM near_duplicates"),
            "place_mentions": self._one("SELECT COUNT(*) FROM places"),
            "place_mentions_resolved": self._one("SELECT COUNT(*) FROM places WHERE resolved = 1"),
            # the events from migration 0008's running totals per day (the events' triggers keep them):
            # counting the events themselves read every row of a million events (4-30 s)
            "events": int(self._one("SELECT COALESCE(SUM(events), 0) FROM event_days")),
            "events_by_modality": {modality: int(n) for modality, n in self._by(
                "SELECT modality, SUM(events) FROM event_days GROUP BY 1 HAVING SUM(events) > 0 ORDER BY 2 DESC, 1"
            ).items()},  # fmt: skip
            "incidents": self._one("SELECT COUNT(*) FROM incidents"),
            "incidents_by_sources": self._by(
                "SELECT CASE WHEN sources >= 3 THEN '3+' ELSE CAST(sources AS TEXT) END, COUNT(*) FROM incidents GROUP BY 1 ORDER BY 1"
            ),
            "claims_by_status": self._by("SELECT kind || ' ' || status, COUNT(*) FROM claims GROUP BY 1 ORDER BY 1"),
            "stories": self._one("SELECT COUNT(*) FROM stories"),
            "stories_of_several_articles": self._one("SELECT COUNT(*) FROM stories WHERE articles > 1"),
            "dated": self._one("SELECT COUNT(*) FROM articles WHERE published IS NOT NULL"),
            "undated": self._one("SELECT COUNT(*) FROM articles WHERE published IS NULL"),
            "first_published": self._one("SELECT MIN(published) FROM articles"),
            "last_published": self._one("SELECT MAX(published) FROM articles"),
            "by_kind": self._by("SELECT kind, COUNT(*) FROM articles GROUP BY kind ORDER BY 2 DESC"),
            "by_outlet": self._by(
                "SELECT COALESCE(outlet, '(unknown)'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_format": self._by("SELECT format, COUNT(*) FROM sources GROUP BY format ORDER BY 2 DESC"),
            "schema_version": self.schema_version(),
        }

    # -- whole tables, for copying a store (`copy.py`) ------------------------------------------

    def table_columns(self, table: str) -> list[str]:
        """The columns of `table` a copy carries, in order."""
        raise NotImplementedError

    def table_rows(self, table: str, columns: Sequence[str]) -> Iterator[list[tuple[Any, ...]]]:
        """Every row of `table` (these columns), a chunk at a time; articles in the order stored."""
        raise NotImplementedError

    def add_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self._db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})", rows)

    def count_rows(self, table: str) -> int:
        return int(self._one(f"SELECT COUNT(*) FROM {table}"))

    def _one(self, sql: str) -> Any:
        return self._db.execute(sql).fetchone()[0]

    def _by(self, sql: str) -> dict[str, int]:
        return {key: n for key, n in self._db.execute(sql)}


class SQLiteStore(SQLStore):
    """The store in one SQLite file."""

    search: ClassVar[Search] = search
    compact_records: ClassVar[bool] = True

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self._db = self._con = self._open()
                return
            except sqlite3.OperationalError as exc:
                # a new file's switch to WAL can meet another process's, and SQLite then answers
                # "locked" at once, without waiting: open it again
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise SitrepError(Code.BAD_DATABASE, f"{self.path}: not a usable sitrep database ({exc})") from None
                time.sleep(0.05)
            except sqlite3.DatabaseError as exc:
                raise SitrepError(Code.BAD_DATABASE, f"{self.path}: not a usable sitrep database ({exc})") from None

    def _open(self) -> sqlite3.Connection:
        """A connection to the file, in WAL mode, migrated; closed again if any of that fails."""
        db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_SECONDS)
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA synchronous=NORMAL")
            search.register(db)
            self._db = self._con = db
            self._migrate()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self._con.close()

    # -- schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Apply the migrations the file lacks, all in one write transaction that first reads which
        are applied: processes opening one new store at once apply each exactly once."""
        if not self._pending():
            return
        self._con.execute("BEGIN IMMEDIATE")
        try:
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            applied = {row[0] for row in self._con.execute("SELECT version FROM schema_migrations")}
            for version, sql in _migrations():
                if version not in applied:
                    for statement in _statements(sql):
                        self._con.execute(statement)
                    self._con.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, _now()))
            self._con.execute("COMMIT")
        except BaseException:
            if self._con.in_transaction:
                self._con.execute("ROLLBACK")
            raise

    def _pending(self) -> bool:
        """Whether a migration may be missing (read without a lock; `_migrate` checks again under one)."""
        try:
            applied = {row[0] for row in self._con.execute("SELECT version FROM schema_migrations")}
        except sqlite3.OperationalError:
            return True  # no table yet
        return any(version not in applied for version, _ in _migrations())

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        self._con.execute("BEGIN")
        try:
            yield
        finally:
            self._con.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def table_columns(self, table: str) -> list[str]:
        return [row[1] for row in self._con.execute(f"PRAGMA table_info({table})")]

    def table_rows(self, table: str, columns: Sequence[str]) -> Iterator[list[tuple[Any, ...]]]:
        cursor = self._con.execute(f"SELECT {', '.join(columns)} FROM {table}{_order(table)}")
        while chunk := cursor.fetchmany(COPY_CHUNK):
            yield [tuple(row) for row in chunk]
