"""`kiruna-bot bench`: what an answer costs on this machine, measured against its floor.

The floor is the least any answer can cost: embedding the question and searching the index,
in-process. Everything else is reported as absolute time and as a ratio to that floor, since
the machine this runs on is shared and noisy.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
import httpx
import numpy as np
import numpy.typing as npt

from bot.chat.answer import ChatRequest
from bot.chat.pipeline import Pipeline
from bot.config import Settings
from bot.evaluation.dataset import load_cases
from bot.evaluation.scope_training import training_cases
from bot.service import ChatService
from bot.wiring import build, build_bot, load_pipeline, load_resources
from index.dense import DenseIndex
from index.lexical import LexicalIndex

# a pause between measuring a floor in this process and sending the request it is paired with
SETTLE_S = 0.01


def stats(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return {"n": 0, "p50_ms": 0.0, "p99_ms": 0.0, "mean_ms": 0.0}
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 3),
        "p99_ms": round(ms[min(len(ms) - 1, int(np.ceil(0.99 * len(ms))) - 1)], 3),
        "mean_ms": round(statistics.fmean(ms), 3),
    }


def questions() -> list[str]:
    return [c.question for c in load_cases() + training_cases()]


def floor_of(pipeline: Pipeline, q: str, embed: Callable[[list[str]], npt.NDArray[np.float32]] | None = None) -> float:
    """Seconds to embed one question and search FAISS with it: the least any answer costs (`embed`:
    the embedder's own method, where the pipeline's is wrapped for counting)."""
    started = time.perf_counter()
    vector = (embed or pipeline.embedder.embed_queries)([q])[0]
    pipeline.index.dense.search(vector.reshape(1, -1), 10)
    return time.perf_counter() - started


def floor(pipeline: Pipeline, qs: list[str]) -> dict[str, float]:
    return stats([floor_of(pipeline, q) for q in qs])


def in_process(service: ChatService, pipeline: Pipeline, qs: list[str]) -> dict[str, Any]:
    """A whole answer through `ChatService.answer`, for new questions and for the same ones asked again;
    how many texts a new question embeds (one is the floor's; a tried split embeds each part); and the
    floor, measured for each question just before its answer. Paired, the two see the same machine:
    on a shared machine the floor drifts by a fifth between runs minutes apart."""

    async def timed() -> tuple[list[float], list[float], list[float]]:
        async def once(q: str) -> float:
            started = time.perf_counter()
            await service.answer(ChatRequest(message=q), log=False)
            return time.perf_counter() - started

        floors, new = [], []
        for q in qs:
            floors.append(floor_of(pipeline, q, plain))
            new.append(await once(q))
        repeated = [await once(q) for q in qs]
        return floors, new, repeated

    embedder = pipeline.embedder
    embedded = 0
    plain = embedder.embed_queries

    def counted(texts: list[str]) -> npt.NDArray[np.float32]:
        nonlocal embedded
        embedded += len(texts)
        return plain(texts)

    embedder.embed_queries = counted  # type: ignore[method-assign]  # for this measurement only
    try:
        floors, new, repeated = anyio.run(timed)
    finally:
        del embedder.embed_queries  # the class's method again
    return {
        "floor": stats(floors),
        "new": stats(new),
        "repeated": stats(repeated),
        "embeddings_per_new_question": round(embedded / len(qs), 2),
    }


def stages(pipeline: Pipeline, qs: list[str]) -> dict[str, dict[str, float]]:
    """Where the CPU part of a new question goes: the stages `ChatService` runs before responding."""
    times: dict[str, list[float]] = {"embed": [], "question_typing": [], "retrieve": [], "scope": []}
    for q in qs:
        t0 = time.perf_counter()
        vector = pipeline.retriever.embed(q)
        t1 = time.perf_counter()
        pipeline.retriever.cues.question_intents(q)
        t2 = time.perf_counter()
        retrieval = pipeline.retriever.retrieve(q, vector)  # types the question again, as in serving
        t3 = time.perf_counter()
        pipeline.gate.decide(retrieval, vector)
        t4 = time.perf_counter()
        for name, seconds in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            times[name].append(seconds)
    return {name: stats(values) for name, values in times.items()}


def index_build(settings: Settings) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        s = settings.model_copy(update={"data_dir": Path(tmp)})
        resources = load_resources(s)
        started = time.perf_counter()
        build(s, resources, _embedder_of(settings))
        return round(time.perf_counter() - started, 2)


_EMBEDDERS: dict[str, Any] = {}


def _embedder_of(settings: Settings) -> Any:
    from index.embedders import make_embedder

    if settings.embedder not in _EMBEDDERS:
        _EMBEDDERS[settings.embedder] = make_embedder(settings.embedder, settings.threads)
    return _EMBEDDERS[settings.embedder]


def scaling(settings: Settings, sizes: list[int], qs: list[str]) -> list[dict[str, Any]]:
    """Synthetic corpora: clustered unit vectors and token documents of the corpus's vocabulary.

    Embedding 100,000 real passages would take this machine a quarter of an hour; the vectors are
    synthetic so the index, not the embedder, is what is measured. The query embedding is real.
    """
    rng = np.random.default_rng(7)
    embedder = _embedder_of(settings)
    vocab = sorted({w for q in qs for w in q.lower().split() if w.isalpha()})
    out = []
    for n in sizes:
        centres = rng.normal(size=(max(10, n // 100), embedder.dim)).astype(np.float32)
        vectors = centres[rng.integers(0, len(centres), n)] + 0.35 * rng.normal(size=(n, embedder.dim)).astype(
            np.float32
        )
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        docs = [" ".join(rng.choice(vocab, 12)) for _ in range(n)]
        started = time.perf_counter()
        dense = DenseIndex.build(vectors, "auto")
        lexical = LexicalIndex.build(docs, ["sv"] * n, "words")
        build_s = time.perf_counter() - started
        recall = None
        if dense.kind != "flat":
            # questions land near passages: probe with perturbed corpus vectors, not arbitrary ones
            probes = vectors[rng.integers(0, n, 200)] + 0.1 * rng.normal(size=(200, embedder.dim)).astype(np.float32)
            probes /= np.linalg.norm(probes, axis=1, keepdims=True)
            exact = DenseIndex.build(vectors, "flat")
            _, truth = exact.search(probes, 10)
            _, approx = dense.search(probes, 10)
            recall = float(np.mean([len(set(a) & set(t)) / 10 for a, t in zip(approx, truth, strict=True)]))
        times = []
        for q in qs[:200]:
            started = time.perf_counter()
            v = embedder.embed_queries([q])
            dense.search(v, 256 if dense.kind != "flat" else 2048)
            lexical.scores(q)
            times.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as tmp:
            dense.save(Path(tmp) / "d.faiss")
            lexical.save(Path(tmp) / "lex")
            size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
        out.append(
            {
                "chunks": n,
                "index": dense.kind,
                "build_s": round(build_s, 2),
                "query": stats(times),
                "index_mb": round(size / 2**20, 1),
                "recall_at_10_vs_flat": recall,
            }
        )
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _start(data_dir: Path, port: int, extra: dict[str, str]) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("kiruna-bot")
    env = {
        **os.environ,
        "KIRUNA_BOT_DATA_DIR": str(data_dir),
        "KIRUNA_BOT_RATE_LIMIT": "off",
        "KIRUNA_BOT_TRANSLATION_PROVIDER": "none",
        **extra,
    }
    return subprocess.Popen(  # noqa: S603 - our own entry point, fixed arguments
        [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 300) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/health/ready", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    raise RuntimeError("server not ready")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_ms(header: str) -> float | None:
    """The `app` duration of a Server-Timing header, in ms."""
    for metric in header.split(","):
        name, _, params = metric.strip().partition(";")
        if name == "app" and params.startswith("dur="):
            try:
                return float(params[4:])
            except ValueError:
                return None
    return None


async def _load(
    base: str,
    qs: list[str],
    concurrency: int,
    duration: float,
    unique: bool,
    floor_fn: Callable[[str], float] | None = None,
) -> dict[str, Any]:
    """Requests for `duration` seconds from `concurrency` clients; with `floor_fn` (one client only),
    the floor of each message measured in this process just before it is sent."""
    latencies: list[float] = []
    floors: list[float] = []
    inside: list[float] = []  # the server's own time (its Server-Timing header)
    errors = 0
    counter = 0
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors, counter
            while time.perf_counter() < stop_at:
                counter += 1
                q = qs[counter % len(qs)]
                body = {"message": f"{q} ({counter})" if unique else q, "lang": "sv"}
                if floor_fn is not None:
                    floors.append(floor_fn(body["message"]))
                    # the model's OpenMP threads in this process spin on both cores for a few ms after
                    # the floor; a request sent at once shares the cores with them (5 ms more at p50)
                    await asyncio.sleep(SETTLE_S)
                started = time.perf_counter()
                try:
                    r = await client.post("/v1/chat", json=body)
                    if r.status_code != 200:
                        errors += 1
                    elif (spent := server_ms(r.headers.get("server-timing", ""))) is not None:
                        inside.append(spent / 1000)
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        **stats(latencies),
        **({"floor_p50_ms": stats(floors)["p50_ms"]} if floors else {}),
        "server_p50_ms": stats(inside)["p50_ms"],
        "concurrency": concurrency,
        "requests": len(latencies),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "errors": errors,
        "duration_s": round(elapsed, 1),
    }


def http(
    settings: Settings, qs: list[str], levels: list[tuple[int, float]], floor_fn: Callable[[str], float]
) -> dict[str, Any]:
    """Load on a real `kiruna-bot serve` on loopback, rate limiting off; and cold starts. With one
    client, each request's floor is measured just before it (`floor_fn`, in this process)."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # a restart: the data dir as a running server left it (index, database, small-talk examples, key)
        warm = Path(tmp) / "warm"
        shutil.copytree(settings.data_dir, warm, ignore=shutil.ignore_patterns("*.log"))
        port = _free_port()
        proc = _start(warm, port, {})
        base = f"http://127.0.0.1:{port}"
        try:
            out["cold_start_built_index_s"] = round(_wait_ready(base, proc), 2)
            out["rss_mb_after_start"] = _rss_mb(proc.pid)
            out["levels"] = [
                asyncio.run(_load(base, qs, c, d, unique=True, floor_fn=floor_fn if c == 1 else None))
                for c, d in levels
            ]
            out["rss_mb_after_load"] = _rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(30)
        cold = Path(tmp) / "cold"
        port = _free_port()
        proc = _start(cold, port, {})
        try:
            out["cold_start_no_index_s"] = round(_wait_ready(f"http://127.0.0.1:{port}", proc), 2)
        finally:
            proc.terminate()
            proc.wait(30)
    return out


def run(settings: Settings, quick: bool = False) -> dict[str, Any]:
    settings = settings.model_copy(update={"translation_provider": "none"})
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # the model itself, not the vector seed: the seed holds the eval and training questions' vectors,
    # so a "new" question would cost a lookup and the floor would be no floor
    pipeline = load_pipeline(settings, build_if_needed=True, embedder=_embedder_of(settings))
    service = build_bot(settings, pipeline=pipeline).chat
    qs = questions()
    sample = qs[:60] if quick else qs
    result: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "threads": settings.threads}}
    result["in_process"] = in_process(service, pipeline, sample)
    result["floor"] = result["in_process"].pop("floor")  # measured beside each answer
    result["stages"] = stages(pipeline, sample)
    result["index_build_s"] = index_build(settings)
    result["scaling"] = scaling(settings, [1000, 5000] if quick else [1000, 10_000, 100_000], qs)
    levels = [(1, 3.0), (8, 3.0)] if quick else [(1, 15.0), (8, 15.0), (32, 60.0)]
    result["http"] = http(settings, qs, levels, lambda q: floor_of(pipeline, q))
    fp50 = result["floor"]["p50_ms"] or 1e-9
    result["ratios_to_floor"] = {
        "in_process_new_p50": round(result["in_process"]["new"]["p50_ms"] / fp50, 2),
        "in_process_repeated_p50": round(result["in_process"]["repeated"]["p50_ms"] / fp50, 2),
        # one client: against the floor measured beside its own requests; more: against the in-process one
        **{
            f"http_c{lvl['concurrency']}_p50": round(lvl["p50_ms"] / (lvl.get("floor_p50_ms") or fp50), 2)
            for lvl in result["http"]["levels"]
        },
    }
    s1000 = result["scaling"][0]["query"]["p50_ms"] or 1e-9
    result["scaling_ratio_largest_to_1000"] = round(result["scaling"][-1]["query"]["p50_ms"] / s1000, 2)
    return result


