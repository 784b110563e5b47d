"""Importing by URL: a deadline, a size cap, no redirects to other hosts (a loopback server plays the site)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from bot.fetching import FetchError, fetch_page
from bot.wiring import Bot
from tests.content_pages import NEW_LINK, second_version_html

PAGE = second_version_html().encode("utf-8")


def _handler(port: list[int]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            routes = {
                "/Kommun/Vision/": lambda: self._send(200, PAGE, "text/html; charset=utf-8"),
                "/same-host": lambda: self._redirect("/Kommun/Vision/"),
                "/other-host": lambda: self._redirect(f"http://localhost:{port[0]}/Kommun/Vision/"),
                "/loop": lambda: self._redirect("/loop"),
                "/big": lambda: self._send(200, b"x" * 50_000, "text/plain"),
                "/latin1": lambda: self._send(
                    200, "Välkommen till Kiruna".encode("latin-1"), "text/plain; charset=iso-8859-1"
                ),
                "/stall": self._stall,
            }
            route = routes.get(self.path)
            if route is None:
                self._send(404, b"not found", "text/plain")
            else:
                route()

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _stall(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "10")
            self.end_headers()
            self.wfile.write(b"slow")
            self.wfile.flush()
            time.sleep(3)

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    port: list[int] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(port))
    server.daemon_threads = True
    port.append(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port[0]}"
    finally:
        server.shutdown()
        server.server_close()


def _fetch(url: str, **overrides: Any) -> str:
    options: dict[str, Any] = {"allowed_hosts": ["127.0.0.1"], "deadline": 2.0, "max_bytes": 40_000, **overrides}
    return fetch_page(url, **options).text


def test_a_page_is_fetched_and_redirects_within_the_host_are_followed(site: str) -> None:
    assert "Hållbarhet och klimat" in _fetch(f"{site}/Kommun/Vision/")
    assert (
        fetch_page(f"{site}/same-host", allowed_hosts=["127.0.0.1"], deadline=2, max_bytes=40_000).url
        == f"{site}/Kommun/Vision/"
    )
    assert _fetch(f"{site}/latin1") == "Välkommen till Kiruna"


@pytest.mark.parametrize(
    ("path", "overrides", "fragment"),
    [
        ("/other-host", {}, "another host"),
        ("/loop", {}, "redirects more than"),
        ("/big", {}, "larger than 40000 bytes"),
        ("/stall", {"deadline": 1.0}, "longer than 1 s"),
        ("/missing", {}, "answered 404"),
        ("/Kommun/Vision/", {"allowed_hosts": ["kiruna.se"]}, "not a host imports may fetch from"),
    ],
)
def test_what_an_import_may_not_fetch_is_refused(
    site: str, path: str, overrides: dict[str, Any], fragment: str
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=fragment):
        _fetch(f"{site}{path}", **overrides)
    assert time.monotonic() - started < 2.5


def test_not_an_http_address() -> None:
    with pytest.raises(FetchError, match="not an http"):
        _fetch("file:///etc/passwd")


@pytest.mark.parametrize("url", ["http://[::1", "http://[nonsense]/", "http://host:99999/"])
def test_a_malformed_address_is_refused_with_a_reason(url: str) -> None:
    with pytest.raises(FetchError, match=r"not a valid address|could not be fetched|not an http"):
        _fetch(url, allowed_hosts=[])


def test_import_by_url_keeps_the_address_and_resolves_links(fresh_bot: Bot, site: str) -> None:
    desk = fresh_bot.content
    desk._settings = desk._settings.model_copy(update={"import_hosts": "127.0.0.1"})
    result = desk.import_url(f"{site}/same-host", "Åsa")
    assert result.version.doc_id == "vision-mal-och-varumarke"  # found by its title
    assert result.version.origin == f"{site}/Kommun/Vision/"
    assert result.version.source.source_url == f"{site}/Kommun/Vision/"
    links = {link.text: link.url for link in result.version.source.links}
    assert links[NEW_LINK] == f"{site}/Uppleva-och-gora/Kultur-och-fritidsplan/"
    assert [c.kind for c in result.diff.changes] == ["changed", "added", "added", "added", "removed", "changed"]
