"""Schemathesis against the app's own OpenAPI schema, in-process: every generated request, no 5xx.

Run by `tests/test_fuzz.py`; `python -m tests.fuzz` prints the figures (cases run, 5xx seen).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

SKIP_PATHS = ("/v1/staff/eval",)  # runs the whole eval per call: covered by its own tests


def run_schemathesis(client: TestClient, spec: dict[str, Any], max_examples: int = 60) -> dict[str, Any]:
    schema = schemathesis.openapi.from_dict(spec)
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    per_operation: dict[str, int] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path in SKIP_PATHS:
            continue
        label = f"{operation.method.upper()} {operation.path}"
        per_operation[label] = 0
        _exercise(client, operation, label, max_examples, statuses, per_operation, failures)
    return {
        "cases": sum(statuses.values()),
        "server_errors": sum(n for s, n in statuses.items() if s >= 500),
        "statuses": dict(sorted(statuses.items())),
        "per_operation": per_operation,
        "failures": failures[:20],
    }


def _exercise(
    client: TestClient,
    operation: Any,
    label: str,
    max_examples: int,
    statuses: Counter[int],
    per_operation: dict[str, int],
    failures: list[str],
) -> None:
    @settings(max_examples=max_examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def call(case: Any) -> None:
        kwargs = case.as_transport_kwargs(base_url="http://testserver")
        kwargs.pop("cookies", None)
        response = client.request(**kwargs)
        statuses[response.status_code] += 1
        per_operation[label] += 1
        if response.status_code >= 500:
            failures.append(f"{label}: {response.status_code} {response.text[:200]}")

    call()


if __name__ == "__main__":  # pragma: no cover - a figures command
    import json
    import tempfile
    from pathlib import Path

    from api.app import create_app
    from bot.config import Settings
    from bot.wiring import build_bot

    data = Path(tempfile.mkdtemp())
    app_settings = Settings.model_validate(
        {"data_dir": data, "rate_limit": "off", "staff_token": "fuzz-token", "translation_provider": "none"}
    )
    bot = build_bot(app_settings, build_if_needed=True)
    with TestClient(create_app(app_settings, bot), headers={"Authorization": "Bearer fuzz-token"}) as c:
        print(json.dumps(run_schemathesis(c, c.get("/openapi.json").json(), 100), indent=2))
