"""Export cost: `import sitrep`, and each export format of a store's events and incidents.

The store is the demo store (`examples/`, ingested into a temporary folder unless `--demo` names one).
Each format is rendered through `sitrep.export.listing.render`, the function the CLI and the API both
call, best of `--repeat` runs; the size is the bytes written. `import sitrep` runs in a fresh process.

Run: .venv/bin/python bench/export.py [--demo demo.db] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitrep.export.listing import EVENTS, INCIDENTS, render
from sitrep.library import open_store

ROOT = Path(__file__).resolve().parents[1]


def demo_store(path: Path | None, folder: Path) -> Path:
    if path is not None:
        return path
    from sitrep.pipeline import ingest
    from sitrep.store import open_store as create

    target = folder / "demo.db"
    with create(target) as store:
        ingest([str(ROOT / "examples")], store)
    return target


def import_seconds(repeat: int) -> float:
    """Median wall time of `python -c "import sitrep"` less that of `python -c "pass"`."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    return statistics.median(run("import sitrep") for _ in range(repeat)) - statistics.median(run("pass") for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"import sitrep: {import_seconds(args.repeat) * 1000:.0f} ms (median of {args.repeat}, less a bare interpreter)")
    with tempfile.TemporaryDirectory() as folder, open_store(demo_store(args.demo, Path(folder))) as store:
        listings = [("events", EVENTS, store.events()), ("incidents", INCIDENTS, store.incidents())]
        for name, listing, records in listings:
            for fmt in ("jsonl", "csv", "geojson", "acled", "parquet"):
                times, size = [], 0
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    data = render(listing, records, fmt, all_modalities=True)
                    times.append(time.perf_counter() - start)
                    size = len(data if isinstance(data, bytes) else data.encode("utf-8"))
                print(f"{name:9} {fmt:8} {len(records):6} records  {min(times) * 1000:7.1f} ms  {size / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
