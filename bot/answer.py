"""The answer object: what the chat endpoint returns and `kiruna-bot ask --json` prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
    provider: str
    available: bool
    reviewed: bool


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
    quotes: list[Quote] = field(default_factory=list)
    related: list[RelatedLinkOut] = field(default_factory=list)
    refusal_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
