"""Geoparsing accuracy and speed on LGL and GeoVirus (../shared/eval/geoparsing/).

Two settings, as the standard evaluations run them:
- gold spans (toponym resolution): exactly the gold mentions are resolved;
- full geoparsing: sitrep finds the mentions itself; precision/recall of mentions (a prediction
  matches a gold mention when their spans overlap) and the resolution figures over matched ones.
Figures: accuracy within 161 km, exact GeoNames id (where the gold has one), country (LGL), median
error in km, and speed. Also: index build time, lookup and per-mention resolution time, and the
peak memory of geoparsing one article in a fresh process.

Run: .venv/bin/python bench/geoparse.py [--corpus lgl|geovirus|all] [--limit N] [--no-full] [--build]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitrep import nlp
from sitrep.models import Place
from sitrep.places.build import build, default_features
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.index import default_path
from sitrep.places.geoparse import DERIVED, geoparse_texts, resolve_spans
from sitrep.places.relative import distance_km

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparsing"
CORPORA = {"lgl": EVAL / "lgl.jsonl", "geovirus": EVAL / "geovirus.jsonl"}
KM = 161.0


@dataclass
class Score:
    """Resolution figures over gold toponyms that carry coordinates."""

    errors: list[float] = field(default_factory=list)  # km; inf when unresolved
    ids: list[bool] = field(default_factory=list)
    countries: list[bool] = field(default_factory=list)

    def add(self, gold: dict, place: Place | None, country_of: dict[str, str | None]) -> None:
        if gold.get("lat") is None:
            return
        if place is None or not place.resolved or place.lat is None or place.lon is None:
            self.errors.append(float("inf"))
        else:
            self.errors.append(distance_km(gold["lat"], gold["lon"], place.lat, place.lon))
        if gold.get("geonameid"):
            self.ids.append(place is not None and str(place.geonameid) == str(gold["geonameid"]))
        if gold.get("country"):
            self.countries.append(place is not None and place.country == country_of.get(gold["country"]))

    def line(self) -> str:
        n = len(self.errors)
        within = sum(e <= KM for e in self.errors) / n if n else 0.0
        median = statistics.median(self.errors) if n else float("nan")
        parts = [f"acc@161km {within:.1%} (n={n})", f"median error {median:.1f} km"]
        if self.ids:
            parts.append(f"exact id {sum(self.ids) / len(self.ids):.1%} (n={len(self.ids)})")
        if self.countries:
            parts.append(f"country {sum(self.countries) / len(self.countries):.1%}")
        return ", ".join(parts)


def load(corpus: str, limit: int | None) -> list[dict]:
    with CORPORA[corpus].open(encoding="utf-8", newline="\n") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return rows[:limit] if limit else rows


def country_codes(gazetteer: Gazetteer, rows: list[dict]) -> dict[str, str | None]:
    """ISO code for each gold country name (LGL gives names)."""
    names = {t["country"] for row in rows for t in row["toponyms"] if t.get("country")}
    codes: dict[str, str | None] = {}
    for name in names:
        found = [m.entry.country for m in gazetteer.lookup(name) if m.entry.kind == "country"]
        codes[name] = found[0] if found else None
    return codes


def gold_spans(rows: list[dict], gazetteer: Gazetteer, countries: dict[str, str | None]) -> None:
    score, per_mention = Score(), []
    for row in rows:
        spans = [(t["start"], t["end"]) for t in row["toponyms"]]
        started = time.perf_counter()
        places = resolve_spans(row["text"], spans, gazetteer)
        if spans:
            per_mention.append((time.perf_counter() - started) / len(spans))
        for gold, place in zip(row["toponyms"], places, strict=True):
            score.add(gold, place, countries)
    print(f"  gold spans: {score.line()}")
    print(f"  resolution time per mention: median {statistics.median(per_mention) * 1000:.3f} ms")


def full(rows: list[dict], gazetteer: Gazetteer, countries: dict[str, str | None]) -> None:
    model = nlp.load()
    score = Score()
    found = correct = matched = gold_total = 0
    started = time.perf_counter()
    for row, places in zip(rows, geoparse_texts((r["text"] for r in rows), gazetteer, model), strict=True):
        mentions = [p for p in places if p.feature not in DERIVED]
        gold = row["toponyms"]
        found += len(mentions)
        gold_total += len(gold)
        correct += sum(any(p.start < g["end"] and g["start"] < p.end for g in gold) for p in mentions)
        for toponym in gold:
            hit = next((p for p in mentions if p.start < toponym["end"] and toponym["start"] < p.end), None)
            matched += hit is not None
            if hit is not None:
                score.add(toponym, hit, countries)
    elapsed = time.perf_counter() - started
    precision = correct / found if found else 0.0
    recall = matched / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"  full: mentions precision {precision:.1%}, recall {recall:.1%}, F1 {f1:.1%}; resolved {score.line()}")
    print(f"  full: {len(rows) / elapsed:.1f} articles/s including parsing")


def lookup_speed(gazetteer: Gazetteer, rows: list[dict]) -> None:
    names = [t["phrase"] for row in rows for t in row["toponyms"]][:2000]
    times = []
    for name in names:
        started = time.perf_counter()
        gazetteer.lookup(name)
        times.append(time.perf_counter() - started)
    print(f"gazetteer lookup: median {statistics.median(times) * 1000:.3f} ms over {len(names)} names")


def build_time() -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        report = build(Path(folder) / "gazetteer.sqlite", features=default_features())
        print(f"index build from scratch: {time.perf_counter() - started:.1f} s ({report})")


def one_article_memory(text: str) -> None:
    """Peak RSS (VmHWM: ru_maxrss would carry the forking parent's peak) of a fresh process that loads
    everything and geoparses one article."""
    code = (
        "import sys; from sitrep import nlp; from sitrep.places.gazetteer import Gazetteer;"
        "from sitrep.places.geoparse import geoparse_doc;"
        "g=Gazetteer.open(); p=geoparse_doc(nlp.load()(sys.stdin.read()), g);"
        "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1];"
        "print(len(p), int(hwm) // 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True)
    places, mib = out.stdout.split()
    print(f"one article ({len(text)} chars, {places} places): peak RSS {mib} MiB in a fresh process")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["lgl", "geovirus", "all"], default="all")
    parser.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    parser.add_argument("--no-full", action="store_true", help="skip full geoparsing (gold spans only)")
    parser.add_argument("--build", action="store_true", help="also time a build of the index from scratch")
    args = parser.parse_args()
    if args.build:
        build_time()
    gazetteer = Gazetteer.open()
    print(f"gazetteer: {default_path()}")
    for corpus in (["lgl", "geovirus"] if args.corpus == "all" else [args.corpus]):
        rows = load(corpus, args.limit)
        print(f"{corpus}: {len(rows)} articles, {sum(len(r['toponyms']) for r in rows)} gold toponyms")
        countries = country_codes(gazetteer, rows)
        gold_spans(rows, gazetteer, countries)
        if not args.no_full:
            full(rows, gazetteer, countries)
    lookup_speed(gazetteer, load("lgl", args.limit))
    one_article_memory(max((r["text"] for r in load("lgl", None)), key=len))


if __name__ == "__main__":
    main()
