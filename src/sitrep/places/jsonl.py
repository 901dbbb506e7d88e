"""The `sitrep geoparse` contract: JSONL `{"id", "text"[, "toponyms"]}` in, `{"id", "places"}` out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from typing import Any

from ..errors import Code
from ..jsonl import parse_line
from . import Geoparser

BATCH = 64


def geoparse_lines(
    lines: Iterable[str], geoparser: Geoparser, *, gold_spans: bool = False
) -> Iterator[dict[str, Any] | str]:
    """One output object per good input line, in order; a string "LINE: reason" for each bad one."""
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    while batch := list(islice(numbered, BATCH)):
        records = [_record(n, line, gold_spans) for n, line in batch]
        good = [r for r in records if isinstance(r, tuple)]
        if gold_spans:
            results = [geoparser.resolve_spans(text, spans) for _, text, spans in good]
        else:
            results = geoparser.parse([text for _, text, _ in good])
        found = iter(zip(good, results, strict=True))
        for record in records:
            if isinstance(record, str):
                yield record
            else:
                (ident, _, _), places = next(found)
                yield {"id": ident, "places": [_json(asdict(p)) for p in places]}


def _record(number: int, line: str, gold_spans: bool) -> tuple[Any, str, list[tuple[int, int]]] | str:
    """(id, text, spans) of one input line, or why it cannot be used."""
    record = parse_line(number, line)
    if isinstance(record, str):
        return record
    text = record["text"]
    spans: list[tuple[int, int]] = []
    if gold_spans:
        toponyms = record.get("toponyms")
        if not isinstance(toponyms, list):
            return f"{number}: {Code.BAD_RECORD.value} --gold-spans needs a \"toponyms\" list"
        for toponym in toponyms:
            start, end = (toponym.get("start"), toponym.get("end")) if isinstance(toponym, dict) else (None, None)
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                return f"{number}: {Code.BAD_RECORD.value} toponym {toponym!r} is not a span of the text"
            spans.append((start, end))
    return record.get("id"), text, spans


def _json(place: dict[str, Any]) -> dict[str, Any]:
    place["why"] = list(place["why"])
    return place
