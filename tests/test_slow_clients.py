"""Slow clients are cut off by the HTTP protocol itself: the header deadline and the connection cap.

uvicorn with `api.protocol.GuardedHttpToolsProtocol`, in a thread on a loopback port, over a tiny
app: seconds, no model. The load test on a real `kiruna-bot serve` is in
`tests/test_hardening_two_serve.py`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from api import protocol
from tests.servers import free_port

HEADER_TIMEOUT = 0.6
CAP = 24


async def tiny_app(scope: dict[str, object], receive: object, send: object) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"ok"})  # type: ignore[operator]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setattr(protocol, "limits", lambda: (HEADER_TIMEOUT, CAP))
    port = free_port()
    config = uvicorn.Config(
        tiny_app,
        host="127.0.0.1",
        port=port,
        http=protocol.GuardedHttpToolsProtocol,
        log_level="warning",
        lifespan="off",
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=5)


def _closed_after(sock: socket.socket, limit: float) -> tuple[float, bytes]:
    """Seconds until the server closed the connection, and what it sent."""
    started = time.monotonic()
    sock.settimeout(limit)
    data = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return time.monotonic() - started, data
        data += chunk


def test_a_connection_that_sends_nothing_is_closed_with_408(server: str) -> None:
    with _connect(server) as sock:
        elapsed, data = _closed_after(sock, 5)
    assert HEADER_TIMEOUT - 0.1 <= elapsed < HEADER_TIMEOUT + 1.0
    assert data.startswith(b"HTTP/1.1 408 ")
    assert b"request headers not received" in data


def test_headers_sent_a_byte_at_a_time_are_cut_at_the_deadline(server: str) -> None:
    request = b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200
    with _connect(server) as sock:
        started = time.monotonic()
        closed = False
        for byte in request:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.05)
            if time.monotonic() - started > HEADER_TIMEOUT + 1.5:
                break
        if not closed:
            _, data = _closed_after(sock, 3)
            assert data.startswith(b"HTTP/1.1 408 ")
    assert time.monotonic() - started < HEADER_TIMEOUT + 2.0


def test_a_kept_alive_connection_gets_a_new_deadline_per_request(server: str) -> None:
    with httpx.Client(base_url=server) as client:
        for _ in range(3):
            assert client.get("/x").status_code == 200
            time.sleep(HEADER_TIMEOUT / 2)  # idle between requests: uvicorn's keep-alive timeout governs


def test_past_the_cap_the_longest_waiting_connections_make_room(server: str) -> None:
    idle = [_connect(server) for _ in range(CAP * 2)]
    try:
        time.sleep(0.1)
        started = time.monotonic()
        r = httpx.get(f"{server}/x", timeout=5)  # a real client still gets in
        assert r.status_code == 200
        assert time.monotonic() - started < 0.5
        alive = 0
        for sock in idle:
            sock.settimeout(0.05)
            try:
                alive += sock.recv(1) != b"" or 0
            except TimeoutError:
                alive += 1  # still open, nothing sent
            except OSError:
                pass
        assert alive <= CAP
    finally:
        for sock in idle:
            sock.close()
