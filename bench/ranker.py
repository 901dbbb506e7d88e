"""The place ranker: fitted on LGL and GeoVirus gold spans, scored on folds it was not fitted on.

The articles of both corpora are split into FOLDS by a hash of their id. For each fold, the ranker
is fitted (`sitrep.places.training`, ROUNDS rounds from the hand-set weights) on the other folds and
resolves the gold spans of this one; the figures pooled over the folds are the held-out figures,
printed beside those of the hand-set weights and of the shipped `data/ranker.json`. Figures: accuracy
within 161 km, exact GeoNames id (LGL), the same on Mordecai3's subset (gold toponyms with a GeoNames
id that the small spaCy model tags GPE or LOC; GeoVirus has no ids, so there: tagged GPE or LOC),
mentions left unresolved, and counts of four patterns of error (a dateline's town missed, a prominent
reading lost to a smaller one far away, a city read as its province or the reverse, a loose match
more than 161 km off).

`--write` then fits on all articles and writes `src/sitrep/data/ranker.json` (`make ranker`).

Run: .venv/bin/python bench/ranker.py [--write] [--no-subset]
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep import nlp
from sitrep.models import Place
from sitrep.places.context import dateline
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geoparse import resolve_spans
from sitrep.places.ranker import FEATURES, HAND_RANKER, Ranker, fitted
from sitrep.places.relative import distance_km
from sitrep.places.resolve import Mention, Readings, readings
from sitrep.places.training import KM, L2, choices, fit

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparsing"
CORPORA = ("lgl", "geovirus")
OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "ranker.json"
FOLDS = 5
ROUNDS = 2
PROMINENT = 10  # a reading lost to one this many times smaller


def load() -> list[dict[str, Any]]:
    rows = []
    for corpus in CORPORA:
        with (EVAL / f"{corpus}.jsonl").open(encoding="utf-8", newline="\n") as lines:
            rows += [json.loads(line) for line in lines if line.strip()]
    return rows


def fold(row: dict[str, Any]) -> int:
    return zlib.crc32(f"{row['corpus']}:{row['id']}".encode()) % FOLDS


def train(rows: list[dict[str, Any]], gazetteer: Gazetteer, l2: float = L2) -> tuple[Ranker, int]:
    ranker = HAND_RANKER
    for _ in range(ROUNDS):
        data = [c for row in rows for c in choices(row["text"], row["toponyms"], gazetteer, ranker)]
        ranker = fit(data, start=ranker, l2=l2)
    return ranker, len(data)


class Tally:
    """Figures for one corpus under one ranker."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, row: dict[str, Any], gold: dict[str, Any], place: Place, tagged: bool, smaller: bool) -> None:
        if gold.get("lat") is None:
            return
        right = place.resolved and place.lat is not None and place.lon is not None
        right = right and distance_km(gold["lat"], gold["lon"], place.lat or 0.0, place.lon or 0.0) <= KM
        c = self.counts
        c["n"] += 1
        c["within"] += right
        c["unresolved"] += not place.resolved
        if gold.get("geonameid"):
            c["ids"] += 1
            c["id_right"] += str(place.geonameid) == str(gold["geonameid"])
        if tagged and (gold.get("geonameid") or row["corpus"] != "lgl"):
            c["subset"] += 1
            c["subset_within"] += right
        if right:
            return
        c["dateline"] += dateline(row["text"], gold["start"], gold["end"])
        c["prominent"] += smaller
        code = str(gold.get("fcode") or "")
        c["level"] += (code.startswith("PPL") and place.feature == "admin1") or (code == "ADM1" and place.feature == "town")
        c["loose"] += place.resolved and any(w.startswith("name resembles") or "spelling variants" in w for w in place.why)

    def line(self) -> str:
        c = self.counts

        def share(part: str, whole: str) -> str:
            return f"{c[part] / c[whole]:.1%}" if c[whole] else "-"

        return (
            f"acc@161km {share('within', 'n')} (n={c['n']}), exact id {share('id_right', 'ids')}, "
            f"subset {share('subset_within', 'subset')} (n={c['subset']}), unresolved {c['unresolved']}; "
            f"errors: dateline {c['dateline']}, prominent lost {c['prominent']}, city/province {c['level']}, loose far {c['loose']}"
        )


