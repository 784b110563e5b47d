"""The real `kiruna-bot serve` process, on a free loopback port, asked over HTTP."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.config import Settings

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def kiruna_bot() -> list[str]:
    exe = Path(sys.executable).with_name("kiruna-bot")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "api.cli"]


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> httpx.Response:
    deadline = time.monotonic() + timeout
    last: httpx.Response | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            last = httpx.get(f"{base}/health/ready", timeout=2)
            if last.status_code == 200:
                return last
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"not ready in {timeout}s: {last.text if last else 'no answer'}")


@pytest.fixture(scope="module")
def server(settings: Settings, service: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a copy of the session's built index (so the test also covers loading it)."""
    data = tmp_path_factory.mktemp("serve-data")
    shutil.copytree(settings.index_dir, data / "index")
    port = free_port()
    env = {**os.environ, "KIRUNA_BOT_DATA_DIR": str(data), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [*kiruna_bot(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, proc)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_ask_over_http(server: str) -> None:
    r = httpx.post(f"{server}/v1/chat", json={"message": "Vilket mål finns för utbildning?", "lang": "sv"}, timeout=10)
    assert r.status_code == 200
    body = r.json()
    assert body["answered"] is True
    assert "Kiruna har god kvalitet i utbildningen" in body["quote"]["text"]
    assert body["quote"]["adopted"] == "Antagen av kommunfullmäktige 2013-05-27, § 68"


def test_bad_input_over_http(server: str) -> None:
    r = httpx.post(f"{server}/v1/chat", json={"message": ""}, timeout=10)
    assert r.status_code == 422
    assert "message" in r.json()["detail"]


def test_serve_builds_a_missing_index(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "KIRUNA_BOT_DATA_DIR": str(tmp_path / "fresh")}
    proc = subprocess.Popen(
        [*kiruna_bot(), "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        ready = wait_ready(f"http://127.0.0.1:{port}", proc, timeout=240)
        assert ready.json()["index"]["chunks"] == 10
        assert (tmp_path / "fresh" / "index" / "manifest.json").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
