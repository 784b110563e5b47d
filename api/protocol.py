"""uvicorn's HTTP protocol with the two guards it lacks: a deadline for headers, and a connection cap.

uvicorn closes idle kept-alive connections, but a connection that sends its request line and
headers a byte at a time, or connects and sends nothing, stays open for ever; enough of them use
up the file descriptors and nothing answers any more. Here:

- a connection has `KIRUNA_BOT_HEADER_TIMEOUT` seconds from connecting (or from the first byte of
  its next request) to finish the headers; then it gets 408 and is closed. (A slow *body* is cut
  by `api.middleware.BodySizeLimit`, which has the request to answer in JSON.)
- a worker keeps at most `KIRUNA_BOT_MAX_CONNECTIONS` connections (and never more than its file
  descriptor limit allows): past that, the connection that has waited longest for headers (a slow
  or idle client) is closed to make room; a request being answered is never cut.

`kiruna-bot serve` passes this class to uvicorn by name, so every worker process reads its
settings from the environment.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import resource
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from bot.config import Settings
from bot.metrics import SLOW_CLIENTS_CUT

log = logging.getLogger("kiruna.connections")
FD_RESERVE = 128  # descriptors kept for the database, the index, logs and the listening socket


@functools.cache
def limits() -> tuple[float, int]:
    """The header deadline and the connection cap of this process (read once)."""
    settings = Settings()
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    cap = settings.max_connections
    if soft != resource.RLIM_INFINITY and soft - FD_RESERVE < cap:
        cap = max(16, soft - FD_RESERVE)
        log.warning("file descriptor limit %d: at most %d connections per worker", soft, cap)
    return settings.header_timeout, cap


def _timeout_response(seconds: float) -> bytes:
    body = json.dumps({"detail": f"request headers not received within {seconds:g} s"}).encode()
    head = (
        "HTTP/1.1 408 Request Timeout\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n"
        "x-content-type-options: nosniff\r\n"
        "content-security-policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n"
    )
    return head.encode() + body


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timeout, self._max_connections = limits()
        self._header_timer: asyncio.TimerHandle | None = None
        self.waiting_since: float | None = None  # waiting for a request's headers since; None while serving one

    # -- the header deadline ---------------------------------------------------------------

    def _arm(self) -> None:
        self._disarm()
        self.waiting_since = self.loop.time()
        self._header_timer = self.loop.call_later(self._header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        SLOW_CLIENTS_CUT.labels("headers").inc()
        self.transport.write(_timeout_response(self._header_timeout))
        self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()
        if len(self.connections) > self._max_connections:
            self._make_room()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_timer is None:  # the next request on a kept-alive connection: a new deadline
            self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        self.waiting_since = None
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self.waiting_since = self.loop.time()  # idle: uvicorn's keep-alive timeout runs now

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # -- the connection cap ----------------------------------------------------------------

    def _make_room(self) -> None:
        """Close the connection that has waited longest for headers (maybe this one)."""
        waiting = [
            c for c in self.connections if isinstance(c, GuardedHttpToolsProtocol) and c.waiting_since is not None
        ]
        victim = min(waiting, key=lambda c: c.waiting_since or 0.0) if waiting else self
        SLOW_CLIENTS_CUT.labels("capacity").inc()
        victim.transport.close()
        victim.waiting_since = None
