"""Items found by where they stand in a text: those of one sentence without a scan of the whole article."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class ByOffset(Generic[T]):
    """Items indexed by an offset each stands at (a character or a token)."""

    def __init__(self, items: Sequence[T], offset: Callable[[T], int]) -> None:
        self._items = list(items)
        self._order = sorted(range(len(self._items)), key=lambda n: offset(self._items[n]))
        self._offsets = [offset(self._items[n]) for n in self._order]

    def within(self, start: int, end: int) -> list[T]:
        """The items at offsets start <= offset < end, in their given order."""
        found = self._order[bisect_left(self._offsets, start) : bisect_left(self._offsets, end)]
        return [self._items[n] for n in sorted(found)]
