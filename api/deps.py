"""Request-scoped access to the worker's state."""

from __future__ import annotations

from typing import Annotated

import anyio.to_thread
from fastapi import Depends, HTTPException, Request

from api.state import ServiceState
from bot.content import ContentDesk
from bot.language.messages import Catalogs, load_catalogs
from bot.service import ChatService
from bot.staff import StaffDesk
from bot.wiring import Bot

_catalogs: Catalogs | None = None


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.bot
    return state


async def get_bot(request: Request) -> Bot:
    """The loaded bot, or 503 with the reason and a hint to retry (async: no thread hop when ready)."""
    state = get_state(request)
    if state.bot is None:
        await anyio.to_thread.run_sync(state.retry_if_due)
    if state.bot is None:
        raise HTTPException(  # the reason (it may name server files) is for readiness and the log only
            status_code=503,
            detail="the bot is not ready yet; try again in a few seconds",
            headers={"Retry-After": "5"},
        )
    return state.bot


async def get_chat(bot: Annotated[Bot, Depends(get_bot)]) -> ChatService:
    return bot.chat


async def get_staff(bot: Annotated[Bot, Depends(get_bot)]) -> StaffDesk:
    return bot.staff


async def get_content(bot: Annotated[Bot, Depends(get_bot)]) -> ContentDesk:
    return bot.content


Chat = Annotated[ChatService, Depends(get_chat)]
Staff = Annotated[StaffDesk, Depends(get_staff)]
Content = Annotated[ContentDesk, Depends(get_content)]


def get_catalogs() -> Catalogs:
    """The message catalogs: available even while the index is loading."""
    global _catalogs  # noqa: PLW0603 - loaded once per process, read-only after
    if _catalogs is None:
        _catalogs = load_catalogs()
    return _catalogs
