"""JSONL in and out for the commands that need no database (`geoparse`, `extract`)."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from datetime import date
from collections.abc import Iterable, Iterator
from typing import Any, Callable

from rich.console import Console

from .errors import Code
from .terminal import shown


def parse_line(number: int, line: str) -> dict[str, Any] | str:
    """The object one input line holds (it must carry a string "text"), or "LINE: CODE reason"."""
    try:
        record = json.loads(line)
    except ValueError as error:
        return f"{number}: {Code.BAD_JSON.value} not valid JSON: {error}"
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return f"{number}: {Code.BAD_RECORD.value} expected an object with a string \"text\""
    return record


def published_date(number: int, record: dict[str, Any]) -> date | None | str:
    """The record's "published" as a date (None when absent), or "LINE: CODE reason" when it is not one."""
    published = record.get("published")
    if published is None:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return f"{number}: {Code.BAD_RECORD.value} \"published\" {published!r} is not a date like 2017-08-06"


def run(source: str, convert: Callable[[Iterable[str]], Iterator[dict[str, Any] | str]], err: Console) -> int:
    """Feed `source` (a path, or - for stdin) through `convert`: objects go to stdout as JSONL, bad
    lines to stderr with the file and line. Returns how many lines failed."""
    where = "<stdin>" if source == "-" else source
    failures = 0
    with open(source, encoding="utf-8") if source != "-" else nullcontext(sys.stdin) as stream:
        for result in convert(stream):
            if isinstance(result, str):
                failures += 1
                err.print(f"[red]failed[/red] {shown(where)}:{shown(result)}", soft_wrap=True)
            else:
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return failures
