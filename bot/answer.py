"""The answer object: what the chat endpoint returns and `kiruna-bot ask --json` prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class QuoteTranslationOut:
    """The quote in the answer's language, and where that translation comes from."""

    lang: str
    text: str
    provenance: str  # reviewed, unreviewed or machine
    provider: str  # memory or the provider's name


@dataclass(frozen=True)
class Quote:
    """A verbatim span of the cleaned corpus, with what a resident needs to judge it."""

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
    translation: QuoteTranslationOut | None = None
    fallback: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    id: str
    section: str
    text: str
    score: float
    dense: float
    lexical: float


@dataclass(frozen=True)
class TranslationInfo:
    provider: str  # source (Swedish asked), memory, google, none
    available: bool
    reviewed: bool
    provenance: str | None = None  # original, reviewed, unreviewed, machine
    notice: str | None = None


@dataclass(frozen=True)
class RelatedLinkOut:
    title: str
    text: str
    url: str | None


@dataclass
class Answer:
    answered: bool
    lang: str
    detected_lang: str | None
    answer: str
    quote: Quote | None
    sources: list[Source]
    translation: TranslationInfo
    id: str = ""
    dir: str = "ltr"
    quotes: list[Quote] = field(default_factory=list)
    related: list[RelatedLinkOut] = field(default_factory=list)
    refusal_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
