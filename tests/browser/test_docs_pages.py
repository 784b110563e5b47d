"""The API docs render in Chromium from the bot's own assets, under its CSP, without the network."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NewPage = Callable[..., Any]


def _open(page: Any, bot_server: str, path: str) -> list[str]:
    """Open a page; the URLs outside the bot it loaded (a CDN would be one)."""
    elsewhere: list[str] = []

    def loaded(request: Any) -> None:
        if not request.url.startswith((bot_server, "blob:", "data:")):
            elsewhere.append(request.url)

    page.on("requestfinished", loaded)
    page.goto(f"{bot_server}{path}")
    return elsewhere


def _errors(page: Any) -> list[str]:
    """Console errors, but the CSP refusing ReDoc's credit logo on Redocly's CDN (that is the CSP working)."""
    return [e for e in page.console_errors if not ("cdn.redoc.ly" in e and "Content Security Policy" in e)]


def test_swagger_ui_renders_offline_under_the_csp(bot_server: str, new_page: NewPage) -> None:
    page = new_page()
    elsewhere = _open(page, bot_server, "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "Kiruna vision bot" in page.inner_text(".swagger-ui .info .title")
    page.get_by_text("/v1/chat", exact=True).first.wait_for(timeout=10_000)
    assert elsewhere == []
    assert _errors(page) == []  # a CSP violation is a console error


def test_redoc_renders_offline_under_the_csp(bot_server: str, new_page: NewPage) -> None:
    page = new_page()
    elsewhere = _open(page, bot_server, "/redoc")
    page.wait_for_selector("h1", timeout=20_000)
    assert "Kiruna vision bot" in page.inner_text("h1")
    page.get_by_text("/v1/chat", exact=True).first.wait_for(timeout=10_000)
    assert elsewhere == []
    assert _errors(page) == []
