"""Two hosts over one PostgreSQL database both serve a newly published version within 5 s.

Each `kiruna-bot serve` has a data dir of its own (as on two hosts) and the same database. One of them
publishes over the staff API: it builds the index and records the publication. The other one has
never seen that version: its watch notices the publication and builds the index from the passage
vectors the first one stored in the database, without embedding anything.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from bot.config import Settings
from bot.storage.db import Database
from tests.content_pages import NEW_GOAL, second_version_html
from tests.servers import Server, serve

# alone (a 5 s deadline across two hosts): after the parallel slow tier, one test at a time
pytestmark = [pytest.mark.slow, pytest.mark.serial]

PG_URL = os.environ.get("KIRUNA_BOT_TEST_DATABASE_URL")
TOKEN = "two-hosts-token"
STAFF = {"Authorization": f"Bearer {TOKEN}", "X-Staff-Name": "pg"}
DOC = "vision-mal-och-varumarke"
CULTURE = {"message": "Vad är målet för kultur och idrott?", "lang": "sv"}
TABLES = (
    "publications",
    "documents",
    "document_versions",
    "topics",
    "passage_vectors",
    "feedback",
    "questions",
    "translations",
    "eval_cases",
    "rate_limits",
)


@pytest.fixture
def hosts(
    settings: Settings, pipeline: object, tmp_path: Path, postgresql_turn: None
) -> Iterator[tuple[Server, Server]]:
    if not PG_URL:
        pytest.skip("KIRUNA_BOT_TEST_DATABASE_URL is not set (./run.sh test sets it)")
    database = Database(PG_URL)
    with database.engine.begin() as conn:
        for table in TABLES:
            conn.execute(text(f"DELETE FROM {table}"))
    database.dispose()
    env = {
        "KIRUNA_BOT_DATABASE_URL": PG_URL,
        "KIRUNA_BOT_TRANSLATION_PROVIDER": "none",
        "KIRUNA_BOT_STAFF_TOKEN": TOKEN,
        "KIRUNA_BOT_RATE_LIMIT": "off",
    }
    with ExitStack() as stack:
        servers = []
        for name in ("host-a", "host-b"):
            data = tmp_path / name
            shutil.copytree(settings.index_dir, data / "index")  # each host has the seed's index
            servers.append(stack.enter_context(serve(data, env=env)))
        yield servers[0], servers[1]


def _serving(server: Server) -> dict[str, str]:
    return dict(httpx.get(f"{server.base}/health/ready", timeout=10).json()["documents"])


def test_both_hosts_serve_the_published_version_within_5_s(hosts: tuple[Server, Server]) -> None:
    a, b = hosts
    v1 = _serving(a)[DOC]
    assert _serving(b) == {DOC: v1}
    imported = httpx.post(
        f"{a.base}/v1/staff/content/import",
        headers=STAFF,
        json={"name": "vision.html", "content": second_version_html()},
        timeout=30,
    )
    assert imported.status_code == 201, imported.text
    v2 = imported.json()["version"]["id"]
    started = httpx.post(f"{a.base}/v1/staff/content/publish", headers=STAFF, json={"version_id": v2}, timeout=30)
    assert started.status_code == 202
    publication = started.json()["id"]

    # the publishing host builds the index (a full build: nothing was cached in this database yet)
    deadline = time.monotonic() + 600
    while True:
        p = httpx.get(f"{a.base}/v1/staff/content/publications/{publication}", headers=STAFF, timeout=10).json()
        assert p["state"] != "failed", p["error"]
        if p["state"] == "published":
            break
        assert time.monotonic() < deadline
        time.sleep(0.05)
    published = time.monotonic()

    served: dict[str, float] = {}
    while len(served) < 2 and time.monotonic() - published < 5:
        for name, host in (("a", a), ("b", b)):
            if name not in served and _serving(host) == {DOC: v2}:
                served[name] = time.monotonic() - published
        time.sleep(0.05)
    print(f"\nafter the publication: host a serves it in {served.get('a')} s, host b in {served.get('b')} s")
    assert set(served) == {"a", "b"}
    assert max(served.values()) < 5
    for host in (a, b):
        answer = httpx.post(f"{host.base}/v1/chat", json=CULTURE, timeout=30).json()
        assert NEW_GOAL in answer["quote"]["text"]
        assert answer["quote"]["doc_version"] == v2
    # host b built its index from the vectors host a stored: it shows in its log
    assert "published corpus" in b.log.read_text(encoding="utf-8")
