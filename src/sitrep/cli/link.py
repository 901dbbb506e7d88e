"""`sitrep cluster` (JSONL articles in, `{"id", "story"}` out, no database); `sitrep incidents` and
`sitrep claims` (what linking stored)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import Code, SitrepError
from . import filters
from .events import AllModalities, EventFormat, FormatOption, OutputOption, write_listing
from .support import DbOption, err, fail, open_db, parse_date, run_jsonl
from .output import Format, write_rows
from ..store import DEFAULT_DB
from ..store.filters import EventFilters
from ..jsonl import parse_line, published_date
from ..link.claims import STATUSES
from ..link.rows import CLAIM_COLUMNS, STORY_COLUMNS, claim_row, story_row
from ..link.tuning import NEIGHBOURS, THRESHOLD

if TYPE_CHECKING:
    from ..link.stories import StoryArticle, StoryParams


def cluster_command(
    source: Annotated[
        str, typer.Argument(help="JSONL file of {\"id\", \"text\", \"title\"?, \"published\"?} lines, or - for stdin.")
    ] = "-",
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Average similarity at which two groups of articles join one story (higher: smaller stories).")
    ] = THRESHOLD,
    neighbours: Annotated[
        int, typer.Option(min=0, help="Nearest articles each article is compared through (0: direct similarity only).")
    ] = NEIGHBOURS,
    analyse: Annotated[
        bool, typer.Option("--analyse/--text-only", help="Use the places, actors and events sitrep reads (--text-only: words and names only, much faster).")
    ] = True,
) -> None:
    """Group articles into stories (articles about the same seminal event): {"id", "story"} per line, in order.

    Stories are numbered 1, 2, ... by their first article. All lines are read before any is written."""
    from ..link.features import TEXT_ONLY, Channels
    from ..link.stories import StoryParams

    params = StoryParams(Channels() if analyse else TEXT_ONLY, neighbours=neighbours, threshold=threshold)
    if run_jsonl(source, lambda lines: cluster_lines(lines, params, analyse)):
        raise typer.Exit(1)


def cluster_lines(lines: Iterable[str], params: StoryParams, analyse: bool = True) -> Iterator[dict[str, Any] | str]:
    """One `{"id", "story"}` per good line, in order; a string "LINE: reason" for each bad one."""
    from ..link.stories import StoryArticle, cluster_stories

    records = [_record(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    articles = [r for r in records if isinstance(r, StoryArticle)]
    if analyse and articles:
        articles = _analysed(articles)
    stories = iter(cluster_stories(articles, params))
    for record in records:
        yield record if isinstance(record, str) else {"id": record.id, "story": next(stories)}


def _analysed(articles: list[StoryArticle]) -> list[StoryArticle]:
    from dataclasses import replace

    from ..events.extract import ArticleContext
    from ..process import Processor

    contexts = [ArticleContext(published=a.published) for a in articles]
    analyses = Processor().analyse([a.text for a in articles], contexts)
    return [replace(a, analysis=analysis) for a, analysis in zip(articles, analyses, strict=True)]


def _record(number: int, line: str) -> StoryArticle | str:
    """The article one input line holds, or why it cannot be used."""
    from ..link.stories import StoryArticle

    record = parse_line(number, line)
    if isinstance(record, str):
        return record
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        return f"{number}: {Code.BAD_RECORD.value} \"title\" must be a string"
    day = published_date(number, record)
    if isinstance(day, str):
        return day
    return StoryArticle(record.get("id"), record["text"], title, day)


# -- sitrep incidents, sitrep claims: read the store ----------------------------------------------

INCIDENT_TABLE = ["id", "last_date", "sub_event_type", "actor1", "actor2", "location", "sources", "fatalities", "disagreements"]
CLAIM_TABLE = ["id", "kind", "status", "published", "sub_event_type", "location", "settled_by", "lag_days"]


@filters.filter_options(modality=False)
def incidents_command(
    db: DbOption = DEFAULT_DB,
    min_sources: Annotated[int, typer.Option(min=1, help="At least this many independent outlets.")] = 1,
    limit: Annotated[Optional[int], typer.Option(help="At most this many incidents.")] = None,
    fmt: FormatOption = EventFormat.table,
    output: OutputOption = None,
    all_modalities: AllModalities = False,
    *,
    chosen: EventFilters,  # what the filter options (--since ... --radius, filters.filter_options) keep
) -> None:
    """List incidents (one real-world event, every article that reported it), latest first.

    A filter keeps an incident when any of its events matches it. --format acled writes one row per
    incident that happened, every outlet in `source` and the fatality figures' range (and who gave
    which) in `notes`."""
    from ..export.listing import INCIDENTS
    from ..link.incidents import list_incidents

    with open_db(db) as store:
        found = list_incidents(store, chosen, min_sources=min_sources, limit=limit)
    write_listing(INCIDENTS, found, fmt.value, output, all_modalities, INCIDENT_TABLE)


def claims_command(
    db: DbOption = DEFAULT_DB,
    kind: Annotated[Optional[str], typer.Option(help="prediction (predicted, planned) or claim (claimed).")] = None,
    status: Annotated[Optional[str], typer.Option(help=f"One of: {', '.join(STATUSES)}.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many claims.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List predictions and claims with their status (open as of the newest stored article), latest first."""
    from ..link.claims import list_claims

    if kind is not None and kind not in ("prediction", "claim"):
        fail(SitrepError(Code.BAD_OPTION, f"--kind {kind!r} is not prediction or claim"))
    if status is not None and status not in STATUSES:
        fail(SitrepError(Code.BAD_OPTION, f"--status {status!r} is not one of {', '.join(STATUSES)}"))
    with open_db(db) as store:
        found = list_claims(store, kind=kind, status=status, limit=limit)
    if fmt is Format.jsonl:
        for claim in found:
            sys.stdout.write(json.dumps(claim, ensure_ascii=False) + "\n")
        return
    write_rows([claim_row(c) for c in found], CLAIM_TABLE if fmt is Format.table else CLAIM_COLUMNS, fmt)


def stories_command(
    db: DbOption = DEFAULT_DB,
    since: Annotated[Optional[str], typer.Option(help="Stories with an article published on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Stories with an article published on or before this date (YYYY-MM-DD).")] = None,
    min_articles: Annotated[int, typer.Option(min=1, help="At least this many articles.")] = 1,
    limit: Annotated[Optional[int], typer.Option(help="At most this many stories.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format (jsonl lists each story's articles).")] = Format.table,
) -> None:
    """List stories (articles about the same seminal event, grouped as they were stored), latest first."""
    from ..link.story_store import list_stories

    parse_date(since, "--since")
    parse_date(until, "--until")
    with open_db(db) as store:
        found = list_stories(store, since=since, until=until, min_articles=min_articles, limit=limit)
    if fmt is Format.jsonl:
        for story in found:
            sys.stdout.write(json.dumps(story, ensure_ascii=False) + "\n")
        return
    write_rows([story_row(s) for s in found], STORY_COLUMNS, fmt)


def link_command(
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar; the summary only.")] = False,
) -> None:
    """Link what the store holds but never linked (a store made before incidents, claims or stories
    existed): in stored order, as ingest would have. Safe to interrupt and run again."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from ..link.update import link_stored

    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with open_db(db) as store, Progress(*columns, console=err, transient=True, disable=quiet) as bar:
        task = bar.add_task("linking")
        done = link_stored(store, progress=lambda n, total: bar.update(task, completed=n, total=total))
    typer.echo(
        f"events linked {done.events_linked} (of {done.articles_linked} articles), articles filed in stories {done.articles_filed}"
    )
