"""Linking a newly stored article's events: file each in its blocks, then into incidents and claims."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..store import Store
from . import claims, incidents
from .match import link_event


def link_article(store: Store, article_id: str) -> int:
    """Link the events of an article just stored (inside the caller's transaction); returns how many
    were dated and located, so could be linked. Events without a date or a located place are left out."""
    return sum(link_stored_event(store, row) for row in store.article_events(article_id))


def link_stored_event(store: Store, row: dict[str, Any]) -> bool:
    """Link one stored event (a row of `store.article_events`); False when it has no date or place."""
    event = link_event(row)
    if event is None:
        return False
    store.add_event_block(event.article_id, event.n, event.modality, asdict(event.block()))
    incidents.add_event(store, event)
    claims.add_event(store, event)
    return True
