"""Request-level guards: odd paths, hosts, body size and read time, request ids, errors, rate limits.

Each is a plain ASGI middleware (no per-request task or buffering beyond what it must hold), and
each answers in JSON; they sit inside the security headers and CORS, so every refusal carries both.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import time
import unicodedata
import uuid
from typing import Any

import anyio
import anyio.to_thread
from limits import RateLimitItem, parse
from limits.strategies import FixedWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.logging_setup import request_id
from bot.metrics import RATE_LIMITED, REQUEST_SECONDS, SLOW_CLIENTS_CUT
from bot.redaction import redact
from bot.storage.client_keys import ClientKeys
from bot.storage.health import StorageHealth

log = logging.getLogger("kiruna.access")
MAX_BODY = 16 * 1024
# A staff translation may be 20,000 characters; as JSON, each may take up to 6 bytes (\\uXXXX).
STAFF_MAX_BODY = 128 * 1024
STAFF_PREFIX = "/v1/staff/"
HEALTH_PATHS = frozenset({"/health/live", "/health/ready"})
# The rate-limit counter gets this long before a request goes on uncounted (the database may be locked).
COUNTER_DEADLINE = 1.0
COUNTER_THREADS = 8
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


async def send_json(
    send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    data = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
            + (headers or []),
        }
    )
    await send({"type": "http.response.body", "body": data})


def client_address(scope: Scope) -> str:
    """The peer, or the client a trusted proxy named (ProxyHeadersMiddleware runs first)."""
    return str((scope.get("client") or ("unknown", 0))[0])


class ErrorGuard:
    """An unexpected error becomes a JSON 500 that still passes through CORS and the security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:  # the last line of defence: logged once, answered in JSON
            logging.getLogger("kiruna.errors").exception(
                "unhandled error on %s %s", scope["method"], redact(scope["path"])
            )
            if not started:
                await send_json(send, 500, {"detail": "internal error; it has been logged"})


def _odd(path: str) -> bool:
    """Control characters, lone surrogates or unassigned code points: no route has them."""
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Cn") for ch in path)


class OddPaths:
    """404 for a path no route could have (NUL, control characters), before any route sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _odd(scope["path"]):
            await send_json(send, 404, {"detail": "Not Found"})
            return
        await self.app(scope, receive, send)


class HostAllowlist:
    """400 for a `Host` not listed; the health routes answer any host (local probes use 127.0.0.1)."""

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.hosts = [h.lower() for h in hosts]

    def _allowed(self, host: str) -> bool:
        return any(
            pattern in ("*", host) or (pattern.startswith("*.") and host.endswith(pattern[1:]))
            for pattern in self.hosts
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.hosts or scope["path"] in HEALTH_PATHS:
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1").lower()
        host = raw[1:].partition("]")[0] if raw.startswith("[") else raw.partition(":")[0]  # no port
        if not self._allowed(host):
            await send_json(send, 400, {"detail": "unknown host"})
            return
        await self.app(scope, receive, send)


class BodySizeLimit:
    """413 for a body over the limit, before any of it is parsed; 408 for a body sent too slowly.

    A body is read whole (bodies here are small) within `timeout` seconds from the end of the
    headers, then replayed to the app. Staff routes, behind their token, take larger bodies.
    """

    def __init__(
        self,
        app: ASGIApp,
        limit: int = MAX_BODY,
        staff_limit: int = STAFF_MAX_BODY,
        timeout: float = 10.0,
        larger: dict[str, int] | None = None,
    ) -> None:
        self.app = app
        self.limit = limit
        self.staff_limit = staff_limit
        self.timeout = timeout
        self.larger = larger or {}  # exact paths that take larger bodies still (a page upload)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.staff_limit if scope["path"].startswith(STAFF_PREFIX) else self.limit
        limit = self.larger.get(scope["path"], limit)
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        too_large = {"detail": f"request body too large: at most {limit} bytes"}
        close = [(b"connection", b"close")]
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await send_json(send, 413, too_large, close)
            return
        body = bytearray()
        more = True
        with anyio.move_on_after(self.timeout):
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body.extend(message.get("body", b""))
                more = bool(message.get("more_body", False))
                if len(body) > limit:
                    await send_json(send, 413, too_large, close)
                    return
        if more:
            SLOW_CLIENTS_CUT.labels("body").inc()
            await send_json(send, 408, {"detail": f"request body not received within {self.timeout:g} s"}, close)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class RequestContext:
    """A request id for every request (kept from X-Request-ID when sane), an access log line, metrics,
    and `Server-Timing: app;dur=…` (the time inside the server until the response starts), so a
    client, the browser's devtools or `kiruna-bot bench`, can tell the server's time from the wire's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers", [])).get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                spent = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", rid.encode()),
                    (b"server-timing", spent.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, with_id)
        finally:
            elapsed = time.perf_counter() - started
            REQUEST_SECONDS.labels(scope["method"], _route_of(scope), str(status)).observe(elapsed)
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": redact(scope["path"]),  # a path may carry what a resident typed
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )
            request_id.reset(token)


class RateLimit:
    """Per-client limit on the public POST routes, counted in the shared database (all workers).

    The counter is written in a thread, never on the event loop, and gets `COUNTER_DEADLINE`
    seconds: when the database cannot count (locked, full, damaged), the request goes on
    uncounted and the failure is counted, logged and shown in readiness. A resident is never
    refused an answer because a counter could not be written.
    """

    def __init__(
        self,
        app: ASGIApp,
        limiter: FixedWindowRateLimiter | None,
        rule: str,
        keys: ClientKeys,
        health: StorageHealth,
        paths: tuple[str, ...] = ("/v1/chat", "/v1/feedback"),
        deadline: float = COUNTER_DEADLINE,
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.item: RateLimitItem | None = parse(rule) if limiter is not None else None
        self.keys = keys
        self.health = health
        self.paths = paths
        self.deadline = deadline
        self._threads: tuple[asyncio.AbstractEventLoop, anyio.CapacityLimiter] | None = None

    def _limiter(self) -> anyio.CapacityLimiter:
        """The counter's own few threads (a limiter belongs to the event loop that first used it)."""
        loop = asyncio.get_running_loop()
        if self._threads is None or self._threads[0] is not loop:
            self._threads = (loop, anyio.CapacityLimiter(COUNTER_THREADS))
        return self._threads[1]

    def _count(self, client: str) -> int:
        """0 when the request may go on, else the seconds until it may (runs in a thread)."""
        assert self.limiter is not None
        assert self.item is not None
        with self.health.guard("rate_limit"):
            key = self.keys.key(client)  # a keyed hash: no address is ever stored
            if self.limiter.hit(self.item, "chat", key):
                return 0
            stats = self.limiter.get_window_stats(self.item, "chat", key)
            return max(1, math.ceil(stats.reset_time - time.time()))
        return 0  # could not count: let it through

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or self.limiter is None
            or scope["method"] != "POST"
            or scope["path"] not in self.paths
        ):
            await self.app(scope, receive, send)
            return
        retry: int | None = None
        with anyio.move_on_after(self.deadline):
            retry = await anyio.to_thread.run_sync(
                self._count, client_address(scope), limiter=self._limiter(), abandon_on_cancel=True
            )
        if retry is None:
            self.health.failed("rate_limit", TimeoutError(f"the counter took over {self.deadline:g} s"))
        elif retry:
            RATE_LIMITED.inc()
            await send_json(
                send,
                429,
                {"detail": f"too many requests; try again in {retry} s"},
                [(b"retry-after", str(retry).encode())],
            )
            return
        await self.app(scope, receive, send)
