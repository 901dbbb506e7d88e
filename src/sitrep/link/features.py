"""One article's story features: a bag of (channel, token) counts, each channel weighted.

Channels: the content words of the whole text, the content words of the lead (title and first two
sentences, where news states its seminal event), names (capitalised runs not opening a sentence, and
their words), and the signals sitrep extracts: resolved places (id, backing off to admin1 and country
at lower weight), actors, event sub-types, and dates (the ISO week of publication and of each
current event). The text channels work alone; the extracted ones need `Signals`, read from a fresh
`Analysis` or from what the store kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..process import Analysis

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|\d+")
# a capitalised run that does not open a sentence, a line or the text
NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z][A-Za-z'\-]+(?:[ \t]+[A-Z][A-Za-z'\-]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
LEAD_SENTENCES = 2
BACKOFF = {"admin1": 0.5, "country": 0.25}  # a shared province or country is weaker evidence than a shared town


@dataclass(frozen=True)
class Channels:
    """How much each channel weighs in the similarity (0 switches a channel off)."""

    words: float = 1.0
    lead: float = 1.0
    names: float = 1.0
    places: float = 0.5
    actors: float = 0.5
    subtypes: float = 0.3
    dates: float = 0.3

    def weights(self) -> dict[str, float]:
        """Channel name -> weight."""
        return {name: getattr(self, name) for name in Channels.__dataclass_fields__}


TEXT_ONLY = Channels(places=0.0, actors=0.0, subtypes=0.0)  # words and names only: no analysis needed

Profile = dict[tuple[str, str], float]  # (channel, token) -> count, backoff tokens counted fractionally


def content_words(text: str) -> list[str]:
    """Lowercased words that are not stop words; of numbers, only four-digit ones (years)."""
    out = []
    for word in WORD.findall(text):
        lower = word.lower()
        if word.isdigit() and len(word) != 4 or lower in STOP_WORDS:
            continue
        out.append(lower)
    return out


def names(text: str) -> list[str]:
    """Each capitalised run's words and, for runs of several words, the whole run."""
    out: list[str] = []
    for match in NAME.finditer(text):
        words = [w.lower() for w in match.group().split() if w.lower() not in STOP_WORDS]
        out += words
        if len(words) > 1:
            out.append(" ".join(words))
    return out


def lead(text: str, title: str | None = None) -> str:
    """The title (when given apart from the text) and the text's first sentences."""
    sentences = [s for s in SENTENCE_END.split(text.strip()) if s]
    return " ".join(([title] if title else []) + sentences[:LEAD_SENTENCES])


@dataclass(frozen=True)
class Signals:
    """What sitrep read from an article, as far as story features use it: resolved places (id,
    admin1, country), event sub-types, actors (catalogue id, else the lowercased name) and the days of
    current (not historical) events."""

    places: tuple[tuple[str | None, str | None, str | None], ...] = ()
    sub_event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_days: tuple[date, ...] = ()

    @classmethod
    def of(cls, analysis: Analysis) -> Signals:
        """From a fresh analysis."""
        events = analysis.events
        return cls(
            tuple((p.id, p.admin1, p.country) for p in analysis.places if p.resolved),
            tuple(e.sub_event_type for e in events),
            tuple(a.actor_id or a.name.lower() for e in events for a in (e.actor1, e.actor2, *e.assoc_actors) if a is not None),
            tuple(e.date for e in events if e.date is not None and not e.historical),
        )

    @classmethod
    def stored(cls, places: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]) -> Signals:
        """From the store's place rows and event records (`Store.places`, the events' JSON)."""
        actors = [a for e in events for a in (e["actor1"], e["actor2"], *e["assoc_actors"]) if a]
        return cls(
            tuple((p["place_id"], p["admin1"], p["country"]) for p in places if p["resolved"]),
            tuple(e["sub_event_type"] for e in events),
            tuple(a.get("id") or a["name"].lower() for a in actors),
            tuple(date.fromisoformat(e["event_date"]) for e in events if e["event_date"] and not e["historical"]),
        )


def profile(
    text: str, title: str | None = None, published: date | None = None, signals: Signals | None = None
) -> Profile:
    """The article's features; `signals` add places, actors, event sub-types and event weeks."""
    bag: defaultdict[tuple[str, str], float] = defaultdict(float)
    full = f"{title}\n{text}" if title else text
    for channel, tokens in (("words", content_words(full)), ("lead", content_words(lead(text, title))), ("names", names(full))):
        for token in tokens:
            bag[(channel, token)] += 1
    for day in ([published] if published else []) + list(signals.event_days if signals else ()):
        year, week, _ = day.isocalendar()
        bag[("dates", f"{year}-W{week:02d}")] += 1
    if signals is not None:
        _extracted(bag, signals)
    return dict(bag)


def _extracted(bag: defaultdict[tuple[str, str], float], signals: Signals) -> None:
    for place_id, admin1, country in signals.places:
        if place_id:
            bag[("places", place_id)] += 1
        if admin1 and country:
            bag[("places", f"admin1:{country}:{admin1}")] += BACKOFF["admin1"]
        if country:
            bag[("places", f"country:{country}")] += BACKOFF["country"]
    for sub_event_type in signals.sub_event_types:
        bag[("subtypes", sub_event_type)] += 1
    for actor in signals.actors:
        bag[("actors", actor)] += 1
