"""Event records scored against gold records coded by hand by ACLED's rules (../shared/eval/records).

`sitrep extract` (the same library call) is run on each gold article with its id, text, title and
publication date; its records are matched to the gold ones as GUIDELINES.md says (`sitrep.scoring`).
Printed for all articles and for each half of a fixed split by article id: rules are tuned on the
"tune" half and kept only when the "confirm" half agrees. `--show` lists, for one half, every
unmatched gold record, every record with no gold match and every duplicate, with the fields side by
side, for reading by hand.

Run: .venv/bin/python bench/records.py [--show tune|confirm] [--save FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.events.extract import ArticleContext
from sitrep.events.jsonl import extract_lines
from sitrep.process import Processor
from sitrep.scoring import FIELDS, field_right, Record, RecordScores, province_test, score_records, split_half

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "records" / "dev.jsonl"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["tune", "confirm"], help="list the errors of one half")
    parser.add_argument("--save", type=Path, help="write the system records (JSONL) here")
    args = parser.parse_args()
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
