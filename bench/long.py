"""Long articles: one 1,000,000-character article against ten of 100,000, built from the demo texts.

The demo articles (examples/fakes/fakes_demo.jsonl) are joined with paragraph breaks, cycled until
there is enough text, and cut at 1,000,000 characters; the ten short articles are that text's ten
consecutive slices, so both runs read the same words. Each run goes through
`sitrep.process.Processor.analyse` in a process of its own (the model, gazetteer and actors loaded
and warmed up before timing) and reports its wall-clock and CPU seconds and the process's peak
memory. The goal: the long article costs at most 2.5 times the ten short ones. --sizes times single
articles of the given lengths in one process, to show how the cost grows with length.

Run: .venv/bin/python bench/long.py [--sizes 50000,100000,200000,400000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path

FAKES = Path(__file__).resolve().parents[1] / "examples" / "fakes" / "fakes_demo.jsonl"
LONG = 1_000_000
SHORT = 10


def demo_text(length: int) -> str:
    """`length` characters of demo articles, joined by paragraph breaks."""
    with FAKES.open(encoding="utf-8", newline="\n") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    parts, size = [], 0
    for text in cycle(texts):
        if size >= length:
            break
        parts.append(text)
        size += len(text) + 2
    return "\n\n".join(parts)[:length]


def timed(texts: list[str]) -> dict[str, float]:
    """Seconds (wall-clock and CPU) to analyse the texts, each its own article, after a warm-up."""
    from sitrep.events.extract import ArticleContext
    from sitrep.process import Processor

    processor = Processor()
    processor.analyse([demo_text(5000)], [ArticleContext()])
    started, cpu = time.perf_counter(), time.process_time()
    found = processor.analyse(texts, [ArticleContext() for _ in texts])
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "events": sum(len(a.events) for a in found),
        "places": sum(len(a.places) for a in found),
    }


def run(case: str) -> dict[str, float]:
    """One case in a fresh process, with its peak memory (MB)."""
    out = subprocess.run([sys.executable, __file__, "--case", case], check=True, capture_output=True, text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=("long", "short"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help="comma-separated lengths of single articles to time in one process")
    args = parser.parse_args()
    if args.case:
        text = demo_text(LONG)
        step = LONG // SHORT
        texts = [text] if args.case == "long" else [text[n : n + step] for n in range(0, LONG, step)]
        found = timed(texts)
        found["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(found))
        return
    if args.sizes:
        for size in (int(s) for s in args.sizes.split(",")):
            found = timed([demo_text(size)])
            print(f"  one article of {size:,} characters: {found['seconds']:.2f} s ({found['seconds'] / size * 1e6:.0f} µs a character)", flush=True)
        return
    short, long = run("short"), run("long")
    for name, found in ((f"{SHORT} articles of {LONG // SHORT:,} characters", short), (f"one article of {LONG:,} characters", long)):
        print(f"  {name}: {found['seconds']:.1f} s, CPU {found['cpu']:.1f} s, peak {found['peak_mb']:.0f} MB, "
              f"{found['places']:.0f} places, {found['events']:.0f} events")  # fmt: skip
    print(f"  ratio long / short: {long['seconds'] / short['seconds']:.2f} (CPU {long['cpu'] / short['cpu']:.2f}; the goal is 2.5 or less)")


if __name__ == "__main__":
    main()
