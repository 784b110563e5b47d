"""`POST /v1/chat`: one question in, one extractive answer out."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Request

from api.deps import get_service
from api.schemas import ChatRequest, ChatResponse, ErrorOut
from bot.answer import Answer
from bot.service import ChatService

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={413: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
async def chat(
    body: ChatRequest, request: Request, service: Annotated[ChatService, Depends(get_service)]
) -> ChatResponse:
    state = request.app.state
    cached = service.cached(body.message, body.lang)
    if cached is not None:
        answer: Answer = cached
    else:
        # embedding and search: CPU, in a pool sized to the cores
        draft = await anyio.to_thread.run_sync(service.understand, body.message, body.lang, limiter=state.cpu_limiter)
        # translation: mostly waiting, in its own pool
        answer = await anyio.to_thread.run_sync(partial(service.respond, draft, log=False), limiter=state.io_limiter)
        service.remember(body.message, body.lang, answer)
    await anyio.to_thread.run_sync(service.log_answer, body.message, answer, limiter=state.io_limiter)
    return ChatResponse.model_validate(answer.to_dict())
