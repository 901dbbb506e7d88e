"""The server's stores: a SQLite connection per server thread (SQLite connections stay in the thread
that opened them), or one PostgreSQL store whose pool lends each statement a connection."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request

from ..store import Store, is_postgres, open_store

POOL_SIZE = 8  # PostgreSQL connections of a server process whose threads are not given (anyio's 40)


class Stores:
    def __init__(self, db: str | Path, threads: int | None = None) -> None:
        self.db = db
        self._local = threading.local()
        self._shared = open_store(db, pool_size=threads or POOL_SIZE) if is_postgres(db) else None
        self.lock = threading.Lock()  # writes (ingest) one at a time

    def close(self) -> None:
        """Close the PostgreSQL store's pool (SQLite connections close with their threads)."""
        if self._shared is not None:
            self._shared.close()

    def get(self) -> Store:
        if self._shared is not None:
            return self._shared
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store


def store_of(request: Request) -> Store:
    """The calling thread's store; call it inside a (sync) endpoint, not as a dependency, which may
    run on another thread."""
    stores: Stores = request.app.state.stores
    return stores.get()
