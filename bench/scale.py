"""Scale out (issue 15): ingest speed with the analysis in 1 and 2 worker processes and on a
simulated two-node Ray cluster (one CPU per node), on the FA-KES demo split, into fresh databases.

Run: .venv/bin/python bench/scale.py [--articles N] [--ray/--no-ray]
Each set-up runs in a fresh process of its own (a cold start, as `sitrep ingest` has), timed from
the ingest call to its return: worker start and model loads included, the Ray cluster's start not.
Prints articles per second, the speed-up over one process, the writer's peak resident memory and the
largest worker's (the Ray actors' peak is read from /proc while they run), and the CPU seconds of the
writer and of the worker processes (Ray's actors are not this process's children: writer only). On a
shared machine the CPU seconds hold where the wall times do not.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sitrep.pipeline import IngestOptions, ingest
from sitrep.store import open_store

FAKES = Path(__file__).resolve().parents[1] / "examples" / "fakes" / "fakes_demo.jsonl"
SETUPS = ("workers=1", "workers=2", "ray-2-nodes")


def run_one(setup: str, articles: int) -> dict[str, float]:
    """One set-up, in this process: seconds, articles read, peak RSS of writer and worker (MiB)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.jsonl"
        source.write_text("".join(FAKES.read_text(encoding="utf-8").splitlines(keepends=True)[:articles]), encoding="utf-8")
        worker_peak = 0.0
        with open_store(Path(folder) / "bench.db") as store:
            if setup.startswith("workers="):
                started = time.perf_counter()
                report = ingest([str(source)], store, IngestOptions(workers=int(setup.split("=")[1])))
                elapsed = time.perf_counter() - started
                worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            else:
                from ray.cluster_utils import Cluster

                cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
                try:
                    cluster.add_node(num_cpus=1)
                    cluster.wait_for_nodes()
                    peaks: dict[int, float] = {}
                    done = threading.Event()
                    watch = threading.Thread(target=_watch_actors, args=(peaks, done), daemon=True)
                    watch.start()
                    started = time.perf_counter()
                    report = ingest([str(source)], store, IngestOptions(ray=cluster.address))
                    elapsed = time.perf_counter() - started
                    done.set()
                    watch.join()
                    worker_peak = max(peaks.values(), default=0.0)
                finally:
                    cluster.shutdown()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": elapsed, "articles": report.read, "writer_mib": own.ru_maxrss / 1024, "worker_mib": worker_peak,
        "writer_cpu": own.ru_utime + own.ru_stime, "workers_cpu": children.ru_utime + children.ru_stime,
    }  # fmt: skip


def _watch_actors(peaks: dict[int, float], done: threading.Event) -> None:
    """Peak resident memory (VmHWM) of each Ray Data actor process seen while the ingest runs."""
    while not done.wait(0.5):
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                if b"_Actor" not in (proc / "cmdline").read_bytes():
                    continue
                status = (proc / "status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[int(proc.name)] = max(peaks.get(int(proc.name), 0.0), int(line.split()[1]) / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=632, help="first N lines of the FA-KES demo split")
    parser.add_argument("--ray", action=argparse.BooleanOptionalAction, default=True, help="also the Ray cluster")
    parser.add_argument("--one", choices=SETUPS, help=argparse.SUPPRESS)  # a child run: one set-up
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.articles)))
        return
    results = {}
    for setup in SETUPS if args.ray else SETUPS[:2]:
        child = subprocess.run(
            [sys.executable, __file__, "--one", setup, "--articles", str(args.articles)], capture_output=True, text=True, check=True
        )
        results[setup] = json.loads(child.stdout.strip().splitlines()[-1])
    base = results["workers=1"]["articles"] / results["workers=1"]["seconds"]
    print(f"input: first {args.articles} lines of {FAKES.name}")
    for setup, found in results.items():
        rate = found["articles"] / found["seconds"]
        worker = f", largest worker {found['worker_mib']:.0f} MiB" if found["worker_mib"] else " (the analysis in it)"
        print(f"{setup:12} {found['seconds']:6.1f} s  {rate:5.1f} articles/s  x{rate / base:.2f}  peak RSS writer {found['writer_mib']:.0f} MiB{worker}")
        cpu = f"writer {found['writer_cpu']:.1f} s" + (f", workers {found['workers_cpu']:.1f} s" if setup.startswith("workers=") else "")
        print(f"{'':12} CPU: {cpu}")


if __name__ == "__main__":
    main()
