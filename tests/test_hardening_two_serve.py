"""Hardening, round two (issue 13), against real `kiruna-bot serve` processes on loopback.

Bounded in count and time: the load test holds 2,000 slow connections for about 12 s; the fault
test fills a small tmpfs (only where the test runs as root and may mount; skipped otherwise).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
import re
import resource
import selectors
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from tests.servers import serve

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
SV = {"message": "Vad är målet för kultur och idrott?", "lang": "sv"}
QUIET = {"KIRUNA_BOT_TRANSLATION_PROVIDER": "none"}


@pytest.fixture
def data(settings: Settings, pipeline: object, tmp_path: Path) -> Path:
    """A data dir holding a copy of the session's built index."""
    folder = tmp_path / "data"
    shutil.copytree(settings.index_dir, folder / "index")
    return folder


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A small tmpfs at `where` (root only); the test is skipped, with the reason, where it cannot be had."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _metric(base: str, name: str) -> float:
    text = httpx.get(f"{base}/metrics", timeout=10).text
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name))


# -- 3. X-Forwarded-For from loopback ------------------------------------------------------------------


def test_forwarded_for_from_loopback_does_not_dodge_the_rate_limit(data: Path) -> None:
    with serve(data, env={**QUIET, "KIRUNA_BOT_RATE_LIMIT": "5/minute"}) as s:
        codes = [
            httpx.post(
                f"{s.base}/v1/chat", json=SV, headers={"X-Forwarded-For": f"203.0.113.{i}"}, timeout=30
            ).status_code
            for i in range(1, 9)
        ]
    assert codes == [200] * 5 + [429] * 3


def test_odd_paths_are_404_on_a_real_server(data: Path) -> None:
    with serve(data, env=QUIET) as s:
        for path in ("/static/%00", "/widget/%00/widget.js", "/static/%2e%2e/%2e%2e/pyproject.toml", "/v1/chat%0d%0a"):
            r = httpx.get(f"{s.base}{path}", timeout=10)
            assert r.status_code == 404, path
            assert r.headers["x-content-type-options"] == "nosniff"
            assert r.headers["content-type"] == "application/json"
        log = s.log.read_text(encoding="utf-8")
    assert "Traceback" not in log


# -- 9. the Docker health check with a host allowlist --------------------------------------------------


def test_the_dockerfile_health_check_passes_with_an_allowlist(data: Path) -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    probe = re.search(r'CMD \["python", "-c", "(.+?)"\]', dockerfile.split("HEALTHCHECK", 1)[1])
    assert probe is not None
    with serve(data, env={**QUIET, "KIRUNA_BOT_ALLOWED_HOSTS": "bot.kiruna.se"}) as s:
        code = probe.group(1).replace("127.0.0.1:8000", s.base.removeprefix("http://"))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False)
        assert done.returncode == 0, done.stderr
        assert httpx.get(f"{s.base}/v1/languages", timeout=10).status_code == 400  # Host 127.0.0.1 elsewhere


# -- 10. workers over a read-only index ------------------------------------------------------------------


def test_workers_start_over_a_read_only_data_dir(settings: Settings, pipeline: object, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "64m") as folder:
        shutil.copytree(settings.index_dir, folder / "index")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(OSError, match="Read-only"):
            (folder / "probe").write_text("x", encoding="utf-8")
        env = {**QUIET, "KIRUNA_BOT_DATABASE_URL": f"sqlite:///{tmp_path / 'elsewhere.db'}"}
        with serve(folder, "--no-build", "--workers", "2", env=env) as s:
            assert httpx.post(f"{s.base}/v1/chat", json=SV, timeout=30).status_code == 200
            assert httpx.get(f"{s.base}/health/ready", timeout=10).json()["status"] == "ready"
            assert "kiruna_answers_total" in httpx.get(f"{s.base}/metrics", timeout=10).text


# -- 1. no personal data anywhere in the data dir ---------------------------------------------------------

PERSONAL = [
    "811218 9876",
    "19811218 9876",
    "19811218–9876",
    "personnummer-811218-9876",
    "tel0701234567",
    "ring070-1234567",
    "070.123.45.67",
    "070/123 45 67",
    "46701234567",
    "٠٧٠١٢٣٤٥٦٧",
    "۰۷۰۵۵۵۴۴۳۳",
    "+47 912 34 567",
    "+358 40 765 4321",
    "sara.lindqvist@example.se",
    "nils (at) example (dot) org",
]
CARRIERS = [
    ("Jag heter Sara, {} – vad är visionen?", "sv"),
    ("what is the goal for housing? my details: {}", "en"),
    ("ما هي الرؤية؟ رقمي {}", "ar"),
    ("چشم انداز چیست؟ شماره من {}", "fa"),
    ("mikä on koulutuksen tavoite? {}", "fi"),
]


