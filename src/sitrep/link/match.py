"""When two stored events can describe the same real-world event: the rules incidents and claims share.

Each rule returns a `Check`: whether it passes and the words that say why, so every link can be
explained. Events are compared as `LinkEvent`s, read from the stored event record and its article.

- type: the same event type, and the same sub-event type or a pair outlets mix up (`SIMILAR_SUB_TYPES`);
- actors: role by role, the same catalogue id or the same name, or one side unknown; for a symmetric
  sub-type (an armed clash) the roles may be swapped;
- place: within `DISTANCE_KM` of the coarser of the two geo_precisions (1 town, 2 near a town); a
  province- or country-level event (precision 3) compares only with another of the same region: it
  cannot say which of the region's places it means;
- date: each event stands for a span of days, its date `SPAN_DAYS` either side by time precision, or
  for an undated event (no date words: the article's day stands in) the `UNDATED_DAYS` up to its
  publication; the spans must meet within `SLACK_DAYS`. A historical event (told as more than a
  month before its article) compares only when its date is given to the day: background mentions
  ("the war that began in March 2011") are no incident;
- specifics (incidents and claims' corroboration): besides type, region and week, which everything in
  a war zone shares, the pair must agree on one thing that singles an incident out: both places
  finer than a province, both dates stated to the day, or one catalogue actor (a party, not a generic
  word like "civilians") on both sides in one role.

Blocks: an event is filed under its sub-event type, its week (`day // WEEK_DAYS`), a `CELL_DEGREES`
grid cell and its region, so candidates are the events of compatible sub-types in the weeks its
window reaches, in the 3x3 cells around it (a place) or in its region (a province or a country).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ..places import relative

DISTANCE_KM = {1: 10.0, 2: 50.0}  # by ACLED geo_precision; 3 compares regions instead
SPAN_DAYS = {1: 0, 2: 3, 3: 15}  # by ACLED time_precision: days either side of the coded date (a week, a month)
UNDATED_DAYS = 3  # an event told with no date words happened on its article's day or up to this many before
SLACK_DAYS = 1  # two reports' days may differ by one (overnight, time zones)
REGION_PRECISION = 3
DEFAULT_TIME_PRECISION = 2  # a stored date without a precision is read as "that week"
MAX_WINDOW_DAYS = 2 * max(SPAN_DAYS.values()) + SLACK_DAYS  # the farthest two compatible events' dates lie apart
WEEK_DAYS = 7
CELL_DEGREES = 1.0  # > the largest distance (50 km) up to ~63° latitude, so the 3x3 neighbours suffice
SYMMETRIC_SUB_TYPES = frozenset({"Armed clash"})  # who is actor1 is a matter of wording
SIMILAR_SUB_TYPES = frozenset(
    {
        frozenset({"Shelling/artillery/missile attack", "Air/drone strike"}),  # outlets often cannot tell them apart
    }
)
LINKABLE = ("reported", "claimed")  # modalities that merge into incidents
PREDICTIONS = ("predicted", "planned")
DENIALS = ("denied", "negated")


@dataclass(frozen=True)
class Check:
    ok: bool
    why: str


@dataclass(frozen=True)
class Actor:
    name: str
    id: str | None

    def same(self, other: Actor) -> bool:
        if self.id and other.id:
            return self.id == other.id
        return self.name.casefold() == other.name.casefold()


@dataclass(frozen=True)
class LinkEvent:
    """A stored event with a date and a located place, as the linking rules see it."""

    article_id: str
    n: int
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    day: date
    time_precision: int
    lat: float
    lon: float
    geo_precision: int
    region: str
    location: str
    modality: str
    fatalities: int | None
    published: date | None
    outlet: str | None
    stated: bool = True  # the date is read from the text (False: the article's publication date stands in)
    historical: bool = False  # told as more than a month before its article

    @property
    def key(self) -> tuple[str, int]:
        return self.article_id, self.n

    @property
    def id(self) -> str:
        """The id `sitrep events` shows: article id prefix and rank."""
        return f"{self.article_id[:12]}-{self.n}"

    @property
    def ordinal(self) -> int:
        return self.day.toordinal()

    @property
    def to_the_day(self) -> bool:
        """The text gives the day the event happened on."""
        return self.stated and self.time_precision == 1

    @property
    def days(self) -> tuple[int, int]:
        """The days (ordinals, inclusive) the event may have happened on: its date's span by time
        precision, or for an undated event (date taken from its article) the days up to publication."""
        if not self.stated and self.published is not None:
            last = self.published.toordinal()
            return last - UNDATED_DAYS, last
        return self.ordinal - SPAN_DAYS[self.time_precision], self.ordinal + SPAN_DAYS[self.time_precision]

    def block(self) -> Block:
        return Block(
            sub_event_type=self.sub_event_type,
            day=self.ordinal,
            week=self.ordinal // WEEK_DAYS,
            cell_lat=math.floor(self.lat / CELL_DEGREES),
            cell_lon=math.floor(self.lon / CELL_DEGREES),
            region=self.region,
            geo_precision=self.geo_precision,
        )


@dataclass(frozen=True)
class Block:
    """Where an event is filed for candidate search: sub-event type, day, week bucket, grid cell and region."""

    sub_event_type: str
    day: int
    week: int
    cell_lat: int
    cell_lon: int
    region: str
    geo_precision: int


@dataclass(frozen=True)
class Lookup:
    """The blocks to search around an event: its compatible sub-event types, the weeks covering a day
    range, and the neighbouring cells (a place) or its region (a province- or country-level event, which
    compares only with others of its region)."""

    cell_lat: int
    cell_lon: int
    region: str
    region_level: bool
    first_day: int
    last_day: int
    sub_event_types: tuple[str, ...]

    @property
    def weeks(self) -> list[int]:
        return list(range(self.first_day // WEEK_DAYS, self.last_day // WEEK_DAYS + 1))

    def query(self) -> dict[str, Any]:
        """What the store's block searches take."""
        return {**asdict(self), "weeks": self.weeks}


