"""Driving the widget in a page: shared by the widget's browser tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.browser.conftest import WIDGET

SV_QUESTION = "Vilket mål finns för utbildning?"
SV_GOAL = "Kiruna har god kvalitet i utbildningen"
ADOPTED = "Antagen av kommunfullmäktige 2013-05-27, § 68"
PAGE_URL = "https://kiruna.se/Kommun/Kommun-politik/Vision-mal-och-varumarke/"


def shadow(page: Any, script: str) -> Any:
    """Evaluate `script` (an expression over `root`, the widget's shadow root) in the page."""
    return page.evaluate(f"() => {{ const root = document.querySelector('{WIDGET}').shadowRoot; return {script}; }}")


def bot_messages(page: Any) -> int:
    return int(shadow(page, "root.querySelectorAll('.msg.bot').length"))


def wait_bot_messages(page: Any, n: int, timeout: float = 30_000) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelectorAll('.msg.bot, .msg.error').length >= {n}",
        timeout=timeout,
    )


def open_widget(page: Any) -> None:
    page.locator(f"{WIDGET} .launcher").click()
    page.wait_for_function(f"() => document.querySelector('{WIDGET}').shadowRoot.activeElement?.tagName === 'INPUT'")
    wait_settled(page)


def wait_settled(page: Any) -> None:
    """Wait for the panel's opening animation to end (axe measures colours as painted)."""
    page.wait_for_function(
        f"() => !document.querySelector('{WIDGET}').shadowRoot.querySelector('.panel').classList.contains('opening')"
    )


def ask(page: Any, question: str) -> None:
    before = int(shadow(page, "root.querySelectorAll('.msg.bot, .msg.error').length"))
    field = page.locator(f"{WIDGET} input[type=text]")
    field.fill(question)
    field.press("Enter")
    wait_bot_messages(page, before + 1)


def choose_language_by_keyboard(page: Any, code: str) -> None:
    """Focus the picker and move with the arrow keys until `code` is chosen ("": automatic; no mouse)."""
    select = page.locator(f"{WIDGET} select")
    select.focus()
    codes = shadow(page, "[...root.querySelector('select').options].map(o => o.value)")
    current = shadow(page, "root.querySelector('select').value")
    steps = codes.index(code) - codes.index(current)
    key = "ArrowDown" if steps > 0 else "ArrowUp"
    for _ in range(abs(steps)):
        page.keyboard.press(key)
    page.wait_for_function(
        f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('select').value === '{code}'"
    )
    if code:
        page.wait_for_function(
            f"() => document.querySelector('{WIDGET}').shadowRoot.querySelector('.panel').lang === '{code}'"
        )


Reply = dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]


def fulfil_chat(
    page: Any,
    body: Reply,
    status: int = 200,
    headers: dict[str, str] | None = None,
    sent: list[dict[str, Any]] | None = None,
) -> None:
    """Answer /v1/chat from the test instead of the server (CORS headers included).

    `body` may be a function of the request body; every request body is appended to `sent`.
    """

    def handler(route: Any) -> None:
        if route.request.method == "OPTIONS":
            route.fulfill(
                status=204,
                headers={
                    "Access-Control-Allow-Origin": "*",
                    "Access-Control-Allow-Methods": "POST",
                    "Access-Control-Allow-Headers": "Content-Type",
                },
            )
            return
        request = json.loads(route.request.post_data or "{}")
        if sent is not None:
            sent.append(request)
        reply = body(request) if callable(body) else body
        route.fulfill(
            status=status,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": "*", **(headers or {})},
            body=json.dumps(reply),
        )

    page.route("**/v1/chat", handler)


def record_chat(page: Any) -> list[dict[str, Any]]:
    """The bodies of the widget's /v1/chat requests to the real server, as they are sent."""
    sent: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda r: r.method == "POST" and r.url.endswith("/v1/chat") and sent.append(json.loads(r.post_data or "{}")),
    )
    return sent


def fake_answer(**overrides: Any) -> dict[str, Any]:
    quote = {
        "text": "Inriktning: Boende, bebyggelse och livsmiljö\nMål: En god och trygg livsmiljö.",
        "section": "Strategiska inriktningar och övergripande mål › Boende, bebyggelse och livsmiljö",
        "heading": "Boende, bebyggelse och livsmiljö",
        "document": "Vision, mål och varumärke",
        "url": PAGE_URL,
        "adopted": ADOPTED,
        "last_modified": "2020-02-21",
        "doc_id": "vision-mal-och-varumarke",
        "chunk_id": "vision-mal-och-varumarke/boende",
        "start": 0,
        "end": 10,
        "translation": None,
        "fallback": {},
    }
    body: dict[str, Any] = {
        "kind": "answer",
        "answered": True,
        "lang": "sv",
        "detected_lang": "sv",
        "lead": "Målet för boende:",
        "answer": "Målet för boende: ” … ”",
        "dir": "ltr",
        "id": "fake-answer-1",
        "quote": quote,
        "quotes": [quote],
        "sources": [],
        "translation": {"provider": "source", "available": True, "reviewed": True, "provenance": "original"},
        "related": [],
        "source": {
            "text": "Källa: Vision, mål och varumärke, Kiruna kommun, senast ändrad 21 februari 2020",
            "document": "Vision, mål och varumärke",
            "publisher": "Kiruna kommun",
            "url": PAGE_URL,
            "last_modified": "2020-02-21",
        },
        "pointer": None,
        "suggestions": [],
        "conversation": None,
        "refusal_reason": None,
    }
    body.update(overrides)
    return body
