"""The benchmark's parts run and report what they claim (no timing is asserted here)."""

from __future__ import annotations

from api import bench
from bot.config import Settings
from bot.service import ChatService


def test_floor_and_in_process_report_percentiles(service: ChatService) -> None:
    qs = bench.questions()[:12]
    floor = bench.floor(service, qs)
    assert floor["n"] == 12
    assert 0 < floor["p50_ms"] <= floor["p99_ms"]
    result = bench.in_process(service, qs)
    assert result["new"]["n"] == result["repeated"]["n"] == 12
    assert service.cache.hits >= 12  # the repeated round was served from the cache


def test_scaling_reports_size_kind_and_recall(settings: Settings, service: ChatService) -> None:
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


def test_stages_cover_every_step_of_a_new_answer(service: ChatService) -> None:
    result = bench.stages(service, bench.questions()[:8])
    assert list(result) == ["embed", "question_typing", "retrieve", "scope", "answer"]
    assert all(v["n"] == 8 and v["p50_ms"] > 0 for v in result.values())
