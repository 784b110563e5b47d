"""The benchmark's parts run and report what they claim (no timing is asserted here)."""

from __future__ import annotations

from api import bench
from bot.chat.pipeline import Pipeline
from bot.config import Settings
from bot.metrics import CACHE_HITS
from bot.wiring import Bot
from tests.fakes import in_thread


def test_floor_and_in_process_report_percentiles(fast_pipeline: Pipeline, fresh_bot: Bot) -> None:
    qs = bench.questions()[:12]
    floor = bench.floor(fast_pipeline, qs)
    assert floor["n"] == 12
    assert 0 < floor["p50_ms"] <= floor["p99_ms"]
    hits = CACHE_HITS._value.get()  # type: ignore[attr-defined]
    result = in_thread(bench.in_process, fresh_bot.chat, fast_pipeline, qs)
    assert result["new"]["n"] == result["repeated"]["n"] == result["floor"]["n"] == 12  # a floor beside each
    assert result["embeddings_per_new_question"] >= 1.0  # every new question embeds itself; repeats embed nothing
    assert "embed_queries" not in vars(fast_pipeline.embedder)  # the counting wrapper is gone afterwards
    assert CACHE_HITS._value.get() >= hits + 12  # type: ignore[attr-defined] # the repeated round was cached


def test_scaling_reports_size_kind_and_recall(settings: Settings, pipeline: Pipeline) -> None:
    rows = bench.scaling(settings, [300], bench.questions()[:20])
    assert rows[0]["chunks"] == 300
    assert rows[0]["index"] == "flat"
    assert rows[0]["query"]["n"] == 20
    assert rows[0]["index_mb"] > 0


def test_stats_percentiles() -> None:
    s = bench.stats([0.001 * i for i in range(1, 101)])
    assert s["p50_ms"] == 50.5
    assert s["p99_ms"] == 99.0
    assert bench.stats([])["n"] == 0


def test_stages_cover_every_step_of_understanding(fast_pipeline: Pipeline) -> None:
    result = bench.stages(fast_pipeline, bench.questions()[:8])
    assert list(result) == ["embed", "question_typing", "retrieve", "scope"]
    assert all(v["n"] == 8 and v["p50_ms"] > 0 for v in result.values())


def test_server_timing_is_read_from_its_header() -> None:
    assert bench.server_ms("app;dur=12.50") == 12.5
    assert bench.server_ms("db;dur=1, app;dur=3") == 3.0
    assert bench.server_ms("app;desc=x") is None
    assert bench.server_ms("") is None
