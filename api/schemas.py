"""The public chat contract. The widget, the staff console and outside checks rely on these names:
fields may be added, never renamed."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from bot.languages import LANGUAGES

MAX_MESSAGE = 1000


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    message: Annotated[str, StringConstraints(min_length=1, max_length=MAX_MESSAGE)] = Field(
        description="The resident's question, 1–1000 characters."
    )
    lang: str | None = Field(None, description="Answer language code, e.g. sv, en, fi, se, fit, ar.")

    @field_validator("message")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("message must contain a question, not only whitespace")
        return v

    @field_validator("lang")
    @classmethod
    def _supported(cls, v: str | None) -> str | None:
        if v is None:
            return v
        code = v.strip()
        if code not in LANGUAGES:
            raise ValueError(f"unsupported language {v!r}; supported: {', '.join(LANGUAGES)}")
        return code


class QuoteOut(BaseModel):
    text: str
    section: str
    document: str
    url: str | None
    adopted: str | None
    last_modified: str | None
    doc_id: str
    chunk_id: str
    start: int
    end: int


class SourceOut(BaseModel):
    id: str
    section: str
    text: str
    score: float
    dense: float
    lexical: float


class TranslationOut(BaseModel):
    provider: str
    available: bool
    reviewed: bool


class RelatedOut(BaseModel):
    title: str
    text: str
    url: str | None


class ChatResponse(BaseModel):
    answered: bool
    lang: str
    detected_lang: str | None
    answer: str
    quote: QuoteOut | None
    sources: list[SourceOut]
    translation: TranslationOut
    quotes: list[QuoteOut] = []
    related: list[RelatedOut] = []
    refusal_reason: str | None = None


class ErrorOut(BaseModel):
    detail: str
