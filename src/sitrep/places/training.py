"""Fitting the ranker's weights to gold toponyms (`bench/ranker.py`, `make ranker`).

Each gold mention becomes one choice among its readings, as the resolver sees them in its article:
the right one is the reading with the gold's GeoNames id, else the nearest within `KM` of the gold
point. A name that may have no place (`resolve.Readings`) may also choose "none of these" (a row of
its own), which is the right answer when no reading is near the gold. The model is a conditional
logit: the probability of a reading is its score's softmax over the mention's choices; the weights
minimise the mean negative log likelihood plus an L2 penalty on their distance from the hand-set
ones (a feature the gold never shows, such as a curated feature's kind, keeps its hand-set weight),
by full-batch gradient descent (Adam). The features of the article's context come from the passes
of the resolver under the weights being fitted, so fitting runs in rounds: features under the
previous weights, then new weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .gazetteer import Gazetteer
from .ranker import FEATURES, HAND_RANKER, Ranker
from .relative import distance_km
from .resolve import Mention, Readings, readings

KM = 161.0
NONE = "none_of_these"
COLUMNS = (*FEATURES, NONE)
# The pull to the hand-set weights: held-out LGL and GeoVirus are alike from 0.01 up, and weaker pulls
# let US local news teach a lone "Palmyra" as Palmyra, Pennsylvania (docs/BENCHMARKS.md).
L2 = 0.1
STEPS = 1500
RATE = 0.05


@dataclass(frozen=True)
class Choice:
    """One gold mention's choices (a row of feature values each) and the index of the right one."""

    rows: np.ndarray
    right: int


def right_reading(found: Readings, gold: dict[str, Any]) -> int | None:
    """The index of the reading the gold means: its GeoNames id, else the nearest within KM."""
    if gold.get("geonameid"):
        for index, (match, _) in enumerate(found.options):
            if match.entry.geonameid is not None and str(match.entry.geonameid) == str(gold["geonameid"]):
                return index
    near = [(distance_km(m.entry.lat, m.entry.lon, gold["lat"], gold["lon"]), i) for i, (m, _) in enumerate(found.options)]
    km, index = min(near, default=(float("inf"), -1))
    return index if km <= KM else None


def choices(text: str, golds: Sequence[dict[str, Any]], gazetteer: Gazetteer, ranker: Ranker) -> list[Choice]:
    """The choices of one article's gold mentions (those with a point), under the ranker's passes."""
    mentions = [Mention(g["start"], g["end"], text[g["start"] : g["end"]]) for g in golds]
    found: list[Choice] = []
    for gold, options in zip(golds, readings(text, mentions, gazetteer, ranker), strict=True):
        if gold.get("lat") is None or not options.options:
            continue
        values = [{feature: value for feature, value, _ in parts} for _, parts in options.options]
        rows = [[row.get(name, 0.0) for name in COLUMNS] for row in values]
        right = right_reading(options, gold)
        if options.may_decline:
            rows.append([1.0 if name == NONE else 0.0 for name in COLUMNS])
            right = len(rows) - 1 if right is None else right
        if right is not None and len(rows) > 1:
            found.append(Choice(np.array(rows, dtype=float), right))
    return found


def fit(data: Sequence[Choice], start: Ranker = HAND_RANKER, l2: float = L2, steps: int = STEPS) -> Ranker:
    """Weights that make the right choices likely (see the module's docstring)."""
    x = np.vstack([c.rows for c in data])
    sizes = np.array([len(c.rows) for c in data])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(data)), sizes)
    right = starts + np.array([c.right for c in data])
    prior = np.array([HAND_RANKER.weights.get(name, 0.0) for name in FEATURES] + [0.0])
    free = np.array([1.0] * len(FEATURES) + [0.0])  # "none of these" has no hand-set value to stay near
    w = np.array([start.weights.get(name, 0.0) for name in FEATURES] + [start.none or 0.0])
    moment, second = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        scores = x @ w
        scores -= np.maximum.reduceat(scores, starts)[group]
        odds = np.exp(scores)
        p = odds / np.add.reduceat(odds, starts)[group]
        p[right] -= 1.0
        gradient = x.T @ p / len(data) + 2 * l2 * (w - prior) * free
        moment = 0.9 * moment + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        w -= RATE * (moment / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    weights = dict(zip(FEATURES, (float(v) for v in w[:-1]), strict=True))
    return Ranker(weights, float(w[-1]))

