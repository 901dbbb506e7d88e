"""A synthetic store of a million events for the map's bench, made of the demo store's real ones.

The one builder of the benches' synthetic stores (bench/api.py builds its 100,000 with `build` too):
each demo article is copied with a new id and its events are inserted through the store API (so the
R*Tree, full-text index and the map's running totals are filled by the ingest triggers). Here a
copied article holds its events `--repeat` times over (fewer articles to store for as many events),
each copy of an event with its own date shift (up to ±700 days) and its point moved up to 0.3
degrees. No incidents or claims: nothing is linked.

Run: .venv/bin/python bench/bigstore.py --demo demo.db --out big.db [--events 1000000] [--repeat 8]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.models import Article
from sitrep.store import Store, open_store

SHIFT_DAYS = 700
JITTER = 0.3


def _moved(record: dict[str, Any], rng: random.Random, shift: timedelta | None) -> dict[str, Any]:
    """The event on another day (by `shift`, or its own shift within SHIFT_DAYS) and up to JITTER
    degrees away."""
    record = dict(record)
    if record["event_date"]:
        by = shift if shift is not None else timedelta(days=rng.randint(-SHIFT_DAYS, SHIFT_DAYS))
        record["event_date"] = (date.fromisoformat(record["event_date"]) + by).isoformat()
    if record["latitude"] is not None:
        record["latitude"] = max(-90.0, min(90.0, record["latitude"] + rng.uniform(-JITTER, JITTER)))
        record["longitude"] = max(-180.0, min(180.0, record["longitude"] + rng.uniform(-JITTER, JITTER)))
    return record


def _copy(
    store: Store, article: dict[str, Any], records: list[dict[str, Any]], n: int, rng: random.Random, shift_articles: bool
) -> None:  # fmt: skip
    shift = timedelta(days=rng.randint(-SHIFT_DAYS, SHIFT_DAYS)) if shift_articles else None
    new_id = hashlib.sha256(f"{article['id']}-{n}".encode()).hexdigest()[:16]
    published = date.fromisoformat(article["published"]) + (shift or timedelta()) if article["published"] else None
    store.add_article(
        Article(new_id, article["title"], article["text"], article["kind"], published, article["published_from"],
                article["outlet"], article["url"], ())
    )  # fmt: skip
    store.add_events(new_id, [_moved(record, rng, shift) for record in records])


def build(
    demo: Path, target: Path, events: int, repeat: int = 1, *, shift_articles: bool = False, progress: bool = True,
    seed: int = 7,
) -> tuple[int, float]:  # fmt: skip
    """Copies of the demo's articles, each with its events `repeat` times, until `events` are
    stored; (articles, seconds). `shift_articles`: each copied article moved by one date shift, its
    publication date and its events alike (bench/api.py), not each event by its own; `progress`: a
    line on stderr after each transaction."""
    rng = random.Random(seed)
    with open_store(demo) as source:
        originals = [(source.get_article(row["id"]), source.article_events(row["id"])) for row in source.list_articles()]
    originals = [(a, [json.loads(row["record"]) for row in rows] * repeat) for a, rows in originals if rows]
    start, stored, articles = time.perf_counter(), 0, 0
    with open_store(target) as store:
        while stored < events:
            with store.transaction():
                for article, records in originals:
                    if stored >= events:
                        break
                    take = records[: events - stored]
                    _copy(store, article, take, articles, rng, shift_articles)
                    stored += len(take)
                    articles += 1
            if progress:
                print(f"{stored} events in {articles} articles, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return articles, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demo", type=Path, required=True, help="a store holding the ingested examples")
    parser.add_argument("--out", type=Path, required=True, help="the new store (must not exist)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=8, help="copies of each event in a copied article")
    args = parser.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists: give a new file")
    articles, seconds = build(args.demo, args.out, args.events, args.repeat)
    size = args.out.stat().st_size / 2**20
    print(f"store: {args.events} events in {articles} articles, built in {seconds:.0f} s, {size:.0f} MiB")


if __name__ == "__main__":
    main()
