"""`POST /v1/feedback`: a resident's thumbs up or down on an answer, stored with its id."""

from __future__ import annotations

import anyio.to_thread
from fastapi import APIRouter, HTTPException

from api.deps import Chat
from api.schemas import ErrorOut, FeedbackIn, FeedbackOut

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post("/feedback", response_model=FeedbackOut, responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}})
async def feedback(body: FeedbackIn, service: Chat) -> FeedbackOut:
    try:
        await anyio.to_thread.run_sync(service.record_feedback, body.answer_id, body.helpful)
    except KeyError as exc:
        raise HTTPException(status_code=404, detail="no answer with that id") from exc
    return FeedbackOut(stored=True)
