"""Filtered reads of a large store (issues 14 and 15): the events listing's bbox + date pages, and the
map's counts with an actor, search words or `min_sources`, in process, warm.

Run: .venv/bin/python bench/reads.py --db big.db [--queries 300] [--repeat 5] [--incidents]
- pages: bench/api.py's queries (a 1-4 degree box around a real event's place, a 30-180 day range
  around its date), each as the store's listing of 101 (`list_events`, SQL and records read back)
  and through the app in process (`/api/events`, 100 a page): median and 95th percentile;
- map: the grid (zoom 6) and the monthly timeline the page asks for its first view (an 18 degree box
  around the densest cell of zoom 4) with actor "government", words "hospital", `min_sources=2`:
  best / median / worst of `--repeat`, and the events counted.
`--incidents` first gives a store without incidents (bench/bigstore.py's has none) synthetic ones:
each 4th article's first 10 events form one incident of 1, 2 or 3 sources in turn. It writes to the
store: use a copy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from api import latency, queries, store_latency

from sitrep.filter_values import actor_names
from sitrep.store import Store, open_store
from sitrep.store.search import Box
from sitrep.store.sqlite import EventFilters

VIEW_DEGREES = 18.0


def add_incidents(store: Store) -> int:
    """Synthetic incidents for a store that has none; the events they hold."""
    if store.count_rows("incidents"):
        return 0
    with store.transaction():
        store._db.execute(
            "INSERT INTO incidents (id, event_type, sub_event_type, first_date, last_date, events, articles, sources)"
            " SELECT substr(id, 1, 12) || '-0', 'Battles', 'Armed clash', '2016-01-01', '2016-01-01', 10, 1,"
            " 1 + (rowid / 4) % 3 FROM articles WHERE rowid % 4 = 0"
        )
        store._db.execute(
            "INSERT INTO incident_events (article_id, n, incident_id, why)"
            " SELECT e.article_id, e.n, substr(e.article_id, 1, 12) || '-0', '[]' FROM events e"
            " JOIN articles a ON a.id = e.article_id WHERE a.rowid % 4 = 0 AND e.n < 10"
        )
    return store.count_rows("incident_events")


def first_view(store: Store) -> Box:
    """An 18 degree box around the centre of the densest cell of zoom 4."""
    y, x = store._db.execute(
        "SELECT y, x FROM event_cells WHERE level = 4 GROUP BY y, x ORDER BY SUM(events) DESC LIMIT 1"
    ).fetchone()
    size = 90 / 2**4
    lon, lat = (x + 0.5) * size - 180, (y + 0.5) * size - 90
    half = VIEW_DEGREES / 2
    return Box(lon - half, lat - half, lon + half, lat + half)


def timed(call: Callable[[], int], repeat: int) -> dict[str, Any]:
    times, counted = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        counted = call()
        times.append(time.perf_counter() - start)
    return {"best_s": round(min(times), 3), "median_s": round(statistics.median(times), 3), "worst_s": round(max(times), 3), "events": counted}


def map_reads(store: Store, repeat: int) -> dict[str, Any]:
    view = first_view(store)
    cases = {
        "actor=government": (EventFilters(area=view, actor=actor_names("government")), 1),
        "q=hospital": (EventFilters(area=view, text="hospital"), 1),
        "min_sources=2": (EventFilters(area=view), 2),
    }
    found: dict[str, Any] = {"view": [round(v, 4) for v in (view.west, view.south, view.east, view.north)]}
    for name, (filters, min_sources) in cases.items():
        found[f"grid {name}"] = timed(lambda: int(store.grid(filters, 6, min_sources=min_sources)["total"]), repeat)
        whole = replace(filters, area=None)

        def months() -> int:
            answer = store.timeline(whole, "month", min_sources=min_sources)
            return sum(sum(b["counts"].values()) for b in answer["buckets"]) + sum(answer["undated"].values())

        found[f"timeline {name}"] = timed(months, repeat)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--incidents", action="store_true", help="first add synthetic incidents (writes to the store)")
    parser.add_argument("--part", choices=("pages", "map", "both"), default="both")
    args = parser.parse_args()
    with open_store(args.db) as store:
        if args.incidents:
            print("synthetic incident events:", add_incidents(store), file=sys.stderr)
        if args.part in ("map", "both"):
            print("map (grid zoom 6 and monthly timeline):", json.dumps(map_reads(store, args.repeat), indent=1))
    if args.part in ("pages", "both"):
        urls = queries(args.db, args.queries)
        print("pages (bbox + date range, list_events, 101 a page):", json.dumps(store_latency(args.db, urls)))
        print("pages through the app (/api/events, TestClient, limit 100):", json.dumps(latency(args.db, urls)))


if __name__ == "__main__":
    main()
