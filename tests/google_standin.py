"""A local stand-in of Google Translate's mobile endpoint (`/m`), for deep-translator's real client.

It answers the way the real page does (a `div.result-container` holding the translation) and can
be told to misbehave: rate-limit, fail, stall, or return a page without the result element. It
records every text it receives, so tests can assert what left the process.
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


@dataclass
class StandIn:
    mode: str = "ok"  # ok, 429, 500, stall, empty
    stall_seconds: float = 10.0
    received: list[str] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/m"


def translate_text(text: str, target: str) -> str:
    """What the stand-in returns: recognisable, per line, so sentence mapping is testable."""
    return "\n".join(f"[{target}] {line}" for line in text.split("\n"))


@contextmanager
def google_standin() -> Iterator[StandIn]:
    state = StandIn()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path != "/m":
                self.send_error(404)
                return
            params = parse_qs(url.query)
            text = params.get("q", [""])[0]
            target = params.get("tl", ["?"])[0]
            state.received.append(text)
            if state.mode == "stall":
                time.sleep(state.stall_seconds)
            if state.mode in ("429", "500"):
                self.send_response(int(state.mode))
                self.end_headers()
                return
            body = "<html><body><div class='other'>nothing here</div></body></html>"
            if state.mode != "empty":
                body = (
                    "<html><body><div class='result-container'>"
                    f"{html.escape(translate_text(text, target))}</div></body></html>"
                )
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
