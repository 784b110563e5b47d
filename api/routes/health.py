"""Liveness (no dependencies) and readiness (index loaded and matching its manifest; storage working).

Readiness is 200 with `"status": "ready"`, or 200 with `"status": "degraded"` and the failing
storage operations when the question log, the rate-limit counter or the translation memory cannot
be used: such a worker still answers residents, so a load balancer should keep sending it chats.
It is 503 only while no answer can be given (no index yet, or a damaged one).
"""

from __future__ import annotations

import re
from typing import Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import get_state
from bot.config import Settings
from bot.storage.db import Database

router = APIRouter(tags=["health"])
PROBE_SECONDS = 2.0
_PATH = re.compile(r"(?<![\w$.])/(?:[^\s/:'\"]+/)*([^\s/:'\"]+)")


def public_reason(reason: str, settings: Settings) -> str:
    """A not-ready reason without server paths: the data dir by its setting, other files by name."""
    return _PATH.sub(r"\1", reason.replace(str(settings.data_dir), "$KIRUNA_BOT_DATA_DIR"))


def _probe(database: Database) -> None:
    with database.health.guard("database"):
        database.probe()


@router.get("/health/live")
async def live() -> dict[str, str]:
    return {"status": "live"}


@router.get(
    "/health/ready",
    responses={503: {"description": "Not ready; the body says why."}},
    description="200 `ready`, 200 `degraded` (answers go on; some storage fails: `problems`), or 503 `not ready`.",
)
async def ready(request: Request) -> JSONResponse:
    state = get_state(request)
    if not state.ready:
        await anyio.to_thread.run_sync(state.retry_if_due)
    if state.bot is None:
        reason = public_reason(state.reason, state.settings)
        return JSONResponse(status_code=503, content={"status": "not ready", "reason": reason})
    database: Database = request.app.state.database
    probed = False
    with anyio.move_on_after(PROBE_SECONDS):
        await anyio.to_thread.run_sync(_probe, database, abandon_on_cancel=True)
        probed = True
    if not probed:
        database.health.failed("database", TimeoutError(f"no answer within {PROBE_SECONDS:g} s"))
    problems = database.health.problems()
    m = state.bot.chat.manifest
    body: dict[str, Any] = {
        "status": "degraded" if problems else "ready",
        "index": {
            "embedder": m.embedder_id,
            "chunks": m.chunk_count,
            "entries": m.entry_count,
            "built_at": m.built_at,
            "dense_index": m.dense_index,
        },
        # which version of each document this worker answers from (followed within seconds of a publish)
        "documents": {d.meta.id: d.meta.version for d in state.bot.chat.corpus.documents},
    }
    if problems:
        body["problems"] = problems
    return JSONResponse(status_code=200, content=body)
