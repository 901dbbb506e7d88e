"""Ingest speed and peak memory on the FA-KES demo split (632 articles), into a fresh database.

Run: .venv/bin/python bench/ingest.py [--repeat N]
Prints articles per second, peak Python heap (tracemalloc) and peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from sitrep.pipeline import ingest
from sitrep.store import open_store

FAKES = Path(__file__).resolve().parents[1] / "examples" / "fakes" / "fakes_demo.jsonl"


def run_once(trace: bool) -> tuple[float, int, object]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        report = ingest([str(FAKES)], store)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
        if trace:
            tracemalloc.stop()
        store.close()
    return elapsed, peak, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the best is reported)")
    args = parser.parse_args()
    times = []
    for _ in range(args.repeat):
        elapsed, _, report = run_once(trace=False)
        times.append(elapsed)
    _, heap_peak, _ = run_once(trace=True)
    best = min(times)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"input: {FAKES.name}, {report.read} documents")
    print(f"result: {report.summary()}")
    print(f"time: best {best:.2f} s of {args.repeat} runs ({', '.join(f'{t:.2f}' for t in times)})")
    print(f"speed: {report.read / best:.0f} articles/s")
    print(f"peak memory: Python heap {heap_peak / 2**20:.1f} MiB (tracemalloc), process RSS {rss_mb:.0f} MiB")


if __name__ == "__main__":
    main()
