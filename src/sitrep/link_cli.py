"""`sitrep cluster`: JSONL articles in, JSONL `{"id", "story"}` out, one line per good input line. No database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Annotated, Any

import typer

from .errors import Code
from .jsonl import parse_line
from .link.features import Channels
from .link.stories import NEIGHBOURS, THRESHOLD, StoryArticle, StoryParams, cluster_stories

TEXT_ONLY = Channels(places=0.0, actors=0.0, subtypes=0.0, dates=Channels().dates)


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
    from .cli import run_jsonl

    params = StoryParams(Channels() if analyse else TEXT_ONLY, neighbours=neighbours, threshold=threshold)
    if run_jsonl(source, lambda lines: cluster_lines(lines, params, analyse)):
        raise typer.Exit(1)


def cluster_lines(lines: Iterable[str], params: StoryParams, analyse: bool = True) -> Iterator[dict[str, Any] | str]:
    """One `{"id", "story"}` per good line, in order; a string "LINE: reason" for each bad one."""
    records = [_record(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    articles = [r for r in records if isinstance(r, StoryArticle)]
    if analyse and articles:
        articles = _analysed(articles)
    stories = iter(cluster_stories(articles, params))
    for record in records:
        yield record if isinstance(record, str) else {"id": record.id, "story": next(stories)}


def _analysed(articles: list[StoryArticle]) -> list[StoryArticle]:
    from dataclasses import replace

    from .events.extract import ArticleContext
    from .process import Processor

    contexts = [ArticleContext(published=a.published) for a in articles]
    analyses = Processor().analyse([a.text for a in articles], contexts)
    return [replace(a, analysis=analysis) for a, analysis in zip(articles, analyses, strict=True)]


def _record(number: int, line: str) -> StoryArticle | str:
    """The article one input line holds, or why it cannot be used."""
    record = parse_line(number, line)
    if isinstance(record, str):
        return record
    title, published = record.get("title"), record.get("published")
    if title is not None and not isinstance(title, str):
        return f"{number}: {Code.BAD_RECORD.value} \"title\" must be a string"
    day = None
    if published is not None:
        try:
            day = date.fromisoformat(str(published)[:10])
        except ValueError:
            return f"{number}: {Code.BAD_RECORD.value} \"published\" {published!r} is not a date like 2017-08-06"
    return StoryArticle(record.get("id"), record["text"], title, day)
