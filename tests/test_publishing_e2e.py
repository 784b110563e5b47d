"""Publish and roll back on a real `kiruna-bot serve` while 16 clients keep asking.

One run: the clients ask the whole time; staff import the second version of the page over the API,
publish it (the index is built in the background while requests go on; only the passages that changed
are embedded, the others' vectors come from the index already loaded), roll back, then publish a third
version. Every
request must succeed, no answer may mix versions (every quote, and the version the answer text
names, belong to one version), answers after the publish quote the new text and name the new
version, answers after the rollback are the old ones again. The figures are printed (`-s`).
"""

from __future__ import annotations

import re
import shutil
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from bot.config import Settings
from tests.content_pages import NEW_GOAL, OLD_GOAL, second_version_html, third_version_html
from tests.servers import Server, serve

pytestmark = pytest.mark.slow

TOKEN = "publish-e2e-token"
STAFF = {"Authorization": f"Bearer {TOKEN}", "X-Staff-Name": "e2e"}
CLIENTS = 16
DOC = "vision-mal-och-varumarke"
CULTURE = {"message": "Vad är målet för kultur och idrott?", "lang": "sv"}
QUESTIONS = [
    CULTURE,
    {"message": "Vad är Kirunas vision?", "lang": "sv"},
    {"message": "mikä on kulttuurin ja urheilun tavoite?", "lang": "fi"},
    {"message": "what is the goal for culture and sport?", "lang": "en"},
    {"message": "När startade visionsarbetet?", "lang": "sv"},
    {"message": "Vilket mål finns för utbildning?", "lang": "sv"},
]


@dataclass
class Result:
    started: float
    ended: float
    status: int
    question: str
    body: dict[str, Any] | None
    error: str = ""


