"""`create_app`: the API's routes, the map page, one error shape and the security headers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import web
from ..store import open_store
from . import articles, errors, events, grid, places
from .hosts import HostCheck, allowed_names
from .logs import AccessLog, FaultBarrier
from .ratelimit import WriteRate
from .settings import REQUEST_TIMEOUT_S
from .stores import Stores

POLICY = web.CONTENT_SECURITY_POLICY.encode()


def create_app(
    db: str | Path,
    token: str | None = None,
    *,
    allowed_hosts: Iterable[str] = (),
    write_rate: WriteRate | None = None,
    body_timeout: float = REQUEST_TIMEOUT_S,
    threads: int | None = None,
) -> FastAPI:
    """The API over the store at `db`, a file or a postgresql:// URL (created and migrated when needed). Read-only unless `token` is
    given, which then enables POST /api/articles for bearers of it, at most `write_rate` a client.
    Answers requests whose Host is a loopback name or one of `allowed_hosts` (`*`: any); a body must
    arrive within `body_timeout` seconds. `threads`: how many requests run at once (when served with
    its lifespan; default anyio's 40)."""
    open_store(db).close()  # fail now on a bad file, and migrate once before any request
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if threads is not None:  # few threads: under the GIL, 40 of them mostly wait on each other
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        app.state.stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        summary="Conflict events read from news: sourced, geocoded, deduplicated.",
        version="0.1.0",
        # FastAPI's own /docs loads Swagger UI from a CDN with an inline script (and /redoc likewise):
        # /docs is served below from the copy `make web` puts in static/vendor/.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.stores = Stores(db, threads)
    app.state.token = token or None
    app.state.write_rate = write_rate
    app.state.body_timeout = body_timeout
    errors.install(app)
    app.include_router(articles.router)
    app.include_router(grid.router)
    app.include_router(events.router)
    app.include_router(places.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR, check_dir=False), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web.STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(web.STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    app.add_middleware(HostCheck, allowed=allowed_names(allowed_hosts))
    app.add_middleware(FaultBarrier)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AccessLog, token=app.state.token)  # outermost: it sees every answer, 421 and 500 too
    return app


class SecurityHeaders:
    """The map's Content-Security-Policy and nosniff on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers += [(b"content-security-policy", POLICY), (b"x-content-type-options", b"nosniff")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
