"""How a long ingest shows its progress on stderr: a live bar on a terminal; elsewhere (a log, a pipe)
a plain line at most every few seconds with the count, the rate and the time left."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import pipeline
from ..models import ReadFailure
from ..terminal import shown

LINE_EVERY_S = 10.0  # at most one progress line this often when stderr is no terminal


@contextmanager
def ingest_progress(console: Console, quiet: bool) -> Iterator[pipeline.Progress]:
    """The progress hooks for `console`: the bar on a terminal, lines elsewhere, notes unless quiet."""
    if console.is_terminal:
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=console, transient=True, disable=quiet) as bar:
            yield BarProgress(bar, quiet)
    else:
        yield LineProgress(console, quiet)


class BarProgress(pipeline.Progress):
    """Shows the ingest on a terminal: a spinner while reading, a bar while storing, failures as they come."""

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


class LineProgress(pipeline.Progress):
    """Shows the ingest as log lines: `ingest: stored 120 of 2,000 articles (6%), 3.1 a second, about
    10 min left`, at most one every `every` seconds; failures and notes as they come."""

    def __init__(
        self, console: Console, quiet: bool, every: float = LINE_EVERY_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.console, self.quiet, self.every, self.clock = console, quiet, every, clock
        self.total = self.done = 0
        self.started = self.last = clock()

    def reading(self, where: str) -> None:
        if self._due():
            self._line(f"ingest: reading {shown(where[-80:])}")

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.started = self.clock()
        self._line(f"ingest: storing {total:,} article{'s' * (total != 1)}")

    def advance(self) -> None:
        self.done += 1
        if self.done < self.total and self._due():
            self._line(self.status())

    def status(self) -> str:
        """The count, the share done, the rate since storing began and the time left at that rate."""
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        line = f"ingest: stored {self.done:,} of {self.total:,} articles ({100 * self.done // max(self.total, 1)}%)"
        line += f", {rate:.1f} a second"
        if rate > 0:
            line += f", about {_duration((self.total - self.done) / rate)} left"
        return line

    def failed(self, failure: ReadFailure) -> None:
        self.console.print(f"[red]failed[/red] {shown(str(failure))}")

    def notice(self, message: str) -> None:
        if not self.quiet:
            self.console.print(f"[yellow]note[/yellow] {shown(message)}")

    def _due(self) -> bool:
        return not self.quiet and self.clock() - self.last >= self.every

    def _line(self, text: str) -> None:
        if not self.quiet:
            self.console.print(text)
            self.last = self.clock()


def _duration(seconds: float) -> str:
    """`45 s`, `12 min`, `2 h 05 min`."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 120 else f"{minutes // 60} h {minutes % 60:02d} min"
