"""The `sitrep` command: the app that gathers the command groups, `--version`, and the one way errors
end a run. Each group loads its heavy libraries (spaCy, the place index, the
server) inside the commands that need them, so `sitrep --help` starts at once."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import SitrepError
from .articles import articles_app, stats_command
from .events import events_command, extract_command
from .export_store import export_store_command
from .gazetteer import gazetteer_app, geoparse_command
from .ingest import ingest_command
from .link import claims_command, cluster_command, incidents_command, link_command, stories_command
from .serve import serve_command
from .support import command_group, err, error_line

app = command_group("sitrep: raw conflict news in; a sourced, geocoded, deduplicated record of events out.")


def _print_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version

        typer.echo(f"sitrep {version('sitrep')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print sitrep's version and exit.")
    ] = False,
) -> None:
    pass


app.command("ingest")(ingest_command)
app.command("geoparse")(geoparse_command)
app.add_typer(articles_app, name="articles")
app.command("stats")(stats_command)
app.command("serve")(serve_command)
app.command("events")(events_command)
app.command("incidents")(incidents_command)
app.command("claims")(claims_command)
app.command("stories")(stories_command)
app.command("link")(link_command)
app.command("extract")(extract_command)
app.command("cluster")(cluster_command)
app.command("export-store")(export_store_command)
app.add_typer(gazetteer_app, name="gazetteer")


def main() -> None:
    """Entry point: a library error is one line, `error CODE: message`, and exit code 2. (Typer ends a
    run whose reader closed our output, `| head`, quietly.)"""
    try:
        app()
    except SitrepError as error:
        err.print(error_line(error))
        sys.exit(2)
