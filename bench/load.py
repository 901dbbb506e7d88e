"""`sitrep serve` under concurrent clients: requests/s and latency at 1, 8 and 32 clients.

Starts `sitrep serve` on a free loopback port over a demo store (the bundled examples, ingested into
a temporary folder unless `--db` names a store), then for each level runs that many client threads,
each with one kept-alive connection (`http.client`), asking the same URL for `--seconds`. Prints per
level: requests, failed (not 200, or a connection error), requests/s, p50/p95/p99 in ms; then the
ratio of 32-client to 1-client throughput. Goal: ratio >= 1.0, p99 <= 2x median, 0 failed.

Run: python bench/load.py [--db demo.db] [--seconds 10] [--levels 1,8,32] [--workers N] [--threads N]
     [--url "/api/events?limit=100"]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Level:
    clients: int
    seconds: float = 0.0
    times_ms: list[float] = field(default_factory=list)
    failed: int = 0

    def figures(self) -> dict[str, float]:
        done = sorted(self.times_ms)

        def at(q: float) -> float:
            return done[min(len(done) - 1, int(q * len(done)))] if done else float("nan")

        return {
            "clients": self.clients,
            "requests": len(done),
            "failed": self.failed,
            "rps": len(done) / self.seconds if self.seconds else 0.0,
            "p50": statistics.median(done) if done else float("nan"),
            "p95": at(0.95),
            "p99": at(0.99),
        }


def demo_store(folder: Path) -> Path:
    """The bundled examples ingested into `folder`."""
    db = folder / "demo.db"
    command = [sys.executable, "-m", "sitrep", "ingest", str(ROOT / "examples"), "--db", str(db), "--quiet"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(db: Path, port: int, extra: list[str]) -> subprocess.Popen[bytes]:
    """`sitrep serve` on 127.0.0.1:`port`, once it answers."""
    command = [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), *extra]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"sitrep serve exited with {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/stats")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("sitrep serve did not answer within 60 s")


def run_level(port: int, url: str, clients: int, seconds: float) -> Level:
    """`clients` threads asking for `url` until `seconds` have passed; each keeps one connection."""
    level = Level(clients)
    lock = threading.Lock()
    start_line = threading.Barrier(clients + 1)
    stop = [0.0]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        times, failed = [], 0
        start_line.wait()
        while time.perf_counter() < stop[0]:
            began = time.perf_counter()
            try:
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            if ok:
                times.append((time.perf_counter() - began) * 1000)
            else:
                failed += 1
        connection.close()
        with lock:
            level.times_ms += times
            level.failed += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    stop[0] = began + seconds
    start_line.wait()
    for thread in threads:
        thread.join()
    level.seconds = time.perf_counter() - began
    return level


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--db", type=Path, help="a store to serve (else the examples are ingested first)")
    parser.add_argument("--seconds", type=float, default=10.0, help="time per level")
    parser.add_argument("--levels", default="1,8,32", help="numbers of concurrent clients")
    parser.add_argument("--url", default="/api/events?limit=100")
    parser.add_argument("--workers", type=int, help="passed to `sitrep serve --workers` (else its default)")
    parser.add_argument("--threads", type=int, help="passed to `sitrep serve --threads` (else its default)")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    extra = [] if args.workers is None else ["--workers", str(args.workers)]
    extra += [] if args.threads is None else ["--threads", str(args.threads)]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or demo_store(Path(tmp))
        port = free_port()
        server = start_server(db, port, extra)
        try:
            run_level(port, args.url, 2, 1.0)  # warm the page cache and the servers' connections
            results = [run_level(port, args.url, n, args.seconds).figures() for n in levels]
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"{args.url} on {db.name}, {args.seconds:g} s per level, {os.cpu_count()} cores, server {' '.join(extra) or 'default'}")
    print(f"{'clients':>7} {'requests':>8} {'failed':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'p99/p50':>7}")
    for r in results:
        print(f"{r['clients']:>7} {r['requests']:>8} {r['failed']:>6} {r['rps']:>7.1f} {r['p50']:>7.1f} {r['p95']:>7.1f}"
              f" {r['p99']:>7.1f} {r['p99'] / r['p50']:>7.2f}")  # fmt: skip
    if len(results) > 1 and results[0]["rps"]:
        print(f"throughput ratio {results[-1]['clients']}/{results[0]['clients']} clients: {results[-1]['rps'] / results[0]['rps']:.2f}")


if __name__ == "__main__":
    main()
