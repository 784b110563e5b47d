"""Fixtures for the browser tests: the real server, a host page on another origin, Chromium.

The bot runs as the real `kiruna-bot serve` process over a copy of the session's index. A small
threaded http.server on another loopback port plays the municipality's page that embeds the
widget (`hosting.py`), so every widget call is cross-origin, as in production. Chromium is Debian's
(/usr/bin/chromium), driven by Playwright; Playwright's own browser download is never used.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.config import Settings
from tests.browser.hosting import CHROMIUM, CHROMIUM_ARGS, HostSite
from tests.browser.hosting import host_site as serve_host_site
from tests.servers import free_port, kiruna_bot

STAFF_TOKEN = "browser-test-token-3f9c"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDGET = "kiruna-vision-chat"


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
    with serve_host_site(bot_server, host_port, dead) as site:
        yield site


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
