"""HTTP API speed on a store of 100,000 events (SQLite; and PostgreSQL with `--postgres`).

The store is built from the demo store's real articles and events (`examples/`, ingested first unless
`--demo` names a store that has them): each article is copied with a new id and a date shift, its
events shifted the same and their points moved up to 0.3 degrees, inserted through the store API
(so the search indexes are filled by the same triggers as an ingest). Then:

1. latency: bounding box (1-4 degrees around a real event's place) + date range (30-180 days)
   queries of /api/events, 100 per page, through the app in process (FastAPI's TestClient):
   median and 95th percentile; and the same queries as the store's listing (`list_events`, the
   SQL and the records read back, without the HTTP and JSON around them);
2. throughput: `sitrep serve` in its own process on loopback, and a separate client process with
   several threads keeping connections open, sending the same kind of queries for a fixed time:
   requests per second.

With `--postgres URL` (a PostgreSQL database with PostGIS) the same store is copied there
(`sitrep export-store`'s copy, then ANALYZE; a database that holds a copy already is used as it is)
and measured the same way, beside the SQLite figures.

Run: .venv/bin/python bench/api.py [--demo demo.db] [--events 100000] [--seconds 15] [--workers 8]
     [--postgres postgresql://USER@HOST/DATABASE] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from bigstore import build

from sitrep.store import open_store
from sitrep.store.copy import copy_store
from sitrep.store.sqlite import EventFilters

ROOT = Path(__file__).resolve().parents[1]


def demo_store(path: Path | None, folder: Path) -> Path:
    if path is not None:
        return path
    from sitrep.pipeline import ingest

    made = folder / "demo.db"
    with open_store(made) as store:
        print(ingest([str(ROOT / "examples")], store).summary(), file=sys.stderr)
    return made


def queries(store_path: Path | str, count: int, seed: int = 11) -> list[str]:
    """bbox + date-range URLs around real events' places and dates."""
    rng = random.Random(seed)
    with open_store(store_path) as store:
        located = [e for e in store.list_events(EventFilters(), limit=5000) if e["latitude"] is not None and e["event_date"]]
    urls = []
    for _ in range(count):
        event = rng.choice(located)
        half = rng.uniform(0.5, 2.0)
        lat, lon = event["latitude"], event["longitude"]
        box = [max(-180, lon - half), max(-90, lat - half), min(180, lon + half), min(90, lat + half)]
        since = date.fromisoformat(event["event_date"]) - timedelta(days=rng.randint(0, 90))
        until = since + timedelta(days=rng.randint(30, 180))
        urls.append(f"/api/events?bbox={','.join(f'{v:.4f}' for v in box)}&since={since}&until={until}&limit=100")
    return urls


def store_latency(store_path: Path | str, urls: list[str]) -> dict[str, float]:
    """The queries of `urls` as the store's own listing, a page of 101 as the API asks."""
    from urllib.parse import parse_qs, urlsplit

    from sitrep.store.search import Box

    pages = []
    for url in urls:
        query = parse_qs(urlsplit(url).query)
        west, south, east, north = map(float, query["bbox"][0].split(","))
        pages.append(EventFilters(since=query["since"][0], until=query["until"][0], area=Box(west, south, east, north)))
    times = []
    with open_store(store_path) as store:
        for filters in pages[:20]:  # warm the caches
            store.list_events(filters, limit=101)
        for filters in pages:
            start = time.perf_counter()
            store.list_events(filters, limit=101)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"queries": len(times), "p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}


def latency(store_path: Path | str, urls: list[str]) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from sitrep.api import create_app

    client = TestClient(create_app(store_path), base_url="http://localhost")
    for url in urls[:20]:  # warm the page cache and the thread's connection
        client.get(url)
    times, sizes, kib = [], [], []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        sizes.append(len(response.json()["items"]))
        kib.append(len(response.content) / 1024)
    times.sort()
    return {
        "queries": len(times),
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "max_ms": times[-1],
        "mean_items": statistics.mean(sizes),
        "mean_kib": statistics.mean(kib),
    }


def throughput(store_path: Path | str, urls: list[str], seconds: float, workers: int, scratch: Path) -> dict[str, Any]:
    """`sitrep serve` in one process, this script's `--load` mode in another: the queries as JSON
    (whole event records) and as GeoJSON (the map's flat properties)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(store_path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/api/stats", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        results = {}
        for fmt in ("json", "geojson"):
            url_file = scratch / "urls.json"
            url_file.write_text(json.dumps([f"{u}&format={fmt}" for u in urls]))
            load = [sys.executable, __file__, "--load", base, "--urls", str(url_file), "--seconds", str(seconds),
                    "--workers", str(workers)]  # fmt: skip
            results[fmt] = json.loads(subprocess.run(load, capture_output=True, text=True, check=True).stdout)
        return results
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)  # its workers finish the requests they hold (seconds each on a large store)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def load(base: str, urls: list[str], seconds: float, workers: int) -> dict[str, Any]:
    """The client side: `workers` threads, one kept-alive connection each, for `seconds`."""
    done, failed = [0] * workers, [0] * workers
    stop = time.perf_counter() + seconds

    def work(n: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = n
            while time.perf_counter() < stop:
                response = client.get(urls[i % len(urls)])
                done[n] += 1
                failed[n] += response.status_code != 200
                i += workers

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return {"requests": sum(done), "failed": sum(failed), "seconds": round(elapsed, 2),
            "requests_per_second": round(sum(done) / elapsed, 1), "workers": workers}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demo", type=Path, help="a store holding the ingested examples (else ingested now)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--postgres", help="an empty PostgreSQL database (URL) to copy the store into and measure too")
    parser.add_argument("--keep", type=Path, help="build the SQLite store in this folder and keep it (reused when there)")
    parser.add_argument("--load", help=argparse.SUPPRESS)
    parser.add_argument("--urls", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        print(json.dumps(load(args.load, json.loads(args.urls.read_text()), args.seconds, args.workers)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        target = folder / "bench.db"
        if not target.exists():
            articles, seconds = build(demo_store(args.demo, folder), target, args.events, shift_articles=True, progress=False)
            print(f"store: {args.events} events in {articles} articles, built in {seconds:.1f} s, "
                  f"{target.stat().st_size / 2**20:.0f} MiB")  # fmt: skip
        stores: list[Path | str] = [target]
        if args.postgres:
            stores.append(args.postgres)
            start = time.perf_counter()
            with open_store(target) as source, open_store(args.postgres) as copy:
                if copy.count_rows("events") == 0:  # else the copy of an earlier run
                    copy_store(source, copy)
                    copy._db.execute("ANALYZE")
                events, articles = copy.count_rows("events"), copy.count_rows("articles")
                size = copy._db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            print(f"PostgreSQL copy: {events} events, {articles} articles in {time.perf_counter() - start:.1f} s,"
                  f" {size / 2**20:.0f} MiB")  # fmt: skip
        urls = queries(target, args.queries)
        for store in stores:
            name = "PostgreSQL" if isinstance(store, str) else "SQLite"
            print(f"{name} store listing (bbox + date range, list_events, 101 a page):", json.dumps(store_latency(store, urls)))
            print(f"{name} latency (bbox + date range, /api/events, limit 100):", json.dumps(latency(store, urls)))
            print(f"{name} throughput (sitrep serve, separate client process):",
                  json.dumps(throughput(store, urls, args.seconds, args.workers, folder)))  # fmt: skip

if __name__ == "__main__":
    main()
