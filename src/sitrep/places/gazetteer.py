"""Reading the place index: names to candidate places, places by id or code (`Gazetteer`).

`Gazetteer.open` builds the index first when it is missing and again when it is out of date (`build`),
importing again the GeoNames dumps it held.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import Code, SitrepError
from ..models import GazetteerEntry, NameMatch
from .build import Progress, build, default_features, is_current
from .index import ENTRY_COLUMNS, default_path, read_meta
from .normalise import abbreviation_key, arabic_key, keys, script

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
            if not is_current(meta):
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

    def entries(self, kind: str) -> list[GazetteerEntry]:
        """Every entry of one kind ("country", "admin1"), in id order."""
        rows = self._db.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE kind = ? ORDER BY id", (kind,))
        return [GazetteerEntry(*row) for row in rows]

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


def _rebuild(path: Path, meta: dict[str, str], progress: Progress | None) -> None:
    """Build again with the features file the index was built with, and import again the dumps it held."""
    from .geonames import import_dump  # geonames builds on this module

    build(path, features=Path(meta["features"]) if meta.get("features") else None, progress=progress)
    imports = [Path(p) for p in json.loads(meta.get("imports", "[]"))]
    if imports:
        if progress:
            progress(f"importing again {len(imports)} GeoNames file(s)")
        import_dump(path, [p for p in imports if p.exists()])
