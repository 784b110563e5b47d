"""Request-scoped access to the worker's state."""

from __future__ import annotations

import anyio
from fastapi import HTTPException, Request

from api.state import ServiceState
from bot.messages import Catalogs, load_catalogs
from bot.service import ChatService

_catalogs: Catalogs | None = None


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.bot
    return state


async def get_service(request: Request) -> ChatService:
    """The loaded service, or 503 with the reason and a hint to retry (async: no thread hop when ready)."""
    state = get_state(request)
    if state.service is None:
        await anyio.to_thread.run_sync(state.retry_if_due)
    if state.service is None:
        raise HTTPException(
            status_code=503,
            detail=f"the bot is not ready: {state.reason}",
            headers={"Retry-After": "5"},
        )
    return state.service


def get_catalogs() -> Catalogs:
    """The message catalogs: available even while the index is loading."""
    global _catalogs  # noqa: PLW0603 - loaded once per process, read-only after
    if _catalogs is None:
        _catalogs = load_catalogs()
    return _catalogs
