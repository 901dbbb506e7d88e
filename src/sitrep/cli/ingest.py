"""`sitrep ingest`: read, clean, deduplicate and store articles with their places and events."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..ingest import DEFAULT_MAX_BYTES
from ..store import DEFAULT_DB
from .support import DbOption, err, open_db, parse_date


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt .html .htm .jsonl .warc .warc.gz), or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for articles that do not name one.")] = None,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles with none in metadata or a dateline.")
    ] = None,
    url: Annotated[Optional[str], typer.Option(help="URL for articles that do not carry one.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip files (and JSONL lines, WARC records) larger than this.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or notes; failures and summary only.")] = False,
    analyse: Annotated[
        bool, typer.Option("--analyse/--no-analyse", help="Find places and events (--no-analyse: store the articles only).")
    ] = True,
    workers: Annotated[
        Optional[int], typer.Option(min=1, help="Processes that find places and events (default: one per core).", show_default=False)
    ] = None,
    ray: Annotated[
        Optional[str], typer.Option(help="Find places and events on a Ray cluster: auto (the one here, or a new one) or its address.")
    ] = None,
) -> None:
    """Read, clean, deduplicate and store articles with their places and events (creating the
    database when missing). Progress goes to stderr: a bar on a terminal, a line every few seconds
    elsewhere. Exits 1 when any input failed."""
    from .. import pipeline
    from ..workers import cores
    from .progress import ingest_progress

    options = pipeline.IngestOptions(
        outlet=outlet, published=parse_date(published, "--published"), url=url, max_bytes=max_bytes, analyse=analyse,
        workers=workers or cores(), ray=ray,
    )
    store = open_db(db, create=True)
    try:
        with ingest_progress(err, quiet) as progress:
            report = pipeline.ingest(paths, store, options, progress)
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/yellow]: what was stored so far is kept; run the same command again to finish")
        raise typer.Exit(130)
    finally:
        store.close()
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)
