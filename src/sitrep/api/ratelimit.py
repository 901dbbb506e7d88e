"""An optional limit on writes per client address, counted in SQLite so that every worker process of
one server shares it."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

WINDOW_S = 60.0
_memory_names = itertools.count()


class WriteRate:
    """At most `per_minute` writes by one client address in any 60 seconds. `path`: the file the
    counts live in (shared by worker processes); None keeps them in this process's memory."""

    def __init__(self, per_minute: int, path: Path | None = None) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        if path is None:
            self.uri = f"file:sitrep-write-rate-{next(_memory_names)}?mode=memory&cache=shared"
        else:
            self.uri = f"{path.resolve().as_uri()}"
        self._keep = self._connect()  # a shared in-memory database lives while a connection is open
        self._keep.execute("CREATE TABLE IF NOT EXISTS writes (client TEXT NOT NULL, at REAL NOT NULL)")
        self._keep.execute("CREATE INDEX IF NOT EXISTS writes_client ON writes (client, at)")
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.uri, uri=True, timeout=10, isolation_level=None, check_same_thread=False)

    def admit(self, client: str, now: float | None = None) -> float | None:
        """None when `client` may write now (the write is counted); else the seconds until it may."""
        now = time.time() if now is None else now
        with self._lock, closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM writes WHERE at <= ?", (now - WINDOW_S,))
                times: list[float] = [at for (at,) in db.execute("SELECT at FROM writes WHERE client = ? ORDER BY at", (client,))]
                if len(times) >= self.per_minute:
                    return max(0.0, times[len(times) - self.per_minute] + WINDOW_S - now)
                db.execute("INSERT INTO writes (client, at) VALUES (?, ?)", (client, now))
                return None
            finally:
                db.execute("COMMIT")
