"""Kept-alive connections recycled: every RECYCLE_EVERY-th answer on a connection says `Connection:
close`, and the client opens a new one. Each worker of `sitrep serve` keeps the connections it
accepted for as long as they last, so one worker can hold most of them while the other idles (its
clients then wait several times as long); a connection opened anew goes to whichever worker accepts
it first, so the shares even out as the server runs (`bench/load.py`)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

RECYCLE_EVERY = 4  # answers per connection: a new connection on loopback costs far less than one answer, and at 16 the shares evened out too slowly
_MAX_TRACKED = 10_000  # connections counted at once (the counts of those that closed early are dropped with them)


class Recycle:
    """Adds `Connection: close` to every RECYCLE_EVERY-th answer of a client connection."""

    def __init__(self, app: ASGIApp, every: int = RECYCLE_EVERY) -> None:
        self.app, self.every = app, every
        self.answered: dict[tuple[str, int], int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] != "http" or client is None:
            await self.app(scope, receive, send)
            return
        key = (str(client[0]), int(client[1]))
        count = self.answered.pop(key, 0) + 1
        if count < self.every:
            if len(self.answered) >= _MAX_TRACKED:
                self.answered.clear()
            self.answered[key] = count
            await self.app(scope, receive, send)
            return

        async def closing(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, receive, closing)
