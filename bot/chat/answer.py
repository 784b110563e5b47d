"""The chat contract, defined once: the request the bot takes and the answer it gives.

The core builds these models and the API serializes them as they are, so a field is written in
one place; OpenAPI documents it from here. The widget, the staff console and outside checks rely
on these names: fields may be added, never renamed.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from bot.language.supported import LangCode

MAX_MESSAGE = 1000

Provenance = Literal["reviewed", "unreviewed", "machine"]
AnswerProvenance = Literal["original", "reviewed", "unreviewed", "machine", "catalog"]
Direction = Literal["ltr", "rtl"]
# answer: quotes of the page; out_of_scope: the page does not answer (maybe with a pointer);
# smalltalk: a greeting, thanks, help; clarification: too vague to answer well, with candidate topics
Kind = Literal["answer", "out_of_scope", "smalltalk", "clarification"]
MAX_TOKEN = 4096


# Letters that render as nothing (Hangul fillers, the braille blank)
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible_text(text: str) -> bool:
    """Some letter, digit, punctuation mark or symbol that shows: not only spaces, controls, format or fillers."""
    return any(unicodedata.category(ch)[0] in "LNPS" and ch not in _BLANK_LETTERS for ch in text)


class ChatRequest(BaseModel):
    """One message from a resident."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    message: Annotated[str, StringConstraints(min_length=1, max_length=MAX_MESSAGE)] = Field(
        description="The resident's question, 1–1000 characters."
    )
    lang: LangCode | None = Field(
        None, description="Answer language, forced; without it, the language the message is written in."
    )
    ui_lang: LangCode | None = Field(
        None,
        description="The language the widget is showing: the answer language for a message too short or "
        "ambiguous to tell its own (after the conversation's language).",
    )
    conversation: Annotated[str, StringConstraints(max_length=MAX_TOKEN)] | None = Field(
        None,
        description="The `conversation` of the previous answer, sent back to continue the conversation. "
        "Without it every message stands alone.",
    )
    page: Annotated[str, StringConstraints(max_length=2048)] | None = Field(
        None,
        description="The document id or URL of the page the widget sits on: answers from it are preferred "
        "when they answer as well.",
    )

    @field_validator("message")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        # control characters (NUL …) carry no meaning and some databases refuse them: they go
        v = "".join(ch for ch in v if ch in "\t\n" or unicodedata.category(ch) != "Cc")
        if not has_visible_text(v):
            raise ValueError("message must contain a question, not only whitespace or invisible characters")
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
    section: str = Field(description="The section path as the page writes it, in Swedish.")
    heading: str = Field("", description="The section's name in the answer's language.")
    document: str
    url: str | None
    adopted: str | None
    last_modified: str | None
    doc_id: str
    doc_version: str | None = Field(None, description="The document version this quote is cut from.")
    chunk_id: str
    start: int
    end: int
    translation: QuoteTranslation | None = Field(None, description="The quote in the answer's language.")
    lead: str = Field(
        "",
        description="The bot's words before this quote, where a quote after the first needs its own: a "
        "later part's section or that the page does not state what that part asked, the vision's adoption, "
        "or, apart from a list's items, where the page states a count of them in its own words.",
    )
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
    title: str = Field(description="What the link is about, as the page writes it (Swedish).")
    text: str = Field(description="The whole line as the page writes it.")
    url: str | None = Field(description="Where it goes, when the page's metadata knows; never guessed.")
    label: str = Field("", description="The line in the answer's language.")


class SourceLine(_Out):
    """Where the quotes come from, as one line in the answer's language and as its parts."""

    text: str = Field(description="The whole line, in the answer's language.")
    document: str
    publisher: str
    url: str | None
    last_modified: str | None = Field(None, description="ISO date.")
    doc_version: str | None = None


class Pointer(_Out):
    """Guidance staff wrote for a topic the page does not cover: not the vision text, and labelled so."""

    topic: str
    text: str = Field(description="The guidance in the answer's language.")
    url: str
    provenance: AnswerProvenance = "original"


class Answer(_Out):
    """What `POST /v1/chat` returns and `kiruna-bot ask --json` prints."""

    kind: Kind = "answer"
    answered: bool = Field(description="True only when `kind` is `answer`: the page answers the question.")
    lang: str
    detected_lang: str | None
    detected_confidence: float | None = Field(
        None, description="How sure the language detector was of `detected_lang`, 0–1 (for staff)."
    )
    lead: str = Field("", description="The bot's own first words, in the answer's language.")
    answer: str = Field(description="The whole answer as plain text, in the answer's language.")
    quote: Quote | None
    sources: list[Source]
    translation: TranslationInfo
    id: str = Field("", description="Identifies this answer, for feedback.")
    dir: Direction = Field("ltr", description="Script direction of the answer language.")
    quotes: list[Quote] = Field(default_factory=list)
    related: list[RelatedLink] = Field(default_factory=list)
    source: SourceLine | None = None
    pointer: Pointer | None = None
    suggestions: list[str] = Field(default_factory=list, description="Messages the resident may send next.")
    not_answered: list[str] = Field(
        default_factory=list,
        description="The bot's words for each part of the message the page does not answer, in the answer's language.",
    )
    conversation: str | None = Field(None, description="Send back as `conversation` to continue the conversation.")
    refusal_reason: str | None = None
