"""Places in the evidence of hand-coded event records (../shared/eval/records/dev.jsonl, FA-KES articles).

Each gold article is geoparsed whole; for every evidence sentence of a gold record with a point, the
places found inside it are compared with the record's point. Printed for all articles and for each half
of the fixed split (`sitrep.scoring.split_half`): evidence sentences with a place within 25 km of the
gold point, records with such a sentence, and the named places (not derived ones) in evidence sentences,
resolved and within 25 km. `--show` lists the sentences without one, with the places found.

Run: .venv/bin/python bench/places_records.py [--show tune|confirm|all]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.models import Place
from sitrep.places import Geoparser
from sitrep.places.geoparse import DERIVED
from sitrep.places.relative import distance_km
from sitrep.scoring import split_half

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "records" / "dev.jsonl"
KM = 25.0


def near(record: dict[str, Any], place: Place) -> bool:
    return place.lat is not None and place.lon is not None and distance_km(record["lat"], record["lon"], place.lat, place.lon) <= KM


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["tune", "confirm", "all"], help="list the evidence sentences with no place near the gold point")
    args = parser.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"{GOLD} not present: the evaluation sets are not part of the project")
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    counts: dict[str, Counter[str]] = {"all": Counter(), "tune": Counter(), "confirm": Counter()}
    for row, places in zip(rows, Geoparser().parse([r["text"] for r in rows]), strict=True):
        half = split_half(row["id"])
        for record in (r for r in row["records"] if r.get("lat") is not None):
            hit = False
            for evidence in record["evidence"]:
                start = row["text"].find(evidence)
                inside = [p for p in places if start >= 0 and start <= p.start and p.end <= start + len(evidence)]
                named = [p for p in inside if p.feature not in DERIVED]
                found = any(near(record, p) for p in inside)
                hit |= found
                for name in ("all", half):
                    counts[name].update(
                        sentences=1, located=start >= 0, hit=found, named=len(named),
                        resolved=sum(p.resolved for p in named), named_near=sum(near(record, p) for p in named),
                    )  # fmt: skip
                if args.show in ("all", half) and not found:
                    seen = "; ".join(f"{p.text} -> {p.name or '?'} ({p.feature})" for p in inside)
                    print(f"[{row['id']}] gold {record['place']!r}\n  {evidence[:200]}\n  found: {seen or 'nothing'}")
            for name in ("all", half):
                counts[name].update(records=1, records_hit=hit)
    for name, c in counts.items():
        print(
            f"  {name:8}: evidence sentences with a place within {KM:g} km {c['hit']} of {c['sentences']} "
            f"({c['located']} found in the text); records {c['records_hit']} of {c['records']}; "
            f"named places in them {c['named']}, resolved {c['resolved']}, within {KM:g} km {c['named_near']}"
        )


if __name__ == "__main__":
    main()
