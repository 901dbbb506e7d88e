"""Rows out as a table for people, or JSONL / CSV for programs: one function for every listing."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from ..export.files import cell, write_csv
from ..terminal import shown


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def write_rows(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: Format, out: TextIO | None = None
) -> None:
    """Write `rows` (only `columns`, in that order) to `out` in the chosen format."""
    out = out or sys.stdout
    if fmt is Format.jsonl:
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        write_csv(rows, columns, out)
    else:
        table = Table(*columns, show_lines=False, header_style="bold")
        for row in rows:
            table.add_row(*(shown(cell(row.get(c))) for c in columns))
        Console(file=out, width=_width(out)).print(table)


def _width(out: TextIO) -> int | None:
    """Full terminal width on a terminal; a fixed wide layout when piped, so rows don't fold."""
    return None if out.isatty() else 200
