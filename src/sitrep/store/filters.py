"""Filters of the store's listings as WHERE clauses with placeholders: never a value pasted into SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import Code, SitrepError
from .backend import Search
from .search import Area, match_query


@dataclass(frozen=True)
class EventFilters:
    """What `sitrep events` and the API filter events on; None or () means any. Names come checked and
    spelled out by `filter_values` (which also folds them: no case, no accents)."""

    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    event_type: str | None = None  # an event type or a sub-event type
    actor: tuple[str, ...] = ()  # folded parts of names, any of which an actor's folded name holds
    country: str | None = None  # ISO2
    admin1: tuple[str, ...] = ()  # folded names, any of which the event's folded admin1 is
    modality: tuple[str, ...] = ()  # any of these
    outlet: str | None = None  # compared folded
    sub_event_type: str | None = None
    area: Area | None = None  # a box or a circle (search.Box, search.Circle)
    text: str | None = None  # words that must all occur in the article's title or text
    article_id: str | None = None

    def sql(self, search: Search, *, area_index: bool = True, actor_by_event: bool = False) -> tuple[list[str], list[Any]]:
        """WHERE clauses with placeholders and their parameters (the area and words through the
        database's `search`; the area through its index unless `area_index` is False, see
        `plan.area_first`; the actor by each event's names when `actor_by_event`, see
        `actor_clause`); never values pasted into SQL."""
        clauses = [
            ("e.event_date >= ?", self.since),
            ("e.event_date <= ?", self.until),
            ("(e.event_type = ? OR e.sub_event_type = ?)", self.event_type),
            ("e.country = ?", self.country.upper() if self.country else None),
            ("sitrep_fold(a.outlet) = sitrep_fold(?)", self.outlet),
            ("e.sub_event_type = ?", self.sub_event_type),
            ("e.article_id = ?", self.article_id),
        ]
        where, params = conditions(clauses)
        actor = self.actor_clause(by_event=actor_by_event)
        if actor is not None:
            add_clause(where, params, actor)
        for column, values in (("sitrep_fold(e.admin1)", self.admin1), ("e.modality", self.modality)):
            if values:
                add_clause(where, params, (f"{column} IN ({', '.join('?' * len(values))})", list(values)))
        if self.area is not None:
            add_clause(where, params, search.area_clause(self.area, self.since, self.until, indexed=area_index))
        if self.text is not None:
            add_clause(where, params, search.text_clause("e.article_id", words(self.text)))
        return where, params

    def actor_clause(self, *, by_event: bool = False) -> tuple[str, list[Any]] | None:
        """A WHERE clause on `e` (events) for events with an actor whose name holds one of the parts,
        through migration 0009's names; None when the filter keeps every event. `by_event`: each
        event's names looked up on their own (for events found another way: the set of every event
        of the names, which the other form gathers first, may hold 300,000 at 1M)."""
        named = self.actor_rows()
        if named is None:
            return None
        if by_event:
            clause = f"EXISTS (SELECT 1 {named[0]} AND article_id = e.article_id AND n = e.n)"
            return clause, named[1]
        return f"(e.article_id, e.n) IN (SELECT article_id, n {named[0]})", named[1]

    def actor_rows(self) -> tuple[str, list[Any]] | None:
        """FROM and WHERE of the `event_actors` rows (an event's folded names) of the actor filter's
        names; None when the filter keeps every event."""
        if not self.actor or "" in self.actor:  # every name holds the empty part
            return None
        likes = " OR ".join("name LIKE ? ESCAPE '\\'" for _ in self.actor)
        names = f"SELECT name FROM actor_names WHERE {likes}"
        return f"FROM event_actors WHERE name IN ({names})", [f"%{like_literal(name)}%" for name in self.actor]


def sources_clause(min_sources: int) -> tuple[str, list[Any]]:
    """A WHERE clause on `e` (events) keeping events whose incident has at least `min_sources`
    independent sources (an event in no incident has one: give `min_sources` above 1), through
    the incidents' index on their sources."""
    return (
        "(e.article_id, e.n) IN (SELECT i.article_id, i.n FROM incidents c"
        " JOIN incident_events i ON i.incident_id = c.id WHERE c.sources >= ?)"
    ), [min_sources]


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern with ESCAPE '\\': its `%`, `_` and backslashes match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def words(text: str) -> str:
    """The full-text query for `text`; an error when it holds no word."""
    query = match_query(text)
    if query is None:
        raise SitrepError(Code.BAD_OPTION, f"{text!r} holds no word to search for")
    return query


def add_clause(where: list[str], params: list[Any], clause: tuple[str, list[Any]]) -> None:
    """Append a clause and its parameters."""
    where.append(clause[0])
    params += clause[1]


def conditions(clauses: Sequence[tuple[str, str | None]]) -> tuple[list[str], list[Any]]:
    """The clauses whose value is given, and their parameters (one per placeholder): filters in SQL
    that never paste a value into the text."""
    where: list[str] = []
    params: list[Any] = []
    for clause, value in clauses:
        if value is not None:
            where.append(clause)
            params += [value] * clause.count("?")
    return where, params
