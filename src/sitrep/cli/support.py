"""What every `sitrep` command module shares: the error console, the `--db` option, the one way a
command fails, opening the store, reading a date option, and JSONL in and out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from ..errors import Code, SitrepError
from ..store import Store, is_postgres, open_store
from ..terminal import shown


def command_group(help: str, no_args_is_help: bool = True) -> typer.Typer:
    """A typer app as every sitrep command group is made: plain help (rich's help panels cost a fifth
    of a second at every start), no shell completion, errors reported as sitrep's own."""
    return typer.Typer(
        help=help, no_args_is_help=no_args_is_help, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None
    )


err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message, however narrow
DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="SITREP_DB",
        help="SQLite database file (ingest, and serve with a token, create it when missing; other commands refuse a missing one),"
        " or a PostgreSQL database as postgresql://USER@HOST/DATABASE (it must exist; its tables are created when missing).",
    ),
]


def error_line(error: SitrepError) -> str:
    """How every command shows an error: `error E501: message`, on one line."""
    return f"[red]error[/red] {shown(str(error))}"


def fail(error: SitrepError) -> NoReturn:
    """Print the error on stderr and end the command with status 2."""
    err.print(error_line(error))
    raise typer.Exit(2)


def open_db(db: str, *, create: bool = False) -> Store:
    """The store at `db`; a path that does not exist ends the command unless `create` (ingest) says
    to make one, so a mistyped `--db` never reads an empty store."""
    if not create:
        refuse_missing(db)
    try:
        return open_store(db)
    except SitrepError as error:
        fail(error)


def refuse_missing(db: str) -> None:
    """End the command when no database file is at `db` (a PostgreSQL database says so when opened)."""
    if not is_postgres(db) and not Path(db).exists():
        fail(SitrepError(Code.NO_DATABASE, f"{db}: no such database (sitrep ingest FILES --db {db} creates one)"))


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(SitrepError(Code.BAD_OPTION, f"{option} {value!r} is not a date like 2017-08-06"))


def run_jsonl(source: str, convert: Callable[[Iterable[str]], Iterator[dict[str, Any] | str]]) -> int:
    """`jsonl.run` with the command's errors: a missing or unreadable file ends the command; a reader
    that stops reading our output (`| head`) is no error of the input's."""
    from .. import jsonl

    try:
        return jsonl.run(source, convert, err)
    except BrokenPipeError:
        raise
    except OSError as error:
        code = Code.MISSING_PATH if isinstance(error, FileNotFoundError) else Code.UNREADABLE
        fail(SitrepError(code, f"{source}: {error.strerror}"))
