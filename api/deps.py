"""Request-scoped access to the worker's state."""

from __future__ import annotations

from fastapi import HTTPException, Request

from api.state import ServiceState
from bot.service import ChatService


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.bot
    return state


def get_service(request: Request) -> ChatService:
    """The loaded service, or 503 with the reason and a hint to retry."""
    state = get_state(request)
    state.retry_if_due()
    if state.service is None:
        raise HTTPException(
            status_code=503,
            detail=f"the bot is not ready: {state.reason}",
            headers={"Retry-After": "5"},
        )
    return state.service
