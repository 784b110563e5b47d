"""Request-level guards: body size, request ids with access logs and metrics, and rate limiting."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import time
import uuid
from typing import Any

from limits import RateLimitItem, parse
from limits.strategies import FixedWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.logging_setup import request_id
from bot.metrics import RATE_LIMITED, REQUEST_SECONDS

log = logging.getLogger("kiruna.access")
MAX_BODY = 16 * 1024
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


async def _json(
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


class BodySizeLimit:
    """413 for a body over `limit` bytes, before any of it is parsed (declared or streamed)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.larger = larger or {}  # exact paths that take larger bodies (a page upload)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.larger.get(scope["path"], self.limit)
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        too_large = {"detail": f"request body too large: at most {limit} bytes"}
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _json(send, 413, too_large)
            return
        # Bodies here are small: read it whole (stopping past the limit), then replay it.
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = bool(message.get("more_body", False))
            if len(body) > limit:
                await _json(send, 413, too_large)
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
    """A request id for every request (kept from X-Request-ID when sane), an access log line, metrics."""

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
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
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
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )
            request_id.reset(token)


class RateLimit:
    """Per-client limit on the public POST routes, counted in the shared database (all workers)."""

    def __init__(
        self,
        app: ASGIApp,
        limiter: FixedWindowRateLimiter | None,
        rule: str,
        paths: tuple[str, ...] = ("/v1/chat", "/v1/feedback"),
        salt: str = "",
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.item: RateLimitItem | None = parse(rule) if limiter is not None else None
        self.paths = paths
        self.salt = salt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or self.limiter is None
            or self.item is None
            or scope["method"] != "POST"
            or scope["path"] not in self.paths
        ):
            await self.app(scope, receive, send)
            return
        # the peer, or the client a trusted proxy named (ProxyHeadersMiddleware runs first)
        client = str((scope.get("client") or ("unknown", 0))[0])
        # the address is hashed: no IP address is ever stored in clear
        key = hashlib.sha256(f"{self.salt}:{client}".encode()).hexdigest()[:32]
        if not self.limiter.hit(self.item, "chat", key):
            RATE_LIMITED.inc()
            stats = self.limiter.get_window_stats(self.item, "chat", key)
            retry = max(1, math.ceil(stats.reset_time - time.time()))
            await _json(
                send,
                429,
                {"detail": f"too many requests; try again in {retry} s"},
                [(b"retry-after", str(retry).encode())],
            )
            return
        await self.app(scope, receive, send)
