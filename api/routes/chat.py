"""`POST /v1/chat`: one question in, one extractive answer out."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Depends

from api.deps import get_service
from api.schemas import ChatRequest, ChatResponse, ErrorOut
from bot.service import ChatService

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
async def chat(body: ChatRequest, service: Annotated[ChatService, Depends(get_service)]) -> ChatResponse:
    answer = await anyio.to_thread.run_sync(service.ask, body.message, body.lang)
    return ChatResponse.model_validate(answer.to_dict())