def render(result: dict[str, Any]) -> str:
    f, ip = result["floor"], result["in_process"]
    lines = [
        f"floor (embed + FAISS, beside each) p50 {f['p50_ms']:8.2f} ms   p99 {f['p99_ms']:8.2f} ms",
        f"in-process answer, new question    p50 {ip['new']['p50_ms']:8.2f} ms   p99 {ip['new']['p99_ms']:8.2f} ms"
        f"   ({result['ratios_to_floor']['in_process_new_p50']}x floor)",
        f"in-process answer, repeated        p50 {ip['repeated']['p50_ms']:8.2f} ms   "
        f"p99 {ip['repeated']['p99_ms']:8.2f} ms",
        f"texts embedded per new question    {ip['embeddings_per_new_question']:.2f}",
        "  stages (p50): "
        + ", ".join(f"{name.replace('_', ' ')} {v['p50_ms']:.3f} ms" for name, v in result["stages"].items()),
        f"index build, real corpus           {result['index_build_s']:.2f} s",
        "HTTP, real server on loopback (new questions):",
    ]
    for lvl in result["http"]["levels"]:
        c = lvl["concurrency"]
        beside = f", floor beside it p50 {lvl['floor_p50_ms']:.2f} ms" if "floor_p50_ms" in lvl else ""
        beside += f", inside the server p50 {lvl['server_p50_ms']:.2f} ms"
        lines.append(
            f"  c={c:<3} p50 {lvl['p50_ms']:8.2f} ms  p99 {lvl['p99_ms']:8.2f} ms  "
            f"{lvl['throughput_rps']:7.1f} req/s  errors {lvl['errors']}  ({lvl['requests']} in {lvl['duration_s']} s;"
            f" p50 {result['ratios_to_floor'][f'http_c{c}_p50']}x floor{beside})"
        )
    h = result["http"]
    lines += [
        f"cold start to ready: built index {h['cold_start_built_index_s']} s, no index {h['cold_start_no_index_s']} s",
        f"resident memory per worker: {h['rss_mb_after_start']} MB after start, {h['rss_mb_after_load']} MB after load",
        "scaling (synthetic vectors, real query embedding):",
    ]
    for s in result["scaling"]:
        recall = f"  recall@10 vs flat {s['recall_at_10_vs_flat']:.3f}" if s["recall_at_10_vs_flat"] is not None else ""
        lines.append(
            f"  {s['chunks']:>7} chunks  {s['index']:<5} build {s['build_s']:7.2f} s  "
            f"query p50 {s['query']['p50_ms']:7.2f} ms  index {s['index_mb']} MB{recall}"
        )
    lines.append(f"  largest / 1000-chunk query p50: {result['scaling_ratio_largest_to_1000']}x")
    return "\n".join(lines)
