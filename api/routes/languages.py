"""`GET /v1/languages`: what the bot can answer in, and where each language's translations come from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.deps import get_service
from api.schemas import LanguageOut
from bot.languages import LANGUAGES, SOURCE_LANGUAGE
from bot.service import ChatService

router = APIRouter(prefix="/v1", tags=["languages"])


@router.get("/languages", response_model=list[LanguageOut])
def languages(service: Annotated[ChatService, Depends(get_service)]) -> list[LanguageOut]:
    counts = service.memory.counts()
    out = []
    for code, lang in LANGUAGES.items():
        sources = []
        if code == SOURCE_LANGUAGE or counts.get(code):
            sources.append("memory")
        if service.provider.supports(code):
            sources.append("provider")
        out.append(
            LanguageOut(
                code=code,
                name=lang.name,
                english_name=lang.english_name,
                dir=lang.dir,
                translations=sources or ["none"],
            )
        )
    return out
