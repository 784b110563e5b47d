"""`POST /v1/chat`: one question in, one extractive answer out."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Request, Response

from api.deps import get_service
from api.schemas import ChatRequest, ChatResponse, ErrorOut
from bot.service import ChatService

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={413: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
async def chat(body: ChatRequest, request: Request, service: Annotated[ChatService, Depends(get_service)]) -> Response:
    state = request.app.state
    answer = service.cached(body.message, body.lang)
    if answer is None:
        # embedding and search: CPU, in a pool sized to the cores
        draft = await anyio.to_thread.run_sync(service.understand, body.message, body.lang, limiter=state.cpu_limiter)
        # translation and the question log: mostly waiting, in their own pool
        answer = await anyio.to_thread.run_sync(service.respond, draft, limiter=state.io_limiter)
        service.remember(body.message, body.lang, answer)
    else:
        await anyio.to_thread.run_sync(service.log_answer, body.message, answer, limiter=state.io_limiter)
    # validated against the contract once, serialized once
    payload = ChatResponse.model_validate(answer.to_dict()).model_dump_json()
    return Response(payload, media_type="application/json")
