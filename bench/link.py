"""Stories scored on ECB+ (../shared/eval/ecbplus): articles grouped by gold seminal event (`cluster_id`).

Each split is clustered on its own (all its topics at once). The neighbourhood size and the threshold
are chosen on train only (best B3 F1); dev (and any other split in the file) is reported at that
choice. Metrics: B3 and pairwise precision, recall and F1 over articles, and how many predicted stories
mix topics. Compared with a plain TF-IDF cosine clustering (content words, average link) whose own
threshold is also chosen on train, and with sitrep's clustering on the text channels alone.
Also: speed (analysis and clustering, articles per second).

Incidents on the FA-KES demo split (`--part incidents`): the split is ingested into a fresh store;
how many incidents have 1, 2, 3+ independent outlets and how often their outlets disagree on the toll;
and the merge scored against FA-KES's labels: two articles report the same incident when they carry a
labelled incident of the same date, governorate and cause; pairwise precision and recall over the
article pairs that sitrep puts in one incident. The stories the store kept are scored the same way,
beside the batch clustering of `sitrep cluster` over the same articles.

Linking cost as the store grows (`--part scale`): the FA-KES demo split is ingested once; the events
of its first articles (about 1,000: the unit) are stored and linked, then copies of the unit, each
moved back in time by the unit's date range plus two months (so copies never meet, and the newest
events stay the unit's, as in an archive that grows), are stored through the store API and linked,
up to about 10,000 and 100,000 events. At each size a fixed set of probe articles (copies of the
unit's first articles from another outlet, places moved by up to ~2 km) is linked inside a
transaction that is rolled back: time per event (median, p95) and per article, the time to file
each probe article in a story (every copy is filed too, from its text: copies carry no analysis),
and the ratio of the largest store to the smallest. The probes meet the same neighbours at every size, so any growth
is the store's size alone.

Run: .venv/bin/python bench/link.py [--part stories|incidents|scale|all] [--data PATH] [--text-only]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.events.extract import ArticleContext
from sitrep.link.incidents import list_incidents
from sitrep.link import story_store
from sitrep.link.update import link_article, link_stored_event
from sitrep.link.features import Channels, Profile, Signals, profile
from sitrep.link.story_store import STORE_THRESHOLD
from sitrep.models import Article
from sitrep.link.stories import NEIGHBOURS, THRESHOLD, StoryArticle, StoryParams, cluster_stories, cut, story_similarity
from sitrep.pipeline import ingest
from sitrep.process import Processor
from sitrep.store import open_store

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus" / "ecbplus_train_dev.jsonl"
FAKES = Path(__file__).resolve().parents[1] / "examples" / "fakes" / "fakes_demo.jsonl"
THRESHOLDS = [round(t, 2) for t in np.arange(0.02, 0.9, 0.01)]
NEIGHBOUR_GRID = [4, 5, 6, 7, 8, 10]
STORE_THRESHOLDS = [round(t, 2) for t in np.arange(0.09, 0.31, 0.03)]
ORDERS = (1, 2)
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


def incidents() -> None:
    """FA-KES: ingest into a fresh store, then outlets per incident, toll disagreement, merge P/R."""
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "fakes.db") as store:
        started = time.perf_counter()
        report = ingest([str(FAKES)], store)
        seconds = time.perf_counter() - started
        found = list_incidents(store)
        gold = {a["id"]: _labels(store.get_article(a["id"])) for a in store.list_articles()}
        stories = story_store.list_stories(store)
        articles = [store.get_article(a["id"]) for a in store.list_articles()]
    sizes = Counter(min(i["sources"], 3) for i in found)
    multi = [i for i in found if i["sources"] >= 2]
    tolls = [i for i in multi if any(d["field"] == "toll" for d in i["disagreements"])]
    print(f"FA-KES demo: {report.summary()} in {seconds:.0f}s; {len(found)} incidents")
    print(f"  independent outlets: 1: {sizes[1]}, 2: {sizes[2]}, 3+: {sizes[3]}")
    print(f"  incidents with 2+ outlets whose outlets disagree on the toll: {len(tolls)} of {len(multi)}")
    for line in merge_scores(found, gold):
        print("  " + line)
    print("  " + story_scores(stories, gold))
    contexts = [ArticleContext(published=_published(a)) for a in articles]
    analyses = Processor().analyse([a["text"] for a in articles], contexts)
    numbers = cluster_stories(
        [StoryArticle(a["id"], a["text"], None, _published(a), analysis) for a, analysis in zip(articles, analyses)]
    )
    batch = [{"id": str(n), "articles": 0, "members": []} for n in sorted(set(numbers))]
    for article, number in zip(articles, numbers):
        batch[number - 1]["members"].append({"id": article["id"]})
        batch[number - 1]["articles"] += 1
    print("  the same articles grouped at once by `sitrep cluster`'s clustering: " + story_scores(batch, gold))


def _published(article: dict[str, Any]) -> date | None:
    return date.fromisoformat(article["published"]) if article["published"] else None


def story_scores(stories: Sequence[dict[str, Any]], gold: dict[str, set[Label]]) -> str:
    """Stories in the store against the FA-KES labels: a story should hold the articles that share a
    labelled incident (date a day apart at most, governorate, cause). Pairwise, over labelled articles."""
    story_of = {m["id"]: s["id"] for s in stories for m in s["members"]}
    labelled = sorted(a for a, labels in gold.items() if labels and a in story_of)
    truth = {(a, b) for a, b in combinations(labelled, 2) if any(_near(x, y) for x in gold[a] for y in gold[b])}
    predicted = {(a, b) for a, b in combinations(labelled, 2) if story_of[a] == story_of[b]}
    hits = len(truth & predicted)
    sizes = Counter(min(s["articles"], 5) for s in stories)
    return (
        f"stories: {len(stories)} (1/2/3/4/5+ articles: {', '.join(str(sizes[n]) for n in range(1, 6))}); article pairs"
        f" in one story against the labels (dates a day apart as one): precision {hits / max(len(predicted), 1):.1%}"
        f" ({hits}/{len(predicted)}), recall {hits / max(len(truth), 1):.1%} ({hits}/{len(truth)})"
    )


Label = tuple[str, str, str]  # FA-KES incident: date, governorate, cause


def merge_scores(found: Sequence[dict[str, Any]], gold: dict[str, set[Label]]) -> list[str]:
    """Pairwise precision and recall of the article pairs that share an incident, against the labels
    (two articles report the same incident when they share a labelled date, governorate and cause).

    Three ways of choosing the events whose incidents make a pair: any events; each article's main
    event (rank 0); and the labelled events, the events that can be the labelled incident (dated
    within their own window of the label's date, placed in its governorate). FA-KES labels one
    incident per article, while an article also tells older or other events that sitrep links as
    well: a pair joined only through those is no evidence about the labelled incident, so the
    labelled scoring leaves it unjudged; and its recall counts only the labelled pairs whose both
    articles have a labelled event (the others are lost before linking, to extraction or geocoding).
    The labelled scoring is also given with label dates a day apart taken as one date: most labels
    carry the article's own publication date (387 of 638), so one incident reported on two days
    carries two labels."""
    labelled = sorted(a for a, labels in gold.items() if labels)
    strict = {(a, b) for a, b in combinations(labelled, 2) if gold[a] & gold[b]}
    lenient = {(a, b) for a, b in combinations(labelled, 2) if any(_near(x, y) for x in gold[a] for y in gold[b])}

    def told(event: dict[str, Any]) -> bool:
        return _tells_label(event, gold.get(event["article"]["id"], set()))

    choices: list[tuple[str, Callable[[dict[str, Any]], bool], set[tuple[str, str]]]] = [
        ("any events", lambda e: True, strict),
        ("the articles' main events", lambda e: bool(e["id"].endswith("-0")), strict),
        ("the labelled events", told, strict),
        ("the labelled events, label dates a day apart as one", told, lenient),
    ]
    lines = []
    for label, chosen, truth in choices:
        predicted = {
            pair for i in found for pair in combinations(sorted({e["article"]["id"] for e in i["events"] if chosen(e)}), 2)
        }
        judged = {p for p in predicted if gold.get(p[0]) and gold.get(p[1])}
        reachable = truth
        if chosen is told:
            telling = {e["article"]["id"] for i in found for e in i["events"] if told(e)}
            reachable = {p for p in truth if p[0] in telling and p[1] in telling}
        hits = len(judged & truth)
        precision = hits / len(judged) if judged else 0.0
        recall = hits / len(reachable) if reachable else 0.0
        lines.append(
            f"article pairs sharing an incident ({label}) against the labels: precision {precision:.1%}"
            f" ({hits}/{len(judged)}), recall {recall:.1%} ({hits}/{len(reachable)})"
        )
    return lines


def _near(x: Label, y: Label) -> bool:
    """Two labels of one incident, their dates at most a day apart."""
    return x[1:] == y[1:] and abs((date.fromisoformat(x[0]) - date.fromisoformat(y[0])).days) <= 1


GOVERNORATES = {  # FA-KES governorate → the GeoNames first-level divisions it covers
    "aleppo": {"Ḩalab"}, "damascus": {"Dimashq", "Rīf Dimashq"}, "idlib": {"Idlib"}, "deir ezzor": {"Dayr az Zawr"},
    "raqqa": {"Ar Raqqah"}, "homs": {"Ḩimş"}, "hasakeh": {"Al Ḩasakah"}, "hama": {"Ḩamāh"}, "daraa": {"Dar'ā"},
    "lattakia": {"Al Lādhiqīyah"}, "quneitra": {"Al Qunayţirah"}, "tartous": {"Ţarţūs"},
}  # fmt: skip
WINDOW_DAYS = {1: 1, 2: 7, 3: 31}  # ACLED time precision: a day, a week, a month


def _tells_label(event: dict[str, Any], labels: set[Label]) -> bool:
    """Whether the event can be one of the article's labelled incidents: in its governorate, and its
    date within the event's own window of the label's date."""
    if not event["event_date"]:
        return False
    day, window = date.fromisoformat(event["event_date"]), WINDOW_DAYS.get(event["time_precision"] or 2, 7)
    return any(
        event["admin1"] in GOVERNORATES.get(governorate, ()) and abs((day - date.fromisoformat(when)).days) <= window
        for when, governorate, _ in labels
    )


def _labels(article: dict[str, Any]) -> set[Label]:
    """(date, governorate, cause) of every incident FA-KES labels in the article's records."""
    return {
        (e["date"], e["location"].lower(), e["cause_of_death"].lower())
        for source in article["sources"]
        for e in source["metadata"].get("events") or []
    }


SCALE_SIZES = (1_000, 10_000, 100_000)  # stored events
PROBE_ARTICLES = 30
JITTER_DEGREES = 0.02  # ~2 km
COPY_GAP_DAYS = 61


def scale() -> None:
    """Time linking a fixed set of probe articles into stores of 1k, 10k and 100k linked events."""
    with tempfile.TemporaryDirectory() as folder:
        with open_store(Path(folder) / "fakes.db") as fakes:
            ingest([str(FAKES)], fakes)
            unit = _unit(fakes, SCALE_SIZES[0])
        size = sum(len(events) for _, events in unit)
        first = min(_day(article["published"]) for article, _ in unit)
        last = max([_day(article["published"]) for article, _ in unit] + [_day(e["event_date"]) for _, ev in unit for e in ev if e["event_date"]])
        shift = last - first + COPY_GAP_DAYS
        rng = random.Random(5)
        probes = [_copy(article, events, 0, "probe", rng) for article, events in unit[:PROBE_ARTICLES]]
        print(f"linking cost by store size: unit {len(unit)} articles / {size} events, copies {shift} days apart;"
              f" probes {len(probes)} articles / {sum(len(e) for _, e in probes)} events")  # fmt: skip
        results = []
        with open_store(Path(folder) / "scale.db") as store:
            stored, copy = 0, 0
            for target in SCALE_SIZES:
                started = time.perf_counter()
                while stored < target:
                    with store.transaction():
                        for article, events in unit:
                            copied = _copy(article, events, copy * shift, None if copy == 0 else f"copy {copy}", rng)
                            _store_article(store, *copied)
                            link_article(store, copied[0].id)
                            _file_story(store, copied[0])
                            stored += len(events)
                    copy += 1
                built = time.perf_counter() - started
                per_event, per_article, per_story = _probe(store, probes)
                results.append((stored, per_event, per_story))
                print(
                    f"  {stored:>7,} events ({built:.0f}s to add): per event median {_ms(per_event, 50)} p95 {_ms(per_event, 95)},"
                    f" per article median {_ms(per_article, 50)} p95 {_ms(per_article, 95)};"
                    f" story per article median {_ms(per_story, 50)} p95 {_ms(per_story, 95)}"
                )
    low, high = results[0], results[-1]
    for label, n in (("per-event linking", 1), ("story per article", 2)):
        ratio = float(np.median(high[n]) / np.median(low[n]))
        ratio_p95 = float(np.percentile(high[n], 95) / np.percentile(low[n], 95))
        print(f"  {high[0]:,} / {low[0]:,} events: {label} median x{ratio:.2f}, p95 x{ratio_p95:.2f}")


def _file_story(store: Any, article: Article) -> None:
    """File the article in a story from its text alone (the copies carry no `Analysis`)."""
    story_store.add_article(store, article.id, article.text, article.title, article.published, None)


def _unit(store: Any, size: int) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """The dated articles, oldest first, until their events number `size`: each with its event records."""
    articles = sorted((a for a in store.list_articles() if a["published"]), key=lambda a: (a["published"], a["id"]))
    unit, count = [], 0
    for summary in articles:
        article = store.get_article(summary["id"])
        events = [json.loads(row["record"]) for row in store.article_events(summary["id"])]
        unit.append((article, events))
        count += len(events)
        if count >= size:
            break
    return unit


def _copy(
    article: dict[str, Any], events: list[dict[str, Any]], back: int, tag: str | None, rng: random.Random
) -> tuple[Article, list[dict[str, Any]]]:
    """The article and its events moved `back` days earlier; a tagged copy gets its own id and outlet
    and its places moved by up to `JITTER_DEGREES`."""
    moved = []
    for event in events:
        event = dict(event)
        if event["event_date"]:
            event["event_date"] = _iso(_day(event["event_date"]) - back)
        if tag is not None and event["latitude"] is not None:
            event["latitude"] += rng.uniform(-JITTER_DEGREES, JITTER_DEGREES)
            event["longitude"] += rng.uniform(-JITTER_DEGREES, JITTER_DEGREES)
        moved.append(event)
    copied = Article(
        id=article["id"] if tag is None else hashlib.sha256(f"{article['id']} {tag}".encode()).hexdigest()[:16],
        title=article["title"], text=article["text"], kind=article["kind"],
        published=date.fromordinal(_day(article["published"]) - back), published_from=article["published_from"],
        outlet=article["outlet"] if tag is None else f"{article['outlet']} ({tag})", url=None, removed=(),
    )  # fmt: skip
    return copied, moved


def _store_article(store: Any, article: Article, events: list[dict[str, Any]]) -> None:
    store.add_article(article)
    store.add_events(article.id, events)


class _Rollback(Exception):
    """Raised to undo the probes once timed."""


def _probe(
    store: Any, probes: Sequence[tuple[Article, list[dict[str, Any]]]]
) -> tuple[list[float], list[float], list[float]]:
    """Seconds to link each probe event and each probe article, and to file each probe article in a
    story, in a transaction then rolled back."""
    per_event: list[float] = []
    per_article: list[float] = []
    per_story: list[float] = []
    try:
        with store.transaction():
            for article, events in probes:
                _store_article(store, article, events)
                spent = 0.0
                for row in store.article_events(article.id):
                    started = time.perf_counter()
                    linked = link_stored_event(store, row)
                    seconds = time.perf_counter() - started
                    spent += seconds
                    if linked:
                        per_event.append(seconds)
                per_article.append(spent)
                started = time.perf_counter()
                _file_story(store, article)
                per_story.append(time.perf_counter() - started)
            raise _Rollback
    except _Rollback:
        pass
    return per_event, per_article, per_story


def _day(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal()


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat()


def _ms(seconds: Sequence[float], percentile: int) -> str:
    return f"{1000 * float(np.percentile(seconds, percentile)):.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["stories", "incidents", "scale", "all"], default="all")
    parser.add_argument("--data", type=Path, default=DATA, help="ECB+-style JSONL with split, topic, cluster_id")
    parser.add_argument("--text-only", action="store_true", help="skip sitrep's analysis (places, actors, events)")
    args = parser.parse_args()
    if args.part in ("incidents", "all"):
        incidents()
    if args.part in ("scale", "all"):
        scale()
    if args.part in ("stories", "all"):
        stories(args)


def stories(args: argparse.Namespace) -> None:
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
        name: [profile(r["text"], signals=None if a is None else Signals.of(a)) for r, a in zip(split, analyses[name])]
        for name, split in splits.items()
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
    if processor is not None:
        store_stories(splits, analyses)
    total = sum(len(s) for s in splits.values())
    if processor is not None:
        print(f"\nanalysis (places, events): {total} articles in {analysis_seconds:.1f}s, {total / analysis_seconds:.1f}/s")
    print(f"defaults in sitrep.link.stories (what `sitrep cluster` uses): neighbours {NEIGHBOURS}, threshold {THRESHOLD:.2f}")
    defaults = StoryParams() if processor is not None else StoryParams(TEXT_ONLY)
    for name, split in splits.items():
        s = score(split, cut(story_similarity(profiles[name], defaults), defaults.threshold))
        print(f"  {name:5s} B3 F1 {s.b3[2]:.3f} | pairwise F1 {s.pairwise[2]:.3f}")


def store_stories(splits: dict[str, list[dict[str, Any]]], analyses: dict[str, list[Any]]) -> None:
    """Stories as the store keeps them (`link.story_store`, one article at a time), the articles taken
    in a shuffled order (fixed seeds; ECB+ has no dates); threshold chosen on train, mean over orders."""
    print("\nsitrep store (incremental, single pass): mean over orders " + ", ".join(map(str, ORDERS)))
    train = {t: [_store_run(splits["train"], analyses["train"], t, seed) for seed in ORDERS] for t in STORE_THRESHOLDS}
    chosen = max(STORE_THRESHOLDS, key=lambda t: (sum(s.b3[2] for s in train[t]), -t))
    print(f"  chosen on train: threshold {chosen:.2f} (sitrep.link.story_store.STORE_THRESHOLD = {STORE_THRESHOLD:.2f})")
    for name, split in splits.items():
        runs = train[chosen] if name == "train" else [_store_run(split, analyses[name], chosen, seed) for seed in ORDERS]
        b3 = [sum(r.b3[i] for r in runs) / len(runs) for i in range(3)]
        pw = [sum(r.pairwise[i] for r in runs) / len(runs) for i in range(3)]
        print(
            f"  {name:5s} B3 P {b3[0]:.3f} R {b3[1]:.3f} F1 {b3[2]:.3f} | pairwise P {pw[0]:.3f} R {pw[1]:.3f} F1 {pw[2]:.3f}"
            f" | F1 per order: {', '.join(f'{r.b3[2]:.3f}' for r in runs)}"
        )


def _store_run(rows: Sequence[dict[str, Any]], analyses: Sequence[Any], threshold: float, seed: int) -> Scores:
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    placed: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "stories.db") as store, store.transaction():
        for i in order:
            row = rows[i]
            article = Article(row["id"], None, row["text"], "news", None, None, None, None, ())
            store.add_article(article)
            signals = Signals.of(analyses[i]) if analyses[i] is not None else None
            placed[i] = story_store.add_article(store, article.id, row["text"], None, None, signals, threshold=threshold).story_id
    numbers: dict[str, int] = {}
    return score(rows, [numbers.setdefault(placed[i], len(numbers) + 1) for i in range(len(rows))])


if __name__ == "__main__":
    main()
