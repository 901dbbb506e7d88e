"""The whole analysis against a bare spaCy pass, on the FA-KES demo split (632 articles).

Times `sitrep.process.Processor.analyse` (places and events) and a plain `nlp.pipe` of the same
spaCy model with all its default components over the same texts, in one process, and prints both
and their ratio (sitrep / bare; the goal is 1.0 or less). Models, gazetteer and actor catalogue are
loaded and warmed up before timing. With --repeat N each pass runs N times, alternating, and the
best time of each is kept.

Run: .venv/bin/python bench/pipeline.py [--repeat N] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import spacy

from sitrep.events.extract import ArticleContext
from sitrep.nlp import MODEL_PACKAGE
from sitrep.process import Processor

FAKES = Path(__file__).resolve().parents[1] / "examples" / "fakes" / "fakes_demo.jsonl"
WARM_UP = 8


def articles(limit: int | None) -> tuple[list[str], list[ArticleContext]]:
    with FAKES.open(encoding="utf-8", newline="\n") as lines:
        rows = [json.loads(line) for line in lines if line.strip()][:limit]
    texts = [row["text"] for row in rows]
    contexts = [ArticleContext(published=date.fromisoformat(r["published"]) if r.get("published") else None) for r in rows]
    return texts, contexts


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call (CPU time is less disturbed by other processes)."""
    started, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="timed runs of each pass (the best is kept)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    texts, contexts = articles(args.limit)

    bare_nlp = spacy.load(MODEL_PACKAGE)
    processor = Processor()
    processor.analyse(texts[:WARM_UP], contexts[:WARM_UP])  # loads the model, gazetteer and catalogue
    list(bare_nlp.pipe(texts[:WARM_UP]))

    def bare() -> None:
        for _ in bare_nlp.pipe(texts):
            pass

    def ours() -> None:
        processor.analyse(texts, contexts)

    bare_times, our_times = [], []
    for _ in range(max(args.repeat, 1)):
        bare_times.append(timed(bare))
        our_times.append(timed(ours))
    bare_s, ours_s = min(t[0] for t in bare_times), min(t[0] for t in our_times)
    bare_cpu, ours_cpu = min(t[1] for t in bare_times), min(t[1] for t in our_times)
    words = sum(len(t.split()) for t in texts)
    print(f"FA-KES demo: {len(texts)} articles, {words} words; spaCy {spacy.__version__}, {MODEL_PACKAGE}")
    print(f"  bare nlp.pipe ({', '.join(bare_nlp.pipe_names)}): {bare_s:.2f} s, CPU {bare_cpu:.2f} s ({len(texts) / bare_s:.1f} articles/s)")
    print(f"  sitrep analyse (places + events): {ours_s:.2f} s, CPU {ours_cpu:.2f} s ({len(texts) / ours_s:.1f} articles/s)")
    print(f"  ratio sitrep / bare: {ours_s / bare_s:.2f} (CPU {ours_cpu / bare_cpu:.2f})")


if __name__ == "__main__":
    main()
