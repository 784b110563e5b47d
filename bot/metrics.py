"""Prometheus metrics the bot records; `api` exposes them at `/metrics`.

With several worker processes, `kiruna-bot serve` sets PROMETHEUS_MULTIPROC_DIR before the workers
start, and prometheus_client then sums every worker's values when `/metrics` is read.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUEST_SECONDS = Histogram(
    "kiruna_request_duration_seconds",
    "HTTP request latency by route.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ANSWERS = Counter(
    "kiruna_answers_total", "Answers given, by language and whether the corpus answered.", ["lang", "answered"]
)
TRANSLATION_CALLS = Counter(
    "kiruna_translation_calls_total", "Calls to a translation provider, by outcome.", ["provider", "outcome"]
)
BREAKER_OPEN = Gauge(
    "kiruna_translation_breaker_open",
    "1 while the provider's circuit breaker is open or half-open, else 0.",
    ["provider"],
    multiprocess_mode="max",
)
RATE_LIMITED = Counter("kiruna_rate_limited_total", "Requests refused with 429.")
CACHE_HITS = Counter("kiruna_answer_cache_hits_total", "Answers served from a worker's answer cache.")
STORAGE_FAILURES = Counter(
    "kiruna_storage_failures_total", "Storage operations that failed (disk full, damaged file, lock).", ["operation"]
)
STORAGE_DEGRADED = Gauge(
    "kiruna_storage_degraded",
    "1 while a storage operation is failing in a worker (readiness says degraded), else 0.",
    multiprocess_mode="max",
)
STAFF_AUTH_FAILURES = Counter("kiruna_staff_auth_failures_total", "Staff requests with a missing or wrong token.")
SLOW_CLIENTS_CUT = Counter(
    "kiruna_slow_clients_cut_total", "Connections closed for sending headers or a body too slowly.", ["stage"]
)