def lookup(event: LinkEvent, first_day: int, last_day: int) -> Lookup:
    block = event.block()
    region_level = event.geo_precision >= REGION_PRECISION
    return Lookup(
        block.cell_lat, block.cell_lon, block.region, region_level, first_day, last_day, compatible(event.sub_event_type)
    )


def compatible(sub_event_type: str) -> tuple[str, ...]:
    """The sub-event types `same_type` lets an event of this sub-type link with."""
    similar = {other for pair in SIMILAR_SUB_TYPES if sub_event_type in pair for other in pair}
    return tuple(sorted({sub_event_type} | similar))


def link_event(row: dict[str, Any]) -> LinkEvent | None:
    """The event a store row holds (`article_id`, `n`, `record`, `published`, `outlet`), or None when it
    has no date or no located place (nothing to compare it by)."""
    record = row["record"] if isinstance(row["record"], dict) else json.loads(row["record"])
    lat, lon, precision = record.get("latitude"), record.get("longitude"), record.get("geo_precision")
    if not record.get("event_date") or lat is None or lon is None or precision is None:
        return None
    published = row.get("published")
    return LinkEvent(
        article_id=row["article_id"],
        n=int(row["n"]),
        event_type=record["event_type"],
        sub_event_type=record["sub_event_type"],
        actor1=_actor(record.get("actor1")),
        actor2=_actor(record.get("actor2")),
        day=date.fromisoformat(record["event_date"][:10]),
        time_precision=record.get("time_precision") or DEFAULT_TIME_PRECISION,
        lat=float(lat),
        lon=float(lon),
        geo_precision=int(precision),
        region=region(record),
        location=record.get("location") or "",
        modality=record["modality"],
        fatalities=record.get("fatalities"),
        published=date.fromisoformat(published[:10]) if published else None,
        outlet=row.get("outlet"),
        stated=any(e.get("field") == "date" for e in record.get("evidence") or ()),
        historical=bool(record.get("historical")),
    )


def region(record: dict[str, Any]) -> str:
    """"SY/Ḩimş" for a place inside a province; "SY" only for a country-level place (no province)."""
    country, admin1 = record.get("country") or "", record.get("admin1") or ""
    if admin1:
        return f"{country}/{admin1}"
    return country if (record.get("geo_precision") or 0) >= REGION_PRECISION else f"{country}/"


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return None if not data else Actor(str(data["name"]), data.get("id"))


# -- rules ---------------------------------------------------------------------------------------


def same_type(a: LinkEvent, b: LinkEvent) -> Check:
    if a.event_type != b.event_type:
        return Check(False, f"event types differ ({a.event_type} / {b.event_type})")
    if a.sub_event_type == b.sub_event_type:
        return Check(True, f"same sub-event type ({a.sub_event_type})")
    if frozenset({a.sub_event_type, b.sub_event_type}) in SIMILAR_SUB_TYPES:
        return Check(True, f"similar sub-event types ({a.sub_event_type} / {b.sub_event_type})")
    return Check(False, f"sub-event types differ ({a.sub_event_type} / {b.sub_event_type})")


