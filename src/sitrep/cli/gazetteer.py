"""`sitrep gazetteer`: build the place index, import GeoNames dumps into it, look names up, describe it;
and `sitrep geoparse`, which reads place names against it (JSONL in and out)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import SitrepError
from ..terminal import shown
from .output import Format, write_rows
from .support import command_group, err, fail, run_jsonl

if TYPE_CHECKING:
    from ..places.gazetteer import Gazetteer

gazetteer_app = command_group("The place index: build it, import GeoNames dumps into it, look names up.")

GazetteerOption = Annotated[
    Optional[Path],
    typer.Option(
        "--gazetteer",
        envvar="SITREP_GAZETTEER",
        help="Index file (default ~/.cache/sitrep/gazetteer-<schema>.sqlite; built when missing).",
    ),
]
LOOKUP_COLUMNS = ["id", "name", "kind", "country", "admin1", "lat", "lon", "population", "level", "matched"]


def _open(path: Path | None) -> Gazetteer:
    from ..places.gazetteer import Gazetteer

    with err.status("opening the gazetteer") as status:
        try:
            return Gazetteer.open(path, progress=lambda message: status.update(shown(message)))
        except SitrepError as error:
            fail(error)


@gazetteer_app.command("build")
def build_command(
    gazetteer: GazetteerOption = None,
    features: Annotated[
        Optional[Path], typer.Option(help="Curated features CSV (default: the one that ships with sitrep).")
    ] = None,
) -> None:
    """Build the index from scratch (about half a minute); GeoNames dumps it held are imported again."""
    from ..places.build import build, default_features
    from ..places.geonames import import_dump
    from ..places.index import default_path, read_meta

    path = gazetteer or default_path()
    try:
        imports = json.loads(read_meta(path).get("imports", "[]")) if path.exists() else []
    except SitrepError as error:
        fail(error)
    with err.status("building the gazetteer") as status:
        report = build(path, features=features or default_features(), progress=lambda m: status.update(shown(m)))
        status.update(f"importing again {len(imports)} GeoNames file(s)")
        again = import_dump(path, [Path(p) for p in imports if Path(p).exists()]) if imports else None
    typer.echo(f"{path}: {report.summary()}")
    if again is not None:
        typer.echo(f"imported again: {again.summary()}")


@gazetteer_app.command("import")
def import_command(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dumps: allCountries.zip, SY.zip, SY.txt, alternateNamesV2.zip …")],
    gazetteer: GazetteerOption = None,
) -> None:
    """Load official GeoNames dumps into the index. Exits 1 when a file could not be read."""
    from ..places.geonames import import_dump
    from ..places.index import default_path

    path = gazetteer or default_path()
    with err.status("importing") as status:
        try:
            report = import_dump(path, files, progress=lambda message: status.update(shown(message)))
        except SitrepError as error:
            fail(error)
    for problem in report.problems:
        err.print(f"[yellow]malformed[/yellow] {shown(problem)}")
    if report.malformed > len(report.problems):
        err.print(f"[yellow]malformed[/yellow] … and {report.malformed - len(report.problems):,} more lines")
    for failure in report.failed:
        err.print(f"[red]failed[/red] {shown(failure)}")
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


@gazetteer_app.command("lookup")
def lookup_command(
    name: Annotated[str, typer.Argument(help="A place name in any spelling, e.g. 'Deir Ezzor' or 'السخنة'.")],
    gazetteer: GazetteerOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many candidates.")] = 50,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """The places a name may mean, best matches first. Exits 1 when there are none."""
    with _open(gazetteer) as index:
        matches = index.lookup(name, limit=limit)
    if not matches:
        err.print(f"no place is named {shown(repr(name))}")
        raise typer.Exit(1)
    rows = [
        {**asdict(m.entry), "admin1": m.entry.admin1_name or m.entry.admin1_code, "level": m.level, "matched": m.matched}
        for m in matches
    ]
    write_rows(rows, LOOKUP_COLUMNS, fmt)


@gazetteer_app.command("info")
def info_command(gazetteer: GazetteerOption = None) -> None:
    """Where the index is, its size and schema, the source versions and how many places of each kind."""
    with _open(gazetteer) as index:
        info = index.info()
    typer.echo(f"path      {info['path']}")
    typer.echo(f"size      {info['bytes'] / 1e6:.1f} MB")
    typer.echo(f"schema    {info['schema']}, built {info['built']}")
    typer.echo("sources   " + ", ".join(f"{name} {version}" for name, version in info["sources"].items()))
    typer.echo(f"features  {info['features'] or 'none'}")
    for file in info["imports"]:
        typer.echo(f"imported  {file}")
    typer.echo(f"names     {info['names']:,}")
    for kind, count in info["entries"].items():
        typer.echo(f"{kind:9} {count:,}")


def geoparse_command(
    source: Annotated[str, typer.Argument(help="JSONL file of {\"id\", \"text\"} lines, or - for stdin.")] = "-",
    gold_spans: Annotated[
        bool, typer.Option("--gold-spans", help="Resolve exactly the spans each line gives in \"toponyms\", in order.")
    ] = False,
) -> None:
    """Find and resolve place mentions: JSONL in, JSONL {"id", "places": [...]} out. No database."""
    from ..places import Geoparser
    from ..places.jsonl import geoparse_lines

    geoparser = Geoparser()
    if run_jsonl(source, lambda lines: geoparse_lines(lines, geoparser, gold_spans=gold_spans)):
        raise typer.Exit(1)
