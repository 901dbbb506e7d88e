"""Events and incidents in ACLED's export layout, with ACLED's encodings.

Follows the ACLED Codebook 2023 (the layout of ACLED's "Guide to 2023 ACLED column changes",
20 March 2023, which added disorder_type, civilian_targeting and tags): numeric inter codes (1 state
forces ... 8 external/other forces, 0 no actor) and the two-digit `interaction` (the lower code first;
a sole actor's code followed by 0: 10, 20, ...). What sitrep cannot know is written as docs/EXPORT.md
says. `event_id_cnty` is the country's ISO alpha-3 code and a number derived from sitrep's stored id
"<12 hex digits of the article id>-<rank>": the hex digits read as a number, times 1000, plus the
rank; the same event always gets the same id, whatever else the store holds.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from unidecode import unidecode

from .rows import Column, _columns

ACLED_COLUMNS: tuple[Column, ...] = _columns(
    "event_id_cnty event_date year:int time_precision:int disorder_type event_type sub_event_type actor1"
    " assoc_actor_1 inter1:int actor2 assoc_actor_2 inter2:int interaction:int civilian_targeting iso:int region"
    " country admin1 admin2 admin3 location latitude:float longitude:float geo_precision:int source source_scale"
    " notes fatalities:int tags timestamp:int"
)
CODEBOOK = "ACLED Codebook 2023"
HAPPENED = ("reported", "claimed")  # the modalities of events that happened; the rest only with all_modalities
# ACLED's inter codes by sitrep's actor type slugs
INTER = {
    "state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "external_forces": 8,
}  # fmt: skip
CIVILIANS = 7
NO_COUNTRY = "XXX"  # ISO 3166-1 leaves XAA-XZZ to users: an event sitrep could not place in a country
RANK_DIGITS = 1000  # an article's events are numbered below this in event_id_cnty


@dataclass(frozen=True)
class Country:
    """A country in ACLED's encodings (data/acled_countries.csv)."""

    iso3: str
    isonumeric: int
    name: str
    region: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-2 -> the country's ACLED encodings."""
    return {r["iso2"]: Country(r["iso3"], int(r["isonumeric"]), r["country"], r["region"]) for r in _rows("acled_countries.csv")}


@cache
def admin1_names() -> dict[str, str]:
    """GeoNames admin1 code ("SY.09") -> ACLED's name of the division ("Aleppo")."""
    return {r["admin1"]: r["name"] for r in _rows("acled_admin1.csv")}


@cache
def disorder_types() -> dict[str, str]:
    """Sub-event type -> ACLED's disorder_type."""
    return {r["sub_event_type"]: r["disorder_type"] for r in _rows("acled_disorder_types.csv")}


def happened(event: dict[str, Any]) -> bool:
    """Whether ACLED would code the event: reported or claimed, and not historical background."""
    return event.get("modality") in HAPPENED and not event.get("historical")


def event_number(event_id: str) -> int:
    """The number of event_id_cnty for sitrep's id "<12 hex digits>-<rank>"."""
    prefix, _, rank = event_id.rpartition("-")
    return int(prefix, 16) * RANK_DIGITS + int(rank)


def admin_name(name: str | None, code: str | None = None) -> str:
    """A division's name as ACLED writes it: its English name when data/acled_admin1.csv has one,
    else its GeoNames name in plain letters."""
    if code and code in admin1_names():
        return admin1_names()[code]
    return unidecode(name) if name else ""


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the lower code first; a sole actor's code followed by 0."""
    codes = sorted(c for c in (inter1, inter2) if c)
    return 0 if not codes else codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]


def unix_time(stamp: str | None) -> int | None:
    """Seconds since 1970 of an ISO 8601 time as the store writes it (UTC)."""
    return int(datetime.fromisoformat(stamp).timestamp()) if stamp else None


