"""`create_app`: the API's routes, the map page, one error shape and the security headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import web
from ..store import open_store
from . import articles, errors, events
from .stores import Stores

POLICY = web.CONTENT_SECURITY_POLICY.encode()


def create_app(db: Path, token: str | None = None) -> FastAPI:
    """The API over the store at `db` (created and migrated when needed). Read-only unless `token` is
    given, which then enables POST /api/articles for bearers of it."""
    open_store(db).close()  # fail now on a bad file, and migrate once before any request
    app = FastAPI(
        title="sitrep",
        summary="Conflict events read from news: sourced, geocoded, deduplicated.",
        version="0.1.0",
        # FastAPI's own /docs loads Swagger UI from a CDN with an inline script (and /redoc likewise):
        # /docs is served below from the copy `make web` puts in static/vendor/.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.stores = Stores(db)
    app.state.token = token or None
    errors.install(app)
    app.include_router(articles.router)
    app.include_router(events.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR, check_dir=False), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web.STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(web.STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    app.add_middleware(SecurityHeaders)
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
