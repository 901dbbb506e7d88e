"""The `sitrep` command: a thin shell over the library (`sitrep.pipeline`, `sitrep.store`)."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import pipeline
from .cli_support import DbOption, err, fail, open_db, parse_date, run_jsonl
from .errors import SitrepError
from .events_cli import OutputOption, events_command, extract_command, write_listing
from .export.listing import ARTICLES
from .gazetteer_cli import gazetteer_app
from .ingest.readers import DEFAULT_MAX_BYTES
from .link_cli import claims_command, cluster_command, incidents_command, link_command, stories_command
from .models import ReadFailure
from .output import Format, write_rows
from .store import DEFAULT_DB
from .terminal import shown

app = typer.Typer(
    help="sitrep: raw conflict news in; a sourced, geocoded, deduplicated record of events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
articles_app = typer.Typer(help="List stored articles, or `show ID` for one in full.", no_args_is_help=False)
app.add_typer(articles_app, name="articles")
app.add_typer(gazetteer_app, name="gazetteer")

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ARTICLE_COLUMNS = ["id", "published", "outlet", "kind", "sources", "near_duplicates", "title"]


class ArticleFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class _RichProgress(pipeline.Progress):
    """Shows the ingest on stderr: a spinner while reading, a bar while storing, failures as they come."""

    def __init__(self, bar: Progress, quiet: bool) -> None:
        self.bar, self.quiet = bar, quiet
        self.task = bar.add_task("reading", total=None)

    def reading(self, where: str) -> None:
        self.bar.update(self.task, description=f"reading {shown(where[-50:])}")

    def start(self, total: int) -> None:
        self.bar.update(self.task, description="storing", total=total, completed=0)

    def advance(self) -> None:
        self.bar.advance(self.task)

    def failed(self, failure: ReadFailure) -> None:
        self.bar.console.print(f"[red]failed[/red] {shown(str(failure))}")

    def notice(self, message: str) -> None:
        if not self.quiet:
            self.bar.console.print(f"[yellow]note[/yellow] {shown(message)}")


@app.command()
def ingest(
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
) -> None:
    """Read, clean, deduplicate and store articles with their places and events. Exits 1 when any input failed."""
    options = pipeline.IngestOptions(
        outlet=outlet, published=parse_date(published, "--published"), url=url, max_bytes=max_bytes, analyse=analyse
    )
    store = open_db(db)
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    try:
        with Progress(*columns, console=err, transient=True, disable=quiet) as bar:
            report = pipeline.ingest(paths, store, options, _RichProgress(bar, quiet))
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/yellow]: what was stored so far is kept; run the same command again to finish")
        raise typer.Exit(130)
    finally:
        store.close()
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def geoparse(
    source: Annotated[str, typer.Argument(help="JSONL file of {\"id\", \"text\"} lines, or - for stdin.")] = "-",
    gold_spans: Annotated[
        bool, typer.Option("--gold-spans", help="Resolve exactly the spans each line gives in \"toponyms\", in order.")
    ] = False,
) -> None:
    """Find and resolve place mentions: JSONL in, JSONL {"id", "places": [...]} out. No database."""
    from .places import Geoparser
    from .places.jsonl import geoparse_lines

    geoparser = Geoparser()
    if run_jsonl(source, lambda lines: geoparse_lines(lines, geoparser, gold_spans=gold_spans)):
        raise typer.Exit(1)


@articles_app.callback(invoke_without_command=True)
def articles(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ArticleFormat, typer.Option("--format", "-f", help="Output format.")] = ArticleFormat.table,
    output: OutputOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="Only news or opinion.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[Optional[int], typer.Option(min=0, help="At most this many rows.")] = None,
) -> None:
    """List stored articles, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    since_date, until_date = parse_date(since, "--since"), parse_date(until, "--until")
    with open_db(db) as store:
        rows = store.list_articles(
            outlet=outlet,
            kind=kind,
            since=since_date.isoformat() if since_date else None,
            until=until_date.isoformat() if until_date else None,
            limit=limit,
        )
    write_listing(ARTICLES, rows, fmt.value, output, False, ARTICLE_COLUMNS)


@articles_app.command("show")
def show(
    article_id: Annotated[str, typer.Argument(help="Article id, or a unique prefix of one.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of the readable view.")] = False,
) -> None:
    """One article in full: metadata, cleaned text, what cleaning removed and why, places, every source."""
    with open_db(db) as store:
        try:
            article = store.get_article(store.resolve_id(article_id))
        except SitrepError as error:
            fail(error)
    if as_json:
        typer.echo(json.dumps(article, ensure_ascii=False, indent=2))
    else:
        _print_article(article)


