"""The event filters `sitrep events` and `sitrep incidents` share, as options, checked by the same
`filter_values` the HTTP API uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

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
