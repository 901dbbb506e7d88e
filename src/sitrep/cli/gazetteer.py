"""`sitrep gazetteer`: build the place index, import GeoNames dumps into it, look names up, describe it."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console

from ..errors import SitrepError
from .output import Format, write_rows
from ..places.build import build, default_features
from ..places.gazetteer import Gazetteer
from ..places.index import default_path, read_meta
from ..places.geonames import import_dump
from ..terminal import shown

gazetteer_app = typer.Typer(
    help="The place index: build it, import GeoNames dumps into it, look names up.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

GazetteerOption = Annotated[
    Optional[Path],
    typer.Option(
        "--gazetteer",
        envvar="SITREP_GAZETTEER",
        help="Index file (default ~/.cache/sitrep/gazetteer-<schema>.sqlite; built when missing).",
    ),
]
LOOKUP_COLUMNS = ["id", "name", "kind", "country", "admin1", "lat", "lon", "population", "level", "matched"]


def _fail(error: SitrepError) -> NoReturn:
    err.print(f"[red]error[/red] {shown(str(error))}")
    raise typer.Exit(2)


def _open(path: Path | None) -> Gazetteer:
    with err.status("opening the gazetteer") as status:
        try:
            return Gazetteer.open(path, progress=lambda message: status.update(shown(message)))
        except SitrepError as error:
            _fail(error)


@gazetteer_app.command("build")
def build_command(
    gazetteer: GazetteerOption = None,
    features: Annotated[
        Optional[Path], typer.Option(help="Curated features CSV (default: the one that ships with sitrep).")
    ] = None,
) -> None:
    """Build the index from scratch (about half a minute); GeoNames dumps it held are imported again."""
    path = gazetteer or default_path()
    try:
        imports = json.loads(read_meta(path).get("imports", "[]")) if path.exists() else []
    except SitrepError as error:
        _fail(error)
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
    path = gazetteer or default_path()
    with err.status("importing") as status:
        try:
            report = import_dump(path, files, progress=lambda message: status.update(shown(message)))
        except SitrepError as error:
            _fail(error)
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
