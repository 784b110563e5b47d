"""The API's own request and response models. The chat contract itself (`ChatRequest`, `Answer`) is
defined once, in `bot.chat.answer`, and used here as it is."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from bot.chat.answer import MAX_MESSAGE, Answer, ChatRequest

__all__ = [
    "MAX_MESSAGE",
    "Answer",
    "ChatRequest",
    "ErrorOut",
    "FeedbackIn",
    "FeedbackOut",
    "LanguageOut",
]


class ErrorOut(BaseModel):
    detail: str


class LanguageOut(BaseModel):
    code: str
    name: str = Field(description="The language's name in itself.")
    english_name: str
    dir: Literal["ltr", "rtl"]
    translations: list[str] = Field(description="Where its translations come from: memory, provider, or none.")


class FeedbackIn(BaseModel):
    answer_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    helpful: bool


class FeedbackOut(BaseModel):
    stored: bool
