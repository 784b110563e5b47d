"""`POST /v1/chat`: one message in, one extractive answer out."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import Chat
from api.schemas import Answer, ChatRequest, ErrorOut

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post(
    "/chat",
    response_model=Answer,
    responses={413: {"model": ErrorOut}, 422: {"model": ErrorOut}, 429: {"model": ErrorOut}, 503: {"model": ErrorOut}},
)
async def chat(body: ChatRequest, service: Chat) -> Response:
    answer = await service.answer(body)
    return Response(answer.model_dump_json(), media_type="application/json")  # serialized once
