"""The ingest job: read → clean → date → deduplicate → store.

Two passes over the inputs. The first reads every document once, spools it to a temporary file and
counts which lines each outlet repeats across its articles (the corpus signal for site furniture);
the second cleans each document with that signal and stores it. Writes are committed in small
transactions, so an interrupted run loses at most the batch in flight, and sources already stored
are skipped, so running the same command again finishes the job.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from itertools import islice
from typing import IO, Any, BinaryIO
from urllib.parse import urlsplit

from .batch_analysis import AnalysisRequest, AnalysisResult, Analyst, InProcess
from .errors import Code
from .ingest.clean import clean, line_keys
from .ingest.dates import find_dateline
from .ingest.dedup import article_id, lsh_keys, overlap, shingles
from .ingest.readers import DEFAULT_MAX_BYTES, STDIN_PATH, read_paths
from .models import Article, Cleaned, Provenance, RawDocument, ReadFailure, Source
from .events.extract import ArticleContext
from .events.records import event_json
from .link import story_store
from .link.features import Signals
from .link.update import link_article
from .process import Analysis, too_long
from .store import Store

COMMIT_EVERY = 25
REPEATED_MIN_DOCS = 3  # a line is furniture when at least this many of a group's articles carry it...
REPEATED_MIN_SHARE = 0.1  # ...and at least this share of them


@dataclass(frozen=True)
class IngestOptions:
    """Metadata for documents that do not carry their own, and reader limits."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    analyse: bool = True  # find places and events (loads the spaCy model, the gazetteer and the actors)
    workers: int = 1  # worker processes for the analysis; 1: none, the analysis runs in this process
    ray: str | None = None  # analyse on a Ray cluster instead: "auto" or its address


