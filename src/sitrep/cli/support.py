"""What every `sitrep` command module shares: the error console, the `--db` option, the one way a
command fails, opening the store, reading a date option, and JSONL in and out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from .. import jsonl
from ..errors import Code, SitrepError
from ..store import Store, open_store
from ..terminal import shown

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, however narrow
DbOption = Annotated[
    str, typer.Option("--db", envvar="SITREP_DB", help="SQLite database file (created when missing).")
]


def fail(error: SitrepError) -> NoReturn:
    """Print `code: message` on stderr and end the command with status 2."""
    err.print(f"[red]error[/red] {shown(str(error))}")
    raise typer.Exit(2)


def open_db(db: str) -> Store:
    try:
        return open_store(db)
    except SitrepError as error:
        fail(error)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(SitrepError(Code.BAD_OPTION, f"{option} {value!r} is not a date like 2017-08-06"))


def run_jsonl(source: str, convert: Callable[[Iterable[str]], Iterator[dict[str, Any] | str]]) -> int:
    """`jsonl.run` with the command's errors: a missing or unreadable file ends the command."""
    try:
        return jsonl.run(source, convert, err)
    except OSError as error:
        code = Code.MISSING_PATH if isinstance(error, FileNotFoundError) else Code.UNREADABLE
        fail(SitrepError(code, f"{source}: {error.strerror}"))
