"""What /openapi.json (and so /docs) says the API answers: the shapes of docs/API.md as pydantic
models, and the one error shape. For the schema only: the routes build their answers themselves."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import Code
from ..filter_values import MODALITIES, acled_types
from ..link.claims import STATUSES

PRECISIONS = [1, 2, 3]


def enum(values: Any) -> dict[str, Any]:
    """A string field's closed list of values, as OpenAPI shows it."""
    return {"enum": list(values)}


class Open(BaseModel):
    """A shape whose further fields are as the command line's JSONL writes them."""

    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    """Every error the API answers, whatever the status."""

    ok: Literal[False] = False
    status: int = Field(description="The HTTP status, repeated.")
    code: Code = Field(description="The catalogue code (docs/API.md, Errors).")
    title: str = Field(description="The status in words.")
    error: str = Field(description="What was wrong, naming the parameter.")


class ActorRef(Open):
    name: str
    type: str | None = None


class ArticleRef(Open):
    id: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None


class Event(Open):
    id: str = Field(description="<first 12 characters of the article id>-<rank>")
    event_date: str | None = None
    time_precision: int | None = Field(None, json_schema_extra=enum(PRECISIONS))
    event_type: str = Field(json_schema_extra=enum(acled_types()[0]))
    sub_event_type: str = Field(json_schema_extra=enum(acled_types()[1]))
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actors: list[ActorRef] = []
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(None, json_schema_extra=enum(PRECISIONS))
    fatalities: int | None = Field(None, description="null: not stated")
    modality: str = Field(json_schema_extra=enum(MODALITIES))
    historical: bool = False
    article: ArticleRef
    incident: str | None = None
    sources: int = Field(1, description="Independent outlets of its incident (1 when in none).")


class Fatalities(Open):
    figure: int | None = None
    low: int | None = None
    high: int | None = None


class Incident(Open):
    id: str
    event_type: str = Field(json_schema_extra=enum(acled_types()[0]))
    sub_event_type: str = Field(json_schema_extra=enum(acled_types()[1]))
    first_date: str | None = None
    last_date: str | None = None
    location: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    sources: int
    articles: int
    outlets: list[str]
    fatalities: Fatalities
    events: list[dict[str, Any]]


class Claim(Open):
    id: str
    kind: str = Field(json_schema_extra=enum(["prediction", "claim"]))
    modality: str = Field(json_schema_extra=enum(MODALITIES))
    status: str = Field(json_schema_extra=enum(STATUSES))
    event_date: str | None = None
    sub_event_type: str | None = None
    location: str | None = None
    sentence: str = Field(description="What the article said: the sentence the event was read from.")
    according_to: str | None = Field(None, description="The source the article names for it.")
    settled_by: Any = None


class ArticleSummary(Open):
    id: str
    title: str | None = None
    kind: str = Field(json_schema_extra=enum(["news", "opinion"]))
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    sources: int
    near_duplicates: int
    snippet: str | None = Field(None, description="With q: plain text around the match.")


class Span(BaseModel):
    start: int = Field(description="Unicode code points into `text`.")
    end: int
    kind: str = Field(json_schema_extra=enum(["place", "actor", "event"]))
    text: str
    label: str | None = None
    ref: str | None = None
    events: list[str]


class Article(Open):
    id: str
    text: str
    events: list[Event]
    spans: list[Span]


class Story(Open):
    id: str
    first_published: str | None = None
    last_published: str | None = None
    articles: int
    title: str | None = None


class IngestAnswer(BaseModel):
    articles: list[str | None]
    ingested: int
    duplicates: int
    unchanged: int
    near_duplicates: int
    failed: list[str]
    unanalysed: list[Any]


class Listing(BaseModel):
    next: str | None = Field(description="The cursor of the next page; null on the last.")
    next_url: str | None
    limit: int


class EventList(Listing):
    items: list[Event]


class IncidentList(Listing):
    items: list[Incident]


class ClaimList(Listing):
    items: list[Claim]


class PlaceLabel(BaseModel):
    name: str
    kind: str = Field(json_schema_extra=enum(["country", "admin1", "town"]))
    lat: float
    lon: float
    population: int


class LabelList(BaseModel):
    items: list[PlaceLabel] = Field(description="Most important first: countries, divisions, towns by population.")


class ArticleList(Listing):
    items: list[ArticleSummary]


class StoryList(Listing):
    items: list[Story]


class GridCell(BaseModel):
    lat: float = Field(description="The centre of the cell's events.")
    lon: float
    count: int
    fatalities: int = Field(description="Summed; not stated counts as 0.")
    types: dict[str, int] = Field(description="Events per event type.")


class ViewEvent(BaseModel):
    """An event as the map draws it; `/api/articles/{article_id}` has the rest."""

    id: str
    article_id: str
    lat: float
    lon: float
    event_date: str | None = None
    event_type: str = Field(json_schema_extra=enum(acled_types()[0]))
    sub_event_type: str = Field(json_schema_extra=enum(acled_types()[1]))
    modality: str = Field(json_schema_extra=enum(MODALITIES))
    fatalities: int | None = None
    location: str | None = None
    geo_precision: int | None = Field(None, json_schema_extra=enum(PRECISIONS))
    incident: str | None = None
    outlet: str | None = None


class GridAnswer(BaseModel):
    kind: Literal["cells", "events"]
    level: int = Field(description="The grid's level: a cell is 90 / 2^level degrees.")
    cell: float = Field(description="A cell's side in degrees.")
    bbox: list[float] = Field(description="west, south, east, north: the box grown to the cells' edges.")
    total: int = Field(description="Located events matching the filters in the box.")
    cells: list[GridCell] | None = Field(None, description="kind cells.")
    events: list[ViewEvent] | None = Field(None, description="kind events.")


class TimelineBucket(BaseModel):
    date: str = Field(description="The first day of the period.")
    counts: dict[str, int] = Field(description="Events per event type.")


class TimelineAnswer(BaseModel):
    bucket: Literal["day", "week", "month"]
    buckets: list[TimelineBucket]
    undated: dict[str, int] = Field(description="Events without a date, per event type.")


class Outlet(BaseModel):
    outlet: str
    articles: int


class OutletList(BaseModel):
    outlets: list[Outlet]


GEOJSON = {"application/geo+json": {"schema": {"type": "object", "description": "A FeatureCollection with next and next_url."}}}
CSV = {"text/csv": {"schema": {"type": "string", "description": "The next page in the Link header."}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": what}
    for status, what in [
        (404, "No such endpoint (E1005) or item (E601)."),
        (422, "A parameter, cursor or body the API cannot use (E1001)."),
        (500, "A server fault (E1007)."),
    ]
}


def answers(model: type[BaseModel], *extra: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """A route's `responses=`: `model` as JSON, the other formats it writes, and the error shape."""
    content: dict[str, Any] = {}
    for formats in extra:
        content.update(formats)
    ok: dict[str, Any] = {"model": model, "description": "Success."}
    if content:
        ok["content"] = content
    return {200: ok}
