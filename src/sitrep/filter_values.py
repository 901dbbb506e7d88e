"""What a filter value means, as people type it: event types, sub-types and modalities checked against
ACLED's lists without regard to case, countries by name or code, first-level divisions by any name
the place index knows ("Aleppo" is "Ḩalab"), actors by any alias the catalogue knows. A value that
can match nothing is an error naming what is accepted, with a "did you mean" on a near miss. The
command line and the HTTP API both check their filters here."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from .errors import Code, SitrepError
from .events.lexicon import MODES, event_types

if TYPE_CHECKING:
    from .places.gazetteer import Gazetteer
    from .store.filters import EventFilters
    from .store.search import Box, Circle

MODALITIES = MODES  # the modalities events are stored with, as the lexicon names them
LISTED = 12  # accepted values an error lists in full; past this it names only the near misses
MAX_RADIUS_KM = 2000


# letters no Unicode decomposition takes to a base letter, and the marks transliterations write for
# ayn and hamza ("Ma‘arrat", "Ma'arrat" and "Maarrat" fold alike)
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"} | dict.fromkeys("ʻʼʿʾ‘’'", ""))


def fold(text: str | None) -> str | None:
    """`text` compared without case or accents: "Ḩalab", "HALAB" and "halab" fold alike, as do
    "Ajansı" and "ajansi"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_UNDECOMPOSED)


def _folded(text: str) -> str:
    return fold(text) or ""


def refused(option: str, value: str, what: str, accepted: Sequence[str], listed: str | None = None) -> SitrepError:
    """The error for a value none of `accepted` is: the near misses, and the whole list when short
    (or `listed`, what to say instead of it)."""
    by_fold = {_folded(a): a for a in accepted}
    near = [by_fold[f] for f in difflib.get_close_matches(_folded(value), list(by_fold), n=3, cutoff=0.6)]
    message = f"{option} {value!r} is not {what}"
    if near:
        message += f"; did you mean {' or '.join(repr(n) for n in near)}?"
    if listed is not None:
        message += f" (accepted: {listed})"
    elif len(accepted) <= LISTED:
        message += f" (accepted: {', '.join(accepted)})"
    return SitrepError(Code.BAD_OPTION, message)


def one_of(option: str, value: str, accepted: Sequence[str], what: str = "accepted here", listed: str | None = None) -> str:
    """`value` spelled as `accepted` spells it, whatever its case."""
    for choice in accepted:
        if _folded(choice) == _folded(value):
            return choice
    raise refused(option, value, what, accepted, listed)


@cache
def acled_types() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ACLED's event types and sub-event types, from `data/event_types.csv`, in its order."""
    rows = event_types()
    return tuple(dict.fromkeys(t.event_type for t in rows)), tuple(t.sub_event_type for t in rows)


def acled_type(option: str, value: str) -> str:
    """An ACLED event type or sub-event type as ACLED writes it."""
    kinds, sub_kinds = acled_types()
    listed = f"{', '.join(kinds)}, or one of their {len(sub_kinds)} sub-event types such as {sub_kinds[0]!r}"
    return one_of(option, value, (*kinds, *sub_kinds), "an ACLED event type or sub-event type", listed)


def modalities(option: str, values: Iterable[str]) -> tuple[str, ...]:
    """Each value a modality, as sitrep writes it."""
    return tuple(dict.fromkeys(one_of(option, v, MODALITIES, "a modality") for v in values))


def country_code(option: str, value: str, places: Gazetteer) -> str:
    """ISO 3166-1 alpha-2 for a code ("sy", "SYR") or any name the place index knows ("Syria")."""
    if len(value) == 2 and places.country(value) is not None:
        return value.upper()
    for match in places.lookup(value, limit=10):
        if match.entry.kind == "country" and match.entry.country and match.level == "exact":
            return match.entry.country
    raise refused(option, value, "a country name or ISO code", sorted(e.name for e in places.entries("country")))


def admin1_names(option: str, value: str, places: Gazetteer) -> tuple[str, ...]:
    """The folded names a first-level division called `value` is stored under: its own and every
    division the place index finds by that name, or by the name of the town it is named after."""
    found = {value}
    for match in places.lookup(value, limit=50):
        entry = match.entry
        if entry.kind == "admin1":
            found.add(entry.name)
        elif entry.kind == "town" and entry.admin1_name and _folded(entry.name) == _folded(entry.admin1_name):
            found.add(entry.admin1_name)
    if len(found) == 1 and not any(_folded(e.name) == _folded(value) for e in places.entries("admin1")):
        raise refused(option, value, "a first-level division the place index knows", sorted({e.name for e in places.entries("admin1")}))
    return tuple(sorted({_folded(name) for name in found}))


