"""`sitrep serve`: the HTTP API and the map, with its address and docs URL said before it starts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import SitrepError
from ..terminal import shown
from ..store import DEFAULT_DB
from .support import DbOption, err, fail, refuse_missing


def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token_file: Annotated[
        Optional[Path], typer.Option(help="Enable POST /api/articles for the bearer token in this file (else $SITREP_TOKEN).")
    ] = None,
    token: Annotated[
        Optional[str], typer.Option(help="The token itself: seen by every user of the machine in `ps`; prefer --token-file.")
    ] = None,
    allowed_host: Annotated[
        Optional[list[str]],
        typer.Option(help="A Host name to answer besides localhost, 127.0.0.1, ::1 and --host (repeatable; * for any)."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (default: one per core).")] = os.cpu_count() or 1,
    threads: Annotated[int, typer.Option(min=1, max=64, help="Requests each server process runs at once.")] = 1,
    write_rate: Annotated[
        Optional[int], typer.Option(min=1, help="At most this many POST /api/articles a minute per client address (429 past it).")
    ] = None,
    request_timeout: Annotated[
        float, typer.Option(min=0.1, max=3600, help="Seconds a client has to send a request's head, and then its body (408 after).")
    ] = 15.0,
) -> None:
    """Serve the HTTP API (read-only unless a token is set) and the map; OpenAPI at /docs. Without a
    token the database must exist; with one, a missing database is created for the articles posted."""
    from ..api import serving

    try:
        secret, source = serving.read_token(token, token_file)
        if secret is None:
            refuse_missing(db)
        serving.check_store(db)
        serving.check_port(host, port)
    except SitrepError as error:
        fail(error)
    for warning in serving.token_warnings(source, token_file):
        err.print(f"[yellow]warning[/yellow] {shown(warning)}")
    address = f"[{host}]" if ":" in host else host
    writes = "read-only" if secret is None else f"writes with the bearer token from {source}"
    if secret is not None and write_rate is not None:
        writes += f", at most {write_rate} a minute per client"
    typer.echo(
        f"sitrep serve: http://{address}:{port}/ (API docs at http://{address}:{port}/docs;"
        f" {workers} worker{'s' * (workers > 1)}; {writes})"
    )
    allowed = (host, *(allowed_host or ()))
    serving.serve(db, secret, host, port, workers, allowed_hosts=allowed, write_rate=write_rate,
                  request_timeout=request_timeout, threads=threads)  # fmt: skip
