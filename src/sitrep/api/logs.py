"""What the server logs: one access line per request (never the token or the body) and one line per
fault (never a traceback), each through `logging` (stderr under `sitrep serve`)."""

from __future__ import annotations

import logging
import time
import traceback
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Code
from .auth import bearer_ok
from .errors import error_response

access = logging.getLogger("sitrep.api.access")
faults = logging.getLogger("sitrep.api.fault")
MAX_SHOWN = 200


def printable(text: str) -> str:
    """`text` cut to a readable length, control characters escaped: a log line stays one line."""
    cut = text[:MAX_SHOWN] + ("…" if len(text) > MAX_SHOWN else "")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)


class AccessLog:
    """`METHOD path status duration auth=yes|no client=address` for every request."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status, began = 0, time.perf_counter()

        async def noting(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting)
        finally:
            header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"), None)
            authenticated = "yes" if bearer_ok(header, self.token) else "no"
            client = scope.get("client") or ("-", 0)
            access.info(
                "%s %s %d %.1f ms auth=%s client=%s", printable(scope["method"]), printable(scope["path"]),
                status, (time.perf_counter() - began) * 1000, authenticated, printable(str(client[0])),
            )  # fmt: skip


class FaultBarrier:
    """An exception that escapes a route: a 500 in the one error shape and one log line naming the
    request, the exception and where it was raised; never a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def noting(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, noting)
        except Exception as exc:
            faults.error("fault %s %s: %s", printable(scope["method"]), printable(scope["path"]), describe(exc))
            if not started:
                message = "the server failed to answer; the request may be retried"
                await error_response(500, Code.SERVER_FAULT, message)(scope, receive, send)


def describe(exc: BaseException) -> str:
    """`Type: message at file.py:line` on one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return printable(f"{type(exc).__name__}: {exc}") + where
