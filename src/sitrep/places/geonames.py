"""Official GeoNames dumps into the gazetteer index, for places cities500 lacks (villages, wadis, hills, bases).

Two tables are read, as zip or bare text, streamed line by line (allCountries is 1.5 GB unzipped):

- the "geoname" table: allCountries.zip, a country file (SY.zip holding SY.txt, or SY.txt), 19 tab-separated
  columns. Feature class and code give the kind: P -> town, A.ADM1 -> admin1 (id "adm1:SY.11"), A.ADM2 ->
  admin2 (id "adm2:SY.11.1234"), and every other feature keeps its GeoNames code lower-cased as its kind
  ("wad", "mt", "airb"). A place already in the index under the same geonameid has its facts replaced;
  its names stay and the dump's are added. A country (A.PCL*) is never added: the country of the index
  with its geonameid takes the row's point, GeoNames' own, and keeps its id, names and population;
- the alternate names table (alternateNamesV2.zip or .txt): names added to places in the index. Rows
  in the languages "link", "wkdt", "post", "iata", "icao", "faac" and "unlc" are codes, not names, and
  are left out; "abbr" rows are abbreviations.

Files are read in that order whatever order they are given in. A malformed line is counted and
reported with its line number and the import goes on.
"""

from __future__ import annotations

import io
import json
import sqlite3
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Code, SitrepError
from ..models import GazetteerEntry
from .gazetteer import Gazetteer
from .index import ENTRY_COLUMNS, INSERT_ENTRY, INSERT_NAME, entry_values, name_rows, place_names

GEONAME_COLUMNS = 19
CODE_LANGUAGES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "unlc"})
CHUNK = 5_000  # lines written together
MAX_PROBLEMS = 100  # malformed lines reported one by one; the rest are counted

Progress = Callable[[str], None]


@dataclass
class ImportReport:
    """What an import added, replaced and left out, file by file problems included."""

    files: list[str] = field(default_factory=list)  # read in full
    places: Counter[str] = field(default_factory=Counter)  # kind -> places added or replaced
    replaced: int = 0  # of those, places the index had already
    names: int = 0  # names added
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> lines left out on purpose
    malformed: int = 0
    problems: list[str] = field(default_factory=list)  # "SY.txt:12: 5 columns, 19 expected"
    failed: list[str] = field(default_factory=list)  # files that could not be read, with the reason
    seconds: float = 0.0

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count:,}" for kind, count in self.places.most_common())
        left = ", ".join(f"{reason} {count:,}" for reason, count in sorted(self.skipped.items()))
        return (
            f"{sum(self.places.values()):,} places ({kinds or 'none'}; {self.replaced:,} replaced), "
            f"{self.names:,} names added, {self.malformed:,} malformed lines, {len(self.failed)} unreadable files"
            + (f"; left out: {left}" if left else "")
            + f" in {self.seconds:.1f} s"
        )

    def problem(self, where: str, line: int, message: str) -> None:
        self.malformed += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{where}:{line}: {message}")


@dataclass(frozen=True)
class _Place:
    """One line of the geoname table, as the index keeps it."""

    entry: GazetteerEntry
    names: list[tuple[str, str]]


def feature_kind(feature_class: str, feature_code: str) -> str | None:
    """The index's kind for a GeoNames feature; None for countries."""
    if feature_class == "P":
        return "town"
    if feature_class == "A" and feature_code in ("ADM1", "ADM2"):
        return f"admin{feature_code[-1]}"
    if feature_class == "A" and feature_code.startswith("PCL"):
        return None
    return feature_code.lower() or "feature"


def import_dump(gazetteer_path: str | Path, files: Sequence[Path], *, progress: Progress | None = None) -> ImportReport:
    """Load GeoNames dumps into the index at `gazetteer_path` (built first when missing)."""
    started = time.perf_counter()
    say = progress or (lambda message: None)
    path = Path(gazetteer_path)
    Gazetteer.open(path, progress=progress).close()
    report = ImportReport()
    ordered = sorted(files, key=lambda f: _is_alternate_names(Path(f)))
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        for file in map(Path, ordered):
            try:
                with _lines(file) as lines:
                    db.execute("BEGIN IMMEDIATE")
                    if _is_alternate_names(file):
                        _Importer(db, report, file.name, say).alternate_names(lines)
                    else:
                        _Importer(db, report, file.name, say).places(lines, f"geonames-{_stem(file)}")
                    _remember(db, file)
                    db.execute("COMMIT")
                report.files.append(str(file))
            except SitrepError as error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                report.failed.append(str(error))
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
    finally:
        db.close()
    report.seconds = round(time.perf_counter() - started, 1)
    return report


def _stem(file: Path) -> str:
    return file.name.split(".")[0]


def _is_alternate_names(file: Path) -> bool:
    return _stem(file).startswith("alternateNames")


