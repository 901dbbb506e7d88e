"""Filtered reads of a large store (issues 14 and 15): the events listing's bbox + date pages, and the
map's counts with an actor, search words or `min_sources`, in process, warm.

Run: .venv/bin/python bench/reads.py --db big.db [--queries 300] [--repeat 5] [--incidents] [--part incidents]
- pages: bench/api.py's queries (a 1-4 degree box around a real event's place, a 30-180 day range
  around its date), each as the store's listing of 101 (`list_events`, SQL and records read back)
  and through the app in process (`/api/events`, 100 a page): median and 95th percentile;
- map: the grid (zoom 6) and the monthly timeline the page asks for its first view (an 18 degree box
  around the densest cell of zoom 4) with actor "government", words "hospital", `min_sources=2`:
  best / median / worst of `--repeat`, and the events counted.
- incidents: `list_incidents` (101 a page, members read) of 24 cases: a box of +-0.5 or +-2 degrees
  around Aleppo, Damascus or Raqqa, actor "nusra" or "civilians", all time or 2016's first half;
  median of `--repeat` (each case's runs in a row), the incidents found and a hash of their ids;
  `--walk yes|no` forces the store's plan (a branch without the choice: leave it out).
`--incidents` first gives a store without incidents (bench/bigstore.py's has none) synthetic ones:
each 4th article's first 10 events form one incident of 1, 2 or 3 sources in turn. It writes to the
store: use a copy.
"""

from __future__ import annotations

import argparse
import hashlib
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
CITIES = {"Aleppo": (36.20, 37.16), "Damascus": (33.51, 36.29), "Raqqa": (35.95, 39.01)}


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


def incident_cases() -> dict[str, EventFilters]:
    """bench/reads.py's incidents cases: 3 places x 2 boxes x 2 actors x 2 periods."""
    cases = {}
    for city, (lat, lon) in CITIES.items():
        for half in (0.5, 2.0):
            for actor in ("nusra", "civilians"):
                for since, until in ((None, None), ("2016-01-01", "2016-06-30")):
                    box = Box(lon - half, lat - half, lon + half, lat + half)
                    name = f"{city} +-{half} {actor} {'2016H1' if since else 'all'}"
                    cases[name] = EventFilters(area=box, actor=actor_names(actor), since=since, until=until)
    return cases


def incident_reads(store: Store, repeat: int, walk: str | None) -> dict[str, Any]:
    options = {} if walk is None else {"walk": walk == "yes"}
    found: dict[str, Any] = {}
    for name, filters in incident_cases().items():
        times, ids = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            ids = [row["id"] for row in store.list_incidents(filters, limit=101, **options)]
            times.append(time.perf_counter() - start)
        digest = hashlib.sha1("\n".join(ids).encode()).hexdigest()[:8]
        found[name] = {"median_ms": round(statistics.median(times) * 1000), "incidents": len(ids), "ids": digest}
        print(name, found[name], file=sys.stderr, flush=True)
    medians = sorted(case["median_ms"] for case in found.values())
    found["all"] = {"median_ms": statistics.median(medians), "slowest_ms": medians[-1]}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--incidents", action="store_true", help="first add synthetic incidents (writes to the store)")
    parser.add_argument("--part", choices=("pages", "map", "both", "incidents"), default="both")
    parser.add_argument("--walk", choices=("yes", "no"), help="incidents: force the plan")
    args = parser.parse_args()
    with open_store(args.db) as store:
        if args.incidents:
            print("synthetic incident events:", add_incidents(store), file=sys.stderr)
        if args.part in ("map", "both"):
            print("map (grid zoom 6 and monthly timeline):", json.dumps(map_reads(store, args.repeat), indent=1))
        if args.part == "incidents":
            print("incidents (list_incidents, 101):", json.dumps(incident_reads(store, args.repeat, args.walk), indent=1))
    if args.part in ("pages", "both"):
        urls = queries(args.db, args.queries)
        print("pages (bbox + date range, list_events, 101 a page):", json.dumps(store_latency(args.db, urls)))
        print("pages through the app (/api/events, TestClient, limit 100):", json.dumps(latency(args.db, urls)))


if __name__ == "__main__":
    main()
