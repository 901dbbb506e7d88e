"""The cells of migration 0008's running totals: a cell of level L is 90 / 2^L degrees square and
holds [west, east) x [south, north); `event_cells` counts its events of every day, `event_cell_days`
of each day. Shared by the map's counts (grid.py) and the choice of index (plan.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .filters import EventFilters
from .search import Box

LEVELS = range(2, 15)  # the levels migration 0008 keeps totals for (the map page zooms to 14)


@dataclass(frozen=True)
class Grid:
    """The cells of level `level` covering a box: columns x0..x1, rows y0..y1."""

    level: int
    x0: int
    x1: int
    y0: int
    y1: int

    @property
    def size(self) -> float:
        return 90.0 / (1 << self.level)

    @classmethod
    def covering(cls, box: Box, zoom: float) -> Grid:
        """The grid of the map zoom `zoom` (its whole part; at least 2) over `box`."""
        level = max(LEVELS[0], min(20, math.floor(zoom)))
        size = 90.0 / (1 << level)
        last_x, last_y = int(360 / size) - 1, int(180 / size) - 1
        x0, x1 = (min(last_x, max(0, math.floor((v + 180) / size))) for v in (box.west, box.east))
        y0, y1 = (min(last_y, max(0, math.floor((v + 90) / size))) for v in (box.south, box.north))
        return cls(level, x0, x1, y0, y1)

    def box(self) -> Box:
        """The box the cells cover (west, south, east, north), the cells' edges."""
        s = self.size
        return Box(self.x0 * s - 180, self.y0 * s - 90, (self.x1 + 1) * s - 180, (self.y1 + 1) * s - 90)


def totals_table(filters: EventFilters, grid: Grid) -> tuple[str, str, list[Any]]:
    """The running totals' table for the grid's cells, a WHERE clause naming them (and the filters'
    period, if any) and its parameters."""
    table, head = "event_cells", "level = ?"
    params: list[Any] = [grid.level]
    if filters.since is not None or filters.until is not None:
        table, head = "event_cell_days", "level = ? AND day BETWEEN ? AND ?"
        params += [filters.since or "", filters.until or "9999-12-31"]
    return table, f"{head} AND y BETWEEN ? AND ? AND x BETWEEN ? AND ?", [*params, grid.y0, grid.y1, grid.x0, grid.x1]
