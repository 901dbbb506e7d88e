"""A deadline for each request's head. uvicorn times out idle kept-alive connections, but waits for
ever on a connection that was opened and sent nothing, or half a request line and headers: enough of
them hold every socket the server has. Here a request's head must arrive within `head_timeout`
seconds of the connection (or of its first byte, for the next request on a kept-alive connection);
else the client gets a 408 in the API's error shape and the connection is closed. (A body that
stalls is answered 408 by the route that reads it: `articles._body`.) A request h11 cannot read gets
a 400 in the same shape instead of uvicorn's plain text."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..errors import Code
from .errors import TITLES
from .settings import current

MAX_HEAD_BYTES = 16 * 1024  # request line and headers (h11's limit on an incomplete event)


def raw_answer(status: int, code: Code, message: str) -> bytes:
    """A whole response in the API's error shape that closes the connection, for answers given
    below the app (no h11 state is kept: the connection ends)."""
    title = TITLES[status]
    body = json.dumps({"ok": False, "status": status, "code": code.value, "title": title, "error": message}).encode()
    head = f"HTTP/1.1 {status} {title}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n"
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

    def send_400_response(self, msg: str) -> None:
        """A request h11 cannot read (malformed, or its head over the limit): the API's error shape."""
        message = f"not an HTTP request this server reads (malformed, or its head over {MAX_HEAD_BYTES // 1024} KiB)"
        self.transport.write(raw_answer(400, Code.BAD_REQUEST, message))
        self.transport.close()

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
            message = f"the request was not sent within {self.head_timeout:g} s"
            self.transport.write(raw_answer(408, Code.REQUEST_TIMEOUT, message))
        self.transport.close()
