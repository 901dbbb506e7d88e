"""A deadline for each request's head. uvicorn times out idle kept-alive connections, but waits for
ever on a connection that was opened and sent nothing, or half a request line and headers: enough of
them hold every socket the server has. Here a request's head must arrive within `head_timeout`
seconds of the connection (or of its first byte, for the next request on a kept-alive connection);
else the client gets a 408 in the API's error shape and the connection is closed. (A body that
stalls is answered 408 by the route that reads it: `articles._body`.)"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import Code
from .settings import current


def timeout_answer(seconds: float) -> bytes:
    """The raw 408 response, in the API's error shape."""
    body = json.dumps({
        "ok": False, "status": 408, "code": Code.REQUEST_TIMEOUT.value, "title": "Request timeout",
        "error": f"the request was not sent within {seconds:g} s",
    }).encode()  # fmt: skip
    head = f"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n"
    return head.encode() + body


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's head (`sitrep serve --request-timeout`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head_timeout = current().request_timeout
        self.head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:  # a head not yet whole: the next request's, or this one's
            self._arm()
        else:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self.head_deadline is None and not self.transport.is_closing():
            self.head_deadline = self.loop.call_later(self.head_timeout, self._expired)

    def _disarm(self) -> None:
        if self.head_deadline is not None:
            self.head_deadline.cancel()
            self.head_deadline = None

    def _expired(self) -> None:
        self.head_deadline = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        if self.conn.our_state is h11.IDLE:  # nothing of ours under way (not between two kept-alive requests' answers)
            self.transport.write(timeout_answer(self.head_timeout))
        self.transport.close()