def _traces(value: str) -> list[bytes]:
    """What of a value must not be found: as written, its digits in ASCII, its longer digit groups, its words."""
    out = {value.encode()}
    digits = "".join(str(unicodedata.digit(c)) for c in value if c.isdigit())
    if len(digits) >= 6:
        out.add(digits.encode())
    out |= {g.encode() for g in re.findall(r"\d{5,}", value)}
    if "@" in value or "(at)" in value:  # an address's own words (not the words around a number)
        out |= {w.encode() for w in re.findall(r"[a-z]{4,}", value) if w != "example"}
    return sorted(out)


def test_personal_data_leaves_no_trace_in_the_data_dir_or_the_log(data: Path) -> None:
    env = {**QUIET, "KIRUNA_BOT_RATE_LIMIT": "off", "KIRUNA_BOT_STAFF_TOKEN": "t"}
    with serve(data, env=env) as s:
        ids = []
        for value in PERSONAL:
            for carrier, lang in CARRIERS:
                r = httpx.post(f"{s.base}/v1/chat", json={"message": carrier.format(value), "lang": lang}, timeout=30)
                assert r.status_code == 200, r.text
                ids.append(r.json()["id"])
        for answer_id in ids[:20]:
            httpx.post(f"{s.base}/v1/feedback", json={"answer_id": answer_id, "helpful": True}, timeout=10)
        logged = httpx.get(f"{s.base}/v1/staff/questions", headers={"Authorization": "Bearer t"}, timeout=10).json()
        assert len(logged) == len(PERSONAL) * len(CARRIERS)
        log_text = s.log
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files) or any(p.suffix == ".db" for p in files)
    found = []
    for path in [*files, log_text]:
        content = path.read_bytes()
        for value in PERSONAL:
            found += [f"{path.name}: {t!r} of {value!r}" for t in _traces(value) if t in content]
    assert found == []
    assert any("[telefon]" in q["text"] for q in logged)


# -- 2. slow clients -------------------------------------------------------------------------------------


def _raise_nofile(wanted: int) -> bool:
    """Raise the soft file descriptor limit within the hard one; False when the hard one is too low."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < wanted:
        return False
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return True


def hold_slow_connections(base: str, count: int, seconds: float) -> tuple[int, list[tuple[str, float, bytes]]]:
    """Run in a process of its own, so its busy loop does not slow the test's own measurements."""
    _raise_nofile(count * 2 + 256)
    clients = SlowClients(base, count)
    clients.run(seconds, threading.Event())
    return clients.opened, clients.lifetimes


class SlowClients:
    """Keeps `count` connections sending a byte a second: half stuck in their headers, half in a body.

    A connection the server cuts is replaced at once, so the pressure holds; when it was cut, and
    what it was sent, are recorded.
    """

    def __init__(self, base: str, count: int) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.address = (host, int(port))
        self.count = count
        self.selector = selectors.DefaultSelector()
        self.lifetimes: list[tuple[str, float, bytes]] = []  # kind, seconds open, first bytes received
        self.opened = 0

    def _open(self, kind: str) -> None:
        sock = socket.create_connection(self.address, timeout=5)
        if kind == "body":
            sock.sendall(
                b"POST /v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"
            )
        else:
            sock.sendall(b"POST /v1/chat HTTP/1.1\r\nHost: x\r\n")
        sock.setblocking(False)
        self.selector.register(sock, selectors.EVENT_READ, [kind, time.monotonic(), b""])
        self.opened += 1

    def _close(self, sock: socket.socket, state: list[object]) -> None:
        self.selector.unregister(sock)
        sock.close()
        self.lifetimes.append((str(state[0]), time.monotonic() - float(state[1]), bytes(state[2])))  # type: ignore[arg-type]

    def run(self, seconds: float, stop: threading.Event) -> None:
        for i in range(self.count):
            self._open("body" if i % 2 else "headers")
        ends = time.monotonic() + seconds
        next_byte = time.monotonic() + 1
        to_open: list[str] = []
        while time.monotonic() < ends and not stop.is_set():
            for key, _ in self.selector.select(timeout=0.05):
                sock, state = key.fileobj, key.data
                try:
                    chunk = sock.recv(4096)  # type: ignore[union-attr]
                except OSError:
                    chunk = b""
                if chunk:
                    state[2] += chunk
                    continue
                self._close(sock, state)  # type: ignore[arg-type]
                to_open.append(str(state[0]))
            # the pressure holds: cut connections are replaced, a few at a time so closes are seen promptly
            for kind in to_open[:50]:
                self._open(kind)
            del to_open[:50]
            if time.monotonic() >= next_byte:
                next_byte += 1
                for key in list(self.selector.get_map().values()):
                    with contextlib.suppress(OSError):
                        key.fileobj.send(b"a")  # type: ignore[union-attr]
        for key in list(self.selector.get_map().values()):
            key.fileobj.close()  # type: ignore[union-attr]
        self.selector.close()


