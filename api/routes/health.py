"""Liveness (no dependencies) and readiness (index loaded and matching its manifest)."""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import get_state

router = APIRouter(tags=["health"])


@router.get("/health/live")
async def live() -> dict[str, str]:
    return {"status": "live"}


@router.get("/health/ready", responses={503: {"description": "Not ready; the body says why."}})
async def ready(request: Request) -> JSONResponse:
    state = get_state(request)
    if not state.ready:
        await anyio.to_thread.run_sync(state.retry_if_due)
    if state.bot is None:
        return JSONResponse(status_code=503, content={"status": "not ready", "reason": state.reason})
    m = state.bot.chat.manifest
    body: dict[str, Any] = {
        "status": "ready",
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
    return JSONResponse(status_code=200, content=body)
