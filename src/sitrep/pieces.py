"""Long articles in pieces, so that analysis time and memory grow no faster than the article.

Reading a place or an event compares it with the article's other places, actors and events, so one
pass over a very long text costs more than its length. A text longer than PIECE_CHARS is cut, at a
paragraph break where it can (else a line break, a sentence's end, a space), into pieces of at most
PIECE_CHARS, each analysed on its own; their places and events are moved back to the text's offsets
and the events ranked again over the whole text. What is read across the article (its main country
and main place, one event told twice) is then read per piece: a text this long is a collection, not
one report. The shortest piece but the last is half of PIECE_CHARS.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar, cast

from .models import Place, Span

PIECE_CHARS = 100_000  # 20 times the demo articles' longest; analysis costs the same per character up to here
_CUTS = ("\n\n", "\n", ". ", " ")  # where a piece may end, best first

T = TypeVar("T")


def pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each piece of the text, in order; one piece for a text of PIECE_CHARS or fewer."""
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        limit = start + PIECE_CHARS
        ends = (at + len(cut) for cut in _CUTS if (at := text.rfind(cut, start + PIECE_CHARS // 2, limit)) >= 0)
        end = next(ends, limit)
        found.append((start, end))
        start = end
    found.append((start, len(text)))
    return found


def shifted(value: T, by: int) -> T:
    """A record with every offset in it moved on by `by` characters: each Place and Span, wherever held."""
    found: Any = value
    if isinstance(value, (Place, Span)):
        found = replace(value, start=value.start + by, end=value.end + by)
    if is_dataclass(found) and not isinstance(found, type):
        found = replace(found, **{f.name: shifted(getattr(found, f.name), by) for f in fields(found)})
    elif isinstance(value, (list, tuple)):
        found = type(value)(shifted(item, by) for item in value)
    return cast(T, found)
