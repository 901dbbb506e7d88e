"""Counts of four patterns of place error, each found by a rule that needs no gold, on the dev gold spans
(LGL and GeoVirus in ../shared/eval/geoparsing/) and on the FA-KES demo split (examples/fakes/, full
geoparsing: sitrep finds the mentions itself).

A resolved mention is counted under a pattern when:
- dateline: it opens the article's dateline ("WASHINGTON —", `context.dateline`) and is read as a
  province, county, country or other area although a town of exactly that name exists;
- prominent lost: a reading of exactly that name more than 161 km from the one taken has at least
  PROMINENT_PEOPLE people and RATIO times the people of the one taken ("China" as a small US town);
- province for city: it is read as a first-level division although a town of exactly that name and
  of at least TOWN_PEOPLE people lies in it, and no words around say province, governorate, countryside or rural, or name a part ("northern");
  city for province: read as such a town although the words around say province or governorate
  ("the al-Midan district of Damascus" and "state television" say nothing of the kind);
- loose far: its reading, a town, district, province or feature (a country's or region's point says
  little of its extent), matches the name only but for spelling or by its consonants, and lies more
  than FAR_KM from every place of the article matched exactly ("Golat" as Gillette, Wyoming).

On the dev sets each count is followed by how many of those mentions are more than 161 km from the
gold point (the rule's hits that are errors there).

Run: .venv/bin/python bench/place_errors.py [--only lgl|geovirus|fakes] [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep import nlp
from sitrep.models import GazetteerEntry, Place
from sitrep.places.context import admin_cue, dateline, part_of
from sitrep.places.gazetteer import Gazetteer
from sitrep.places.geoparse import DERIVED, geoparse_texts, resolve_spans
from sitrep.places.relative import distance_km

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "geoparsing"
FAKES = ROOT / "examples" / "fakes" / "fakes_demo.jsonl"
PATTERNS = ("dateline", "prominent lost", "province for city", "city for province", "loose far")
KM = 161.0
FAR_KM = 1000.0
RATIO = 100
PROMINENT_PEOPLE = 100_000
TOWN_PEOPLE = 10_000  # a town a bare name may mean ("Minnesota Lake" is no reading of "Minnesota")
WORLD = frozenset({"country", "continent", "region", "sea"})
AREAS = WORLD | {"admin1", "admin2"}
PROVINCE_WORD = re.compile(r"(?i)(?:the\s+)?(?:province|governorate)")
LEVELS = {"exact": 0, "loose": 1, "skeleton": 2}


@dataclass(frozen=True)
class Hit:
    pattern: str
    text: str
    reading: str
    article: str


def rows(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="\n") as lines:
        found = [json.loads(line) for line in lines if line.strip()]
    return found[:limit] if limit else found


def match_level(place: Place, gazetteer: Gazetteer) -> str:
    """How the name matched the reading taken: "exact" also for a reading added by its town's name (a
    namesake province) or an abbreviation."""
    levels = [m.level for m in gazetteer.lookup(place.text) if m.entry.id == place.id]
    return min(levels, key=LEVELS.__getitem__) if levels else "exact"


def patterns(text: str, places: Sequence[Place], gazetteer: Gazetteer) -> list[list[str]]:
    """The patterns each place shows (empty for most)."""
    resolved = [(p, gazetteer.get(p.id)) for p in places if p.resolved and p.id]
    levels = {p.start: match_level(p, gazetteer) for p, _ in resolved}
    exact = [e for p, e in resolved if e is not None and levels[p.start] == "exact"]
    found = []
    for place in places:
        entry = gazetteer.get(place.id) if place.resolved and place.id else None
        found.append([] if entry is None else _shown(text, place, entry, levels[place.start], exact, gazetteer))
    return found


def _shown(text: str, place: Place, entry: GazetteerEntry, level: str, exact: list[GazetteerEntry], gazetteer: Gazetteer) -> list[str]:
    same = [m.entry for m in gazetteer.lookup(place.text) if m.level == "exact"]
    shown = []
    if dateline(text, place.start, place.end) and entry.kind in AREAS and any(e.kind == "town" for e in same):
        shown.append("dateline")
    far = [e for e in same if distance_km(e.lat, e.lon, entry.lat, entry.lon) > KM]
    if any(e.population >= max(PROMINENT_PEOPLE, RATIO * entry.population) for e in far):
        shown.append("prominent lost")
    said = admin_cue(text, place.start, place.end) or part_of(text, place.start)
    named = [m.entry for m in gazetteer.lookup(place.text) if m.level != "skeleton"]
    towns = [e for e in same if e.kind == "town" and e.admin1_code == entry.admin1_code and e.population >= TOWN_PEOPLE]
    if entry.kind == "admin1" and not said and towns:
        shown.append("province for city")
    if entry.kind == "town" and PROVINCE_WORD.match(admin_cue(text, place.start, place.end) or "") and entry.country and entry.admin1_code:
        province = gazetteer.admin1(entry.country, entry.admin1_code)
        if province is not None and province.id in {e.id for e in named} | _namesake(entry, province):
            shown.append("city for province")
    others = [e for e in exact if e.id != entry.id]
    if level != "exact" and entry.kind not in WORLD and others and all(distance_km(e.lat, e.lon, entry.lat, entry.lon) > FAR_KM for e in others):
        shown.append("loose far")
    return shown


def _namesake(town: GazetteerEntry, province: GazetteerEntry) -> set[str]:
    """The province's id when it bears the town's name ("Aleppo" and "Aleppo Governorate")."""
    return {province.id} if province.name.split()[0].casefold() == town.name.split()[0].casefold() else set()


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()
        self.hits: list[Hit] = []
        self.mentions = 0

    def add(self, article: str, place: Place, shown: list[str], wrong: bool | None) -> None:
        self.mentions += 1
        for pattern in shown:
            self.counts[pattern] += 1
            self.wrong[pattern] += bool(wrong)
            self.hits.append(Hit(pattern, place.text, f"{place.name} ({place.feature}, {place.country})", article))

    def line(self, gold: bool) -> str:
        def cell(pattern: str) -> str:
            return f"{self.counts[pattern]}" + (f" ({self.wrong[pattern]} off)" if gold else "")

        return f"{self.mentions} mentions; " + ", ".join(f"{p} {cell(p)}" for p in PATTERNS)


def dev(corpus: str, gazetteer: Gazetteer, limit: int | None) -> Tally:
    tally = Tally()
    for row in rows(EVAL / f"{corpus}.jsonl", limit):
        golds = row["toponyms"]
        places = resolve_spans(row["text"], [(g["start"], g["end"]) for g in golds], gazetteer)
        for gold, place, shown in zip(golds, places, patterns(row["text"], places, gazetteer), strict=True):
            off = None
            if gold.get("lat") is not None:
                off = place.lat is None or place.lon is None or distance_km(gold["lat"], gold["lon"], place.lat, place.lon) > KM
            tally.add(row["id"], place, shown, off)
    return tally


def fakes(gazetteer: Gazetteer, limit: int | None) -> Tally:
    tally = Tally()
    articles = rows(FAKES, limit)
    for row, places in zip(articles, geoparse_texts((r["text"] for r in articles), gazetteer, nlp.load()), strict=True):
        mentions = [p for p in places if p.feature not in DERIVED]
        for place, shown in zip(mentions, patterns(row["text"], mentions, gazetteer), strict=True):
            tally.add(row["id"], place, shown, None)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["lgl", "geovirus", "fakes"])
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--show", type=int, default=0, help="print up to N hits of each pattern")
    args = parser.parse_args()
    gazetteer = Gazetteer.open()
    for name in ("lgl", "geovirus", "fakes"):
        if args.only not in (None, name):
            continue
        tally = fakes(gazetteer, args.limit) if name == "fakes" else dev(name, gazetteer, args.limit)
        print(f"{name}: {tally.line(gold=name != 'fakes')}")
        by_pattern: dict[str, list[Hit]] = defaultdict(list)
        for hit in tally.hits:
            by_pattern[hit.pattern].append(hit)
        for pattern in PATTERNS:
            for hit in by_pattern[pattern][: args.show]:
                print(f"    {pattern}: {hit.text!r} -> {hit.reading} [{hit.article}]")


if __name__ == "__main__":
    main()