def _print_article(article: dict[str, Any]) -> None:
    out = Console(highlight=False)
    out.print(f"[bold]{shown(article['title'] or '(no title)')}[/bold]")
    dated = f"{article['published']} (from {article['published_from']})" if article["published"] else "unknown"
    out.print(f"id {article['id']} · {article['kind']} · published {dated} · outlet {article['outlet'] or 'unknown'}")
    if article["kind_evidence"]:
        out.print(f"opinion because: “{shown(article['kind_evidence']['text'])}”")
    out.print()
    out.print(shown(article["text"]))
    removed = [r for r in article["removed"] if r["rule"] != "whitespace"]
    if removed:
        out.print("\n[bold]removed by cleaning[/bold]")
        for span in removed:
            out.print(f"  [{span['start']}:{span['end']}] {span['reason']}: {shown(span['text'].strip()[:100])}")
    out.print(f"\n[bold]sources[/bold] ({len(article['sources'])})")
    for source in article["sources"]:
        where = source["path"] + (f":{source['line']}" if source["line"] else "")
        if source["record"]:
            where += f" record {source['record']}"
        out.print(f"  {shown(where)} · {source['format']} · {source['outlet'] or 'outlet unknown'} · sha256 {source['raw_sha256'][:12]}")
    if article["places"]:
        out.print(f"\n[bold]places[/bold] ({len(article['places'])})")
        for place in article["places"]:
            out.print(f"  {_place_line(place)}")
    if article["near_duplicates"]:
        out.print("\n[bold]near duplicates[/bold]")
        for near in article["near_duplicates"]:
            out.print(f"  {near['id']} jaccard {near['jaccard']:.2f} containment {near['containment']:.2f}")


def _place_line(place: dict[str, Any]) -> str:
    where = f"[{place['span_start']}:{place['span_end']}] {shown(place['text'])}"
    if not place["resolved"]:
        return f"{where} → unresolved: {shown(place['why'][0])}"
    area = ", ".join(shown(part) for part in (place["admin1"], place["country"]) if part)
    return (
        f"{where} → {shown(place['name'])} ({area}) {place['lat']:.4f}, {place['lon']:.4f}"
        f" · {place['feature']} · precision {place['geo_precision']}"
    )


@app.command()
def stats(db: DbOption = DEFAULT_DB, fmt: FormatOption = Format.table) -> None:
    """Counts: articles, sources, exact and near duplicates, dates, kinds, outlets."""
    with open_db(db) as store:
        figures = store.stats()
    if fmt is Format.jsonl:
        typer.echo(json.dumps(figures, ensure_ascii=False))
        return
    rows = []
    for key, value in figures.items():
        if isinstance(value, dict):
            rows += [{"figure": f"{key}.{name}", "value": n} for name, n in value.items()]
        else:
            rows.append({"figure": key, "value": value})
    write_rows(rows, ["figure", "value"], fmt)


@app.command()
def serve(
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
    """Serve the HTTP API (read-only unless a token is set) and the map; OpenAPI at /docs."""
    from .api import serving

    try:
        secret, source = serving.read_token(token, token_file)
        serving.check_store(Path(db))
    except SitrepError as error:
        fail(error)
    for warning in serving.token_warnings(source, token_file):
        err.print(f"[yellow]warning[/yellow] {shown(warning)}")
    address = f"[{host}]" if ":" in host else host
    writes = "read-only" if secret is None else f"writes with the bearer token from {source}"
    if secret is not None and write_rate is not None:
        writes += f", at most {write_rate} a minute per client"
    typer.echo(f"sitrep serve: http://{address}:{port}/ (API docs at /docs; {workers} worker{'s' * (workers > 1)}; {writes})")
    allowed = (host, *(allowed_host or ()))
    serving.serve(Path(db), secret, host, port, workers, allowed_hosts=allowed, write_rate=write_rate,
                  request_timeout=request_timeout, threads=threads)  # fmt: skip


# Commands that live in their own modules, listed after ingest, articles and stats.
app.command("events")(events_command)
app.command("incidents")(incidents_command)
app.command("claims")(claims_command)
app.command("stories")(stories_command)
app.command("link")(link_command)
app.command("extract")(extract_command)
app.command("cluster")(cluster_command)


def main() -> None:
    """Entry point that turns library errors into one clear line and exit code 2."""
    try:
        app()
    except SitrepError as error:
        err.print(f"[red]error[/red] {shown(str(error))}")
        sys.exit(2)
