"""How fast the command line answers when nothing heavy is needed: `sitrep --help`, `sitrep --version`
and `sitrep events --help`, each run as a fresh process (`python -m sitrep`, this checkout's source
first) several times. Prints the median and the slowest wall-clock time of each, the median CPU time
(user + system: what the start costs, which other work on a busy machine does not stretch as it
stretches wall time), and the modules that would make it slow (spaCy, datasketch, FastAPI, uvicorn,
pandas) if a start imported them. Goal: median under 0.5 s.

Run: python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
COMMANDS = (["--help"], ["--version"], ["events", "--help"])
HEAVY = ("spacy", "datasketch", "fastapi", "uvicorn", "pandas")


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitrep", *args], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def heavy_imports(env: dict[str, str]) -> list[str]:
    """The heavy modules importing the command line loads (none is the goal)."""
    probe = f"import sys, sitrep.cli; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True)
    return out.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    timed(["--version"], env)  # warm the file cache once
    for args in COMMANDS:
        walls, cpus = zip(*(timed(args, env) for _ in range(runs)))
        print(
            f"sitrep {' '.join(args):14} median {statistics.median(walls):.3f} s  slowest {max(walls):.3f} s"
            f"  CPU median {statistics.median(cpus):.3f} s  ({runs} runs)"
        )
    print(f"heavy modules loaded by importing sitrep.cli: {', '.join(heavy_imports(env)) or 'none'}")


if __name__ == "__main__":
    main()