@pytest.fixture(scope="module")
def server(settings: Settings, pipeline: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("publish-e2e")
    shutil.copytree(settings.index_dir, data / "index")
    env = {
        "KIRUNA_BOT_TRANSLATION_PROVIDER": "none",
        "KIRUNA_BOT_STAFF_TOKEN": TOKEN,
        "KIRUNA_BOT_RATE_LIMIT": "off",
    }
    with serve(data, env=env) as s:
        yield s


def _clients(base: str, stop: threading.Event, results: list[Result]) -> list[threading.Thread]:
    lock = threading.Lock()

    def run(offset: int) -> None:
        i = offset
        with httpx.Client(timeout=60) as client:
            while not stop.is_set():
                question = QUESTIONS[i % len(QUESTIONS)]
                i += 1
                started = time.monotonic()
                try:
                    r = client.post(f"{base}/v1/chat", json=question)
                    body = r.json() if r.status_code == 200 else None
                    result = Result(started, time.monotonic(), r.status_code, question["message"], body)
                except httpx.HTTPError as exc:
                    result = Result(started, time.monotonic(), 0, question["message"], None, str(exc))
                with lock:
                    results.append(result)

    return [threading.Thread(target=run, args=(n,), daemon=True) for n in range(CLIENTS)]


def _until(check: Callable[[], bool], timeout: float = 180) -> float:
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise AssertionError("timed out")
        time.sleep(0.05)
    return time.monotonic()


def _serving(base: str) -> dict[str, str]:
    return dict(httpx.get(f"{base}/health/ready", timeout=10).json()["documents"])


def _publish(base: str, route: str, version: str) -> tuple[float, float, float]:
    """Requested, published (index built), served (this worker swapped) times."""
    requested = time.monotonic()
    r = httpx.post(f"{base}/v1/staff/content/{route}", headers=STAFF, json={"version_id": version}, timeout=30)
    assert r.status_code == 202, r.text
    pub = r.json()["id"]

    def published() -> bool:
        p = httpx.get(f"{base}/v1/staff/content/publications/{pub}", headers=STAFF, timeout=10).json()
        assert p["state"] != "failed", p["error"]
        return bool(p["state"] == "published")

    done = _until(published)
    served = _until(lambda: _serving(base) == {DOC: version}, timeout=30)
    return requested, done, served


def _version_line(answer: str) -> str | None:
    """The version the answer's source line names ("… senast ändrad 21 februari 2020. Sidans version …")."""
    found = re.search(r"(?:Sidans version|Page version|Sivun versio) ([0-9a-f]{12})\.", answer.splitlines()[-1])
    return found.group(1) if found else None


def _latencies(results: list[Result], start: float, end: float) -> str:
    values = sorted(r.ended - r.started for r in results if start <= r.started < end)
    if not values:
        return "no requests"
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"{len(values)} requests, p50 {statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


def _import(base: str, page: str) -> str:
    r = httpx.post(
        f"{base}/v1/staff/content/import",
        headers=STAFF,
        json={"name": "vision-mal-och-varumarke.html", "content": page},
        timeout=30,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["version"]["id"])


def test_publish_and_rollback_under_16_clients_fail_nothing_and_mix_nothing(server: Server) -> None:
    base = server.base
    v1 = _serving(base)[DOC]
    v2, v3 = (_import(base, page) for page in (second_version_html(), third_version_html()))
    texts = {
        v: httpx.get(f"{base}/v1/staff/content/versions/{v}", headers=STAFF, timeout=10).json()["text"]
        for v in (v1, v2, v3)
    }

    stop = threading.Event()
    results: list[Result] = []
    threads = _clients(base, stop, results)
    began = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(3)
    published = _publish(base, "publish", v2)
    time.sleep(3)
    rolled = _publish(base, "rollback", v1)
    time.sleep(3)
    third = _publish(base, "publish", v3)
    time.sleep(3)
    stop.set()
    for t in threads:
        t.join(60)
    ended = time.monotonic()

    failures = [r for r in results if r.status != 200]
    mixed = []
    for r in results:
        if r.body is None:
            continue
        versions = {q["doc_version"] for q in r.body["quotes"]}
        named = _version_line(r.body["answer"])
        if r.body["answered"] and (len(versions) != 1 or named not in versions):
            mixed.append(r)
            continue
        for q in r.body["quotes"]:
            if q["text"] not in texts[q["doc_version"]]:
                mixed.append(r)
    culture = [r for r in results if r.question == CULTURE["message"] and r.body is not None]
    after_publish = [r for r in culture if published[2] < r.started < rolled[0]]
    after_rollback = [r for r in culture if rolled[2] < r.started < third[0]]
    after_third = [r for r in culture if r.started > third[2]]

    print(
        f"\n{CLIENTS} clients, {len(results)} requests in {ended - began:.1f} s, {len(failures)} failed, "
        f"{len(mixed)} mixing versions"
        f"\npublish: index built in {published[1] - published[0]:.1f} s, served {published[2] - published[1]:.2f} s "
        "after it was published"
        f"\nrollback: built in {rolled[1] - rolled[0]:.1f} s (the old index was kept), served "
        f"{rolled[2] - rolled[1]:.2f} s after"
        f"\nthird version: built in {third[1] - third[0]:.1f} s, served "
        f"{third[2] - third[1]:.2f} s after"
        f"\nlatency before: {_latencies(results, began, published[0])}"
        f"\nlatency during the build: {_latencies(results, published[0], published[1])}"
        f"\nlatency after the publish: {_latencies(results, published[2], rolled[0])}"
        f"\nlatency around the third publish: {_latencies(results, third[0], ended)}"
        f"\nculture answers after the publish: {len(after_publish)}, after the rollback: {len(after_rollback)}"
    )
    assert len(results) > 100
    assert failures == [], [(r.status, r.error) for r in failures[:5]]
    assert mixed == []
    assert after_publish
    assert after_rollback
    assert after_third
    assert all(r.body is not None and r.body["quote"]["doc_version"] == v3 for r in after_third)
    for r in after_publish:
        assert r.body is not None
        assert NEW_GOAL in r.body["quote"]["text"]
        assert r.body["quote"]["doc_version"] == v2
        assert _version_line(r.body["answer"]) == v2
    for r in after_rollback:
        assert r.body is not None
        assert OLD_GOAL in r.body["quote"]["text"]
        assert r.body["quote"]["doc_version"] == v1
    # answers before the publish were the old version's, and requests in flight at the swap finished on theirs
    assert all(r.body is not None and r.body["quote"]["doc_version"] == v1 for r in culture if r.ended < published[0])
