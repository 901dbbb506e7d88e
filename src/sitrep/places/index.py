"""The place index file: its tables, the rows a place and its names become, where it lives, its meta table.

Each name is stored with its keys from `normalise`; `build` writes the file, `geonames` adds to it and
`Gazetteer` reads it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Code, SitrepError
from ..models import GazetteerEntry
from .normalise import abbreviation_key, arabic_key, keys, script

SCHEMA_VERSION = 3  # bump when the tables or the key rules of `normalise` change: indexes are then rebuilt
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
AIRPORT_CODE = re.compile(r"[A-Z]{3}")

NameRow = tuple[str, str, str | None, str | None, str | None]  # name, name_kind, exact, loose, skeleton
Named = tuple[GazetteerEntry, list[tuple[str, str]]]  # an entry and its (name, name_kind) pairs


def entry_values(entry: GazetteerEntry) -> tuple[Any, ...]:
    """An entry's values in ENTRY_COLUMNS order."""
    return (
        entry.id, entry.name, entry.lat, entry.lon, entry.kind, entry.country, entry.admin1_code,
        entry.admin1_name, entry.admin1_iso, entry.admin2_name, entry.population, entry.geonameid, entry.source,
    )  # fmt: skip


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


def default_path() -> Path:
    """$SITREP_GAZETTEER when set, else ~/.cache/sitrep/gazetteer-<schema version>.sqlite."""
    configured = os.environ.get("SITREP_GAZETTEER")
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "sitrep" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


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
