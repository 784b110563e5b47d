"""`GET /v1/languages`: what the bot can answer in, and where each language's translations come from."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import Chat
from api.schemas import LanguageOut
from bot.language.supported import LANGUAGES

router = APIRouter(prefix="/v1", tags=["languages"])


@router.get("/languages", response_model=list[LanguageOut])
def languages(service: Chat) -> list[LanguageOut]:
    return [
        LanguageOut(
            code=s.code,
            name=LANGUAGES[s.code].name,
            english_name=LANGUAGES[s.code].english_name,
            dir=LANGUAGES[s.code].dir,
            translations=s.sources,
        )
        for s in service.languages()
    ]
