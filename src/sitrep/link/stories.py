"""Stories: a batch of articles grouped by the seminal event they report.

1. Each article's profile (`features.profile`) is weighted TF-IDF style: (1 + log count) x the
   token's smoothed inverse document frequency in the batch (+1) x its channel's weight; rows are L2-normalised
   and their dot products are the first-order similarity.
2. Second-order similarity: each article keeps only its `neighbours` most similar articles (and
   itself); two articles are alike when those neighbourhoods are (cosine of the pruned rows). This
   adapts to how tight each topic is: two earthquakes share many words with each other, yet each
   article's nearest neighbours are reports of its own earthquake.
   The similarity clustered on is the geometric mean of the two, so a pair needs some direct
   overlap too: neighbourhoods alone would chain distinct incidents of one kind together.
3. A date guard: two articles whose publication dates are both known and more than `window_days`
   apart are scaled down linearly, to nothing at `max_days` (a prior, not tuned: ECB+ has no dates).
4. Average-link agglomerative clustering cut at `threshold` (chosen on ECB+ train, bench/link.py).

The batch is held as dense n x n matrices (float32): fine for a few thousand articles; larger
collections are to be blocked first (by dates, places, actors) and clustered within blocks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..process import Analysis
from .features import Channels, Profile, Signals, profile
from .tuning import NEIGHBOURS as NEIGHBOURS
from .tuning import THRESHOLD as THRESHOLD

IDF_FLOOR = 1.0  # smoothed idf: words every article shares still count, so small batches work

Matrix = NDArray[np.float32]


@dataclass(frozen=True)
class StoryArticle:
    """One article to place in a story; `analysis` (places, events) is optional."""

    id: Any
    text: str
    title: str | None = None
    published: date | None = None
    analysis: Analysis | None = None

    def profile(self, channels: Channels) -> Profile:
        signals = Signals.of(self.analysis) if self.analysis is not None and _extracted_on(channels) else None
        return profile(self.text, self.title, self.published, signals)


@dataclass(frozen=True)
class StoryParams:
    """The knobs of `cluster_stories`; the defaults are the ones tuned on ECB+ train."""

    channels: Channels = field(default_factory=Channels)
    neighbours: int = NEIGHBOURS  # 0: first-order similarity only
    threshold: float = THRESHOLD  # average similarity at which two groups merge
    window_days: int = 7  # publication dates this close do not matter
    max_days: int = 30  # and this far apart keep two articles out of one story


def cluster_stories(articles: Sequence[StoryArticle], params: StoryParams | None = None) -> list[int]:
    """A story number for each article, in order; stories are numbered 1, 2, ... by first appearance."""
    params = params or StoryParams()
    similarity = story_similarity([a.profile(params.channels) for a in articles], params)
    similarity *= date_guard([a.published for a in articles], params)
    return cut(similarity, params.threshold)


def story_similarity(profiles: Sequence[Profile], params: StoryParams) -> Matrix:
    """The similarity `cut` clusters on: first-order, then second-order when `neighbours` > 0."""
    rows = weighted_rows(profiles, params.channels)
    first: Matrix = np.clip(rows @ rows.T, 0.0, None)
    if not params.neighbours:
        return first
    return np.sqrt(first * np.clip(second_order(first, params.neighbours), 0.0, None)).astype(np.float32)


def date_guard(published: Sequence[date | None], params: StoryParams) -> Matrix:
    """1 where a pair's publication dates are unknown or within the window, falling to 0 at `max_days`."""
    days = np.array([d.toordinal() if d else np.nan for d in published], dtype=np.float64)
    gap = np.abs(days[:, None] - days[None, :])
    return np.where(np.isnan(gap), 1.0, guard(gap, params)).astype(np.float32)


def guard(gap_days: Any, params: StoryParams) -> Any:
    """The date guard for a gap in days (a number or an array)."""
    span = max(params.max_days - params.window_days, 1)
    return np.clip(1.0 - (gap_days - params.window_days) / span, 0.0, 1.0)


def weighted_rows(profiles: Sequence[Profile], channels: Channels) -> Matrix:
    """One L2-normalised row per profile: (1 + log count) x batch idf x channel weight."""
    weights = channels.weights()
    document_frequency: dict[tuple[str, str], int] = {}
    for bag in profiles:
        for key in bag:
            if weights.get(key[0], 0.0) > 0:
                document_frequency[key] = document_frequency.get(key, 0) + 1
    column = {key: i for i, key in enumerate(document_frequency)}
    n = len(profiles)
    rows = np.zeros((n, len(column)), dtype=np.float32)
    for i, bag in enumerate(profiles):
        for key, count in bag.items():
            if key in column:
                rows[i, column[key]] = term_weight(count, idf(n, document_frequency[key]), weights[key[0]])
    return _normalised(rows)


def idf(documents: int, frequency: int) -> float:
    """Smoothed inverse document frequency of a feature `frequency` of `documents` profiles hold."""
    return math.log((1 + documents) / (1 + frequency)) + IDF_FLOOR


def term_weight(count: float, inverse_frequency: float, channel_weight: float) -> float:
    """A feature's weight in a profile: (1 + log count) x idf x its channel's weight (fractional
    backoff counts below 1 are taken as they are)."""
    return channel_weight * (1 + math.log(count) if count >= 1 else count) * inverse_frequency


def second_order(similarity: Matrix, neighbours: int) -> Matrix:
    """Cosine of the rows pruned to each article's `neighbours` nearest (the article itself kept)."""
    pruned = similarity.copy()
    np.fill_diagonal(pruned, 1.0)
    if neighbours + 1 < len(pruned):
        beyond = np.argsort(-pruned, axis=1, kind="stable")[:, neighbours + 1 :]
        np.put_along_axis(pruned, beyond, 0.0, axis=1)
    rows = _normalised(pruned)
    result: Matrix = rows @ rows.T
    return result


def cut(similarity: Matrix, threshold: float) -> list[int]:
    """Average-link clusters whose members are on average at least `threshold` alike."""
    n = len(similarity)
    if n < 2:
        return [1] * n
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - (similarity + similarity.T) / 2
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(np.clip(distance, 0.0, None), checks=False), method="average")
    labels = fcluster(tree, 1.0 - threshold, criterion="distance")
    numbers: dict[int, int] = {}
    return [numbers.setdefault(int(label), len(numbers) + 1) for label in labels]


def _normalised(rows: Matrix) -> Matrix:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def _extracted_on(channels: Channels) -> bool:
    return any((channels.places, channels.actors, channels.subtypes, channels.dates))
