"""Faults, against real server processes: damaged index, bad data dir, a stalled provider, shutdown, workers."""

from __future__ import annotations

import concurrent.futures as cf
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from corpus.curated_translations import DEFAULT_TRANSLATIONS_DIR
from tests.google_standin import StandIn, google_standin
from tests.servers import Server, kiruna_bot, serve, wait_for

pytestmark = pytest.mark.slow
SV_QUESTION = {"message": "Vad är målet för kultur och idrott?", "lang": "sv"}
PL_QUESTION = {"message": "Vad är målet för kultur och idrott?", "lang": "pl"}


def test_corrupt_index_keeps_the_server_up_and_a_rebuild_recovers(
    settings: Settings, pipeline: object, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(settings.index_dir, data / "index")
    faiss_file = next((data / "index").glob("*/dense.faiss"))
    faiss_file.write_bytes(faiss_file.read_bytes()[:200])
    env = {"KIRUNA_BOT_TRANSLATION_PROVIDER": "none"}
    with serve(data, "--no-build", env=env, ready=False) as s:
        assert httpx.get(f"{s.base}/health/live", timeout=5).status_code == 200
        ready = httpx.get(f"{s.base}/health/ready", timeout=5)
        assert ready.status_code == 503
        assert "index build" in ready.json()["reason"]
        chat = httpx.post(f"{s.base}/v1/chat", json=SV_QUESTION, timeout=5)
        assert chat.status_code == 503
        assert chat.headers["retry-after"]
        assert "not ready" in chat.json()["detail"]
        build = subprocess.run(
            [*kiruna_bot(), "index", "build"],
            env={**__import__("os").environ, "KIRUNA_BOT_DATA_DIR": str(data), **env},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert build.returncode == 0, build.stderr
        wait_for(s.base, "/health/ready", s.process, timeout=30)  # recovered without a restart
        assert httpx.post(f"{s.base}/v1/chat", json=SV_QUESTION, timeout=10).status_code == 200


def test_missing_data_dir_is_created_and_an_unusable_one_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    env = {**__import__("os").environ, "KIRUNA_BOT_DATA_DIR": str(blocker / "data")}
    out = subprocess.run(
        [*kiruna_bot(), "serve", "--port", "9"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 2
    assert "is not writable" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.fixture(scope="module")
def standin() -> Iterator[StandIn]:
    with google_standin() as s:
        yield s


@pytest.fixture(scope="module")
def stalled_server(tmp_path_factory: pytest.TempPathFactory, standin: StandIn) -> Iterator[Server]:
    """A server whose memory has no Polish, with Google answering only after a long stall."""
    root = tmp_path_factory.mktemp("stall")
    translations = root / "translations"
    translations.mkdir()
    for po in DEFAULT_TRANSLATIONS_DIR.glob("*.po"):
        if po.stem != "pl":
            shutil.copy(po, translations / po.name)
    standin.mode, standin.stall_seconds = "stall", 30
    env = {
        "KIRUNA_BOT_TRANSLATIONS_DIR": str(translations),
        "KIRUNA_BOT_GOOGLE_BASE_URL": standin.url,
        "KIRUNA_BOT_TRANSLATION_DEADLINE": "2",
        "KIRUNA_BOT_BREAKER_FAILURES": "100",
        "KIRUNA_BOT_RATE_LIMIT": "off",
    }
    with serve(root / "data", env=env) as s:
        yield s


def _timed_post(base: str, body: dict[str, str]) -> tuple[int, float, dict[str, object]]:
    started = time.monotonic()
    r = httpx.post(f"{base}/v1/chat", json=body, timeout=30)
    return r.status_code, time.monotonic() - started, r.json()


@pytest.mark.serial
def test_a_stalled_provider_does_not_slow_other_answers(stalled_server: Server) -> None:
    base = stalled_server.base
    baseline = min(_timed_post(base, SV_QUESTION)[1] for _ in range(3))
    with cf.ThreadPoolExecutor(max_workers=12) as pool:
        stalled = [pool.submit(_timed_post, base, PL_QUESTION) for _ in range(6)]
        time.sleep(0.3)
        quick = [pool.submit(_timed_post, base, SV_QUESTION) for _ in range(6)]
        quick_results = [f.result() for f in quick]
        stalled_results = [f.result() for f in stalled]
    for status, elapsed, _ in quick_results:
        assert status == 200
        assert elapsed < baseline + 1.0, (elapsed, baseline)
    for status, elapsed, body in stalled_results:
        assert status == 200
        assert elapsed < 2 + 2.0  # the deadline, plus a margin
        assert body["translation"]["available"] is False  # type: ignore[index]
        assert body["translation"]["notice"]  # type: ignore[index]


def test_graceful_shutdown_lets_in_flight_requests_finish(stalled_server: Server) -> None:
    with cf.ThreadPoolExecutor(max_workers=1) as pool:
        in_flight = pool.submit(_timed_post, stalled_server.base, PL_QUESTION)
        time.sleep(0.5)
        code = stalled_server.stop()
        status, _, body = in_flight.result()
    assert status == 200
    assert body["quote"]
    # uvicorn re-raises the SIGTERM it handled once shutdown is complete: -15, not a kill (-9)
    assert code in (0, -15)
    assert "Finished server process" in stalled_server.log.read_text(encoding="utf-8")


def test_two_workers_share_the_rate_limit(settings: Settings, pipeline: object, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(settings.index_dir, data / "index")
    env = {"KIRUNA_BOT_TRANSLATION_PROVIDER": "none", "KIRUNA_BOT_RATE_LIMIT": "10/minute"}
    with serve(data, "--workers", "2", env=env) as s:
        codes = []
        for _ in range(14):
            with httpx.Client() as fresh:  # a new connection each time: requests spread over both workers
                r = fresh.post(f"{s.base}/v1/chat", json=SV_QUESTION, timeout=10)
                codes.append(r.status_code)
        metrics = httpx.get(f"{s.base}/metrics", timeout=5).text
    print("first 429 at request", codes.index(429) + 1 if 429 in codes else None, codes)
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429] * 4
    assert "kiruna_rate_limited_total" in metrics
    assert 'kiruna_answers_total{answered="true",lang="sv"} 10.0' in metrics
