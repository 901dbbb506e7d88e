"""Stories in the store: each newly stored article joins the story it is most like, or starts one.

1. The article's profile (`features.profile`: words, lead, names, places, actors, sub-types, weeks) is
   counted into the store's document frequencies, weighted as in `stories.weighted_rows` with the
   store's idf as it stands then, L2-normalised, and stored so, with its selective keys (resolved
   places, several-word names, actors, lead words). Stored weights are not revisited: the cost of a
   new article does not depend on the size of the store (streaming TF-IDF).
2. Candidates: the `MAX_CANDIDATES` stored articles sharing most keys with it, published within
   `max_days` of it (a block by date and by what it names; never a scan of the store).
3. Its similarity to each candidate: the dot product of the two stored weightings, times the
   publication-date guard.
4. It joins the story whose candidates are on average most like it, when that average reaches
   `STORE_THRESHOLD` (chosen on ECB+ train with this very procedure, bench/link.py); else it starts
   its own story, named after it. A near duplicate of a stored article (`ingest.dedup`) joins that
   article's story whatever the average, and an undated copy moves to its dated copy's story (the one
   case where a stored article moves). A dated article only joins a story dated within `max_days` of it.

Articles are taken in the order they are stored, so ingesting in parts gives the stories ingesting at
once gives. This is a single pass: a placed article stays (undated copies aside), so an early article
may start a story a later one would have joined. `sitrep cluster` (average link over a whole batch,
second-order similarity) groups a closed batch better; see docs/BENCHMARKS.md.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..store import Store
from .features import BACKOFF, Channels, Signals, profile
from .stories import StoryParams, guard, idf, term_weight

STORE_THRESHOLD = 0.18  # chosen on ECB+ train (bench/link.py --part stories)
MAX_CANDIDATES = 200
KEY_CHANNELS = frozenset({"places", "names", "actors", "lead"})
BACKOFF_PREFIXES = tuple(f"{level}:" for level in BACKOFF)


@dataclass(frozen=True)
class Placed:
    """Where an article went: its story, and its average similarity to it (None for a new story, or
    for a copy whose story shared no key with it)."""

    story_id: str
    similarity: float | None


def add_article(
    store: Store,
    article_id: str,
    text: str,
    title: str | None,
    published: date | None,
    signals: Signals | None,
    params: StoryParams | None = None,
    threshold: float = STORE_THRESHOLD,
) -> Placed:
    """File a newly stored article in a story (inside the caller's transaction)."""
    params = params or StoryParams()
    bag = {_key(k): v for k, v in profile(text, title, published, signals).items() if _weighted(k, params.channels)}
    keys = sorted(k for k in bag if _selective(k))
    mine = _weigh(store, bag, params.channels)
    average = _averages(store, mine, keys, published, params)
    copies = store.copies(article_id)
    reached = [c["story_id"] for c in copies if _reaches(published, c["first_published"], c["last_published"], params)]
    best = min(average, key=lambda story: (-average[story], story), default=None)
    if reached:
        placed = Placed(reached[0], _rounded(average.get(reached[0])))
    elif best is not None and average[best] >= threshold:
        placed = Placed(best, _rounded(average[best]))
    else:
        placed = Placed(article_id, None)
    day = published.toordinal() if published else None
    iso = published.isoformat() if published else None
    store.add_story_member(article_id, placed.story_id, day, mine, keys, placed.similarity, iso)
    if day is not None:
        for copy in copies:
            if copy["day"] is None:
                store.move_undated_member(copy["article_id"], placed.story_id)
    return placed


def _weigh(store: Store, bag: dict[str, float], channels: Channels) -> dict[str, float]:
    """Count the profile into the store's document frequencies, then weigh it with them, L2-normalised."""
    documents = store.add_story_terms(bag)
    frequency = store.story_df(sorted(bag))
    weights = channels.weights()
    raw = {k: term_weight(c, idf(documents, frequency.get(k, 1)), weights[k.split(":", 1)[0]]) for k, c in bag.items()}
    norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
    return {k: round(w / norm, 5) for k, w in raw.items()}


def _averages(
    store: Store, mine: dict[str, float], keys: Sequence[str], published: date | None, params: StoryParams
) -> dict[str, float]:
    """Story id -> the average (date-guarded) similarity of the article to that story's candidates."""
    day = published.toordinal() if published else None
    days = None if day is None else (day - params.max_days, day + params.max_days)
    totals: defaultdict[str, list[float]] = defaultdict(list)
    for member in store.story_candidates(keys, days, MAX_CANDIDATES):
        if _reaches(published, member["first_published"], member["last_published"], params):
            theirs = member["profile"]
            similarity = sum([w * theirs[k] for k, w in mine.items() if k in theirs]) * _guard(day, member["day"], params)
            totals[member["story_id"]].append(similarity)
    return {story: sum(s) / len(s) for story, s in totals.items()}


def separate_title(title: str | None, title_span: object | None) -> str | None:
    """The title to add to the text's own words: none when the title stands in the text (its span)."""
    return None if title_span else title


def _rounded(similarity: float | None) -> float | None:
    return None if similarity is None else round(similarity, 4)


def _key(feature: tuple[str, str]) -> str:
    return f"{feature[0]}:{feature[1]}"


def _weighted(feature: tuple[str, str], channels: Channels) -> bool:
    return getattr(channels, feature[0], 0.0) > 0


def _selective(key: str) -> bool:
    """Keys that find candidates: specific places (not the province or country backoff), several-word
    names, actors and the lead's words."""
    channel, token = key.split(":", 1)
    if channel not in KEY_CHANNELS:
        return False
    if channel == "places":
        return not token.startswith(BACKOFF_PREFIXES)
    return channel != "names" or " " in token


def _reaches(published: date | None, first: str | None, last: str | None, params: StoryParams) -> bool:
    """A dated article joins a dated story only within `max_days` of its dates: an undated member
    (comparable with any day) must not carry a story across months."""
    if published is None or first is None or last is None:
        return True
    reach = timedelta(days=params.max_days)
    return date.fromisoformat(first) - reach <= published <= date.fromisoformat(last) + reach


def _guard(a: int | None, b: int | None, params: StoryParams) -> float:
    return 1.0 if a is None or b is None else float(guard(abs(a - b), params))


def list_stories(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 1,
    limit: int | None = None,
    after: Sequence[Any] | None = None,
) -> list[dict[str, Any]]:
    """Stories, latest first: id (its first article's), first and last publication date, how many
    articles, their outlets, the first article's title, and the member articles, earliest first."""
    found = store.list_stories(since=since, until=until, min_articles=min_articles, limit=limit, after=after)
    for story in found:
        members = story["members"]
        story["outlets"] = sorted({m["outlet"] for m in members if m["outlet"]})
        story["title"] = next((m["title"] for m in members if m["id"] == story["id"]), members[0]["title"])
    return found
