"""The event filters `sitrep events` and `sitrep incidents` share, as options declared once
(`filter_options`), checked by the same `filter_values` the HTTP API uses."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import SitrepError
from ..filter_values import MODALITIES
from .support import fail, parse_date

if TYPE_CHECKING:
    from ..store.filters import EventFilters

Since = Annotated[Optional[str], typer.Option(help="On or after this date (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option(help="On or before this date (YYYY-MM-DD).")]
Type = Annotated[Optional[str], typer.Option("--type", help="An ACLED event type or sub-event type, any case (e.g. battles).")]
Actor = Annotated[Optional[str], typer.Option(help="Part of an actor's name, or an alias the catalogue knows (ISIS); any case or accents.")]
Country = Annotated[Optional[str], typer.Option(help="A country's name or ISO code (Syria, SY, SYR).")]
Admin1 = Annotated[Optional[str], typer.Option(help="A first-level division by any name the place index knows (Aleppo, Ḩalab).")]
Modality = Annotated[
    Optional[list[str]], typer.Option(help=f"Any of: {', '.join(MODALITIES)} (repeat, or separate with commas).")
]
Outlet = Annotated[Optional[str], typer.Option(help="Outlet of a reporting article (any case or accents).")]
Words = Annotated[Optional[str], typer.Option("--q", help="Words that must all occur in the article's title or text.")]
Bbox = Annotated[Optional[str], typer.Option(help="Only inside this box: west,south,east,north in degrees.")]
Near = Annotated[Optional[str], typer.Option(help="Only within --radius of this point: LAT,LON.")]
Radius = Annotated[Optional[float], typer.Option(help="Kilometres around --near.")]
# The filter options in the order a command lists them, by `event_filters`' parameter names.
OPTIONS = {
    "since": Since, "until": Until, "event_type": Type, "actor": Actor, "country": Country, "admin1": Admin1,
    "modality": Modality, "outlet": Outlet, "q": Words, "bbox": Bbox, "near": Near, "radius": Radius,
}  # fmt: skip
OPTION_NAMES = {"event_type": "--type", "radius_km": "--radius", "sub_event_type": "--type"}


def option_name(field: str) -> str:
    """How the command line spells a filter field: `admin1` is `--admin1`, `event_type` is `--type`."""
    return OPTION_NAMES.get(field, "--" + field.replace("_", "-"))


def event_filters(
    since: str | None, until: str | None, event_type: str | None, actor: str | None, country: str | None,
    admin1: str | None, modality: list[str] | None, outlet: str | None, q: str | None, bbox: str | None,
    near: str | None, radius: float | None,
) -> EventFilters:  # fmt: skip
    """The store's filters for the options as given; a value that can match nothing ends the command."""
    from .. import filter_values

    try:
        return filter_values.event_filters(
            option_name,
            since=parse_date(since, "--since"), until=parse_date(until, "--until"), event_type=event_type, actor=actor,
            country=country, admin1=admin1, outlet=outlet, q=q, bbox=bbox, radius_km=radius,
            modality=[part.strip() for value in modality or () for part in value.split(",") if part.strip()],
            near=None if near is None else filter_values.point("--near", near),
        )  # fmt: skip
    except SitrepError as error:
        fail(error)


def filter_options(*, modality: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A command with the filter options (each None by default; --modality only with `modality`) after
    its `db` parameter, given to it as its keyword parameter `chosen`: the store's filters they make,
    checked before the command runs (`event_filters`)."""
    names = [name for name in OPTIONS if modality or name != "modality"]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = inspect.signature(command, eval_str=True)
        params = [param for param in own.parameters.values() if param.name != "chosen"]
        at = [param.name for param in params].index("db") + 1
        options = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=OPTIONS[name]) for name in names]
        params[at:at] = options

        @wraps(command)
        def run(**given: Any) -> None:
            values = {name: given.pop(name) for name in names}
            command(**given, chosen=event_filters(**{"modality": None, **values}))

        run.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]  # what typer reads
        run.__annotations__ = {param.name: param.annotation for param in params}
        return run

    return decorate
