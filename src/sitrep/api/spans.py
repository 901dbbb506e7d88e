"""Every place, actor and event span of a stored article, for highlighting its text."""

from __future__ import annotations

from typing import Any


def article_spans(places: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Place mentions, the events' actors and trigger words as `{start, end, kind, text, label, ref,
    events}`, sorted by start; a span several events share is listed once with all their ids."""
    found: dict[tuple[int, int, str], dict[str, Any]] = {}

    def add(start: int, end: int, kind: str, text: str, label: Any, ref: Any, event: str | None) -> None:
        span = found.setdefault(
            (start, end, kind),
            {"start": start, "end": end, "kind": kind, "text": text, "label": label, "ref": ref, "events": []},
        )
        if event is not None and event not in span["events"]:
            span["events"].append(event)

    for place in places:
        add(place["span_start"], place["span_end"], "place", place["text"], place["name"], place["place_id"], None)
    for event in events:
        for actor in (event.get("actor1"), event.get("actor2"), *event.get("assoc_actors", [])):
            if actor and actor.get("start") is not None:
                add(actor["start"], actor["end"], "actor", actor["text"], actor["name"], actor.get("id"), event["id"])
        trigger = event.get("trigger")
        if trigger:
            add(trigger["start"], trigger["end"], "event", trigger["text"], event["sub_event_type"], event["modality"], event["id"])
    return sorted(found.values(), key=lambda s: (s["start"], s["end"], s["kind"]))
