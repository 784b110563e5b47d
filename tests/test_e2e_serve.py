"""The real `kiruna-bot serve` process, on a free loopback port, asked over HTTP."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from corpus.loader import load_corpus
from tests.servers import Server, serve

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(settings: Settings, pipeline: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a copy of the session's built index (so the test also covers loading it)."""
    data = tmp_path_factory.mktemp("serve-data")
    shutil.copytree(settings.index_dir, data / "index")
    with serve(data, env={"KIRUNA_BOT_TRANSLATION_PROVIDER": "none"}) as s:
        yield s


def test_ask_over_http(server: Server) -> None:
    r = httpx.post(
        f"{server.base}/v1/chat", json={"message": "Vilket mål finns för utbildning?", "lang": "sv"}, timeout=10
    )
    assert r.status_code == 200
    body = r.json()
    assert body["answered"] is True
    assert "Kiruna har god kvalitet i utbildningen" in body["quote"]["text"]
    assert body["quote"]["adopted"] == "Antagen av kommunfullmäktige 2013-05-27, § 68"


def test_ask_in_finnish_over_http(server: Server) -> None:
    body = httpx.post(f"{server.base}/v1/chat", json={"message": "mikä on koulutuksen tavoite?"}, timeout=10).json()
    assert body["detected_lang"] == "fi"
    assert body["lang"] == "fi"
    assert body["quote"]["translation"]["lang"] == "fi"


def test_bad_input_over_http(server: Server) -> None:
    r = httpx.post(f"{server.base}/v1/chat", json={"message": ""}, timeout=10)
    assert r.status_code == 422
    assert "message" in r.json()["detail"]


def test_logs_are_json_with_request_ids_and_no_question_text(server: Server) -> None:
    secret = "hemligfråga-xyz vad är visionen"
    r = httpx.post(
        f"{server.base}/v1/chat", json={"message": secret}, headers={"X-Request-ID": "req-e2e-1"}, timeout=10
    )
    assert r.headers["x-request-id"] == "req-e2e-1"
    log = server.log_with('"request_id": "req-e2e-1"')
    assert '"request_id": "req-e2e-1"' in log
    assert "hemligfråga" not in log


def test_serve_builds_a_missing_index(tmp_path: Path) -> None:
    with serve(tmp_path / "fresh", env={"KIRUNA_BOT_TRANSLATION_PROVIDER": "none"}) as s:
        ready = httpx.get(f"{s.base}/health/ready", timeout=5)
        seed = load_corpus(Settings().corpus_dir)  # the committed page seeds a fresh install
        assert ready.json()["index"]["chunks"] == len(seed.chunks()) > 10  # passages and one-line facts
        assert len(list((tmp_path / "fresh" / "index").glob("*/manifest.json"))) == 1
