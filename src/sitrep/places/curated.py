"""sitrep's own place lists as index entries: world regions and seas (data/regions.csv) and curated
features (data/features.csv, or a user's file of the same columns), read by one loader.

Both are CSV with "#" comment lines and the columns id, name, aliases ("|"-separated), kind, lat, lon,
country, note, source; regions.csv adds demonyms, features.csv admin1 (a GeoNames code, ISO 3166-2 code
or name). A malformed row is left out, counted and reported.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..models import GazetteerEntry
from .entries import division_names
from .index import Named
from .normalise import exact_key, loose_key
from .sources import Division

Progress = Callable[[str], None]
Resolver = Callable[[str, str], Division | None]
REGION_KINDS = frozenset({"region", "sea"})


@dataclass(frozen=True)
class CuratedFile:
    """What sets one curated file apart: its ids and source, the checks a row must pass, its name columns."""

    what: str  # a row is a "region", a "feature": in reasons and messages
    id_prefix: str
    source: str
    kinds: frozenset[str] | None  # the kinds a row may have; None: any
    filled: tuple[str, ...]  # columns a row must fill
    needs: str  # what a row needs, said when one is left out
    name_columns: tuple[tuple[str, str], ...]  # ("aliases", "alternate"): "|"-separated names and their kind
    admin1: bool  # whether the admin1 column is read


REGIONS = CuratedFile(
    what="region",
    id_prefix="region:",
    source="sitrep-regions",
    kinds=REGION_KINDS,
    filled=("source",),
    needs=f"kind one of {sorted(REGION_KINDS)}, a point on the globe and a source are needed",
    name_columns=(("aliases", "alternate"), ("demonyms", "demonym")),
    admin1=False,
)
FEATURES = CuratedFile(
    what="feature",
    id_prefix="sitrep:",
    source="sitrep-curated",
    kinds=None,
    filled=("id", "name", "kind"),
    needs="id, name, kind and a point on the globe are needed",
    name_columns=(("aliases", "alternate"),),
    admin1=True,
)


def curated(path: Path, spec: CuratedFile, admin1s: dict[str, Division], skipped: Counter[str], say: Progress) -> Iterator[Named]:
    """The rows of a curated file as entries; malformed rows are counted in `skipped` and told to `say`."""
    resolve = _admin1_resolver(admin1s) if spec.admin1 else None
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader(line for line in lines if not line.lstrip().startswith("#")):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            if (
                (spec.kinds is not None and row["kind"] not in spec.kinds)
                or any(not row[column] for column in spec.filled)
                or abs(lat) > 90
                or abs(lon) > 180
            ):
                raise ValueError(spec.needs)
        except (KeyError, TypeError, ValueError) as exc:
            skipped[f"malformed {spec.what}"] += 1
            say(f"{path.name}: {spec.what} {row.get('id')!r} left out: {exc}")
            continue
        country = (row.get("country") or "").upper() or None
        admin1 = resolve(country, row["admin1"]) if resolve and country and row.get("admin1") else None
        entry = GazetteerEntry(
            id=f"{spec.id_prefix}{row['id']}",
            name=row["name"],
            lat=lat,
            lon=lon,
            kind=row["kind"],
            country=country,
            admin1_code=admin1.code if admin1 else None,
            admin1_name=admin1.name if admin1 else None,
            admin1_iso=admin1.iso if admin1 else None,
            source=spec.source,
        )
        names = [(row["name"], "primary")]
        for column, name_kind in spec.name_columns:
            names += [(name, name_kind) for name in (row.get(column) or "").split("|") if name.strip()]
        yield entry, names


def _admin1_resolver(admin1s: dict[str, Division]) -> Resolver:
    """(country, "SY.11" | "11" | "SY-HI" | "Homs") -> the first-level division, when one matches."""
    by_iso = {d.iso: d for d in admin1s.values() if d.iso}
    by_name: dict[tuple[str, str], Division] = {}
    for division in admin1s.values():
        for name, _ in division_names(division):
            by_name.setdefault((division.country, loose_key(exact_key(name))), division)

    def resolve(country: str, value: str) -> Division | None:
        return (
            admin1s.get(value)
            or admin1s.get(f"{country}.{value}")
            or by_iso.get(value)
            or by_name.get((country, loose_key(exact_key(value))))
        )

    return resolve
