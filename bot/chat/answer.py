"""The chat contract, defined once: the request the bot takes and the answer it gives.

The core builds these models and the API serializes them as they are, so a field is written in
one place; OpenAPI documents it from here. The widget, the staff console and outside checks rely
on these names: fields may be added, never renamed.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from bot.language.supported import LangCode

MAX_MESSAGE = 1000

Provenance = Literal["reviewed", "unreviewed", "machine"]
AnswerProvenance = Literal["original", "reviewed", "unreviewed", "machine", "catalog"]
Direction = Literal["ltr", "rtl"]


class ChatRequest(BaseModel):
    """One message from a resident."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    message: Annotated[str, StringConstraints(min_length=1, max_length=MAX_MESSAGE)] = Field(
        description="The resident's question, 1–1000 characters."
    )
    lang: LangCode | None = Field(
        None, description="Answer language; without it, the language the message is written in."
    )

    @field_validator("message")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("message must contain a question, not only whitespace")
        return v


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class QuoteTranslation(_Out):
    """The quote in the answer's language, and where that translation comes from."""

    lang: str
    text: str
    provenance: Provenance = Field(description="reviewed, unreviewed or machine")
    provider: str = Field(description="memory, or the provider's name")


class Quote(_Out):
    """A verbatim span of the cleaned corpus, with what a resident needs to judge it."""

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
    translation: QuoteTranslation | None = Field(None, description="The quote in the answer's language.")
    fallback: dict[str, str] = Field(
        default_factory=dict, description="Other languages offered when the answer's language is missing."
    )


class Source(_Out):
    id: str
    section: str
    text: str
    score: float
    dense: float
    lexical: float


class TranslationInfo(_Out):
    provider: str = Field(description="source (Swedish asked), memory, the provider's name, mixed or none")
    available: bool
    reviewed: bool
    provenance: AnswerProvenance | None = None
    notice: str | None = None


class RelatedLink(_Out):
    title: str
    text: str
    url: str | None


class Answer(_Out):
    """What `POST /v1/chat` returns and `kiruna-bot ask --json` prints."""

    answered: bool
    lang: str
    detected_lang: str | None
    answer: str
    quote: Quote | None
    sources: list[Source]
    translation: TranslationInfo
    id: str = Field("", description="Identifies this answer, for feedback.")
    dir: Direction = Field("ltr", description="Script direction of the answer language.")
    quotes: list[Quote] = Field(default_factory=list)
    related: list[RelatedLink] = Field(default_factory=list)
    refusal_reason: str | None = None
