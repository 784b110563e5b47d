"""Real `kiruna-bot serve` processes on loopback, for end-to-end and fault tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def kiruna_bot() -> list[str]:
    exe = Path(sys.executable).with_name("kiruna-bot")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "api.cli"]


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_with(self, needle: str, timeout: float = 10) -> str:
        """The log once it holds `needle`: a request's access line is written after its response is sent."""
        deadline = time.monotonic() + timeout
        text = self.log.read_text(encoding="utf-8")
        while needle not in text and time.monotonic() < deadline:
            time.sleep(0.05)
            text = self.log.read_text(encoding="utf-8")
        return text

    def stop(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def wait_for(
    base: str, path: str, proc: subprocess.Popen[bytes], status: int = 200, timeout: float = 240
) -> httpx.Response:
    deadline = time.monotonic() + timeout
    last: httpx.Response | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            last = httpx.get(f"{base}{path}", timeout=2)
            if last.status_code == status:
                return last
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{path} not {status} in {timeout}s: {last.text if last else 'no answer'}")


@contextmanager
def serve(data_dir: Path, *args: str, env: dict[str, str] | None = None, ready: bool = True) -> Iterator[Server]:
    """Start `kiruna-bot serve` and wait until it is ready (or only live, with ready=False)."""
    port = free_port()
    log = data_dir.parent / f"serve-{port}.log"
    full_env = {**os.environ, "KIRUNA_BOT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", **(env or {})}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*kiruna_bot(), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        wait_for(server.base, "/health/ready" if ready else "/health/live", proc)
        yield server
    finally:
        server.stop()
