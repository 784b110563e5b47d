"""Fetches a page of the municipality's site for import: a deadline, a size cap, no other hosts.

Staff give a URL; the server fetches it. So the fetch is held to what an import needs: http or
https only, a host on the configured list (`KIRUNA_BOT_IMPORT_HOSTS`), redirects followed only
within that host, the whole fetch within a deadline and the body under a size cap. Anything else
is a `FetchError` whose message says what was refused.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

MAX_REDIRECTS = 5


class FetchError(ValueError):
    """The page could not be fetched as an import allows; the message says why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects within the host
    content_type: str
    text: str


def _host(url: str) -> str:
    try:
        parts = urlsplit(url)
        hostname = parts.hostname  # parses the port and brackets too: "http://[::1" fails here
    except ValueError as exc:
        raise FetchError(f"not a valid address: {url} ({exc})") from exc
    if parts.scheme not in ("http", "https") or not hostname:
        raise FetchError(f"not an http(s) address: {url}")
    return hostname.lower()


def fetch_page(
    url: str,
    *,
    allowed_hosts: list[str],
    deadline: float,
    max_bytes: int,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """The page at `url` as text; `FetchError` for a refused host, redirect, size, time, status or encoding."""
    host = _host(url)
    if allowed_hosts and host not in {h.lower() for h in allowed_hosts}:
        listed = ", ".join(allowed_hosts)
        raise FetchError(f"{host} is not a host imports may fetch from (KIRUNA_BOT_IMPORT_HOSTS: {listed})")
    started = time.monotonic()
    current = url
    with httpx.Client(timeout=httpx.Timeout(deadline), follow_redirects=False, transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            if time.monotonic() - started > deadline:
                raise FetchError(f"{url} took longer than {deadline:g} s")
            try:
                with client.stream("GET", current, headers={"Accept": "text/html, text/plain;q=0.9"}) as response:
                    if not response.is_redirect:
                        return _read(response, current, started, deadline, max_bytes)
                    target = urljoin(current, response.headers.get("location", ""))
                    if _host(target) != host:
                        raise FetchError(f"{current} redirects to another host ({_host(target)}): not followed")
                    current = target
            except httpx.TimeoutException as exc:
                raise FetchError(f"{current} took longer than {deadline:g} s") from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"{current} could not be fetched: {exc}") from exc
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times")


def _read(response: httpx.Response, url: str, started: float, deadline: float, max_bytes: int) -> Fetched:
    if response.status_code != 200:
        raise FetchError(f"{url} answered {response.status_code}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is larger than {max_bytes} bytes")
    body = bytearray()
    for part in response.iter_bytes():
        body.extend(part)
        if len(body) > max_bytes:
            raise FetchError(f"{url} is larger than {max_bytes} bytes")
        if time.monotonic() - started > deadline:
            raise FetchError(f"{url} took longer than {deadline:g} s")
    encoding = response.charset_encoding or "utf-8"
    try:
        text = bytes(body).decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FetchError(f"{url} is not readable text in {encoding}: {exc}") from exc
    return Fetched(url, response.headers.get("content-type", ""), text)
