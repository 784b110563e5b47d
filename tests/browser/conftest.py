"""Fixtures for the browser tests: the real server, a host page on another origin, Chromium.

The bot runs as the real `kiruna-bot serve` process over a copy of the session's index. A small
threaded http.server on another loopback port plays the municipality's page that embeds the
widget, so every widget call is cross-origin, as in production. Chromium is Debian's
(/usr/bin/chromium), driven by Playwright; Playwright's own browser download is never used.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from api.routes.pages import WIDGET_VERSION
from bot.config import Settings
from tests.servers import free_port, kiruna_bot

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
STAFF_TOKEN = "browser-test-token-3f9c"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDGET = "kiruna-vision-chat"


# --------------------------------------------------------------------------------------------
# The host page: another origin that embeds the widget with one script tag
# --------------------------------------------------------------------------------------------

HOST_PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiruna kommun – värdsida för chatten</title>
</head>
<body>
<header><a href="#innehall">Gå till innehållet</a></header>
<main id="innehall">
<h1>Kiruna kommun — Vision, mål och varumärke</h1>
<p>En vanlig kommunsida på en annan webbplats än chatten. <a href="/om">Om webbplatsen</a>.</p>
</main>
<script src="{bot}/widget.js" data-lang="{lang}"{extra} async></script>
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


@dataclass
class HostSite:
    """The municipality's page, served from its own origin with a strict CSP."""

    origin: str
    bot: str
    dead_api: str

    def url(self, path: str = "/", **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.origin}{path}" + (f"?{query}" if query else "")


def _host_handler(site: dict[str, str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            params = {k: v[0] for k, v in parse_qs(query).items()}
            if path not in ("/", "/unreachable", "/options", "/sri", "/om"):
                self.send_error(404)
                return
            if path == "/sri":
                page = SRI_PAGE.format(bot=site["bot"], version=WIDGET_VERSION, integrity=params.get("integrity", ""))
                self._send(page)
                return
            extra = {
                "/unreachable": f' data-api="{site["dead_api"]}"',
                "/options": (
                    ' data-position="bottom-left" data-title="Fråga kommunen"'
                    ' data-starters="Vad är visionen?|Hur togs den fram?"'
                ),
            }.get(path, "")
            lang = params.get("lang", "sv")
            self._send(HOST_PAGE.format(bot=site["bot"], lang=lang, extra=extra))

        def _send(self, page: str) -> None:
            body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
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


@pytest.fixture(scope="session")
def host_port() -> int:
    return free_port()


# --------------------------------------------------------------------------------------------
# The bot: the real server over a copy of the session's index
# --------------------------------------------------------------------------------------------


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 240.0) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"kiruna-bot serve exited with {proc.returncode}")
        try:
            r = httpx.get(f"{base}/health/ready", timeout=2)
            if r.status_code == 200:
                return
            last = r.text
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"kiruna-bot serve not ready in {timeout}s: {last}")


@pytest.fixture(scope="session")
def bot_server(
    settings: Settings, pipeline: object, tmp_path_factory: pytest.TempPathFactory, host_port: int
) -> Iterator[str]:
    data = tmp_path_factory.mktemp("browser-bot-data")
    shutil.copytree(settings.index_dir, data / "index")
    port = free_port()
    env = {
        **os.environ,
        "KIRUNA_BOT_DATA_DIR": str(data),
        "KIRUNA_BOT_CORS_ORIGINS": f"http://127.0.0.1:{host_port}",
        "KIRUNA_BOT_STAFF_TOKEN": STAFF_TOKEN,
        "KIRUNA_BOT_TRANSLATION_PROVIDER": "none",
        "KIRUNA_BOT_RATE_LIMIT": "off",
        "PYTHONUNBUFFERED": "1",
    }
    log = (data / "serve.log").open("wb")
    proc = subprocess.Popen(
        [*kiruna_bot(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, proc)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def host_site(bot_server: str, host_port: int) -> Iterator[HostSite]:
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there: the "unreachable" state
    site = {"bot": bot_server, "dead_api": dead}
    server = ThreadingHTTPServer(("127.0.0.1", host_port), _host_handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield HostSite(origin=f"http://127.0.0.1:{host_port}", bot=bot_server, dead_api=dead)
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: the browser tests need Debian's chromium "
            "(apt-get install -y chromium). They never download a browser.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Pages in fresh contexts (own storage), closed after the test; console errors collected."""
    contexts: list[Any] = []

    def make(**context_options: Any) -> Any:
        context = browser.new_context(**context_options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []  # type: ignore[attr-defined]
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        page.on("pageerror", lambda e: page.console_errors.append(str(e)))
        page.failed_responses = []  # type: ignore[attr-defined]
        page.on("response", lambda r: r.status >= 400 and page.failed_responses.append(f"{r.status} {r.url}"))
        return page

    yield make
    for context in contexts:
        context.close()


# --------------------------------------------------------------------------------------------
# Helpers shared by the tests
# --------------------------------------------------------------------------------------------


def axe_violations(page: Any) -> str:
    """'' when axe finds nothing against WCAG 2.0/2.1 A and AA, else a readable report."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    if results.violations_count == 0:
        return ""
    # The package's own report cannot print shadow-DOM targets (lists of selectors): our own.
    lines = []
    for v in results.response["violations"]:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            lines.append(f"  at {json.dumps(node['target'])}: {node.get('failureSummary', '')!s}".replace("\n", " "))
            lines.append(f"     {node.get('html', '')[:200]}")
    return "\n".join(lines)


def wait_for_widget(page: Any) -> None:
    page.wait_for_function(
        f"() => {{ const h = document.querySelector('{WIDGET}');"
        " return !!(h && h.shadowRoot && h.shadowRoot.querySelector('.launcher')); }"
    )


def focus_in_widget(page: Any) -> str | None:
    """The class (or id) of the focused element inside the widget, or None when focus is outside."""
    return page.evaluate(
        f"""() => {{
            const h = document.querySelector('{WIDGET}');
            if (!h || document.activeElement !== h) return null;
            const a = h.shadowRoot.activeElement;
            return a ? (a.id || a.className || a.tagName) : null;
        }}"""
    )
