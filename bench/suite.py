"""How long the whole test suite takes, in one process and in pytest-xdist workers as `make test` runs it
(`-n N --dist loadfile`, grouped and ordered by tests/conftest.py). For each worker count prints the
wall-clock time, the CPU time of pytest and everything it started (user + system), the load average
before and after (other work on a shared machine stretches wall time, not CPU time), pytest's summary
line and its 15 slowest setups and calls.

Run: python bench/suite.py [--workers 0 2]   (needs what `make test` needs: PostgreSQL, Chromium)
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(workers: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SITREP_REQUIRE_POSTGRES": "1"}
    command = [sys.executable, "-m", "pytest", "-n", str(workers), "--dist", "loadfile", "--durations=15", "-p", "no:cacheprovider"]
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stdout.splitlines()
    summary = next((line for line in reversed(lines) if re.search(r"\d+ (passed|failed)", line)), "no summary")
    print(f"workers {workers}: wall {wall:.0f} s, CPU {cpu:.0f} s, load {load_before:.1f} -> {os.getloadavg()[0]:.1f}; {summary}")
    for line in lines:
        if re.match(r"^\d+\.\d+s (setup|call|teardown) ", line):
            print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 2], help="pytest-xdist worker counts (0: one process)")
    for workers in parser.parse_args().workers:
        run(workers)


if __name__ == "__main__":
    main()
