"""Map labels from the place index: the countries, first-level divisions and towns worth naming in a
box at a zoom, more and smaller ones as one zooms in, none overlapping another.

Which kinds show at a zoom, and the smallest town, are in `KINDS_BY_ZOOM` and `TOWN_FLOOR`; within
them countries come first, then cities of a million, divisions, and the other towns by population. Labels are laid out in Web
Mercator pixels at the zoom (Leaflet's), each a box of its name's estimated width (centred on its
place, a town's under its point), and taken in that order when they overlap none taken before, so
the answer is the same for the same box and zoom.
"""

from __future__ import annotations

import math
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..export.acled import admin1_names
from ..store.search import Box
from .gazetteer import Gazetteer

KINDS = ("country", "admin1", "town")
CITY = 1_000_000  # a town of this many people is named before the divisions ("Damascus" the city, not the governorate)
KINDS_BY_ZOOM = {"country": (2, 7), "admin1": (5, 10), "town": (4, 20)}  # first and last zoom of each kind
# the fewest people a town shown at a zoom has; from 10 on any town (many have no count: 0) fills the room left
TOWN_FLOOR = {4: 3_000_000, 5: 1_000_000, 6: 300_000, 7: 100_000, 8: 30_000, 9: 5_000}
CHAR_PX = {"country": 9.5, "admin1": 7.5, "town": 7.0}  # the page's fonts, a little wide
HEIGHT_PX = {"country": 16.0, "admin1": 14.0, "town": 15.0}
MAX_CANDIDATES = 4000  # the most populous in the box: past these none would find room
TOWN_DROP_PX = 5.0  # a town's name starts this far under its point, which stays visible
GRID_PX = 64  # the cell of the overlap check


@dataclass(frozen=True)
class Label:
    name: str
    kind: str  # country, admin1 or town
    lat: float
    lon: float
    population: int

    def json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "lat": self.lat, "lon": self.lon, "population": self.population}


class LabelIndex:
    """The index's countries, divisions and towns as arrays (row number, kind, point, people); names
    are read from the file only for the labels chosen."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT n, kind, lat, lon, population, name, admin1_code FROM entries"
                " WHERE kind IN ('country', 'admin1', 'town')"
            ).fetchall()
        english = admin1_names()
        self.n = np.array([r[0] for r in rows], dtype=np.int64)
        self.kind = np.array([KINDS.index(r[1]) for r in rows], dtype=np.int8)
        self.lat = np.array([r[2] for r in rows], dtype=np.float64)
        self.lon = np.array([r[3] for r in rows], dtype=np.float64)
        self.population = np.array([r[4] for r in rows], dtype=np.int64)
        self.length = np.array([len(_name(r[1], r[5], r[6], english)) for r in rows], dtype=np.int16)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)

    def labels(self, box: Box, zoom: float, limit: int) -> list[Label]:
        """At most `limit` labels for the box at the zoom (Leaflet's, maybe fractional), most important
        first, none overlapping."""
        chosen = _layout(self._candidates(box, math.floor(zoom)), self, zoom, limit)
        return self._named(chosen)

    def _candidates(self, box: Box, zoom: int) -> np.ndarray[Any, np.dtype[np.int64]]:
        """Row positions of the places the zoom shows in the box, in the order they claim room."""
        inside = (self.lat >= box.south) & (self.lat <= box.north) & (self.lon >= box.west) & (self.lon <= box.east)
        shown = np.zeros(len(self.n), dtype=bool)
        for k, kind in enumerate(KINDS):
            first, last = KINDS_BY_ZOOM[kind]
            if first <= zoom <= last:
                shown |= self.kind == k
        floor = TOWN_FLOOR.get(zoom, 0)
        shown &= (self.kind != KINDS.index("town")) | (self.population >= floor)
        found = np.flatnonzero(inside & shown)
        rank = 2 * self.kind[found].astype(np.int64)  # countries 0, divisions 2, towns 4, cities 1
        rank[(self.kind[found] == KINDS.index("town")) & (self.population[found] >= CITY)] = 1
        order = np.lexsort((self.n[found], -self.population[found], rank))
        return found[order][:MAX_CANDIDATES]

    def _named(self, rows: list[int]) -> list[Label]:
        if not rows:
            return []
        numbers = [int(self.n[r]) for r in rows]
        with closing(self._connect()) as db:
            found = {
                n: (name, code)
                for n, name, code in db.execute(
                    f"SELECT n, name, admin1_code FROM entries WHERE n IN ({', '.join('?' * len(numbers))})", numbers
                )
            }
        english = admin1_names()
        labels = []
        for r, n in zip(rows, numbers):
            kind = KINDS[int(self.kind[r])]
            name = _name(kind, *found[n], english)
            labels.append(Label(name, kind, float(self.lat[r]), float(self.lon[r]), int(self.population[r])))
        return labels


def _name(kind: str, name: str, admin1_code: str | None, english: dict[str, str]) -> str:
    """The label's text: the index's name, a division's English one where ACLED has it ("Aleppo", not "Ḩalab")."""
    if kind == "admin1" and admin1_code is not None and admin1_code in english:
        return english[admin1_code]
    return name


def _layout(candidates: np.ndarray[Any, np.dtype[np.int64]], index: LabelIndex, zoom: float, limit: int) -> list[int]:
    """The candidates (in order) whose boxes overlap none taken before, at most `limit`."""
    taken: list[int] = []
    grid: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
    scale = 256 * 2**zoom
    for r in candidates.tolist():
        kind = KINDS[int(index.kind[r])]
        x, y = _pixels(float(index.lat[r]), float(index.lon[r]), scale)
        half_w, height = (int(index.length[r]) * CHAR_PX[kind] + 10) / 2, HEIGHT_PX[kind]
        top = y + TOWN_DROP_PX if kind == "town" else y - height / 2  # a town's name under its point
        rect = (x - half_w, top, x + half_w, top + height)
        cells = [
            (i, j)
            for i in range(int(rect[0] // GRID_PX), int(rect[2] // GRID_PX) + 1)
            for j in range(int(rect[1] // GRID_PX), int(rect[3] // GRID_PX) + 1)
        ]
        if any(_overlap(rect, other) for cell in cells for other in grid.get(cell, ())):
            continue
        taken.append(r)
        for cell in cells:
            grid.setdefault(cell, []).append(rect)
        if len(taken) >= limit:
            break
    return taken


def _pixels(lat: float, lon: float, scale: float) -> tuple[float, float]:
    """Web Mercator pixels at a zoom's scale (256 · 2^zoom), as Leaflet places them."""
    sin = math.sin(math.radians(max(-85.0511, min(85.0511, lat))))
    return (lon + 180) / 360 * scale, (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@lru_cache(maxsize=1)
def label_index() -> LabelIndex:
    """The default place index's labels (the index built first when it is missing or out of date)."""
    with Gazetteer.open() as gazetteer:
        return LabelIndex(gazetteer.path)
