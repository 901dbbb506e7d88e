"""The library calls `import sitrep` offers: `extract` (events of a text), `geoparse` (its places),
`open_store` (a store's listings) and `event_filters` (what to list). Importing this module loads no model: spaCy, the gazetteer and the
actor catalogue load on the first call, once, and serve every call after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Code, SitrepError
from .models import Event, Place, Rejected
from .store import Store, is_postgres
from .store import open_store as _open
from .store.filters import EventFilters

if TYPE_CHECKING:
    from .events.extract import ArticleContext
    from .process import Analysis, Processor


@dataclass(frozen=True)
class ArticleEvents:
    """What `extract` read from one text: its events (most salient first; iterating gives them), the
    candidates it rejected with the reasons, its places, and the date and outlet it was given."""

    events: tuple[Event, ...]
    rejected: tuple[Rejected, ...]
    places: tuple[Place, ...]
    published: date | None
    outlet: str | None

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)


@cache
def processor() -> Processor:
    """The one analyser every library call shares (and `sitrep extract`)."""
    from .process import Processor

    return Processor()


def analyse(texts: Sequence[str], contexts: Sequence[ArticleContext]) -> list[Analysis]:
    """Places and events of each text, in batches: the call behind `extract` and `sitrep extract`."""
    return processor().analyse(texts, contexts)


def extract(text: str, *, published: date | str | None = None, outlet: str | None = None, title: str | None = None) -> ArticleEvents:
    """The events a news text tells, as `sitrep extract` reads them. `published` (a date or
    "YYYY-MM-DD") dates "yesterday" and the like, else a dateline at the top of the text does;
    `title`, when the text starts with it, marks the headline; `outlet` is kept with the result."""
    from .events.jsonl import article_context
    from .process import too_long

    if (why := too_long(text)) is not None:
        raise SitrepError(Code.ANALYSIS_SKIPPED, why.split(" ", 1)[1])
    day = published.isoformat() if isinstance(published, date) else published
    context = article_context({"text": text, "published": day, "title": title})
    if isinstance(context, str):
        raise SitrepError(Code.BAD_ARGUMENT, f"published {published!r} is not a date like 2017-08-06")
    (found,) = analyse([text], [context])
    return ArticleEvents(tuple(found.events), tuple(found.rejected), tuple(found.places), context.published, outlet)


def _day(name: str, value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise SitrepError(Code.BAD_ARGUMENT, f"{name} {value!r} is not a date like 2017-08-06") from None


def event_filters(
    *,
    since: date | str | None = None,
    until: date | str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    modality: str | Sequence[str] = (),
    outlet: str | None = None,
    q: str | None = None,
) -> EventFilters:
    """Filters for `StoreReader.events` and `incidents` from values as people write them, checked as
    the CLI and the API check theirs: a type or modality in any case, a country by name or code
    ("Syria", "SY"), a province by any name the place index knows, an actor by a catalogue alias
    ("ISIS"). A value that can match nothing is E501, naming what is accepted."""
    from . import filter_values

    return filter_values.event_filters(
        lambda field: field,
        since=_day("since", since), until=_day("until", until), event_type=event_type, actor=actor, country=country,
        admin1=admin1, modality=(modality,) if isinstance(modality, str) else modality, outlet=outlet, q=q,
    )  # fmt: skip


def geoparse(text: str) -> list[Place]:
    """Every place mention of a text, resolved to a gazetteer entry where it can be (`resolved`)."""
    (places,) = processor().geoparser.parse([text])
    return places


class StoreReader:
    """A store's listings as the CLI and the API give them (JSON-ready dicts, newest first); the
    store itself is `store`. Use it in a `with` block, or `close()` it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def events(self, filters: EventFilters | None = None, *, min_sources: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored events matching every filter (from `event_filters`: dates, type, actor, country, ...)."""
        return self.store.list_events(filters or EventFilters(), min_sources=min_sources, limit=limit)

    def incidents(self, filters: EventFilters | None = None, *, min_sources: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
        """Incidents (one real event, every article that told it) with an event matching the filters."""
        from .link.incidents import list_incidents

        return list_incidents(self.store, filters or EventFilters(), min_sources=min_sources, limit=limit)

    def articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Article summaries: id, date, outlet, kind, counts of sources and near copies, title, url."""
        return self.store.list_articles(outlet=outlet, since=since, until=until, limit=limit)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article in full, by its id or a unique prefix of it."""
        return self.store.get_article(self.store.resolve_id(article_id))

    def stories(self, *, min_articles: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories (articles about one seminal event), each with its articles."""
        from .link.story_store import list_stories

        return list_stories(self.store, min_articles=min_articles, limit=limit)

    def claims(self, *, kind: str | None = None, status: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Predictions and claims with their status as of the newest stored article."""
        from .link.claims import list_claims

        return list_claims(self.store, kind=kind, status=status, limit=limit)


def open_store(db: str | Path, *, create: bool = False) -> StoreReader:
    """The store at `db` with its listings; a path that does not exist is an error unless `create`."""
    if not create and not is_postgres(db) and not Path(db).exists():
        raise SitrepError(Code.MISSING_PATH, f"{db}: no such store")
    return StoreReader(_open(db))
