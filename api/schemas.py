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


class QuoteTranslationOut(BaseModel):
    lang: str
    text: str
    provenance: str = Field(description="reviewed, unreviewed or machine")
    provider: str


class QuoteOut(BaseModel):
    text: str = Field(description="Verbatim text of the corpus, in Swedish: the authority.")
    section: str
    document: str
    url: str | None
    adopted: str | None
    last_modified: str | None
    doc_id: str
    chunk_id: str
    start: int
    end: int
    translation: QuoteTranslationOut | None = Field(None, description="The quote in the answer's language.")
    fallback: dict[str, str] = Field(
        default_factory=dict, description="Other languages offered when the answer's language is missing."
    )


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
    provenance: str | None = None
    notice: str | None = None


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
    id: str = Field("", description="Identifies this answer, for feedback.")
    dir: str = Field("ltr", description="Script direction of the answer language: ltr or rtl.")
    quotes: list[QuoteOut] = []
    related: list[RelatedOut] = []
    refusal_reason: str | None = None


class ErrorOut(BaseModel):
    detail: str


class LanguageOut(BaseModel):
    code: str
    name: str = Field(description="The language's name in itself.")
    english_name: str
    dir: str
    translations: list[str] = Field(description="Where its translations come from: memory, provider, or none.")


class FeedbackIn(BaseModel):
    answer_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    helpful: bool


class FeedbackOut(BaseModel):
    stored: bool
