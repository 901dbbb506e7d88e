"""Incidents: events of several articles that describe one real-world event, linked as they are stored.

A new reported or claimed event (dated and located) looks up the incidents of the events filed in its
blocks (compatible sub-types, the weeks its date window reaches, and the 3x3 grid cells around it or,
for a province- or country-level event, its region; see `match`). It joins the incident it is
compatible with in full: every event of another article must pass every rule of `match.same_event`,
and every event of its own article must be a repeat mention (same sub-event type, place and date,
actors agreeing). Among several such incidents it joins the nearest (smallest date gap, then
distance, then id); with none it starts its own, named after it. Events are taken in the order they
are stored, so ingesting in parts gives the incidents that ingesting at once gives. The incident's
summary row is computed from the members already read, so linking reads each candidate once.

An incident reports its events with article and outlet, the independent outlets (near duplicates,
syndicated copies and one outlet's several articles count once), fatalities as the lowest figure any
article gives (each article's own figure being the largest it gives for the incident) with the range
and who said what, and the fields its articles disagree on.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..store import Store
from ..store.sqlite import EventFilters
from .independence import independent_groups
from .match import (
    LINKABLE,
    MAX_WINDOW_DAYS,
    REGION_PRECISION,
    Check,
    LinkEvent,
    distance_km,
    link_event,
    lookup,
    passes,
    same_actors,
    same_event,
)

FIRST_REPORT = "first report"


@dataclass(frozen=True)
class Candidate:
    """An incident the new event may join, and how near its nearest event is."""

    incident_id: str
    gap_days: int
    km: float
    why: tuple[str, ...]


def repeat_of(a: LinkEvent, b: LinkEvent) -> list[Check]:
    """Two events of one article are one event mentioned twice: same sub-type, place and date (a place
    and a region of one name are not one place, as in `match.same_place`)."""
    same = (a.sub_event_type, a.location, _region_level(a), a.day) == (b.sub_event_type, b.location, _region_level(b), b.day)
    words = f"{a.sub_event_type} at {a.location or '?'} on {a.day}"
    return [Check(same, f"repeat mention ({words})" if same else "another event of the same article"), same_actors(a, b)]


def _region_level(event: LinkEvent) -> bool:
    return event.geo_precision >= REGION_PRECISION


def add_event(store: Store, event: LinkEvent) -> str | None:
    """Put a newly stored event into an incident (an existing one, or its own); returns the incident id,
    or None when the event's modality does not link."""
    if event.modality not in LINKABLE:
        return None
    where = lookup(event, event.ordinal - MAX_WINDOW_DAYS, event.ordinal + MAX_WINDOW_DAYS)
    incident_ids = store.block_incidents(where.query(), LINKABLE)
    rows: dict[str, list[dict[str, Any]]] = {i: [] for i in incident_ids}
    for row in store.incident_members(incident_ids):
        rows[row["incident_id"]].append(row)
    candidates = [c for i in incident_ids if (c := _candidate(event, i, _members(rows[i]))) is not None]
    if candidates:
        best = min(candidates, key=lambda c: (c.gap_days, c.km, c.incident_id))
        incident_id, why, joined = best.incident_id, best.why, [*_members(rows[best.incident_id]), event]
    else:
        incident_id, why, joined = event.id, (FIRST_REPORT,), [event]
    store.save_incident(_summary(store, incident_id, joined))
    store.add_incident_event(event.article_id, event.n, incident_id, why)
    return incident_id


def _members(rows: Iterable[dict[str, Any]]) -> Iterator[LinkEvent]:
    """An incident's events, read one at a time (a candidate is turned down at its first misfit)."""
    return (member for row in rows if (member := link_event(row)) is not None)


def _candidate(event: LinkEvent, incident_id: str, members: Iterable[LinkEvent]) -> Candidate | None:
    """The incident as a candidate when the event agrees with every one of its events."""
    nearest: tuple[int, float, str, list[Check]] | None = None
    for member in members:
        own = member.article_id == event.article_id
        checks = repeat_of(event, member) if own else same_event(event, member)
        if not passes(checks):
            return None
        rank = (abs(event.ordinal - member.ordinal), distance_km(event, member), member.id, checks)
        if nearest is None or rank[:3] < nearest[:3]:
            nearest = rank
    if nearest is None:
        return None
    gap, km, member_id, checks = nearest
    return Candidate(incident_id, gap, km, (f"with {member_id}: " + "; ".join(c.why for c in checks),))


def _summary(store: Store, incident_id: str, members: Sequence[LinkEvent]) -> dict[str, Any]:
    first = next((m for m in members if m.id == incident_id), members[0])
    articles = sorted({m.article_id for m in members})
    return {
        "id": incident_id,
        "event_type": first.event_type,
        "sub_event_type": first.sub_event_type,
        "first_date": min(m.day for m in members).isoformat(),
        "last_date": max(m.day for m in members).isoformat(),
        "events": len(members),
        "articles": len(articles),
        "sources": len(_groups(store, articles)),
    }


