"""/api/articles: the list, one article with its spans, and ingest through the API (with a token)."""

from __future__ import annotations

import asyncio
import io
import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from .. import pipeline
from ..errors import Code
from ..store.sqlite import EventFilters
from .. import strict_json
from .auth import authorise
from .errors import ApiError, bad
from .params import (
    MAX_TEXT, Page, FormatQuery, Text, date_range, decode_cursor, encode_cursor, one_of, output_format, page, words,
)  # fmt: skip
from ..export.listing import ARTICLES
from .render import export_page, json_page
from .schemas import CSV, ERRORS, Article, ArticleList, IngestAnswer, OutletList, answers, enum
from .spans import article_spans
from .ratelimit import WriteRate
from .stores import Stores, store_of

router = APIRouter(prefix="/api", responses=ERRORS)
MAX_BODY = 5 * 1024 * 1024


@router.get("/articles", summary="Article summaries, newest first", responses=answers(ArticleList, CSV))
def list_articles(
    request: Request,
    paging: Annotated[Page, Depends(page)],
    since: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    outlet: Text = None,
    kind: Annotated[str | None, Query(description="news or opinion.", json_schema_extra=enum(("news", "opinion")))] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words that must all occur in title or text.")] = None,
    fmt: FormatQuery = None,
) -> Response:
    """Articles with counts of their sources and near copies; with `q`, a plain-text snippet."""
    out = output_format(fmt, request, ("json", "csv", "parquet"))
    one_of("kind", kind, ("news", "opinion"))
    after = decode_cursor(paging.cursor, (str, str))
    store = store_of(request)
    first, last = date_range(since, until)
    rows = store.list_articles(
        outlet=outlet,
        kind=kind,
        since=first,
        until=last,
        text=words(q),
        limit=paging.limit + 1,
        after=after,
    )
    cursor = None
    if len(rows) > paging.limit:
        rows = rows[: paging.limit]
        cursor = encode_cursor([rows[-1]["published"], rows[-1]["id"]])
    if q is not None:
        found = store.text_snippets(q, [r["id"] for r in rows])
        rows = [{**row, "snippet": found.get(row["id"])} for row in rows]
    if out != "json":
        return export_page(request, ARTICLES, rows, out, cursor)
    return json_page(request, rows, cursor, paging.limit)


@router.get("/articles/{article_id}", summary="One article with its place, actor and event spans", responses=answers(Article))
def get_article(
    request: Request,
    article_id: Annotated[str, Path(min_length=6, max_length=64, pattern="^[0-9a-fA-F]+$", description="Id or a unique prefix.")],
) -> JSONResponse:
    """The article in full (text, removed spans, sources, places), its events, and `spans` for
    highlighting: offsets are Unicode code points into `text`."""
    store = store_of(request)
    article = store.get_article(store.resolve_id(article_id.lower()))
    events = store.list_events(EventFilters(article_id=article["id"]))
    events.sort(key=lambda e: int(e["id"].rsplit("-", 1)[1]))
    article["events"] = events
    article["spans"] = article_spans(article["places"], events)
    return JSONResponse(article)


@router.get("/outlets", summary="Every outlet with its number of articles", responses=answers(OutletList))
def list_outlets(request: Request) -> JSONResponse:
    """Outlets by name (the map's outlet filter lists them)."""
    return JSONResponse({"outlets": store_of(request).outlets()})


@router.post("/articles", summary="Ingest articles (only when the server has a token)", responses=answers(IngestAnswer))
async def post_articles(request: Request) -> JSONResponse:
    """Body: one JSON object or a list, each like a JSONL input line (`text` or `html`, optional `id`,
    `title`, `outlet`, `url`, `published`). Needs `Authorization: Bearer <token>`; at most 5 MB of
    strict JSON (no NaN or Infinity, nested at most 32 deep). Answers the ingest report, with
    `articles`: each record's article id (null: not stored, see `failed`)."""
    await _admit(request)
    authorise(request)
    records = _records(await _body(request))
    lines = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
    stores: Stores = request.app.state.stores
    report = await run_in_threadpool(_ingest, stores, lines)
    by_line = {where.line: article_id for where, article_id in report.stored}
    return JSONResponse(
        {
            "articles": [by_line.get(line) for line in range(1, len(records) + 1)],
            "ingested": report.ingested,
            "duplicates": report.duplicates,
            "unchanged": report.unchanged,
            "near_duplicates": report.near_duplicates,
            "failed": [str(f) for f in report.failed],
            "unanalysed": report.unanalysed,
        }
    )


async def _admit(request: Request) -> None:
    """A 429 when the client is over the server's write rate (every attempt counts, refused ones too)."""
    rate: WriteRate | None = request.app.state.write_rate
    if rate is None:
        return
    wait = await run_in_threadpool(rate.admit, request.client.host if request.client else "-")
    if wait is not None:
        message = f"over {rate.per_minute} writes a minute: retry in {wait:.0f} s"
        raise ApiError(429, Code.TOO_MANY_WRITES, message, {"Retry-After": str(max(1, round(wait)))})


async def _body(request: Request) -> bytes:
    """The body, read no further than the size limit, nor for longer than the time limit."""
    too_large = ApiError(413, Code.BODY_TOO_LARGE, f"the body is over {MAX_BODY} bytes")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        raise too_large
    chunks, size = [], 0
    limit: float = request.app.state.body_timeout
    try:
        async with asyncio.timeout(limit):
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BODY:
                    raise too_large
                chunks.append(chunk)
    except TimeoutError:
        message = f"the body did not arrive within {limit:g} s"
        raise ApiError(408, Code.REQUEST_TIMEOUT, message, {"Connection": "close"}) from None
    return b"".join(chunks)


def _records(body: bytes) -> list[dict[str, Any]]:
    try:
        data = strict_json.loads(body)
    except strict_json.NotStrictJson as problem:
        raise bad(f"body: {problem} (strict JSON: one article object or a list of them)") from None
    records = data if isinstance(data, list) else [data]
    if not records or not all(isinstance(r, dict) for r in records):
        raise bad("body: expected one article object or a non-empty list of them")
    return records


def _ingest(stores: Stores, lines: bytes) -> pipeline.IngestReport:
    with stores.lock:
        return pipeline.ingest(["-"], stores.get(), pipeline.IngestOptions(), stdin=io.BytesIO(lines))
