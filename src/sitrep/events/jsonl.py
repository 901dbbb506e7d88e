"""The `sitrep extract` contract: JSONL `{"id", "text", "published"?, "outlet"?}` in, `{"id", "events"}` out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..jsonl import parse_line, published_date
from ..process import Processor
from .extract import ArticleContext
from .records import event_json

BATCH = 32


def extract_lines(lines: Iterable[str], processor: Processor) -> Iterator[dict[str, Any] | str]:
    """One output object per good input line, in order; a string "LINE: reason" for each bad one."""
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    while batch := list(islice(numbered, BATCH)):
        records = [_record(n, line) for n, line in batch]
        good = [r for r in records if isinstance(r, tuple)]
        results = iter(processor.analyse([text for _, text, _ in good], [context for _, _, context in good]))
        for record in records:
            if isinstance(record, str):
                yield record
            else:
                yield {"id": record[0], "events": [event_json(e) for e in next(results).events]}


def _record(number: int, line: str) -> tuple[Any, str, ArticleContext] | str:
    """(id, text, context) of one input line, or why it cannot be used."""
    record = parse_line(number, line)
    if isinstance(record, str):
        return record
    day = published_date(number, record)
    if isinstance(day, str):
        return day
    return record.get("id"), record["text"], ArticleContext(published=day)
