"""Flat rows as files: CSV (UTF-8 with a byte-order mark, so Excel reads accents as written), JSON
lines, GeoJSON and Parquet. The CLI and the API write through these, so both give the same columns.

pyarrow is imported only when a Parquet file is asked for.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, TextIO

from .rows import Column, feature

BOM = "\ufeff"  # how Excel tells a UTF-8 CSV from one in the machine's legacy code page
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"
_ARROW_TYPES = {"str": "string", "int": "int64", "float": "float64", "bool": "bool"}


def cell(value: Any) -> str:
    """A CSV cell: empty for None, JSON for a list or mapping, else the value as text."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    """`rows` (only `columns`, in that order) as CSV after a byte-order mark."""
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(row.get(c)) for c in columns] for row in rows)


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    write_csv(rows, columns, out)
    return out.getvalue()


def write_jsonl(records: Sequence[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def geojson(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection: each row (with an "id") a Feature, the row its properties."""
    return {"type": "FeatureCollection", "features": [feature(row["id"], row) for row in rows]}


def parquet_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> bytes:
    """`rows` as one Parquet file, the columns typed as `columns` says (empty cells null)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c.name, pa.type_for_alias(_ARROW_TYPES[c.kind])) for c in columns])
    table = pa.Table.from_pylist([{c.name: _typed(row.get(c.name), c) for c in columns} for row in rows], schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _typed(value: Any, column: Column) -> Any:
    """A cell as its column's type; "" is an empty cell (None)."""
    if value is None or value == "":
        return None
    if column.kind == "str":
        return value if isinstance(value, str) else cell(value)
    return value