@dataclass
class IngestReport:
    """What an ingest did; `failed` holds every input that was not stored, with its reason."""

    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    failed: list[ReadFailure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unanalysed: list[str] = field(default_factory=list)  # stored without places and events: id and why
    # Every input now in the store (stored by this run or already there) and its article's id.
    stored: list[tuple[Provenance, str]] = field(default_factory=list)

    def summary(self) -> str:
        line = f"ingested {self.ingested}, duplicates {self.duplicates}, failed {len(self.failed)}"
        extras = [f"near-duplicate links {self.near_duplicates}"]
        if self.unchanged:
            extras.append(f"already stored, unchanged {self.unchanged}")
        if self.unanalysed:
            extras.append(f"stored without places and events {len(self.unanalysed)}")
        return f"{line} ({'; '.join(extras)})"


class Progress:
    """Hooks the CLI fills in to show progress; the library default shows nothing."""

    def reading(self, where: str) -> None: ...

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...

    def failed(self, failure: ReadFailure) -> None: ...

    def notice(self, message: str) -> None: ...


@dataclass
class _GroupLines:
    """A group's new articles in this run and how many of them carry each line."""

    docs: int = 0
    lines: Counter[str] = field(default_factory=Counter)


def ingest(
    paths: Sequence[str],
    store: Store,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
    analyst: Analyst | None = None,
) -> IngestReport:
    """Ingest every article under `paths` into `store`; bad inputs are reported, never fatal.
    The analysis runs in `analyst`, else as `options` say (`workers`, `ray`); reading, deduplication,
    storing and linking stay here, in order, so the store is the same whichever analyst ran."""
    progress = progress or Progress()
    report = IngestReport()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        groups = _spool(paths, store, options, progress, report, spool, stdin)
        repeated = {name: _repeated_lines(store, name, group) for name, group in groups.items()}
        pending = report.read - report.unchanged
        progress.start(pending)
        spool.seek(0)
        batches: deque[_Batch] = deque()

        def requests() -> Iterator[AnalysisRequest]:
            for batch in _batches(map(_load, spool), repeated, options, store):
                batches.append(batch)
                yield batch.request

        with ExitStack() as stack:
            chosen = analyst or stack.enter_context(_analyst(options, -(-pending // COMMIT_EVERY)))
            for result in chosen.map(requests()):
                batch = batches.popleft()
                for id_, why in batch.skipped + result.failed:
                    _unanalysed(id_, why, report, progress)
                with store.transaction():
                    for doc, article in zip(batch.docs, batch.articles, strict=True):
                        if isinstance(article, ReadFailure):
                            report.failed.append(article)
                            progress.failed(article)
                        else:
                            _store_one(doc, article, result.found.get(article.id), store, report)
                        progress.advance()
    return report


@dataclass(frozen=True)
class _Batch:
    """A batch of documents, their articles, and what of them goes to analysis."""

    docs: list[RawDocument]
    articles: list[Article | ReadFailure]
    skipped: list[tuple[str, str]]  # new articles over the analysis limit: id, why (E804)
    request: AnalysisRequest


def _batches(
    docs: Iterator[RawDocument], repeated: dict[str, frozenset[str]], options: IngestOptions, store: Store
) -> Iterator[_Batch]:
    """The documents cleaned and dated, COMMIT_EVERY at a time. An article is new when the store
    lacks it and no earlier batch holds it: what the store will say when its batch is stored, even
    while earlier batches are still being analysed."""
    earlier: set[str] = set()
    while docs_ := list(islice(docs, COMMIT_EVERY)):
        articles = [_prepare(doc, _repeated_in(repeated, doc), options) for doc in docs_]
        new: list[Article] = []
        skipped = []
        for a in articles:
            if not isinstance(a, Article) or a.id in earlier:
                continue
            earlier.add(a.id)
            if options.analyse and not store.has_article(a.id):
                if (why := too_long(a.text)) is not None:
                    skipped.append((a.id, why))
                else:
                    new.append(a)
        yield _Batch(docs_, articles, skipped, _request(new))


@contextmanager
def _analyst(options: IngestOptions, batches: int) -> Iterator[Analyst]:
    """The analyst `options` ask for: none without analysis, Ray when named, else a pool of workers,
    no more than there are batches; one worker's share is analysed in this process instead."""
    if not options.analyse:
        yield _Unanalysed()
    elif options.ray is not None:
        from .ray_workers import RayAnalyst

        with RayAnalyst(options.ray) as ray_analyst:
            yield ray_analyst
    elif min(options.workers, batches) > 1:
        from .workers import PoolAnalyst

        with PoolAnalyst(min(options.workers, batches)) as pool:
            yield pool
    else:
        yield InProcess()


class _Unanalysed:
    """`--no-analyse`: an empty result for every batch."""

    def map(self, requests: Iterable[AnalysisRequest]) -> Iterator[AnalysisResult]:
        return (AnalysisResult() for _ in requests)


def _spool(
    paths: Sequence[str],
    store: Store,
    options: IngestOptions,
    progress: Progress,
    report: IngestReport,
    spool: IO[str],
    stdin: BinaryIO | None,
) -> dict[str, _GroupLines]:
    """First pass: spool new documents and count, per group, how many of them carry each line."""
    groups: dict[str, _GroupLines] = defaultdict(_GroupLines)
    seen_sources: set[str] = set()
    seen_raw: set[str] = set()
    for item in read_paths(paths, max_bytes=options.max_bytes, stdin=stdin):
        if isinstance(item, ReadFailure):
            report.failed.append(item)
            progress.failed(item)
            continue
        report.read += 1
        progress.reading(str(item.provenance))
        doc = replace(item, outlet=item.outlet or options.outlet, url=item.url or options.url)
        key = _source_key(doc)
        known = store.source_article(key)
        if key in seen_sources or known is not None:
            report.unchanged += 1
            if known is not None:
                report.stored.append((doc.provenance, known))
            continue
        seen_sources.add(key)
        if doc.encoding.replace("-", "").replace("_", "").lower() not in ("utf8", "ascii"):
            message = f"{doc.provenance}: decoded as {doc.encoding}"
            report.notices.append(message)
            progress.notice(message)
        name = _group(doc)
        if name is not None and doc.raw_sha256 not in seen_raw:
            seen_raw.add(doc.raw_sha256)
            groups[name].docs += 1
            groups[name].lines.update(line_keys(doc.text))
        spool.write(json.dumps(_dump(doc), ensure_ascii=False, default=str) + "\n")
    return groups


def _repeated_lines(store: Store, name: str, group: _GroupLines) -> frozenset[str]:
    """Lines carried by at least REPEATED_MIN_DOCS and REPEATED_MIN_SHARE of the group's articles."""
    stored_docs, stored = store.group_counts(name, group.lines)
    needed = max(REPEATED_MIN_DOCS, math.ceil(REPEATED_MIN_SHARE * (stored_docs + group.docs)))
    return frozenset(key for key, n in group.lines.items() if n + stored.get(key, 0) >= needed)


def _repeated_in(repeated: dict[str, frozenset[str]], doc: RawDocument) -> frozenset[str]:
    """The furniture lines of the document's group; none when it has no group."""
    name = _group(doc)
    return frozenset() if name is None else repeated.get(name, frozenset())


def _prepare(doc: RawDocument, repeated: frozenset[str], options: IngestOptions) -> Article | ReadFailure:
    """The cleaned, dated article a document carries, or why it carries none."""
    cleaned = clean(doc.text, repeated=repeated, title=doc.title)
    if not cleaned.text.strip() and repeated:
        cleaned = clean(doc.text, title=doc.title)  # lines its outlet repeats are all it says: they stay
    if not cleaned.text.strip():
        return ReadFailure(doc.provenance, Code.NO_TEXT, "no article text left after removing site furniture")
    return _article(doc, cleaned, options)


def _unanalysed(id_: str, why: str, report: IngestReport, progress: Progress) -> None:
    """Note an article stored without places and events, and why."""
    reason = f"{id_[:12]}: {why}"
    report.unanalysed.append(reason)
    progress.notice(reason)


def _request(articles: Iterable[Article]) -> AnalysisRequest:
    chosen = list(articles)
    contexts = [
        ArticleContext(a.published, title_end=a.title_span.end if a.title_span else 0,
                       dateline=(a.dateline.start, a.dateline.end) if a.dateline else None)
        for a in chosen
    ]  # fmt: skip
    return AnalysisRequest(tuple(a.id for a in chosen), tuple(a.text for a in chosen), tuple(contexts))


def _store_one(
    doc: RawDocument, article: Article, analysis: Analysis | None, store: Store, report: IngestReport
) -> None:
    """Store a new article with its places, events and duplicate links, or one more source of a stored one."""
    known = store.source_article(_source_key(doc))
    if known is not None:  # stored since the first pass by another ingest into the same database
        report.unchanged += 1
        report.stored.append((doc.provenance, known))
        return
    if store.has_article(article.id):
        report.duplicates += 1
    else:
        own = shingles(article.text)
        keys = lsh_keys(own)
        store.add_article(article)
        for other in sorted(store.lsh_candidates(keys) - {article.id}):
            found = overlap(own, shingles(store.article_text(other)))
            if found.near_duplicate:
                store.link_near_duplicates(article.id, other, found.jaccard, found.containment)
                report.near_duplicates += 1
        store.add_lsh_keys(article.id, keys)
        if analysis is not None:
            store.add_places(article.id, analysis.places)
            store.add_events(article.id, [event_json(e) for e in analysis.events])
            link_article(store, article.id)
        signals = None if analysis is None else Signals.of(analysis)
        title = story_store.separate_title(article.title, article.title_span)
        story_store.add_article(store, article.id, article.text, title, article.published, signals)
        report.ingested += 1
    store.add_source(article.id, _source(doc))
    report.stored.append((doc.provenance, article.id))
    name = _group(doc)
    if name is not None:
        store.count_group_lines(name, line_keys(doc.text))


def _article(doc: RawDocument, cleaned: Cleaned, options: IngestOptions) -> Article:
    """The article record; its date comes from the source's metadata, else a dateline, else the option."""
    dateline = find_dateline(cleaned.text)
    if doc.published is not None:
        published, published_from = doc.published, "metadata"
    elif dateline is not None:
        published, published_from = dateline.date, "dateline"
    elif options.published is not None:
        published, published_from = options.published, "option"
    else:
        published, published_from = None, None
    return Article(
        id=article_id(cleaned.text),
        title=cleaned.title,
        text=cleaned.text,
        kind=cleaned.kind,
        published=published,
        published_from=published_from,
        outlet=doc.outlet,
        url=doc.url,
        removed=cleaned.removed,
        title_span=cleaned.title_span,
        kind_evidence=cleaned.kind_evidence,
        dateline=dateline.span if dateline else None,
    )


def _source(doc: RawDocument) -> Source:
    metadata = dict(doc.metadata)
    if doc.author:
        metadata.setdefault("author", doc.author)
    return Source(
        key=_source_key(doc),
        provenance=doc.provenance,
        raw_sha256=doc.raw_sha256,
        format=doc.format,
        outlet=doc.outlet,
        url=doc.url,
        title=doc.title,
        published=doc.published,
        encoding=doc.encoding,
        metadata=metadata,
    )


def _source_key(doc: RawDocument) -> str:
    """One occurrence: the same bytes at the same place are the same source."""
    where = doc.provenance
    identity = "\0".join(str(part) for part in (where.path, where.line, where.record, doc.raw_sha256))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


def _group(doc: RawDocument) -> str | None:
    """Articles whose repeated lines are compared: same outlet, else same site, else same folder;
    None for standard input (and the API's posts) with neither outlet nor site: unrelated texts,
    cleaned by the line rules alone."""
    if doc.outlet:
        return f"outlet:{doc.outlet}"
    host = urlsplit(doc.url).hostname if doc.url else None
    if host:
        return f"site:{host}"
    if doc.provenance.path == STDIN_PATH:
        return None
    return f"folder:{os.path.dirname(doc.provenance.path)}"


def _dump(doc: RawDocument) -> dict[str, Any]:
    data = asdict(doc)
    data["published"] = doc.published.isoformat() if doc.published else None
    return data


def _load(line: str) -> RawDocument:
    data = json.loads(line)
    data["provenance"] = Provenance(**data["provenance"])
    data["published"] = date.fromisoformat(data["published"]) if data["published"] else None
    return RawDocument(**data)