def actor_names(value: str) -> tuple[str, ...]:
    """Folded parts of names to look for: `value`, and the catalogue name of every actor `value` is an
    alias of ("ISIS" also finds "Islamic State")."""
    from .actors.catalogue import default_catalogue

    wanted = _folded(value)
    names = {wanted}
    for actor in default_catalogue():
        if any(_folded(alias) == wanted for alias in (actor.name, *actor.aliases)):
            names.add(_folded(actor.name))
    return tuple(sorted(names))


def event_filters(
    named: Callable[[str], str],
    *,
    since: date | None = None,
    until: date | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    modality: Sequence[str] = (),
    outlet: str | None = None,
    bbox: str | None = None,
    near: tuple[float, float] | None = None,
    radius_km: float | None = None,
    q: str | None = None,
) -> EventFilters:
    """The store's filters for values as given; `named(field)` is how the caller names a field's
    option in errors ("--type" on the command line, "event_type" in the API)."""
    from .places.gazetteer import Gazetteer
    from .store.filters import EventFilters, words

    if since and until and since > until:
        raise SitrepError(Code.BAD_OPTION, f"{named('since')} {since} is after {named('until')} {until}")
    if q is not None:
        try:
            words(q)
        except SitrepError:
            raise SitrepError(Code.BAD_OPTION, f"{named('q')} {q!r} holds no word to search for") from None
    places = Gazetteer.open() if country is not None or admin1 is not None else None
    try:
        return EventFilters(
            since=None if since is None else since.isoformat(),
            until=None if until is None else until.isoformat(),
            event_type=None if event_type is None else acled_type(named("event_type"), event_type),
            sub_event_type=None if sub_event_type is None else one_of(named("sub_event_type"), sub_event_type, acled_types()[1], "an ACLED sub-event type"),
            actor=() if actor is None else actor_names(actor),
            country=None if country is None or places is None else country_code(named("country"), country, places),
            admin1=() if admin1 is None or places is None else admin1_names(named("admin1"), admin1, places),
            modality=modalities(named("modality"), modality),
            outlet=outlet,
            area=area(named, bbox, near, radius_km),
            text=q,
        )
    finally:
        if places is not None:
            places.close()


def area(named: Callable[[str], str], bbox: str | None, near: tuple[float, float] | None, radius_km: float | None) -> Box | Circle | None:
    """A box from "west,south,east,north", or a circle around `near` (lat, lon) of `radius_km`."""
    from .store.search import Circle

    if bbox is not None and (near is not None or radius_km is not None):
        raise SitrepError(Code.BAD_OPTION, f"{named('bbox')} and {named('near')}/{named('radius_km')}: give one area, not both")
    if bbox is not None:
        return _box(named("bbox"), bbox)
    if near is None and radius_km is None:
        return None
    if near is None or radius_km is None:
        raise SitrepError(Code.BAD_OPTION, f"{named('near')} and {named('radius_km')} go together: give both")
    lat, lon = near
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise SitrepError(Code.BAD_OPTION, f"{named('near')} {lat},{lon}: latitude is within ±90, longitude within ±180")
    if not 0 < radius_km <= MAX_RADIUS_KM:
        raise SitrepError(Code.BAD_OPTION, f"{named('radius_km')} {radius_km}: more than 0 and at most {MAX_RADIUS_KM:,} km")
    return Circle(lat, lon, radius_km)


def _box(option: str, text: str) -> Box:
    from .store.search import Box

    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise SitrepError(Code.BAD_OPTION, f"{option} {text!r} is not four numbers west,south,east,north") from None
    if not (-180 <= west <= east <= 180):
        raise SitrepError(Code.BAD_OPTION, f"{option}: longitudes must satisfy -180 <= west <= east <= 180")
    if not (-90 <= south <= north <= 90):
        raise SitrepError(Code.BAD_OPTION, f"{option}: latitudes must satisfy -90 <= south <= north <= 90")
    return Box(west, south, east, north)


def point(option: str, text: str) -> tuple[float, float]:
    """"LAT,LON" as two numbers."""
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        raise SitrepError(Code.BAD_OPTION, f"{option} {text!r} is not LAT,LON (two numbers, e.g. 34.8,38.9)") from None
    return lat, lon