def acled_row(event: dict[str, Any], *, source: str, stored: str | None, event_id: str | None = None) -> dict[str, Any]:
    """A stored event's JSON record in ACLED's columns. `source`: its outlets ("; " between them);
    `stored`: when its record was stored (ISO 8601); `event_id`: sitrep's id (the event's own)."""
    actor1, actor2 = event.get("actor1") or {}, event.get("actor2") or {}
    inter1, inter2 = INTER.get(actor1.get("type") or "", 0), INTER.get(actor2.get("type") or "", 0)
    country = countries().get(event.get("country") or "")
    day = event.get("event_date") or ""
    disorder = disorder_types().get(event["sub_event_type"], "")
    targets_civilians = CIVILIANS in (inter1, inter2) and "Political violence" in disorder
    place = event.get("place") or {}
    return {
        "event_id_cnty": f"{country.iso3 if country else NO_COUNTRY}{event_number(event_id or event['id'])}",
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": event.get("time_precision"),
        "disorder_type": disorder,
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": actor1.get("name", ""),
        "assoc_actor_1": "; ".join(a["name"] for a in event.get("assoc_actors") or []),
        "inter1": inter1,
        "actor2": actor2.get("name", ""),
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else "",
        "iso": country.isonumeric if country else None,
        "region": country.region if country else "",
        "country": country.name if country else "",
        "admin1": admin_name(event.get("admin1"), place.get("admin1_code")),
        "admin2": admin_name(event.get("admin2")),
        "admin3": "",
        "location": _location(event, place.get("admin1_code")),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": event.get("geo_precision"),
        "source": source,
        "source_scale": "",
        "notes": event.get("notes") or "",
        "fatalities": event.get("fatalities") or 0,
        "tags": _tags(event),
        "timestamp": unix_time(stored),
    }


def _location(event: dict[str, Any], admin1_code: str | None) -> str:
    """The place's name; a division's name as its admin1 column writes it when the place is the division."""
    location = event.get("location") or ""
    return admin_name(location, admin1_code) if location and location == event.get("admin1") else location


def _tags(event: dict[str, Any]) -> str:
    """sitrep's own tags, as ACLED separates tags ("; "): the modality of an event not reported as
    having happened, and "historical" for background told with its own past date."""
    tags = [] if event.get("modality") == "reported" else [f"modality={event.get('modality')}"]
    return "; ".join(tags + (["historical"] if event.get("historical") else []))


def event_rows(events: list[dict[str, Any]], *, all_modalities: bool = False) -> list[dict[str, Any]]:
    """Stored events (`Store.list_events`) in ACLED's columns; only those that happened unless `all_modalities`."""
    return [
        acled_row(e, source=_outlets(e["article"]), stored=e["article"].get("stored"))
        for e in events
        if all_modalities or happened(e)
    ]


def incident_rows(incidents: list[dict[str, Any]], *, all_modalities: bool = False) -> list[dict[str, Any]]:
    """Incident reports (`link.incidents.report`), one ACLED row each: the incident's own first event
    with the incident's place, actors and first date, every outlet in `source`, the lowest figure in
    `fatalities` and the range (and who gave which) in `notes`."""
    return [_incident_row(i) for i in incidents if all_modalities or happened(_first(i)["record"])]


def _first(incident: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in incident["events"] if e["id"] == incident["id"])


def _incident_row(incident: dict[str, Any]) -> dict[str, Any]:
    first = _first(incident)
    record = {**first["record"], "fatalities": incident["fatalities"]["figure"], "event_date": incident["first_date"]}
    for key in ("location", "admin1", "admin2", "country", "latitude", "longitude", "geo_precision"):
        record[key] = incident[key]
    placed = next((e for e in incident["events"] if e["location"] == incident["location"]), first)
    record["place"] = placed["record"].get("place")
    for key in ("actor1", "actor2"):
        record[key] = record.get(key) or ({"name": incident[key]} if incident[key] else None)
    stored = max((e["article"].get("stored") or "" for e in incident["events"]), default="") or None
    row = acled_row(record, source="; ".join(incident["outlets"]), stored=stored, event_id=incident["id"])
    figures = incident["fatalities"]
    notes = [first["notes"] or ""]
    if figures["reported"]:
        said = "; ".join(f"{f['outlet']}: {f['figure']}" for f in figures["reported"])
        notes.append(f"Fatalities reported {figures['low']}-{figures['high']} ({said}).")
    notes.append(f"{incident['sources']} independent source(s), {incident['articles']} article(s).")
    row["notes"] = " ".join(n for n in notes if n)
    return row


def _outlets(article: dict[str, Any]) -> str:
    return "; ".join(o for o in str(article.get("outlets") or article.get("outlet") or "").split(",") if o)
