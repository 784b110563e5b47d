"""Keys that count requests per client without storing who the client is.

A key is an HMAC of the client's address (an IPv6 address by its /64, one subscriber's network)
under a secret that is never in the database, and that changes every day: yesterday's keys
cannot be linked to today's, and once a day's secret is gone its keys cannot be traced back to
an address at all, even by trying every IPv4 address.

The secret is `KIRUNA_BOT_RATE_LIMIT_SECRET` (the same on every host, for deployments whose hosts
share a database; each day's secret is derived from it), else one random secret per day in a
file only the bot's user can read (`<data dir>/secrets/rate-limit-<day>.key`, mode 0600), which
every worker on the host shares and which is deleted the day after. Where neither can be had (a
read-only data dir and no setting), the worker keeps a random secret in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import ipaddress
import logging
import os
import secrets
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)
ROTATE_SECONDS = 86_400
KEEP_PERIODS = 2  # today's secret and yesterday's (a window that spans midnight)


def client_network(address: str) -> str:
    """What a limit applies to: an IPv4 address, or the /64 network of an IPv6 address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class ClientKeys:
    def __init__(self, secret: bytes | None, folder: Path | None, rotate_seconds: int = ROTATE_SECONDS) -> None:
        self._secret = secret
        self._folder = folder
        self._rotate = rotate_seconds
        self._periods: dict[int, bytes] = {}
        self._lock = threading.Lock()

    def key(self, address: str, now: float | None = None) -> str:
        """The stored key of a client address now (reads or writes a file once a day: call from a thread)."""
        period = int((time.time() if now is None else now) // self._rotate)
        digest = hmac.new(self._period_secret(period), client_network(address).encode(), hashlib.sha256)
        return digest.hexdigest()[:32]

    def _period_secret(self, period: int) -> bytes:
        with self._lock:
            found = self._periods.get(period)
            if found is None:
                found = self._make(period)
                self._periods = {p: s for p, s in self._periods.items() if p > period - KEEP_PERIODS}
                self._periods[period] = found
            return found

    def _make(self, period: int) -> bytes:
        if self._secret is not None:
            return hmac.new(self._secret, f"kiruna-rate-limit:{period}".encode(), hashlib.sha256).digest()
        if self._folder is not None:
            try:
                return self._from_file(self._folder, period)
            except OSError as exc:
                log.warning(
                    "cannot keep the rate-limit secret in %s (%s): this worker uses its own; "
                    "set KIRUNA_BOT_RATE_LIMIT_SECRET so that workers count together",
                    self._folder,
                    exc.strerror or exc,
                )
                self._folder = None
        return secrets.token_bytes(32)

    def _from_file(self, folder: Path, period: int) -> bytes:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"rate-limit-{period}.key"
        if not path.exists():
            # written whole under another name, then linked: a worker never reads half a secret
            tmp = folder / f".rate-limit-{period}-{os.getpid()}-{secrets.token_hex(4)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, secrets.token_hex(32).encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another worker was first: use theirs
            finally:
                tmp.unlink()
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
        for old in folder.glob("rate-limit-*.key"):
            with contextlib.suppress(ValueError, OSError):
                if int(old.stem.rsplit("-", 1)[1]) <= period - KEEP_PERIODS:
                    old.unlink()
        return secret