def tagged_spans(rows: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    """The GPE and LOC entities of the small spaCy model, by article."""
    model = nlp.load()
    found = {}
    for row, doc in zip(rows, model.pipe((r["text"] for r in rows), batch_size=32), strict=True):
        found[f"{row['corpus']}:{row['id']}"] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")]
    return found


def score(rows: list[dict[str, Any]], rankers: dict[int, Ranker], gazetteer: Gazetteer, tags: dict[str, list[tuple[int, int]]]) -> dict[str, Tally]:
    tallies = {corpus: Tally() for corpus in CORPORA}
    for row in rows:
        ranker, text, golds = rankers[fold(row)], row["text"], row["toponyms"]
        spans = [(g["start"], g["end"]) for g in golds]
        places = resolve_spans(text, spans, gazetteer, ranker)
        options = readings(text, [Mention(s, e, text[s:e]) for s, e in spans], gazetteer, ranker)
        entities = tags.get(f"{row['corpus']}:{row['id']}", [])
        for gold, place, found in zip(golds, places, options, strict=True):
            tagged = any(s < gold["end"] and gold["start"] < e for s, e in entities)
            tallies[row["corpus"]].add(row, gold, place, tagged, _lost_prominent(gold, place, found))
    return tallies


def _lost_prominent(gold: dict[str, Any], place: Place, found: Readings) -> bool:
    """The reading taken is far off, and a reading near the gold has PROMINENT times its people."""
    if gold.get("lat") is None:
        return False
    taken = next((m.entry.population for m, _ in found.options if m.entry.id == place.id), 0)
    return any(
        distance_km(m.entry.lat, m.entry.lon, gold["lat"], gold["lon"]) <= KM and m.entry.population >= PROMINENT * max(taken, 1)
        for m, _ in found.options
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help=f"fit on all articles and write {OUT.name}")
    parser.add_argument("--l2", type=float, default=L2, help=f"the penalty on weights far from the hand-set ones (default {L2})")
    parser.add_argument("--no-subset", action="store_true", help="skip the spaCy pass that finds Mordecai3's subset")
    args = parser.parse_args()
    gazetteer = Gazetteer.open()
    rows = load()
    tags = {} if args.no_subset else tagged_spans(rows)
    print(f"{len(rows)} articles in {FOLDS} folds by id hash; {ROUNDS} rounds of fitting")
    held_out = {k: train([r for r in rows if fold(r) != k], gazetteer, args.l2)[0] for k in range(FOLDS)}
    for name, rankers in (
        ("hand-set weights", dict.fromkeys(range(FOLDS), HAND_RANKER)),
        ("shipped ranker.json (fitted on all: not held out)", dict.fromkeys(range(FOLDS), fitted())),
        (f"ranker, held-out folds (L2 {args.l2:g})", held_out),
    ):
        print(name)
        for corpus, tally in score(rows, rankers, gazetteer, tags).items():
            print(f"  {corpus}: {tally.line()}")
    if args.write:
        ranker, count = train(rows, gazetteer, args.l2)
        about = {"fitted_on": "LGL and GeoVirus gold spans (../shared/eval/geoparsing)", "articles": len(rows), "choices": count, "rounds": ROUNDS}
        OUT.write_text(ranker.to_json(about), encoding="utf-8")
        top = sorted(FEATURES, key=lambda f: -abs(ranker.weights[f]))
        print(f"wrote {OUT}: none {ranker.none:.2f}; " + ", ".join(f"{f} {ranker.weights[f]:+.2f}" for f in top))


if __name__ == "__main__":
    main()
