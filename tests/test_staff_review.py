"""Translation review for staff: segments with their section, a status filter, a section approved at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bot.config import Settings
from bot.wiring import Bot
from tests.fakes import with_settings

TOKEN = "review-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Staff-Name": "Eva Granskare"}


@pytest.fixture
def client(fast_settings: Settings, fresh_bot: Bot) -> Iterator[TestClient]:
    app = create_app(with_settings(fast_settings, rate_limit="off", staff_token=TOKEN), fresh_bot)
    with TestClient(app) as c:
        yield c


def _entries(client: TestClient, **params: str) -> list[dict[str, object]]:
    r = client.get("/v1/staff/translations", params=params, headers=AUTH)
    assert r.status_code == 200, r.text
    rows: list[dict[str, object]] = r.json()
    return rows


def test_entries_carry_their_section_in_page_order(client: TestClient, fresh_bot: Bot) -> None:
    rows = _entries(client, lang="fi")
    assert rows, "the curated Finnish translations are in the memory"
    positions = [r["position"] for r in rows]
    assert positions == sorted(positions)  # type: ignore[type-var]
    corpus = fresh_bot.chat.corpus
    sections = {c.id: c.section for c in corpus.chunks()}
    for r in rows:
        assert r["kind"] in ("sentence", "heading")
        if r["chunk_id"] in sections:
            assert r["section"] == sections[r["chunk_id"]]
    # A sentence sits in the chunk it was cut from; a heading with the passage it heads.
    by_source = {r["source_text"]: r for r in rows}
    goal = next(s for s in corpus.sentences() if "Mål:" in s.text)
    assert by_source[goal.text]["chunk_id"] == goal.chunk_id
    heading = corpus.chunks()[0].heading_path[-1]
    assert by_source[heading]["kind"] == "heading"
    assert by_source[heading]["chunk_id"] == corpus.chunks()[0].id
    # The same section groups its heading and its sentences.
    grouped = [r for r in rows if r["chunk_id"] == goal.chunk_id]
    assert {r["kind"] for r in grouped} == {"sentence", "heading"}


def test_status_filter(client: TestClient) -> None:
    everything = _entries(client, lang="de")
    unreviewed = _entries(client, lang="de", status="unreviewed")
    reviewed = _entries(client, lang="de", status="reviewed")
    assert unreviewed
    assert all(not r["reviewed"] and not r["stale"] for r in unreviewed)
    assert all(r["reviewed"] and not r["stale"] for r in reviewed)
    assert len(unreviewed) + len(reviewed) + len(_entries(client, lang="de", status="stale")) == len(everything)
    r = client.get("/v1/staff/translations", params={"status": "maybe"}, headers=AUTH)
    assert r.status_code == 422


def test_approve_a_section_records_each_segment(client: TestClient) -> None:
    rows = _entries(client, lang="pl", status="unreviewed")
    section = max({r["chunk_id"] for r in rows}, key=lambda c: sum(r["chunk_id"] == c for r in rows))
    ids = [r["id"] for r in rows if r["chunk_id"] == section]
    assert len(ids) >= 2
    r = client.post("/v1/staff/translations/approve", json={"ids": ids}, headers=AUTH)
    assert r.status_code == 200, r.text
    approved = r.json()
    assert [a["id"] for a in approved] == ids
    for a in approved:
        assert a["reviewed"] is True
        assert a["reviewer"] == "Eva Granskare"
        assert datetime.fromisoformat(a["reviewed_at"])
    left = {r["id"] for r in _entries(client, lang="pl", status="unreviewed")}
    assert not left & set(ids)
    assert {r["id"] for r in _entries(client, lang="pl", status="reviewed")} >= set(ids)


def test_approving_again_keeps_the_first_reviewer(client: TestClient) -> None:
    first = _entries(client, lang="uk", status="unreviewed")[0]["id"]
    client.post("/v1/staff/translations/approve", json={"ids": [first]}, headers=AUTH)
    other = {**AUTH, "X-Staff-Name": "Someone Else"}
    again = client.post("/v1/staff/translations/approve", json={"ids": [first, first]}, headers=other)
    assert again.status_code == 200
    assert [a["reviewer"] for a in again.json()] == ["Eva Granskare"]


def test_bad_or_unknown_ids(client: TestClient) -> None:
    ids = [r["id"] for r in _entries(client, lang="so", status="unreviewed")[:2]]
    for body in ({"ids": []}, {"ids": ["x"]}, {"ids": [0]}, {}, {"ids": "1,2"}):
        r = client.post("/v1/staff/translations/approve", json=body, headers=AUTH)
        assert r.status_code == 422, body
    r = client.post("/v1/staff/translations/approve", json={"ids": [*ids, 987654321]}, headers=AUTH)
    assert r.status_code == 404
    assert "987654321" in r.json()["detail"]
    # all or none: the known ids were not approved either
    still = {r["id"] for r in _entries(client, lang="so", status="unreviewed")}
    assert set(ids) <= still


def test_approval_needs_the_staff_token(client: TestClient) -> None:
    r = client.post("/v1/staff/translations/approve", json={"ids": [1]})
    assert r.status_code == 401
    r = client.post("/v1/staff/translations/approve", json={"ids": [1]}, headers={"Authorization": "Bearer no"})
    assert r.status_code == 401
