"""Stories scored on ECB+ (../shared/eval/ecbplus): articles grouped by gold seminal event (`cluster_id`).

Each split is clustered on its own (all its topics at once). The neighbourhood size and the threshold
are chosen on train only (best B3 F1); dev (and any other split in the file) is reported at that
choice. Metrics: B3 and pairwise precision, recall and F1 over articles, and how many predicted stories
mix topics. Compared with a plain TF-IDF cosine clustering (content words, average link) whose own
threshold is also chosen on train, and with sitrep's clustering on the text channels alone.
Also: speed (analysis and clustering, articles per second).

Run: .venv/bin/python bench/link.py [--data PATH] [--text-only]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.events.extract import ArticleContext
from sitrep.link.features import Channels, Profile, profile
from sitrep.link.stories import NEIGHBOURS, THRESHOLD, StoryParams, cut, story_similarity
from sitrep.process import Processor

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus" / "ecbplus_train_dev.jsonl"
THRESHOLDS = [round(t, 2) for t in np.arange(0.02, 0.9, 0.01)]
NEIGHBOUR_GRID = [4, 5, 6, 7, 8, 10]
SMOOTHING = 2  # thresholds either side (0.01 apart) averaged when choosing
TEXT_ONLY = Channels(places=0, actors=0, subtypes=0, dates=0)
BASELINE = StoryParams(Channels(words=1, lead=0, names=0, places=0, actors=0, subtypes=0, dates=0), neighbours=0)


@dataclass(frozen=True)
class Scores:
    b3: tuple[float, float, float]  # precision, recall, F1
    pairwise: tuple[float, float, float]
    stories: int
    mixed: int  # predicted stories holding articles of more than one topic


def b_cubed(gold: Sequence[str], predicted: Sequence[int]) -> tuple[float, float, float]:
    gold_sets, predicted_sets = defaultdict(set), defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted)):
        gold_sets[g].add(i)
        predicted_sets[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, predicted):
        shared = len(gold_sets[g] & predicted_sets[p])
        precision += shared / len(predicted_sets[p])
        recall += shared / len(gold_sets[g])
    return _prf(precision / len(gold), recall / len(gold))


def pairwise(gold: Sequence[str], predicted: Sequence[int]) -> tuple[float, float, float]:
    both = gold_only = predicted_only = 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            same_gold, same_predicted = gold[i] == gold[j], predicted[i] == predicted[j]
            both += same_gold and same_predicted
            gold_only += same_gold and not same_predicted
            predicted_only += same_predicted and not same_gold
    precision = both / (both + predicted_only) if both + predicted_only else 0.0
    recall = both / (both + gold_only) if both + gold_only else 0.0
    return _prf(precision, recall)


def _prf(precision: float, recall: float) -> tuple[float, float, float]:
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(rows: Sequence[dict[str, Any]], predicted: Sequence[int]) -> Scores:
    gold = [str(r["cluster_id"]) for r in rows]
    topics: dict[int, set[Any]] = defaultdict(set)
    for r, p in zip(rows, predicted):
        topics[p].add(r["topic"])
    mixed = sum(len(t) > 1 for t in topics.values())
    return Scores(b_cubed(gold, predicted), pairwise(gold, predicted), len(topics), mixed)


def choose(rows: Sequence[dict[str, Any]], profiles: Sequence[Profile], params: StoryParams, grid: Sequence[int]) -> StoryParams:
    """The neighbourhood size (from `grid`) and threshold with the best B3 F1 on these rows, the F1
    averaged over the threshold and its neighbours within +-0.02 (a plateau, not a lucky spike)."""
    gold = [str(r["cluster_id"]) for r in rows]
    best: tuple[float, StoryParams] | None = None
    for neighbours in grid:
        similarity = story_similarity(profiles, replace(params, neighbours=neighbours))
        f1 = [b_cubed(gold, cut(similarity, threshold))[2] for threshold in THRESHOLDS]
        for i, threshold in enumerate(THRESHOLDS):
            window = f1[max(0, i - SMOOTHING) : i + SMOOTHING + 1]
            smoothed = sum(window) / len(window)
            if best is None or smoothed > best[0] + 1e-9:
                best = (smoothed, replace(params, neighbours=neighbours, threshold=threshold))
    assert best is not None
    return best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="ECB+-style JSONL with split, topic, cluster_id")
    parser.add_argument("--text-only", action="store_true", help="skip sitrep's analysis (places, actors, events)")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    splits: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        splits[row["split"]].append(row)
    if "train" not in splits:
        raise SystemExit("the data needs a train split to choose the threshold on")

    processor = None if args.text_only else Processor()
    started = time.perf_counter()
    analyses: dict[str, list[Any]] = {}
    for name, split in splits.items():
        if processor is None:
            analyses[name] = [None] * len(split)
        else:
            analyses[name] = processor.analyse([r["text"] for r in split], [ArticleContext() for _ in split])
    analysis_seconds = time.perf_counter() - started
    profiles = {
        name: [profile(r["text"], analysis=a) for r, a in zip(split, analyses[name])] for name, split in splits.items()
    }

    configurations = [("plain TF-IDF cosine", BASELINE, [0]), ("sitrep, text channels", StoryParams(TEXT_ONLY), NEIGHBOUR_GRID)]
    if processor is not None:
        configurations.append(("sitrep, all channels", StoryParams(), NEIGHBOUR_GRID))
    print(f"{args.data.name}: " + ", ".join(f"{n} {len(s)} articles / {len({r['cluster_id'] for r in s})} stories" for n, s in splits.items()))
    for label, params, grid in configurations:
        chosen = choose(splits["train"], profiles["train"], params, grid)
        print(f"\n{label}: chosen on train: neighbours {chosen.neighbours}, threshold {chosen.threshold:.2f}")
        for name, split in splits.items():
            started = time.perf_counter()
            predicted = cut(story_similarity(profiles[name], chosen), chosen.threshold)
            seconds = time.perf_counter() - started
            s = score(split, predicted)
            print(
                f"  {name:5s} B3 P {s.b3[0]:.3f} R {s.b3[1]:.3f} F1 {s.b3[2]:.3f} | pairwise P {s.pairwise[0]:.3f}"
                f" R {s.pairwise[1]:.3f} F1 {s.pairwise[2]:.3f} | {s.stories} stories, {s.mixed} mixing topics"
                f" | clustered in {seconds:.2f}s"
            )
    total = sum(len(s) for s in splits.values())
    if processor is not None:
        print(f"\nanalysis (places, events): {total} articles in {analysis_seconds:.1f}s, {total / analysis_seconds:.1f}/s")
    print(f"defaults in sitrep.link.stories: neighbours {NEIGHBOURS}, threshold {THRESHOLD:.2f}")


if __name__ == "__main__":
    main()
