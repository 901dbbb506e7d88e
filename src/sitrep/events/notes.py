"""The ACLED-style `notes` line: one sentence written from an event's fields, never from the article."""

from __future__ import annotations

from datetime import date

from ..models import ActorRef, Place

MODE_PREFIX = {
    "claimed": "Claimed: ",
    "predicted": "Predicted: ",
    "planned": "Planned: ",
    "hypothetical": "Hypothetical: ",
    "denied": "Denied: ",
    "negated": "Did not happen: ",
}


def write_notes(
    sub_event_type: str,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    place: Place | None,
    when: date | None,
    fatalities: int | None,
    modality: str,
    source: str | None,
) -> str:
    """"On 2017-08-05, Military Forces of Syria: government regains territory against Islamic State
    at As Sukhnah (Homs, SY). 0 fatalities reported. (According to Al-Masdar.)" """
    parts = [MODE_PREFIX.get(modality, "")]
    parts.append(f"On {when.isoformat()}, " if when else "On an unknown date, ")
    parts.append(f"{actor1.name if actor1 else 'unidentified actor'}: {sub_event_type.lower()}")
    if actor2:
        parts.append(f" against {actor2.name}")
    if place and place.name:
        area = ", ".join(x for x in (place.admin1, place.country) if x and x != place.name)
        parts.append(f" at {place.name}" + (f" ({area})" if area else ""))
    parts.append(".")
    if fatalities is not None:
        parts.append(f" {fatalities} fatalit{'y' if fatalities == 1 else 'ies'} reported.")
    if source:
        parts.append(f" According to {source}.")
    return "".join(parts)
