"""One store connection per server thread (SQLite connections stay in the thread that opened them)."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request

from ..store import Store, open_store


class Stores:
    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()
        self.lock = threading.Lock()  # writes (ingest) one at a time

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store


def store_of(request: Request) -> Store:
    """The calling thread's store; call it inside a (sync) endpoint, not as a dependency, which may
    run on another thread."""
    stores: Stores = request.app.state.stores
    return stores.get()