def _groups(store: Store, articles: Sequence[str]) -> list[list[str]]:
    return independent_groups(articles, store.article_outlets(articles), store.near_duplicate_pairs(articles))


# -- reading incidents --------------------------------------------------------------------------


def list_incidents(
    store: Store, filters: EventFilters = EventFilters(), *, min_sources: int = 1, limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored incidents as reports (see `report`), latest first."""
    return [report(store, row) for row in store.list_incidents(filters, min_sources=min_sources, limit=limit)]


def report(store: Store, row: dict[str, Any]) -> dict[str, Any]:
    """One incident in full: its events and articles, independent sources, figures and disagreements."""
    members = row["members"]
    articles = sorted({m["article_id"] for m in members})
    outlets = store.article_outlets(articles)
    groups = independent_groups(articles, outlets, store.near_duplicate_pairs(articles))
    events = [_event(m, outlets) for m in members]
    place = min(events, key=lambda e: (e["geo_precision"] or 9, e["id"] != row["id"]))
    return {
        "id": row["id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "first_date": row["first_date"],
        "last_date": row["last_date"],
        **{key: place[key] for key in ("location", "admin1", "admin2", "country", "latitude", "longitude", "geo_precision")},
        "actor1": _most_named(events, "actor1"),
        "actor2": _most_named(events, "actor2"),
        "sources": len(groups),
        "independent": [[_label(a, outlets) for a in group] for group in groups],
        "articles": len(articles),
        "outlets": sorted({o for found in outlets.values() for o in found}),
        "fatalities": fatalities(events),
        "disagreements": disagreements(events),
        "events": events,
    }


def _event(member: dict[str, Any], outlets: dict[str, set[str]]) -> dict[str, Any]:
    record = json.loads(member["record"])
    return {
        "id": f"{member['article_id'][:12]}-{member['n']}",
        "article": {
            "id": member["article_id"], "title": member["title"], "published": member["published"],
            "outlet": member["outlet"], "outlets": sorted(outlets.get(member["article_id"], ())), "url": member["url"],
            "stored": member["created_at"],
        },  # fmt: skip
        **{key: record.get(key) for key in ("event_date", "time_precision", "sub_event_type", "modality", "fatalities")},
        **{key: record.get(key) for key in ("location", "admin1", "admin2", "country", "latitude", "longitude", "geo_precision")},
        "actor1": (record.get("actor1") or {}).get("name"),
        "actor2": (record.get("actor2") or {}).get("name"),
        "notes": record.get("notes"),
        "why": json.loads(member["why"]),
        "record": record,
    }


def _label(article_id: str, outlets: dict[str, set[str]]) -> str:
    return f"{article_id[:12]} ({', '.join(sorted(outlets.get(article_id, ()))) or 'outlet unknown'})"


def _most_named(events: Sequence[dict[str, Any]], role: str) -> str | None:
    named = Counter(e[role] for e in events if e[role])
    return min(named, key=lambda name: (-named[name], name)) if named else None


def fatalities(events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Each article's figure is the largest it gives (a running toll); the incident's is the lowest of
    those (ACLED's conservative figure), with the range and who reported what."""
    by_article: dict[str, dict[str, Any]] = {}
    for event in events:
        figure, article = event["fatalities"], event["article"]
        if figure is None:
            continue
        known = by_article.get(article["id"])
        if known is None or figure > known["figure"]:
            label = ", ".join(article["outlets"]) or article["outlet"] or "outlet unknown"
            by_article[article["id"]] = {"figure": figure, "article": article["id"], "outlet": label, "event": event["id"]}
    figures = sorted(by_article.values(), key=lambda f: (f["figure"], f["article"]))
    if not figures:
        return {"figure": None, "low": None, "high": None, "reported": []}
    return {"figure": figures[0]["figure"], "low": figures[0]["figure"], "high": figures[-1]["figure"], "reported": figures}


DISAGREEMENT_FIELDS: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "actor1": lambda e: e["actor1"],  # known names only: an unknown actor is no disagreement
    "actor2": lambda e: e["actor2"],
    "place": lambda e: e["location"],
    "date": lambda e: e["event_date"],
}


def disagreements(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fields on which the incident's events give different values (unknowns aside), with who gave which."""
    found = []
    for name, value_of in DISAGREEMENT_FIELDS.items():
        said: dict[str, set[str]] = {}
        for event in events:
            value = value_of(event)
            if value is not None:
                article = event["article"]
                said.setdefault(value, set()).add(", ".join(article["outlets"]) or article["id"][:12])
        if len(said) > 1:
            found.append({"field": name, "values": [{"value": v, "by": sorted(by)} for v, by in sorted(said.items())]})
    tolls: dict[int, list[str]] = {}
    for figure in fatalities(events)["reported"]:
        tolls.setdefault(figure["figure"], []).append(figure["outlet"])
    if len(tolls) > 1:  # articles' own figures, so a running toll within one article is no disagreement
        found.append({"field": "toll", "values": [{"value": str(v), "by": sorted(by)} for v, by in sorted(tolls.items())]})
    return found
