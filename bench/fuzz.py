"""The long fuzz run of the readers and the cleaner (issue 12): damaged real inputs and random bytes.

Each input is a real one (a seed, a FA-KES JSONL line, a news page, a WARC, a WARC.gz) with one to
four random changes (`tests/mutations.py`), or random bytes, written under a random supported suffix
or its own; it is read with `read_paths`, and every document read is cleaned. A crash is any exception
out of either; a hang is an input that takes longer than --hang seconds. The run is seeded, so a
failure can be replayed with the same --seed. `make test` runs the bounded version
(tests/test_readers_fuzz.py).

    .venv/bin/python bench/fuzz.py [--count 100000] [--workers 2] [--seed 0] [--hang 10]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.ingest.clean import clean  # noqa: E402
from sitrep.ingest.readers import read_paths  # noqa: E402
from sitrep.models import RawDocument  # noqa: E402
from tests.mutations import mutate, real_inputs  # noqa: E402

SUFFIXES = [".txt", ".jsonl", ".html", ".warc", ".warc.gz", ".dat"]


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def one_input(rng: random.Random) -> tuple[str, bytes]:
    """A damaged real input (nine in ten) or random bytes, with the suffix it is written under."""
    if rng.random() < 0.9:
        suffix, data = rng.choice(real_inputs())
        return (suffix if rng.random() < 0.8 else rng.choice(SUFFIXES)), mutate(data, rng)
    return rng.choice(SUFFIXES), bytes(rng.randrange(256) for _ in range(rng.randrange(2000)))


def run(job: tuple[int, int, int, float]) -> tuple[Counter[str], list[str]]:
    """Inputs `first` to `first + count` of the run seeded `seed`: outcome counts and failures."""
    first, count, seed, hang = job
    signal.signal(signal.SIGALRM, _alarm)
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for n in range(first, first + count):
            rng = random.Random(f"{seed}:{n}")
            suffix, data = one_input(rng)
            path = Path(scratch) / f"input{suffix}"
            path.write_bytes(data)
            signal.setitimer(signal.ITIMER_REAL, hang)
            try:
                for item in read_paths([str(path)], max_bytes=200_000):
                    if isinstance(item, RawDocument):
                        clean(item.text, title=item.title)
                        outcomes["document"] += 1
                    else:
                        outcomes[item.code.value] += 1
            except Hang:
                outcomes["HANG"] += 1
                failures.append(f"input {n}: hang over {hang} s ({suffix}, {len(data)} bytes)")
            except Exception:
                outcomes["CRASH"] += 1
                failures.append(f"input {n}: {traceback.format_exc(limit=3)}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    return outcomes, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which an input counts as a hang")
    args = parser.parse_args()
    real_inputs()  # built once, before the workers fork
    chunk = 500
    jobs = [(first, min(chunk, args.count - first), args.seed, args.hang) for first in range(0, args.count, chunk)]
    totals: Counter[str] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        for done, (outcomes, failed) in enumerate(pool.imap_unordered(run, jobs), start=1):
            totals.update(outcomes)
            failures += failed
            if done % 20 == 0 or done == len(jobs):
                print(f"  {min(done * chunk, args.count):,} inputs, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"fuzz: {args.count:,} inputs (seed {args.seed}) in {elapsed:.0f} s, {args.count / elapsed:.0f} inputs/s, {args.workers} workers")
    print(f"  crashes {totals['CRASH']}, hangs (over {args.hang:g} s) {totals['HANG']}")
    print("  outcomes: " + ", ".join(f"{k} {v:,}" for k, v in totals.most_common() if k not in ("CRASH", "HANG")))
    for failure in failures[:20]:
        print(failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
