"""The content API in-process: upload, review, publish, follow, roll back, topics, refused questions."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bot.chat.pipeline import Pipeline
from bot.config import Settings
from tests.content_pages import NEW_GOAL, OLD_GOAL, second_version_html
from tests.fakes import fake_bot, with_settings

TOKEN = "content-s3cret"
STAFF = {"Authorization": f"Bearer {TOKEN}", "X-Staff-Name": "%C3%85sa"}  # "Åsa", percent-encoded
DOC = "vision-mal-och-varumarke"
CULTURE = {"message": "Vad är målet för kultur och idrott?", "lang": "sv"}


@pytest.fixture
def client(
    tmp_path: Path, fast_settings: Settings, fast_pipeline: Pipeline, started_database: Path
) -> Iterator[TestClient]:
    settings = with_settings(fast_settings, data_dir=tmp_path, staff_token=TOKEN, import_hosts="kiruna.se")
    shutil.copy(started_database, tmp_path / started_database.name)  # as `fresh_bot`: a first start's rows
    with TestClient(create_app(settings, fake_bot(settings, fast_pipeline))) as c:
        yield c


def _wait(check: Any, timeout: float = 10.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_content_routes_need_the_staff_token(client: TestClient) -> None:
    assert client.get("/v1/staff/content/documents").status_code == 401
    assert client.get("/v1/staff/content/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_upload_review_publish_and_roll_back(client: TestClient) -> None:
    documents = client.get("/v1/staff/content/documents", headers=STAFF).json()
    v1 = documents["published"][DOC]
    assert documents["serving"] == {DOC: v1}

    page = second_version_html()
    assert len(page.encode()) < 16 * 1024 < len((page * 2).encode())
    uploaded = client.post(
        "/v1/staff/content/import", headers=STAFF, json={"name": "vision.html", "content": page + "\n" * 9000}
    )
    assert uploaded.status_code == 201, uploaded.text
    body = uploaded.json()
    v2 = body["version"]["id"]
    assert body["created"] is True
    assert body["version"]["imported_by"] == "Åsa"
    assert body["version"]["published"] is False
    assert body["diff"]["counts"] == {"added": 3, "removed": 1, "changed": 2, "unchanged": 36}
    # the larger body is for the import route only
    assert client.post("/v1/chat", json={"message": "x" * 20_000}).status_code == 413

    review = client.get(f"/v1/staff/content/versions/{v2}/review", headers=STAFF).json()
    assert review["against"] == v1
    assert [c["kind"] for c in review["diff"]["changes"]] == [
        "changed",
        "added",
        "added",
        "added",
        "removed",
        "changed",
    ]
    assert {s["lang"]: s["count"] for s in review["stale_translations"]}["fi"] == 3
    assert len(review["eval_cases"]) == 14

    before = client.post("/v1/chat", json=CULTURE).json()
    assert OLD_GOAL in before["quote"]["text"]

    started = client.post("/v1/staff/content/publish", headers=STAFF, json={"version_id": v2})
    assert started.status_code == 202
    publication = started.json()
    assert publication["state"] in ("building", "published")

    def published() -> bool:
        r = client.get(f"/v1/staff/content/publications/{publication['id']}", headers=STAFF)
        return bool(r.json()["state"] == "published")

    _wait(published)
    # the worker's watch swaps the new version in, without a restart
    _wait(lambda: client.get("/health/ready").json()["documents"] == {DOC: v2})
    after = client.post("/v1/chat", json=CULTURE).json()
    assert NEW_GOAL in after["quote"]["text"]
    assert after["quote"]["doc_version"] == v2
    assert f"Sidans version {v2}." in after["answer"]

    again = client.post("/v1/staff/content/publish", headers=STAFF, json={"version_id": v2})
    assert again.status_code == 409
    assert "already" in again.json()["detail"]
    newer = client.post("/v1/staff/content/rollback", headers=STAFF, json={"version_id": v2})
    assert newer.status_code == 422

    rolled = client.post("/v1/staff/content/rollback", headers=STAFF, json={"version_id": v1})
    assert rolled.status_code == 202
    _wait(lambda: client.get("/health/ready").json()["documents"] == {DOC: v1})
    assert client.post("/v1/chat", json=CULTURE).json()["quote"]["text"] == before["quote"]["text"]
    actions = [p["action"] for p in client.get("/v1/staff/content/publications", headers=STAFF).json()]
    assert actions == ["rollback", "publish", "seed"]


@pytest.mark.parametrize(
    ("method", "path", "payload", "status", "fragment"),
    [
        ("get", "/v1/staff/content/versions/nothex", None, 422, "version_id"),
        ("get", "/v1/staff/content/versions/0123456789ab", None, 404, "not found"),
        ("post", "/v1/staff/content/publish", {"version_id": "0123456789ab"}, 404, "not found"),
        ("post", "/v1/staff/content/import", {"name": "a.pdf", "content": "%PDF"}, 422, "saved page"),
        ("post", "/v1/staff/content/import", {"name": "a.html", "content": "<p>x</p>"}, 422, "no page content"),
        ("post", "/v1/staff/content/import", {"name": "a.txt", "content": "Text", "doc_id": "Bad Id"}, 422, "doc_id"),
        ("post", "/v1/staff/content/import-url", {"url": "https://example.org/page"}, 422, "not a host"),
        ("post", "/v1/staff/content/import-url", {"url": "ftp://kiruna.se/x"}, 422, "url"),
        ("put", "/v1/staff/content/topics/99", {"name": "Buss"}, 404, "not found"),
        ("post", "/v1/staff/content/topics", {"name": "Buss", "status": "active"}, 422, "active topic needs"),
        ("post", "/v1/staff/content/topics", {"name": "Buss", "url": "javascript:x"}, 422, "http"),
        ("delete", "/v1/staff/content/topics/99", None, 404, "not found"),
    ],
)
def test_bad_requests_get_a_clear_4xx(
    client: TestClient, method: str, path: str, payload: object, status: int, fragment: str
) -> None:
    r = client.request(method, path, headers=STAFF, json=payload)
    assert r.status_code == status, r.text
    assert fragment in r.json()["detail"]


def test_topics_and_refused_questions(client: TestClient) -> None:
    for _ in range(3):
        client.post("/v1/chat", json={"message": "När går nattbussen?", "lang": "sv"})
    clusters = client.get("/v1/staff/content/unanswered", headers=STAFF).json()
    assert clusters[0]["count"] == 3
    assert clusters[0]["by_lang"] == {"sv": 3}
    assert clusters[0]["questions"] == [{"text": "När går nattbussen?", "lang": "sv", "count": 3}]
    assert clusters[0]["covered_by"] is None

    draft = {"name": "Busstider", "examples": [q["text"] for q in clusters[0]["questions"]], "status": "draft"}
    created = client.post("/v1/staff/content/topics", headers=STAFF, json=draft)
    assert created.status_code == 201
    topic = created.json()
    assert (topic["status"], topic["updated_by"], topic["examples"]) == ("draft", "Åsa", ["När går nattbussen?"])
    active = {
        **draft,
        "text": "Busstider finns hos Länstrafiken i Norrbotten.",
        "url": "https://www.ltnbd.se/",
        "status": "active",
    }
    edited = client.put(f"/v1/staff/content/topics/{topic['id']}", headers=STAFF, json=active)
    assert edited.status_code == 200
    assert edited.json()["status"] == "active"
    assert [t["name"] for t in client.get("/v1/staff/content/topics", headers=STAFF).json()] == ["Busstider"]
    assert client.delete(f"/v1/staff/content/topics/{topic['id']}", headers=STAFF).status_code == 204
    assert client.get("/v1/staff/content/topics", headers=STAFF).json() == []
