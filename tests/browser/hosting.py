"""The municipality's page on another origin, embedding the widget with one script tag.

Shared by the browser tests (`conftest.py`) and the screenshot command (`screenshots.py`): a small
threaded http.server on a loopback port other than the bot's, so every widget call is cross-origin,
as in production, under the strict Content-Security-Policy a municipal site would send.
"""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from api.routes.pages import WIDGET_VERSION

CHROMIUM = os.environ.get("KIRUNA_BOT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

HOST_PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiruna kommun – värdsida för chatten</title>
{css}
</head>
<body>
<header><a href="#innehall">Gå till innehållet</a></header>
<main id="innehall">
<h1>Kiruna kommun — Vision, mål och varumärke</h1>
<p>En vanlig kommunsida på en annan webbplats än chatten. <a href="/om">Om webbplatsen</a>.</p>
</main>
<script src="{bot}/widget.js"{attrs} async></script>
</body>
</html>
"""

# The versioned URL pinned with Subresource Integrity, as docs/widget.md shows it.
SRI_PAGE = """<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Kiruna kommun – SRI</title></head>
<body>
<main><h1>Kiruna kommun</h1></main>
<script src="{bot}/widget/{version}/widget.js" integrity="{integrity}" crossorigin="anonymous"
        data-lang="sv" async></script>
</body>
</html>
"""

# A common pattern on municipal sites: 1rem = 10px. The widget must not shrink with it.
SMALL_ROOT_CSS = "html { font-size: 62.5%; } body { font-size: 1.6rem; font-family: Georgia, serif; }\n"


@dataclass
class HostSite:
    """The municipality's page, served from its own origin with a strict CSP."""

    origin: str
    bot: str
    dead_api: str

    def url(self, path: str = "/", **params: str) -> str:
        """`lang` sets data-lang ("none": no attribute), `small_root=1` the 62.5 % root font size,
        `document` sets data-document. Values go in as given: callers encode what needs it."""
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.origin}{path}" + (f"?{query}" if query else "")


def _handler(site: dict[str, str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            params = {k: v[0] for k, v in parse_qs(query).items()}
            if path == "/site.css":
                self._send(SMALL_ROOT_CSS, "text/css; charset=utf-8")
                return
            if path not in ("/", "/unreachable", "/options", "/sri", "/om"):
                self.send_error(404)
                return
            if path == "/sri":
                page = SRI_PAGE.format(bot=site["bot"], version=WIDGET_VERSION, integrity=params.get("integrity", ""))
                self._send(page)
                return
            attrs = {
                "/unreachable": f' data-api="{site["dead_api"]}"',
                "/options": (
                    ' data-position="bottom-left" data-title="Fråga kommunen"'
                    ' data-starters="Vad är visionen?|Hur togs den fram?"'
                ),
            }.get(path, "")
            lang = params.get("lang", "sv")
            if lang != "none":
                attrs = f' data-lang="{html.escape(lang)}"' + attrs
            if params.get("document"):
                attrs += f' data-document="{html.escape(params["document"])}"'
            css = '<link rel="stylesheet" href="/site.css">' if params.get("small_root") else ""
            self._send(HOST_PAGE.format(bot=site["bot"], attrs=attrs, css=css))

        def _send(self, text: str, media_type: str = "text/html; charset=utf-8") -> None:
            body = text.encode()
            self.send_response(200)
            self.send_header("Content-Type", media_type)
            # What a municipality's page would send: the bot origin for the script and its API,
            # and no 'unsafe-inline' anywhere (the widget styles itself with a constructable sheet).
            csp = (
                f"default-src 'self'; script-src 'self' {site['bot']}; style-src 'self'; "
                f"connect-src 'self' {site['bot']} {site['dead_api']}; img-src 'self' data:; "
                "object-src 'none'; base-uri 'none'"
            )
            self.send_header("Content-Security-Policy", csp)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@contextmanager
def host_site(bot: str, port: int, dead_api: str) -> Iterator[HostSite]:
    """Serve the host page on 127.0.0.1:`port` until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler({"bot": bot, "dead_api": dead_api}))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield HostSite(origin=f"http://127.0.0.1:{port}", bot=bot, dead_api=dead_api)
    finally:
        server.shutdown()
        server.server_close()