QUESTIONS = [
    "Vad är målet för kultur och idrott?",
    "Vilken vision har Kiruna?",
    "Hur gjorde ni visionen?",
    "Vad är målet för boende?",
    "what is the goal for education?",
]


@pytest.mark.serial
def test_slow_connections_are_cut_off_while_chats_go_on(data: Path) -> None:
    slow, chatters, header_timeout, body_timeout = 2000, 16, 3.0, 3.0
    if not _raise_nofile(slow * 2 + 512):
        pytest.skip(f"the hard file descriptor limit is below the {slow * 2 + 512} this load test needs")
    env = {
        **QUIET,
        "KIRUNA_BOT_RATE_LIMIT": "off",
        "KIRUNA_BOT_HEADER_TIMEOUT": str(header_timeout),
        "KIRUNA_BOT_BODY_TIMEOUT": str(body_timeout),
    }
    with serve(data, env=env) as s:
        stop = threading.Event()
        live: list[float] = []
        chats: list[int | str] = []

        def probe() -> None:
            with httpx.Client(timeout=10) as c:
                while not stop.is_set():
                    started = time.monotonic()
                    c.get(f"{s.base}/health/live")
                    live.append(time.monotonic() - started)
                    time.sleep(0.2)

        def chat(n: int) -> None:
            with httpx.Client(timeout=60) as c:
                while not stop.is_set():
                    n += chatters  # a new message each time: no answer comes from the cache
                    body = {"message": f"{QUESTIONS[n % len(QUESTIONS)]} ({n})", "lang": "sv"}
                    try:
                        chats.append(c.post(f"{s.base}/v1/chat", json=body).status_code)
                    except httpx.HTTPError as exc:
                        chats.append(type(exc).__name__)

        spawn = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(1, mp_context=spawn) as attacker, cf.ThreadPoolExecutor(chatters + 1) as pool:
            attack = attacker.submit(hold_slow_connections, s.base, slow, 12.0)
            time.sleep(4)  # the attacker's process starts and its slow connections are open
            workers = [pool.submit(chat, i) for i in range(chatters)] + [pool.submit(probe)]
            opened, lifetimes = attack.result(timeout=120)
            stop.set()
            for w in workers:
                w.result(timeout=90)
    failed = [c for c in chats if c != 200]
    print(
        f"slow connections opened {opened}, cut {len(lifetimes)}; "
        f"chats {len(chats)}, failed {len(failed)}; live max {max(live):.3f}s over {len(live)} probes"
    )
    assert opened >= slow * 2  # every slow connection was cut at least once and replaced
    assert failed == []
    assert len(chats) >= chatters
    assert max(live) < 1.0
    cut = {kind: sorted(t for k, t, _ in lifetimes if k == kind) for kind in ("headers", "body")}
    for kind, timeout in (("headers", header_timeout), ("body", body_timeout)):
        times = cut[kind]
        p99 = times[int(len(times) * 0.99)]
        print(f"{kind}: {len(times)} cut, after {times[0]:.2f} s (first) {p99:.2f} s (p99) {times[-1]:.2f} s (last)")
        assert times[0] >= timeout - 0.2  # not before the deadline
        # at the deadline, plus what a loaded 2-core machine adds to seeing it: a thousand connections
        # opened at once expire at once, and the worker closes them between 16 chats on 2 shared cores
        assert p99 < timeout + 2.0
        assert times[-1] < timeout + 3.0
    answered = [sent for _, _, sent in lifetimes if sent]
    assert all(sent.startswith(b"HTTP/1.1 408") for sent in answered)


