"""Reading the actor CSV files: comment lines, a header, one record a line, errors naming file and line."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import Code, SitrepError


@dataclass(frozen=True)
class Row:
    """One record of a data file, with where it stands."""

    path: str
    line: int
    values: dict[str, str]

    def fail(self, message: str) -> SitrepError:
        return SitrepError(Code.BAD_ACTORS, f"{self.path}:{self.line}: {message}")


def read_text(path: str | Path) -> tuple[str, str]:
    """(text, shown path) of a user file; missing and undecodable files raise SitrepError."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise SitrepError(Code.MISSING_PATH, f"{file}: no such actor file") from None
    except OSError as error:
        raise SitrepError(Code.UNREADABLE, f"{file}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig"), str(file)
    except UnicodeDecodeError as error:
        raise SitrepError(Code.UNDECODABLE, f"{file}: not UTF-8 (byte {error.start})") from None


def read_packaged(name: str) -> tuple[str, str]:
    """(text, shown path) of a file shipped in sitrep/data."""
    return resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8"), f"sitrep/data/{name}"


def parse_rows(text: str, path: str, columns: tuple[str, ...]) -> list[Row]:
    """The records of a CSV text with exactly `columns` in its header (any order)."""
    header: list[str] | None = None
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            fields = next(csv.reader([line]))
        except csv.Error as error:
            raise SitrepError(Code.BAD_ACTORS, f"{path}:{number}: {error}") from None
        if header is None:
            header = [name.strip() for name in fields]
            missing = [name for name in columns if name not in header]
            unknown = [name for name in header if name not in columns]
            if missing or unknown or len(set(header)) != len(header):
                raise SitrepError(
                    Code.BAD_ACTORS,
                    f"{path}:{number}: header must name the columns {','.join(columns)}"
                    + (f"; missing {','.join(missing)}" if missing else "")
                    + (f"; unknown {','.join(unknown)}" if unknown else ""),
                )
            continue
        if len(fields) != len(header):
            raise SitrepError(
                Code.BAD_ACTORS, f"{path}:{number}: {len(fields)} fields where the header has {len(header)}"
            )
        rows.append(Row(path, number, {name: value.strip() for name, value in zip(header, fields)}))
    if header is None:
        raise SitrepError(Code.BAD_ACTORS, f"{path}: no header line")
    return rows
