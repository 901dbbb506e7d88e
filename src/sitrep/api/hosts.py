"""The Host header check against DNS rebinding: a page on another site whose name was pointed at
127.0.0.1 still sends its own name as Host, and gets a 421 instead of the store."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import Code
from .errors import error_response

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
ANY_HOST = "*"


def host_name(header: str) -> str:
    """The name a Host header gives: lowercased, without the port, IPv6 brackets or a final dot."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.removesuffix(".")


def allowed_names(extra: Iterable[str] = ()) -> frozenset[str]:
    """The loopback names and `extra` (names, addresses, or `*` for any), as `host_name` gives them."""
    return LOOPBACK | {ANY_HOST if name.strip() == ANY_HOST else host_name(name) for name in extra if name.strip()}


class HostCheck:
    """Answers 421 to a request whose Host is none of `allowed` (see `allowed_names`)."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str]) -> None:
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or ANY_HOST in self.allowed:
            await self.app(scope, receive, send)
            return
        header = next((value.decode("latin-1") for name, value in scope["headers"] if name == b"host"), None)
        if header is not None and host_name(header) in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = "no Host header" if header is None else f"Host {header[:100]!r}"
        message = f"{shown} is not a name this server answers to (see `sitrep serve --allowed-host`)"
        await error_response(421, Code.BAD_HOST, message)(scope, receive, send)
