"""The staff routes' front door: authentication before anything else, and guessing throttled.

Without a configured token every staff path (the API under /v1/staff, the console page and its
assets) is 404, whatever the method or body: the console does not exist. With a token, a staff
API request without the right bearer token is 401 before its body is read or validated; a client
that fails too often (`KIRUNA_BOT_STAFF_AUTH_LIMIT`) gets 429 until its window ends, even with the
right token, so guessing gains nothing from going fast. Failures are counted per client in this
worker's memory (no database write per guess) and logged with the client's keyed hash.
"""

from __future__ import annotations

import hmac
import logging
import math
import secrets
import threading
import time

from limits import RateLimitItem, parse
from pydantic import SecretStr
from starlette.types import ASGIApp, Receive, Scope, Send

from api.middleware import client_address, send_json
from bot.metrics import STAFF_AUTH_FAILURES
from bot.storage.client_keys import client_network

log = logging.getLogger("kiruna.staff")
STAFF_PATHS = ("/v1/staff", "/staff")
STAFF_ASSETS = ("/static/staff.",)
MAX_TRACKED = 10_000  # clients whose failures are remembered at once


def is_staff_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in STAFF_PATHS) or path.startswith(STAFF_ASSETS)


class FailureThrottle:
    """Failed attempts per client in fixed windows, in memory, bounded in size."""

    def __init__(self, item: RateLimitItem) -> None:
        self.limit = item.amount
        self.window = item.get_expiry()
        self._windows: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str, now: float | None = None) -> int:
        """Seconds until the client may try again; 0 when it may now."""
        now = time.monotonic() if now is None else now
        start, count = self._windows.get(client, (now, 0))
        if now - start >= self.window or count < self.limit:
            return 0
        return max(1, math.ceil(start + self.window - now))

    def failed(self, client: str, now: float | None = None) -> int:
        """Count a failure; the client's failures in its current window."""
        now = time.monotonic() if now is None else now
        with self._lock:
            start, count = self._windows.get(client, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            self._windows[client] = (start, count + 1)
            if len(self._windows) > MAX_TRACKED:
                self._windows = {k: v for k, v in self._windows.items() if now - v[0] < self.window}
                while len(self._windows) > MAX_TRACKED:  # all recent: forget the oldest
                    self._windows.pop(next(iter(self._windows)))
            return count + 1


def _bearer(scope: Scope) -> bytes:
    header = dict(scope.get("headers", [])).get(b"authorization", b"")
    scheme, _, token = header.partition(b" ")
    return token.strip() if scheme.lower() == b"bearer" else b""


class StaffGate:
    def __init__(self, app: ASGIApp, token: SecretStr | None, limit: str) -> None:
        self.app = app
        self.token = token.get_secret_value().encode() if token is not None else b""
        self.throttle = FailureThrottle(parse(limit)) if limit.strip().lower() != "off" else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_staff_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        if not self.token:
            await send_json(send, 404, {"detail": "Not Found"})
            return
        if not scope["path"].startswith("/v1/staff"):  # the console page asks for the token itself
            await self.app(scope, receive, send)
            return
        client = client_network(client_address(scope))
        if self.throttle is not None and (retry := self.throttle.retry_after(client)):
            await send_json(
                send,
                429,
                {"detail": f"too many failed staff sign-ins; try again in {retry} s"},
                [(b"retry-after", str(retry).encode())],
            )
            return
        if not hmac.compare_digest(_bearer(scope), self.token):
            STAFF_AUTH_FAILURES.inc()
            failures = self.throttle.failed(client) if self.throttle is not None else 0
            log.warning(
                "staff authentication failed",
                extra={"client": _pseudonym(client), "path": scope["path"], "failures": failures},
            )
            await send_json(send, 401, {"detail": "staff token missing or wrong"}, [(b"www-authenticate", b"Bearer")])
            return
        await self.app(scope, receive, send)


_PSEUDONYM_KEY = secrets.token_bytes(32)


def _pseudonym(client: str) -> str:
    """A client in the log without its address: the same within this worker's life, unlinkable after."""
    return hmac.new(_PSEUDONYM_KEY, client.encode(), "sha256").hexdigest()[:12]
