"""Event records scored against records coded by hand (ACLED's rules), as an analyst judges them.

A system record matches a gold record of the same article when the event types agree, the places
lie within 50 km (or both are region-level in one province) and the dates are within a day (or the
gold date is unknown). Pairs are chosen to match as many records as possible, the best
among equals (same sub-type, nearer, closer in date), each gold record at most once; a system record that could match only an already matched gold record
is a duplicate. Reported: record precision, recall, duplicate share, and on matched pairs the share
right of each field. `bench/records.py` prints these; `tests/test_accuracy_floors.py` holds floors.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy
from scipy.optimize import linear_sum_assignment
from unidecode import unidecode

from .places.relative import distance_km

if TYPE_CHECKING:
    from .places.gazetteer import Gazetteer

MATCH_KM = 50.0
PLACE_KM = 25.0
FIELDS = ("sub_event_type", "actor1", "actor2", "place", "date", "fatalities", "modality")

Record = Mapping[str, Any]
SameProvince = Callable[[Record, Record], bool]  # (gold, system): both region-level in one province


@dataclass
class RecordScores:
    """Counts over a set of articles; the figures are properties."""

    system: int = 0
    gold: int = 0
    matched: int = 0
    duplicates: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    pairs: list[tuple[str, Record, Record]] = field(default_factory=list)  # (article id, gold, system)
    unmatched_system: list[tuple[str, Record]] = field(default_factory=list)
    unmatched_gold: list[tuple[str, Record]] = field(default_factory=list)
    duplicate_records: list[tuple[str, Record]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def duplicate_share(self) -> float:
        return self.duplicates / self.system if self.system else 0.0

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.matched if self.matched else 0.0

    def line(self) -> str:
        fields = ", ".join(f"{name} {self.accuracy(name):.1%}" for name in FIELDS)
        return (
            f"{self.system} system records for {self.gold} gold: precision {self.precision:.1%}, "
            f"recall {self.recall:.1%}, duplicates {self.duplicate_share:.1%}; on {self.matched} matched: {fields}"
        )


def score_records(
    gold: Mapping[str, Sequence[Record]], system: Mapping[str, Sequence[Record]], same_province: SameProvince
) -> RecordScores:
    """Scores of `system` records (event JSON objects, by article id) against `gold` (GUIDELINES fields)."""
    scores = RecordScores()
    for article, gold_records in gold.items():
        _score_article(article, list(gold_records), list(system.get(article, ())), same_province, scores)
    return scores


def _score_article(article: str, gold: list[Record], system: list[Record], same_province: SameProvince,
                   scores: RecordScores) -> None:  # fmt: skip
    scores.gold += len(gold)
    scores.system += len(system)
    candidates = {}
    for g, gold_record in enumerate(gold):
        for s, record in enumerate(system):
            quality = _match(gold_record, record, same_province)
            if quality is not None:
                candidates[g, s] = quality
    taken_gold: set[int] = set()
    taken_system: set[int] = set()
    for g, s in _assign(candidates, len(gold), len(system)):
        taken_gold.add(g)
        taken_system.add(s)
        scores.matched += 1
        scores.pairs.append((article, gold[g], system[s]))
        for name in FIELDS:
            scores.right[name] += field_right(name, gold[g], system[s])
    could_match = {s for _, s in candidates}
    for s, record in enumerate(system):
        if s in taken_system:
            continue
        if s in could_match:
            scores.duplicates += 1
            scores.duplicate_records.append((article, record))
        else:
            scores.unmatched_system.append((article, record))
    scores.unmatched_gold += [(article, r) for g, r in enumerate(gold) if g not in taken_gold]


def _assign(candidates: dict[tuple[int, int], tuple[int, float, int]], golds: int, systems: int) -> list[tuple[int, int]]:
    """The most pairs possible, and among those the best (same sub-type, nearer, closer in date)."""
    if not candidates:
        return []
    cost = numpy.full((golds, systems), 1e6)
    for (g, s), (other_type, km, days) in candidates.items():
        cost[g, s] = other_type * 100 + km + days * 10
    rows, cols = linear_sum_assignment(cost)
    return [(int(g), int(s)) for g, s in zip(rows, cols) if (g, s) in candidates]


def _match(gold: Record, system: Record, same_province: SameProvince) -> tuple[int, float, int] | None:
    """How well a system record matches a gold one (lower is better), or None when it does not."""
    if gold["event_type"] != system.get("event_type"):
        return None
    km = _km(gold, system)
    if not (km is not None and km <= MATCH_KM) and not same_province(gold, system):
        return None
    days = _days(gold.get("date"), system.get("event_date"))
    if gold.get("date") is not None and (days is None or days > 1):
        return None
    return (gold["sub_event_type"] != system.get("sub_event_type"), km if km is not None else MATCH_KM, days or 0)


def _km(gold: Record, system: Record) -> float | None:
    if None in (gold.get("lat"), gold.get("lon"), system.get("latitude"), system.get("longitude")):
        return None
    return distance_km(gold["lat"], gold["lon"], system["latitude"], system["longitude"])


def _days(gold: str | None, system: str | None) -> int | None:
    if gold is None or system is None:
        return None
    return abs((date.fromisoformat(gold) - date.fromisoformat(system)).days)


def field_right(name: str, gold: Record, system: Record) -> bool:
    if name == "sub_event_type":
        return bool(gold["sub_event_type"] == system.get("sub_event_type"))
    if name in ("actor1", "actor2"):
        return actor_matches(gold.get(name) or [], system.get(name))
    if name == "place":
        km = _km(gold, system)
        return km is not None and km <= PLACE_KM
    if name == "date":
        return gold.get("date") is None or gold["date"] == system.get("event_date")
    if name == "fatalities":
        return bool(gold.get("fatalities") == system.get("fatalities"))
    return bool(gold.get("modality") == system.get("modality"))


def actor_matches(names: Sequence[str], actor: Record | None) -> bool:
    """A system actor matches when its name or its words overlap one of the gold names; no actor
    matches an empty gold list."""
    if actor is None:
        return not names
    mine = [_words(actor.get("name") or ""), _words(actor.get("text") or "")]
    return any(m and g and (m in g or g in m) for m in mine for g in map(_words, names))


def _words(text: str) -> str:
    """Lower-case words joined by single spaces, accents and punctuation gone, padded for whole-word tests."""
    words = re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).split()
    return f" {' '.join(words)} " if words else ""


def province_test(gazetteer: Gazetteer) -> SameProvince:
    """Whether a gold and a system record are both region-level in one province: the gold admin1
    name looked up in the place index, against the system place's admin1 code."""
    codes: dict[tuple[str, str], frozenset[str]] = {}

    def same(gold: Record, system: Record) -> bool:
        place = system.get("place") or {}
        if gold.get("geo_precision") != 3 or system.get("geo_precision") != 3 or not gold.get("admin1"):
            return False
        key = (gold.get("country") or "", gold["admin1"])
        if key not in codes:
            found = gazetteer.lookup(key[1])
            codes[key] = frozenset(m.entry.admin1_code for m in found if m.entry.kind == "admin1"
                                   and m.entry.country == key[0] and m.entry.admin1_code)  # fmt: skip
        return place.get("admin1_code") in codes[key]

    return same


def split_half(item_id: str, salt: str = "") -> str:
    """"tune" or "confirm": a fixed split of items by a hash of the id (with `salt` where a set was
    itself cut from a larger one by the plain hash), so rules are tuned on one half and confirmed on
    the other."""
    digest = hashlib.sha1(f"{salt}{item_id}".encode("utf-8")).hexdigest()
    return "tune" if int(digest, 16) % 2 == 0 else "confirm"
