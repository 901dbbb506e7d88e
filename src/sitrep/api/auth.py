"""The bearer token that enables writes: checked in constant time, never logged or echoed."""

from __future__ import annotations

import hmac

from fastapi import Request

from ..errors import Code
from .errors import ApiError


def bearer_ok(authorization: str | None, token: str | None) -> bool:
    """Whether an Authorization header value carries `token` as a bearer token."""
    if token is None or not authorization:
        return False
    scheme, _, value = authorization.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


def authorise(request: Request) -> None:
    """A 403 when the server takes no writes, a 401 without the right bearer token."""
    token: str | None = request.app.state.token
    if token is None:
        raise ApiError(403, Code.WRITES_DISABLED, "this server is read-only: start it with a token to accept articles")
    if not bearer_ok(request.headers.get("authorization"), token):
        raise ApiError(401, Code.UNAUTHORIZED, "a valid bearer token is needed", {"WWW-Authenticate": "Bearer"})
