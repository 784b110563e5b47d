"""Tables. Changes to them go through a new Alembic migration."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A moment, stored and returned in UTC with its zone (SQLite keeps no zone: it is put back on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class TranslationRow(Base):
    """One translation of one Swedish source text into one language."""

    __tablename__ = "translations"
    __table_args__ = (UniqueConstraint("source_hash", "lang", name="uq_translation_source_lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(String(32))  # curated, google, staff
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class QuestionRow(Base):
    """A resident's question as stored: redacted text only, and what the bot did with it."""

    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(16))
    detected_lang: Mapped[str | None] = mapped_column(String(16), nullable=True)
    answered: Mapped[bool] = mapped_column(Boolean)
    chunk_id: Mapped[str | None] = mapped_column(String(300), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    translation_provider: Mapped[str | None] = mapped_column(String(32), nullable=True)


class FeedbackRow(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # one vote per answer: a resident who changes their mind replaces their vote
    answer_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("questions.id", ondelete="CASCADE"), index=True, unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    helpful: Mapped[bool] = mapped_column(Boolean)


class EvalCaseRow(Base):
    """A question staff saved with the sentence that should answer it."""

    __tablename__ = "eval_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lang: Mapped[str] = mapped_column(String(16))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class RateLimitRow(Base):
    """A fixed-window counter of the `limits` library, keyed by limit and hashed client."""

    __tablename__ = "rate_limits"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float, index=True)


class DocumentVersionRow(Base):
    """One imported version of a document: its cleaned text and metadata, never changed afterwards."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("doc_id", "number", name="uq_document_version_number"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # a hash of the content
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 … per document, in import order
    format: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[str] = mapped_column(Text)  # JSON: title, publisher, links with URLs, decision lines …
    origin: Mapped[str] = mapped_column(String(2000))  # seed, a file name or a URL
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_by: Mapped[str] = mapped_column(String(200))


class DocumentRow(Base):
    """A document the bot answers from, and which of its versions is published."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    version_id: Mapped[str] = mapped_column(String(32), ForeignKey("document_versions.id"))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_by: Mapped[str] = mapped_column(String(200))


class PublicationRow(Base):
    """A publish or rollback: requested, built in the background, then published (or failed)."""

    __tablename__ = "publications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    version_id: Mapped[str] = mapped_column(String(32), ForeignKey("document_versions.id"))
    action: Mapped[str] = mapped_column(String(16))  # seed, publish, rollback
    state: Mapped[str] = mapped_column(String(16), index=True)  # building, published, failed
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class TopicRow(Base):
    """Where to turn for a topic the page does not cover: staff's Swedish text and a link."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    examples: Mapped[str] = mapped_column(Text)  # JSON list of example questions, any language
    text: Mapped[str] = mapped_column(Text)  # Swedish; translated through the translation memory
    url: Mapped[str] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(16))  # draft, active
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200))


class PassageVectorRow(Base):
    """A passage's embedding, by embedder and text hash: a new version re-embeds only what changed."""

    __tablename__ = "passage_vectors"

    embedder_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