@contextmanager
def _lines(file: Path) -> Iterator[Iterator[str]]:
    """The text lines of a dump, from inside its zip (the member named like the zip) or as it is."""
    if not file.exists():
        raise SitrepError(Code.MISSING_PATH, f"{file}: no such file")
    try:
        if file.suffix.lower() == ".zip":
            with zipfile.ZipFile(file) as archive:
                member = f"{_stem(file)}.txt"
                if member not in archive.namelist():
                    raise SitrepError(Code.UNSUPPORTED, f"{file}: no {member} inside the zip")
                with archive.open(member) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n")
        else:
            with file.open(encoding="utf-8", errors="replace", newline="\n") as handle:
                yield handle
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise SitrepError(Code.UNREADABLE, f"{file}: cannot be read ({exc})")


def _remember(db: sqlite3.Connection, file: Path) -> None:
    """Record the file in the index's meta table, so a rebuild imports it again."""
    row = db.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
    imports = json.loads(row[0]) if row else []
    if str(file.resolve()) not in imports:
        imports.append(str(file.resolve()))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports),))


class _Importer:
    """Writes one file's lines into the index, CHUNK lines at a time."""

    def __init__(self, db: sqlite3.Connection, report: ImportReport, where: str, say: Progress) -> None:
        self.db, self.report, self.where, self.say = db, report, where, say
        self.admin1 = {code: (name, iso) for code, name, iso in db.execute(
            "SELECT admin1_code, name, admin1_iso FROM entries WHERE kind = 'admin1'"
        )}  # fmt: skip
        self.admin2 = {entry_id[5:]: name for entry_id, name in db.execute(
            "SELECT id, name FROM entries WHERE kind = 'admin2'"
        )}  # fmt: skip
        self.next_n = int(db.execute("SELECT COALESCE(MAX(n), 0) + 1 FROM entries").fetchone()[0])
        self.country_points: list[tuple[float, float, str, int]] = []  # lat, lon, source, geonameid

    # -- the geoname table -------------------------------------------------------------------------------

    def places(self, lines: Iterator[str], source: str) -> None:
        chunk: list[_Place] = []
        for number, line in enumerate(lines, start=1):
            place = self._place(number, line, source)
            if place is not None:
                chunk.append(place)
            if len(chunk) >= CHUNK:
                self._write_places(chunk)
                chunk = []
                self.say(f"{self.where}: {number:,} lines")
        self._write_places(chunk)

    def _place(self, number: int, line: str, source: str) -> _Place | None:
        fields = line.rstrip("\r\n").split("\t")
        if fields == [""]:
            return None
        if len(fields) != GEONAME_COLUMNS:
            self.report.problem(self.where, number, f"{len(fields)} columns, {GEONAME_COLUMNS} expected")
            return None
        try:
            geonameid, lat, lon = int(fields[0]), float(fields[4]), float(fields[5])
            population = int(fields[14] or 0)
            if not fields[1] or abs(lat) > 90 or abs(lon) > 180:
                raise ValueError("no name, or a point off the globe")
        except ValueError as exc:
            self.report.problem(self.where, number, str(exc))
            return None
        kind = feature_kind(fields[6], fields[7])
        if kind is None:
            self.country_points.append((lat, lon, source, geonameid))
            return None
        country, admin1, admin2 = fields[8] or None, fields[10], fields[11]
        code = f"{country}.{admin1}" if country and admin1 else None
        admin1_name, admin1_iso = self.admin1.get(code or "", (None, None))
        entry = GazetteerEntry(
            id=_entry_id(kind, geonameid, code, admin2),
            name=fields[1],
            lat=lat,
            lon=lon,
            kind=kind,
            country=country,
            admin1_code=code,
            admin1_name=fields[1] if kind == "admin1" else admin1_name,
            admin1_iso=admin1_iso,
            admin2_name=fields[1] if kind == "admin2" else self.admin2.get(f"{code}.{admin2}"),
            population=population,
            geonameid=geonameid,
            source=source,
        )
        alternates = [fields[2], *fields[3].split(",")]
        return _Place(entry, place_names(fields[1], [a for a in alternates if a]))

    def _write_places(self, chunk: list[_Place]) -> None:
        self._write_country_points()
        if not chunk:
            return
        slots = self._slots(chunk)
        seen = self._keys(list(slots.values()))
        names = []
        for place in chunk:
            n = slots.get(place.entry.id)
            if n is None:
                n, self.next_n = self.next_n, self.next_n + 1
                slots[place.entry.id] = n  # a place listed twice in one chunk is then replaced
                self.db.execute(INSERT_ENTRY, (n, *entry_values(place.entry)))
            else:
                self.report.replaced += 1
                self.db.execute(
                    f"UPDATE entries SET ({ENTRY_COLUMNS}) = ({', '.join('?' * 13)}) WHERE n = ?",
                    (*entry_values(place.entry), n),
                )
            self.report.places[place.entry.kind] += 1
            names += [(n, *row) for row in name_rows(place.names, seen.setdefault(n, set()))]
        self._add_names(names)

    def _write_country_points(self) -> None:
        """The countries of the index at the points of their GeoNames rows (by geonameid)."""
        for lat, lon, source, geonameid in self.country_points:
            moved = self.db.execute(
                "UPDATE entries SET lat = ?, lon = ?, source = ? WHERE kind = 'country' AND geonameid = ?", (lat, lon, source, geonameid)
            ).rowcount
            self.report.places["country"] += moved
            self.report.replaced += moved
            if not moved:
                self.report.skipped["countries the index lacks"] += 1
        self.country_points = []

    def _slots(self, chunk: list[_Place]) -> dict[str, int]:
        """entry id -> the row it replaces: the row with that geonameid (preferably with that id), else
        the row with that id. Other rows that hold a wanted id are removed."""
        wanted = {p.entry.geonameid: p.entry.id for p in chunk}
        slots: dict[str, int] = {}
        rows = self._in(
            "SELECT geonameid, id, n FROM entries WHERE kind <> 'country' AND geonameid IN ({})", list(wanted)
        )
        for geonameid, entry_id, n in sorted(rows, key=lambda row: (row[1] != wanted[row[0]], row[2])):
            slots.setdefault(wanted[geonameid], n)
        taken = self._in("SELECT id, n FROM entries WHERE id IN ({})", [p.entry.id for p in chunk])
        for entry_id, n in taken:
            if slots.setdefault(entry_id, n) != n:
                self.db.execute("DELETE FROM names WHERE entry = ?", (n,))
                self.db.execute("DELETE FROM entries WHERE n = ?", (n,))
        return slots

    # -- the alternate names table ---------------------------------------------------------------------

    def alternate_names(self, lines: Iterator[str]) -> None:
        chunk: list[tuple[int, str, str]] = []  # geonameid, name, name_kind
        for number, line in enumerate(lines, start=1):
            fields = line.rstrip("\r\n").split("\t")
            if fields == [""]:
                continue
            if len(fields) < 4 or not fields[1].isdigit() or not fields[3].strip():
                self.report.problem(self.where, number, f"not an alternate name row ({len(fields)} columns)")
                continue
            if fields[2] in CODE_LANGUAGES:
                self.report.skipped[f"codes ({fields[2]})"] += 1
                continue
            chunk.append((int(fields[1]), fields[3], "abbreviation" if fields[2] == "abbr" else "alternate"))
            if len(chunk) >= CHUNK:
                self._write_alternates(chunk)
                chunk = []
                self.say(f"{self.where}: {number:,} lines")
        self._write_alternates(chunk)

    def _write_alternates(self, chunk: list[tuple[int, str, str]]) -> None:
        slots: dict[int, list[int]] = {}
        rows = self._in("SELECT geonameid, n FROM entries WHERE geonameid IN ({})", [g for g, _, _ in chunk])
        for geonameid, n in rows:
            slots.setdefault(geonameid, []).append(n)
        seen = self._keys([n for ns in slots.values() for n in ns])
        names = []
        for geonameid, name, name_kind in chunk:
            if geonameid not in slots:
                self.report.skipped["names of places not in the index"] += 1
            for n in slots.get(geonameid, []):
                names += [(n, *row) for row in name_rows([(name, name_kind)], seen.setdefault(n, set()))]
        self._add_names(names)

    # -- shared -----------------------------------------------------------------------------------------

    def _keys(self, entries: list[int]) -> dict[int, set[str]]:
        """The keys each of these entries is already indexed under."""
        found: dict[int, set[str]] = {}
        for n, key in self._in("SELECT entry, COALESCE(exact, loose) FROM names WHERE entry IN ({})", entries):
            found.setdefault(n, set()).add(key)
        return found

    def _add_names(self, rows: list[tuple[Any, ...]]) -> None:
        self.db.executemany(INSERT_NAME, rows)
        self.report.names += len(rows)

    def _in(self, sql: str, values: list[Any]) -> list[tuple[Any, ...]]:
        """Rows of `sql` with its IN ({}) list filled from `values`, 500 at a time."""
        rows: list[tuple[Any, ...]] = []
        distinct = list(dict.fromkeys(values))
        for start in range(0, len(distinct), 500):
            part = distinct[start : start + 500]
            rows += self.db.execute(sql.format(", ".join("?" * len(part))), part).fetchall()
        return rows


def _entry_id(kind: str, geonameid: int, admin1_code: str | None, admin2: str) -> str:
    if kind == "admin1" and admin1_code:
        return f"adm1:{admin1_code}"
    if kind == "admin2" and admin1_code and admin2:
        return f"adm2:{admin1_code}.{admin2}"
    return f"gn:{geonameid}"

