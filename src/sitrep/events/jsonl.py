"""The `sitrep extract` contract: JSONL `{"id", "text", "published"?, "title"?}` in, `{"id", "events", "rejected"}` out.

A text over the analysis limit (`process.too_long`) is reported as a bad line is (E804), and left out.

A title found near the top of the text marks the headline: its events are restated by the body
(as on ingest, where cleaning finds the title). Without "published", a dateline at the top of the
text dates the article, as on ingest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..ingest.dates import find_dateline
from ..jsonl import parse_line, published_date
from ..process import Processor, too_long
from .extract import ArticleContext
from .records import event_json, rejected_json

BATCH = 32
TITLE_WITHIN = 400  # a title is looked for in this many first characters of the text


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
                analysis = next(results)
                yield {
                    "id": record[0],
                    "events": [event_json(e) for e in analysis.events],
                    "rejected": [rejected_json(r) for r in analysis.rejected],
                }


def _record(number: int, line: str) -> tuple[Any, str, ArticleContext] | str:
    """(id, text, context) of one input line, or why it cannot be used."""
    record = parse_line(number, line)
    if isinstance(record, str):
        return record
    if (why := too_long(record["text"])) is not None:
        return f"{number}: {why}"
    context = article_context(record, number)
    return context if isinstance(context, str) else (record.get("id"), record["text"], context)


def article_context(record: dict[str, Any], number: int = 0) -> ArticleContext | str:
    """What a record says besides its text: "published" (else the dateline at the top of the text),
    where the title ends and where the dateline stands; or "LINE: reason" for a bad "published"."""
    day = published_date(number, record)
    if isinstance(day, str):
        return day
    dateline = find_dateline(record["text"])
    if day is None and dateline is not None:
        day = dateline.date
    title = record["title"].strip() if isinstance(record.get("title"), str) else ""
    at = record["text"].find(title, 0, TITLE_WITHIN) if title else -1
    title_end = at + len(title) if at >= 0 else 0
    span = (dateline.span.start, dateline.span.end) if dateline else None
    return ArticleContext(published=day, title_end=title_end, dateline=span)
