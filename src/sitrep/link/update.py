"""Linking a newly stored article's events (file each in its blocks, then into incidents and claims),
and linking what a store holds but never linked."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ..store import Store
from . import claims, incidents, story_store
from .features import Signals
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


@dataclass
class Backfill:
    """What `link_stored` did."""

    articles_linked: int = 0  # articles whose events were linked
    events_linked: int = 0
    articles_filed: int = 0  # articles filed in a story


def link_stored(store: Store, batch: int = 25, progress: Callable[[int, int], None] | None = None) -> Backfill:
    """Link the stored articles that were never linked (a store made before incidents or stories
    existed), in the order they were stored, as ingest would have: their events into incidents and
    claims, the articles into stories. Commits every `batch` articles; running it again continues."""
    events = dict(store.unlinked_articles())
    stories = dict(store.unfiled_articles())
    order = sorted(set(events) | set(stories))
    done = Backfill()
    for start in range(0, len(order), batch):
        with store.transaction():
            for rowid in order[start : start + batch]:
                if rowid in events and (linked := link_article(store, events[rowid])):
                    done.articles_linked += 1
                    done.events_linked += linked
                if rowid in stories:
                    _file(store, stories[rowid])
                    done.articles_filed += 1
        if progress is not None:
            progress(min(start + batch, len(order)), len(order))
    return done


def _file(store: Store, article_id: str) -> None:
    """File a stored article in a story from its stored text, places and events."""
    article = store.get_article(article_id)
    records = [json.loads(row["record"]) for row in store.article_events(article_id)]
    signals = Signals.stored(article["places"], records)
    published = date.fromisoformat(article["published"]) if article["published"] else None
    title = story_store.separate_title(article["title"], article["title_span"])
    story_store.add_article(store, article_id, article["text"], title, published, signals)
