"""`sitrep articles` (the stored articles, or `show ID` for one in full with its events) and `sitrep stats`."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from ..errors import SitrepError
from ..store.filters import EventFilters
from ..terminal import shown
from .events import OutputOption, write_listing
from .output import Format, write_rows
from ..store import DEFAULT_DB
from .support import DbOption, command_group, fail, open_db, parse_date

articles_app = command_group("List stored articles, or `show ID` for one in full.", no_args_is_help=False)
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ARTICLE_COLUMNS = ["id", "published", "outlet", "kind", "sources", "near_duplicates", "title"]


class ArticleFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@articles_app.callback(invoke_without_command=True)
def articles(
    ctx: typer.Context,
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ArticleFormat, typer.Option("--format", "-f", help="Output format.")] = ArticleFormat.table,
    output: OutputOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet (any case or accents).")] = None,
    kind: Annotated[Optional[str], typer.Option(help="Only news or opinion.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[Optional[int], typer.Option(min=0, help="At most this many rows.")] = None,
) -> None:
    """List stored articles, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    from ..export.listing import ARTICLES

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
    article_id: Annotated[str, typer.Argument(help="Article id, or a unique prefix of one (e.g. its first 6 characters).")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object instead of the readable view.")] = False,
) -> None:
    """One article in full: metadata, cleaned text, what cleaning removed and why, places, every source,
    and the events read from it. A prefix that fits several articles lists them (E602)."""
    with open_db(db) as store:
        try:
            article = store.get_article(store.resolve_id(article_id))
        except SitrepError as error:
            fail(error)
        article["events"] = store.list_events(EventFilters(article_id=article["id"]))
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
    out.print(f"\n[bold]events[/bold] ({len(article['events'])})")
    for event in article["events"]:
        out.print(f"  {_event_line(event)}", soft_wrap=True)
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


def _event_line(event: dict[str, Any]) -> str:
    """`2017-08-06 Armed clash at al-Sukhnah (Syria): Military Forces of Syria v. Islamic State · reported · 3 dead · id`."""
    actors = " v. ".join(shown(a["name"]) for a in (event.get("actor1"), event.get("actor2")) if a)
    where = shown(", ".join(part for part in (event.get("location"), event.get("country")) if part) or "place unknown")
    line = f"{event.get('event_date') or 'undated'} {shown(event['sub_event_type'])} at {where}"
    line += f": {actors}" if actors else ""
    line += f" · {event.get('modality')} · {event.get('fatalities') or 0} dead · {event['id']}"
    return line


def stats_command(db: DbOption = DEFAULT_DB, fmt: FormatOption = Format.table) -> None:
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
