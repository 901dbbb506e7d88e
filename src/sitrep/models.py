"""Typed records handed from one ingest stage to the next.

readers -> RawDocument | ReadFailure -> clean -> Cleaned -> pipeline -> Article + Source -> store
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import Code


@dataclass(frozen=True)
class Provenance:
    """Where a document came from: a file, and the line or WARC record inside it."""

    path: str  # absolute path, or "<stdin>"
    line: int | None = None  # 1-based line of a JSONL file
    record: str | None = None  # WARC-Record-ID
    offset: int | None = None  # byte offset of the WARC record in its file

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.record is not None:
            where += f" record {self.record}"
        if self.offset is not None:
            where += f" @{self.offset}"
        return where


@dataclass(frozen=True)
class RawDocument:
    """One document as a reader found it, before cleaning.

    `text` is decoded plain text; for HTML it is the main text the extractor kept.
    """

    provenance: Provenance
    raw_sha256: str  # hash of the exact bytes read (file, JSONL line or WARC payload)
    text: str
    format: str  # "txt" | "html" | "jsonl" | "warc"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, with the reason; it is reported, never silently dropped."""

    provenance: Provenance
    code: Code
    message: str

    def __str__(self) -> str:
        return f"{self.provenance}: {self.code.value} {self.message}"


@dataclass(frozen=True)
class RemovedSpan:
    """A stretch of the source text that cleaning took out, kept so nothing is lost."""

    start: int  # offsets into the source text (RawDocument.text)
    end: int
    rule: str  # rule id, e.g. "donation"
    reason: str  # words a user can check, e.g. "donation appeal"
    text: str


@dataclass(frozen=True)
class Span:
    """A stretch of an article's cleaned text that a field was read from."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    """The cleaner's output: `text` is the source text with every removed span deleted."""

    text: str
    removed: tuple[RemovedSpan, ...]
    title: str | None
    title_span: Span | None  # where the title stands in `text`, when it does
    kind: str  # "news" | "opinion"
    kind_evidence: Span | None  # the words that say it is opinion (in the source text)


@dataclass(frozen=True)
class Dateline:
    """A publication date read from the top of an article's text."""

    date: date
    span: Span  # offsets into the text it was read from


@dataclass(frozen=True)
class Source:
    """One occurrence of an article: a file, line or WARC record that carried it."""

    key: str  # stable identity of the occurrence: provenance plus raw hash
    provenance: Provenance
    raw_sha256: str
    format: str
    outlet: str | None
    url: str | None
    title: str | None
    published: date | None
    encoding: str
    metadata: dict[str, Any]


@dataclass(frozen=True)
class Article:
    """A cleaned article; `id` is a hash of its normalised text, so exact copies share it."""

    id: str
    title: str | None
    text: str
    kind: str
    published: date | None
    published_from: str | None  # "metadata" | "dateline" | "option"
    outlet: str | None
    url: str | None
    removed: tuple[RemovedSpan, ...]
    title_span: Span | None = None
    kind_evidence: Span | None = None
    dateline: Span | None = None


@dataclass(frozen=True)
class GazetteerEntry:
    """One place the gazetteer knows: a town, a country, an administrative division or a feature."""

    id: str  # "gn:170794" (GeoNames), "adm1:SY.11", "country:SY", "sitrep:al-hayl-gas-field"
    name: str
    lat: float
    lon: float
    kind: str  # country | admin1 | admin2 | town | a feature kind such as gas_field or airbase
    country: str | None  # ISO 3166-1 alpha-2
    admin1_code: str | None = None  # GeoNames form, e.g. "SY.11"
    admin1_name: str | None = None
    admin1_iso: str | None = None  # ISO 3166-2, e.g. "SY-HI"
    admin2_name: str | None = None
    population: int = 0
    geonameid: int | None = None
    source: str = ""  # where the fact comes from, e.g. "geonames-cities500", "sitrep-curated"


@dataclass(frozen=True)
class NameMatch:
    """A gazetteer entry found for a name, and how the name matched it."""

    entry: GazetteerEntry
    matched: str  # the gazetteer's spelling that matched
    level: str  # "exact" | "loose" (articles, doubled letters, final -h) | "skeleton" (consonants)
    name_kind: str  # "primary" | "alternate" | "abbreviation" | "demonym"


@dataclass(frozen=True)
class Place:
    """A place mention in an article and what it resolved to (or why it did not)."""

    start: int
    end: int
    text: str
    resolved: bool
    name: str | None = None
    id: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    feature: str | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near a town or part of a region, 3 region
    score: float = 0.0
    why: tuple[str, ...] = ()
    relation: str | None = None  # for relative expressions, e.g. "4 km north of Al-Hayl gas field"


@dataclass(frozen=True)
class ActorRef:
    """An actor an event names: the catalogue actor it resolved to, or the raw words with a type guess."""

    name: str  # canonical name, or the words as written when no catalogue actor fits
    actor_id: str | None  # catalogue id; None for an actor kept as raw text
    type: str | None  # ACLED actor type slug (state_forces, rebel_group, ...), a guess when actor_id is None
    country: str | None
    span: Span  # the words in the article
    why: str


@dataclass(frozen=True)
class Attribution:
    """Who says an event happened: the source's words and the cue ("reported", "according to")."""

    source: Span
    cue: Span | None
    quote: Span | None  # the quoted words, when the source is quoted


@dataclass(frozen=True)
class Evidence:
    """The words one field of an event was read from."""

    field: str  # "trigger", "actor1", "actor2", "place", "date", "fatalities", "modality", "attribution"
    span: Span


@dataclass(frozen=True)
class Mention:
    """One place in an article that tells of an event: its sentence and trigger words."""

    sentence: Span
    trigger: Span
    sub_event_type: str  # what this mention alone says happened


@dataclass(frozen=True)
class Rejected:
    """A candidate event that is no event, with the reason (a code to count, and words to check)."""

    sub_event_type: str
    sentence: Span
    trigger: Span
    reason: str  # a code such as "war" or "caption" (events/screen.py lists them)
    why: str


@dataclass(frozen=True)
class Event:
    """One ACLED-style event of an article: one record per real event, however many sentences tell
    it (`mentions`), with the evidence for each field; `sentence` and `trigger` are the mention its
    type was read from."""

    event_type: str
    sub_event_type: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    assoc_actors: tuple[ActorRef, ...]
    place: Place | None
    date: date | None
    time_precision: int | None  # ACLED: 1 day, 2 week, 3 month
    fatalities: int | None
    civilian_fatalities: int | None
    modality: str  # reported | claimed | predicted | planned | hypothetical | denied | negated
    historical: bool  # a background event with its own past date
    attribution: Attribution | None
    sentence: Span
    trigger: Span
    evidence: tuple[Evidence, ...]
    confidence: float
    why: tuple[str, ...]  # how the type, modality and place were chosen
    notes: str  # one-sentence ACLED-style summary generated from the fields
    mentions: tuple[Mention, ...] = ()  # every mention of the event in the article, in text order
