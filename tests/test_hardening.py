"""Abuse and bad input at the HTTP edge: body size, headers, CORS, hosts, staff auth, rate limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bot.config import Settings
from bot.wiring import Bot
from tests.fakes import run_async, with_settings

ORIGIN = "https://www.kiruna.se"


def _client(settings: Settings, bot: Bot, **overrides: object) -> TestClient:
    return TestClient(create_app(with_settings(settings, **overrides), bot))


@pytest.fixture(scope="module")
def client(fast_settings: Settings, fast_bot: Bot) -> Iterator[TestClient]:
    with _client(fast_settings, fast_bot, rate_limit="off", cors_origins=ORIGIN, staff_token="s3cret") as c:
        yield c


def test_body_over_16_kib_is_refused_before_parsing(client: TestClient) -> None:
    big = b'{"message": "' + b"a" * (17 * 1024) + b'"}'
    r = client.post("/v1/chat", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "too large" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"message": "'
        for _ in range(20):
            yield b"b" * 1024
        yield b'"}'

    r = client.post("/v1/chat", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/health/live", "/v1/languages", "/staff", "/"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "object-src 'none'" in csp
        assert "base-uri 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"]
        assert r.headers["x-request-id"]
        assert r.headers["server-timing"].startswith("app;dur=")  # the server's own time, for devtools and bench
    assert "frame-ancestors 'none'" in client.get("/staff").headers["content-security-policy"]


def test_cors_only_for_allowlisted_origins_and_never_credentials(client: TestClient) -> None:
    ok = client.post("/v1/chat", json={"message": "Vad är visionen?"}, headers={"Origin": ORIGIN})
    assert ok.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-credentials" not in ok.headers
    evil = client.post("/v1/chat", json={"message": "Vad är visionen?"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in evil.headers
    pre = client.options(
        "/v1/chat",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert pre.status_code == 200
    assert "access-control-allow-credentials" not in pre.headers


def test_unknown_hosts_are_refused(fast_settings: Settings, fast_bot: Bot) -> None:
    with _client(fast_settings, fast_bot, allowed_hosts="bot.kiruna.se,testserver") as c:
        assert c.get("/v1/languages").status_code == 200
        assert c.get("/v1/languages", headers={"Host": "evil.example"}).status_code == 400


def test_staff_routes_closed_without_a_token(fast_settings: Settings, fast_bot: Bot) -> None:
    with _client(fast_settings, fast_bot, staff_token=None) as c:
        assert c.get("/v1/staff/sentences").status_code == 404
        assert c.get("/v1/staff/sentences", headers={"Authorization": "Bearer anything"}).status_code == 404


def test_staff_routes_need_the_right_token(client: TestClient) -> None:
    assert client.get("/v1/staff/sentences").status_code == 401
    assert client.get("/v1/staff/sentences", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/v1/staff/sentences", headers={"Authorization": "Basic s3cret"}).status_code == 401
    ok = client.get("/v1/staff/sentences", headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    assert len(ok.json()) == 39


def test_rate_limit_with_retry_after(fast_settings: Settings, fast_bot: Bot, tmp_path: Path) -> None:
    limited = with_settings(fast_settings, rate_limit="5/minute", database_url=f"sqlite:///{tmp_path}/rl.db")
    with TestClient(create_app(limited, fast_bot)) as c:
        codes = [c.post("/v1/chat", json={"message": "Vad är visionen?"}).status_code for _ in range(7)]
        assert codes == [200] * 5 + [429, 429]
        r = c.post("/v1/chat", json={"message": "Vad är visionen?"})
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert "too many requests" in r.json()["detail"]
        assert c.get("/health/live").status_code == 200  # only the public POST routes are limited


async def _codes(settings: Settings, bot: Bot, peer: str, forwarded: list[str]) -> list[int]:
    app = create_app(settings, bot)
    transport = httpx.ASGITransport(app=app, client=(peer, 1234))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        return [
            (await c.post("/v1/chat", json={"message": "Vad är visionen?"}, headers={"X-Forwarded-For": f})).status_code
            for f in forwarded
        ]


def test_forwarded_for_counts_only_behind_a_trusted_proxy(
    fast_settings: Settings, fast_bot: Bot, tmp_path: Path
) -> None:
    clients = [f"203.0.113.{i}" for i in range(1, 5)]
    base = {"rate_limit": "2/minute", "database_url": f"sqlite:///{tmp_path}/rl.db"}
    # no trusted proxies: X-Forwarded-For is ignored, even from loopback, and the peer is limited
    untrusted = with_settings(fast_settings, **base)
    assert run_async(_codes, untrusted, fast_bot, "127.0.0.1", clients) == [200, 200, 429, 429]
    # behind a trusted proxy (CIDR), each forwarded client has its own count
    trusted = with_settings(fast_settings, **base, trusted_proxies="10.0.0.0/8")
    assert run_async(_codes, trusted, fast_bot, "10.0.0.5", clients) == [200] * 4
    # a peer outside the trusted range cannot name a client
    assert run_async(_codes, trusted, fast_bot, "198.51.100.1", clients) == [200, 200, 429, 429]


def test_question_log_keeps_only_redacted_text(client: TestClient, fast_bot: Bot) -> None:
    r = client.post("/v1/chat", json={"message": "Mitt pnr är 811228-9874, mejla anna@example.se: vad är visionen?"})
    answer_id = r.json()["id"]
    logged = next(q for q in fast_bot.staff.questions(limit=50) if q.id == answer_id)
    assert "811228-9874" not in logged.text
    assert "anna@example.se" not in logged.text
    assert "[personnummer]" in logged.text


def test_feedback_is_stored_with_the_answer(client: TestClient, fast_bot: Bot) -> None:
    answer_id = client.post("/v1/chat", json={"message": "Vad är målet för kultur?"}).json()["id"]
    assert client.post("/v1/feedback", json={"answer_id": answer_id, "helpful": True}).json() == {"stored": True}
    assert client.post("/v1/feedback", json={"answer_id": "nope", "helpful": True}).status_code == 404
    logged = next(q for q in fast_bot.staff.questions(limit=50) if q.id == answer_id)
    assert logged.helpful == 1


def test_metrics_exposes_the_operational_series(client: TestClient) -> None:
    client.post("/v1/chat", json={"message": "Vad är målet för kultur?", "lang": "sv"})
    text = client.get("/metrics").text
    for name in ("kiruna_request_duration_seconds_bucket", "kiruna_answers_total", "kiruna_translation_calls_total"):
        assert name in text
    assert 'kiruna_answers_total{answered="true",lang="sv"}' in text


def test_staff_csv_export_defuses_formulas(client: TestClient) -> None:
    client.post("/v1/chat", json={"message": '=HYPERLINK("http://evil")'})
    csv_text = client.get("/v1/staff/questions.csv", headers={"Authorization": "Bearer s3cret"}).text
    assert csv_text.splitlines()[0].startswith("id,created_at,lang")
    assert "'=HYPERLINK" in csv_text
