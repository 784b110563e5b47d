"""No input produces a 500: schemathesis over the OpenAPI schema, hypothesis over the chat contract."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from bot.config import Settings
from bot.wiring import Bot
from tests.fakes import with_settings
from tests.fuzz import run_schemathesis


@pytest.fixture(scope="module")
def client(fast_settings: Settings, fast_bot: Bot) -> Iterator[TestClient]:
    app = create_app(with_settings(fast_settings, rate_limit="off", staff_token="fuzz-token"), fast_bot)
    with TestClient(app, headers={"Authorization": "Bearer fuzz-token"}, raise_server_exceptions=False) as c:
        yield c


def test_schemathesis_finds_no_server_error(client: TestClient) -> None:
    report = run_schemathesis(client, client.get("/openapi.json").json(), max_examples=25)
    print(json.dumps({k: report[k] for k in ("cases", "server_errors", "statuses")}))
    assert report["cases"] >= 200
    assert report["server_errors"] == 0, report["failures"]
    assert "POST /v1/chat" in report["per_operation"]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(min_value=10**20, max_value=10**40)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
tricky_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "C"], exclude_characters="\ud800"),
    max_size=1200,
) | st.sampled_from(["\u202e\u202dvision", "\x00\x01\x1b[31m", "\u202emål", "\ufeff" * 10, "🙂" * 300])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    message=tricky_text | json_values,
    lang=st.none() | st.sampled_from(["sv", "en", "ar", "fit", "xx", "", "SV", " fi"]) | json_values,
    extra=st.dictionaries(st.text(max_size=10), json_values, max_size=3),
)
def test_chat_contract_property(client: TestClient, message: object, lang: object, extra: dict[str, object]) -> None:
    body = {**extra, "message": message, "lang": lang}
    r = client.post("/v1/chat", json=body)
    assert r.status_code in (200, 413, 422), r.text
    payload = r.json()
    if r.status_code == 200:
        assert isinstance(message, str)
        assert 1 <= len(message) <= 1000
        assert payload["lang"] in ("sv", "en", "fi", "se", "fit", "ar", "so", "ti", "fa", "uk", "pl", "de")
        for quote in payload["quotes"]:
            shown = quote["translation"]["text"] if quote["translation"] else quote["text"]
            assert shown in payload["answer"]
    else:
        assert isinstance(payload["detail"], str)
        assert payload["detail"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_never_500(client: TestClient, raw: bytes) -> None:
    r = client.post("/v1/chat", content=raw, headers={"content-type": "application/json"})
    assert r.status_code in (200, 400, 413, 422)
    if r.status_code != 200:
        assert r.json()["detail"]
