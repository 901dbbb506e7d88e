"""Event records scored against gold records coded by hand by ACLED's rules (../shared/eval/records).

`sitrep extract` (the same library call) is run on each gold article with its id, text, title and
publication date; its records are matched to the gold ones as GUIDELINES.md says (`sitrep.scoring`).
Printed for all articles and for each half of a fixed split by article id: rules are tuned on the
"tune" half and kept only when the "confirm" half agrees. `--show` lists, for one half, every
unmatched gold record, every record with no gold match and every duplicate, with the fields side by
side, for reading by hand.

`--store DB` checks a store built by `sitrep ingest` (the demo store) instead, as an analyst would
count with it: that every toll is stated in its event's own mentions, that no two records of one
article share a sentence, place, date and toll, how many events claim 1,000 or more deaths, and the
sum of reported fatalities beside the sum of the FA-KES labels of the same articles.

Run: .venv/bin/python bench/records.py [--show tune|confirm] [--save FILE] [--store DB]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.events.extract import ArticleContext
from sitrep.events.jsonl import extract_lines
from sitrep.process import Processor
from sitrep.scoring import FIELDS, field_right, Record, RecordScores, province_test, score_records, split_half

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "records" / "dev.jsonl"
FAKES = Path(__file__).resolve().parents[1] / "examples" / "fakes" / "fakes_demo.jsonl"


def run(processor: Processor, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """`sitrep extract`'s output object for each gold article, by id."""
    lines = [json.dumps({k: row[k] for k in ("id", "text", "title", "published")}) for row in rows]
    out: dict[str, dict[str, Any]] = {}
    for result in extract_lines(lines, processor):
        assert not isinstance(result, str), result
        out[result["id"]] = result
    return out


def brief(record: Record, gold: bool) -> str:
    if gold:
        a1, a2 = "/".join(record["actor1"][:1]), "/".join(record["actor2"][:1])
        where, when = f"{record['place']} ({record['geo_precision']})", record["date"]
        return (f"{record['sub_event_type']} | {a1} > {a2} | {where} | {when} | toll {record['fatalities']} | "
                f"{record['modality']}{' hist' if record['historical'] else ''}")  # fmt: skip
    a1, a2 = (record.get("actor1") or {}).get("name"), (record.get("actor2") or {}).get("name")
    return (f"{record['sub_event_type']} | {a1} > {a2} | {record['location']} ({record['geo_precision']}) | "
            f"{record['event_date']} | toll {record['fatalities']} | {record['modality']}"
            f"{' hist' if record['historical'] else ''} | {record['trigger']['text']!r}")  # fmt: skip


def show(scores: RecordScores) -> None:
    for article, gold, system in scores.pairs:
        wrong = [f for f in FIELDS if not field_right(f, gold, system)]
        if wrong:
            print(f"\n[matched, wrong {', '.join(wrong)}] {article}\n  gold: {brief(gold, True)}\n  sys:  {brief(system, False)}")
            print(f"  sent: {system['sentence']['text'][:240]}")
    for article, gold in scores.unmatched_gold:
        print(f"\n[missed] {article}\n  gold: {brief(gold, True)}\n  ev:   {gold['evidence'][0][:240] if gold['evidence'] else ''}")
    for label, items in (("no gold", scores.unmatched_system), ("duplicate", scores.duplicate_records)):  # fmt: skip
        for article, system in items:
            print(f"\n[{label}] {article}\n  sys:  {brief(system, False)}\n  sent: {system['sentence']['text'][:240]}")


def check_store(db: Path) -> None:
    """The demo store's records counted as an analyst counts them."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        found = connection.execute(
            "SELECT e.article_id, e.record, COALESCE(i.incident_id, e.article_id || '-' || e.n) FROM events e"
            " LEFT JOIN incident_events i ON i.article_id = e.article_id AND i.n = e.n"
        ).fetchall()
    rows = [(article, json.loads(record)) for article, record, _ in found]
    incidents: dict[str, list[int]] = {}
    for (_, record, incident), (_, event) in zip(found, rows, strict=True):
        if event["modality"] in ("reported", "claimed") and not event["historical"] and event["fatalities"] is not None:
            incidents.setdefault(incident, []).append(event["fatalities"])
    unstated = big = 0
    keys: Counter[tuple[str, int, str | None, str | None, int | None]] = Counter()
    reported = 0
    for article, event in rows:
        toll = event["fatalities"]
        sentences = [(m["sentence"]["start"], m["sentence"]["end"]) for m in event["mentions"]]
        figure = next((e for e in event["evidence"] if e["field"] == "fatalities"), None)
        if toll is not None and (figure is None or not any(a <= figure["start"] < b for a, b in sentences)):
            unstated += 1
        big += (toll or 0) >= 1000
        keys[(article, event["sentence"]["start"], event["location"], event["event_date"], toll)] += 1
        if event["modality"] in ("reported", "claimed") and not event["historical"]:
            reported += toll or 0
    shared = sum(n - 1 for n in keys.values() if n > 1)
    shared_toll = sum(n - 1 for key, n in keys.items() if n > 1 and key[4] is not None)
    labels = [json.loads(line) for line in FAKES.read_text(encoding="utf-8").splitlines() if line.strip()]
    labelled = sum((i["nb_civilians"] or 0) + (i["nb_noncivilians"] or 0) for r in labels for i in r.get("events") or [])
    print(f"store {db}: {len(rows)} events")
    print(f"  tolls not stated in the event's own mentions: {unstated}")
    print(f"  records sharing an article, sentence, place, date and toll with another: {shared_toll} "
          f"(and {shared - shared_toll} more with no toll: other types or modalities told in one sentence)")  # fmt: skip
    print(f"  events claiming 1,000 or more deaths: {big}")
    once = sum(min(tolls) for tolls in incidents.values())
    print(f"  FA-KES labels of the demo split, civilians and others killed: {labelled:,}")
    print(f"  fatalities of current reported and claimed events: {reported:,} (ratio {reported / labelled:.2f}); "
          f"each incident once, at its lowest figure: {once:,} (ratio {once / labelled:.2f})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["tune", "confirm"], help="list the errors of one half")
    parser.add_argument("--save", type=Path, help="write the system records (JSONL) here")
    parser.add_argument("--store", type=Path, help="check a store built by sitrep ingest instead")
    args = parser.parse_args()
    if args.store:
        return check_store(args.store)
    if not GOLD.exists():
        raise SystemExit(f"{GOLD} not present: the evaluation sets are not part of the project")
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    processor = Processor()
    processor.analyse(["Warm-up."], [ArticleContext()])
    started = time.perf_counter()
    system = run(processor, rows)
    elapsed = time.perf_counter() - started
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(system[row["id"]], ensure_ascii=False) + "\n")
    same = province_test(processor.geoparser.gazetteer)
    print(f"records: {len(rows)} gold articles, {elapsed:.1f} s")
    halves: dict[str, RecordScores] = {}
    for name in ("all", "tune", "confirm"):
        chosen = [r for r in rows if name == "all" or split_half(r["id"]) == name]
        gold = {r["id"]: r["records"] for r in chosen}
        scores = score_records(gold, {r["id"]: system[r["id"]]["events"] for r in chosen}, same)
        halves[name] = scores
        print(f"  {name:8} ({len(chosen)} articles): {scores.line()}")
    reasons = Counter(r["reason"] for row in rows for r in system[row["id"]]["rejected"])
    print("  rejected candidates:", ", ".join(f"{k} {v}" for k, v in reasons.most_common()) or "none")
    if args.show:
        show(halves[args.show])


if __name__ == "__main__":
    main()