def same_actors(a: LinkEvent, b: LinkEvent) -> Check:
    direct = _roles(a.actor1, b.actor1) and _roles(a.actor2, b.actor2)
    if direct:
        return Check(True, f"actors agree ({_names(a)} / {_names(b)})")
    if a.sub_event_type in SYMMETRIC_SUB_TYPES and _roles(a.actor1, b.actor2) and _roles(a.actor2, b.actor1):
        return Check(True, f"actors agree with roles swapped ({_names(a)} / {_names(b)})")
    return Check(False, f"actors differ ({_names(a)} / {_names(b)})")


def _roles(x: Actor | None, y: Actor | None) -> bool:
    return x is None or y is None or x.same(y)


def _names(event: LinkEvent) -> str:
    return " vs ".join(actor.name if actor else "?" for actor in (event.actor1, event.actor2))


def same_place(a: LinkEvent, b: LinkEvent) -> Check:
    if max(a.geo_precision, b.geo_precision) >= REGION_PRECISION:
        if min(a.geo_precision, b.geo_precision) < REGION_PRECISION:
            return Check(False, f"a region and a place ({a.location or a.region} / {b.location or b.region})")
        if a.region == b.region:
            return Check(True, f"same region ({a.region})")
        return Check(False, f"regions differ ({a.region} / {b.region})")
    limit = DISTANCE_KM[max(a.geo_precision, b.geo_precision)]
    km = distance_km(a, b)
    if km <= limit:
        return Check(True, f"{a.location or '?'} / {b.location or '?'}: {km:.0f} km ≤ {limit:.0f} km")
    return Check(False, f"{a.location or '?'} / {b.location or '?'}: {km:.0f} km > {limit:.0f} km")


def distance_km(a: LinkEvent, b: LinkEvent) -> float:
    """Great-circle distance between two events' points."""
    return relative.distance_km(a.lat, a.lon, b.lat, b.lon)


def same_time(a: LinkEvent, b: LinkEvent) -> Check:
    vague_past = [e for e in (a, b) if e.historical and not e.to_the_day]
    if vague_past:
        return Check(False, f"background: {_when(vague_past[0])}, long before its article and not to the day")
    (a_first, a_last), (b_first, b_last) = a.days, b.days
    gap = max(0, a_first - b_last, b_first - a_last)  # days between the two spans, 0 when they overlap
    words = f"{_when(a)} / {_when(b)}: {gap} days apart"
    return Check(gap <= SLACK_DAYS, f"{words} {'≤' if gap <= SLACK_DAYS else '>'} {SLACK_DAYS}")


def _when(event: LinkEvent) -> str:
    first, last = event.days
    if first == last:
        return event.day.isoformat()
    return f"{date.fromordinal(first)}..{date.fromordinal(last)}" + ("" if event.stated else " (undated)")


def same_specifics(a: LinkEvent, b: LinkEvent) -> Check:
    """Something beyond type, region and week that singles the incident out (see the module's rules)."""
    found = []
    if max(a.geo_precision, b.geo_precision) < REGION_PRECISION:
        found.append("both placed below province level")
    if a.to_the_day and b.to_the_day:
        found.append("both dated to the day")
    roles = [(a.actor1, b.actor1), (a.actor2, b.actor2)]
    if a.sub_event_type in SYMMETRIC_SUB_TYPES:
        roles += [(a.actor1, b.actor2), (a.actor2, b.actor1)]
    named = next((x.name for x, y in roles if x is not None and y is not None and x.id and x.same(y)), None)
    if named:
        found.append(f"both name {named}")
    if found:
        return Check(True, ", ".join(found))
    return Check(False, "nothing singles it out (a province, no day, no party named on both sides)")


def same_what(a: LinkEvent, b: LinkEvent) -> list[Check]:
    """Type, actors and place: what a prediction and its outcome must share too."""
    return [same_type(a, b), same_actors(a, b), same_place(a, b)]


def same_event(a: LinkEvent, b: LinkEvent) -> list[Check]:
    """Every rule, in order; the pair links when all pass."""
    return [*same_what(a, b), same_time(a, b), same_specifics(a, b)]


def passes(checks: list[Check]) -> bool:
    return all(check.ok for check in checks)
