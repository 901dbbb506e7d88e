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