# -- 6. a held database lock ---------------------------------------------------------------------------------


@pytest.mark.serial
def test_a_held_lock_does_not_freeze_the_worker(data: Path) -> None:
    with serve(data, env={**QUIET, "KIRUNA_BOT_RATE_LIMIT": "100/minute"}) as s:
        assert httpx.post(f"{s.base}/v1/chat", json=SV, timeout=30).status_code == 200
        conn = sqlite3.connect(data / "kiruna-bot.db", isolation_level=None, timeout=10)
        conn.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            with cf.ThreadPoolExecutor(1) as pool:
                chat = pool.submit(httpx.post, f"{s.base}/v1/chat", json=SV, timeout=60)
                lags = []
                for _ in range(20):
                    started = time.monotonic()
                    assert httpx.get(f"{s.base}/health/live", timeout=5).status_code == 200
                    lags.append(time.monotonic() - started)
                    time.sleep(0.3)
                conn.execute("ROLLBACK")
                assert chat.result().status_code == 200
        finally:
            conn.close()
    assert max(lags) < 1.0, lags  # was 10.8 s


# -- 5. a damaged database and a full disk while clients chat ---------------------------------------------------


def _chat_while(base: str, seconds: float, clients: int = 4) -> list[int | str]:
    codes: list[int | str] = []
    ends = time.monotonic() + seconds

    def one() -> None:
        with httpx.Client(timeout=60) as c:
            while time.monotonic() < ends:
                try:
                    codes.append(c.post(f"{base}/v1/chat", json=SV).status_code)
                except httpx.HTTPError as exc:
                    codes.append(type(exc).__name__)

    with cf.ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(one) for _ in range(clients)]:
            f.result()
    return codes


def test_a_damaged_database_while_serving_costs_no_answer(data: Path) -> None:
    db = data / "kiruna-bot.db"
    with serve(data, env={**QUIET, "KIRUNA_BOT_RATE_LIMIT": "100000/minute"}) as s:
        assert set(_chat_while(s.base, 1.5)) == {200}
        assert httpx.get(f"{s.base}/health/ready", timeout=10).json()["status"] == "ready"
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.stat().st_size
        with db.open("r+b") as fh:
            fh.write(os.urandom(size))  # the whole file, garbage
        codes = _chat_while(s.base, 3)
        ready = httpx.get(f"{s.base}/health/ready", timeout=10)
        feedback = httpx.post(f"{s.base}/v1/feedback", json={"answer_id": "x", "helpful": True}, timeout=10)
        failures = _metric(s.base, "kiruna_storage_failures_total")
    assert codes
    assert set(codes) == {200}, codes
    assert ready.status_code == 200
    assert ready.json()["status"] == "degraded"
    assert feedback.status_code == 503
    assert feedback.headers["content-type"] == "application/json"
    assert feedback.headers["x-content-type-options"] == "nosniff"
    assert failures >= len(codes)  # each answer's log write failed, and was counted


def _fill(filler: Path) -> None:
    """Write until the disk is full."""
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * (1 << 20))
                fh.flush()
        except OSError as exc:
            if "No space left" not in str(exc):
                raise


def test_a_full_disk_costs_no_answer_and_nothing_that_could_be_written_is_lost(data: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "24m") as disk:
        db = disk / "bot.db"
        env = {**QUIET, "KIRUNA_BOT_RATE_LIMIT": "100000/minute", "KIRUNA_BOT_DATABASE_URL": f"sqlite:///{db}"}
        with serve(data, env=env) as s:
            before = _chat_while(s.base, 1.5)
            with sqlite3.connect(db) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the next write must grow the WAL
            filler = disk / "filler"
            _fill(filler)
            during = _chat_while(s.base, 3)
            ready_full = httpx.get(f"{s.base}/health/ready", timeout=10).json()
            filler.unlink()
            after = _chat_while(s.base, 1.5)
            ready_again = httpx.get(f"{s.base}/health/ready", timeout=10).json()
            log_failures = _metric(s.base, 'kiruna_storage_failures_total{operation="question_log"}')
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    answers = before + during + after
    assert set(answers) == {200}, answers
    assert ready_full["status"] == "degraded"
    assert "question_log" in ready_full["problems"]
    assert ready_again["status"] == "ready"
    assert log_failures >= 1
    assert stored == len(answers) - log_failures  # every log write that did not fail is there
