"""What residents asked, as stored: redacted text, language, answered or not, and their feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select

from bot.storage.db import Database, dialect_insert
from bot.storage.health import StorageHealth
from bot.storage.models import FeedbackRow, QuestionRow


@dataclass(frozen=True)
class LoggedQuestion:
    id: str
    created_at: datetime
    text: str
    lang: str
    detected_lang: str | None
    answered: bool
    chunk_id: str | None
    helpful: int  # thumbs up
    unhelpful: int  # thumbs down


class QuestionLog:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._insert = dialect_insert(db.engine)

    @property
    def health(self) -> StorageHealth:
        return self._db.health

    def record(
        self,
        answer_id: str,
        redacted_text: str,
        lang: str,
        detected_lang: str | None,
        answered: bool,
        chunk_id: str | None,
        score: float | None,
        translation_provider: str | None,
    ) -> None:
        with self._db.session() as s:
            s.add(
                QuestionRow(
                    id=answer_id,
                    created_at=datetime.now(UTC),
                    text=redacted_text,
                    lang=lang,
                    detected_lang=detected_lang,
                    answered=answered,
                    chunk_id=chunk_id,
                    score=score,
                    translation_provider=translation_provider,
                )
            )

    def exists(self, answer_id: str) -> bool:
        with self._db.session() as s:
            return s.get(QuestionRow, answer_id) is not None

    def feedback(self, answer_id: str, helpful: bool) -> None:
        """Store a thumbs up or down for an answer, replacing an earlier one; KeyError if the answer is unknown."""
        now = datetime.now(UTC)
        table: Any = FeedbackRow.__table__
        stmt: Any = self._insert(table).values(answer_id=answer_id, created_at=now, helpful=helpful)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.answer_id], set_={"helpful": helpful, "created_at": stmt.excluded.created_at}
        )
        with self._db.session() as s:
            if s.get(QuestionRow, answer_id) is None:
                raise KeyError(answer_id)
            s.execute(stmt)

    def recent(self, limit: int = 200, lang: str | None = None, answered: bool | None = None) -> list[LoggedQuestion]:
        with self._db.session() as s:
            q = (
                select(
                    QuestionRow,
                    func.count(FeedbackRow.id).filter(FeedbackRow.helpful.is_(True)),
                    func.count(FeedbackRow.id).filter(FeedbackRow.helpful.is_(False)),
                )
                .outerjoin(FeedbackRow, FeedbackRow.answer_id == QuestionRow.id)
                .group_by(QuestionRow.id)
                .order_by(QuestionRow.created_at.desc())
                .limit(limit)
            )
            if lang:
                q = q.where(QuestionRow.lang == lang)
            if answered is not None:
                q = q.where(QuestionRow.answered.is_(answered))
            return [
                LoggedQuestion(
                    r.id, r.created_at, r.text, r.lang, r.detected_lang, r.answered, r.chunk_id, int(u), int(d)
                )
                for r, u, d in s.execute(q).all()
            ]

    def top_unanswered(self, limit: int = 10) -> dict[str, list[tuple[str, int]]]:
        """Per language, the most frequent refused questions (by their case-folded text)."""
        with self._db.session() as s:
            rows = s.execute(
                select(QuestionRow.lang, func.lower(QuestionRow.text), func.count())
                .where(QuestionRow.answered.is_(False))
                .group_by(QuestionRow.lang, func.lower(QuestionRow.text))
                .order_by(func.count().desc())
            ).all()
        out: dict[str, list[tuple[str, int]]] = {}
        for lang, text, n in rows:
            if len(out.setdefault(lang, [])) < limit:
                out[lang].append((text, int(n)))
        return out

    def purge(self, older_than_days: int, now: datetime | None = None) -> int:
        """Delete questions (and their feedback) older than the retention period."""
        cutoff = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
        with self._db.session() as s:
            old = select(QuestionRow.id).where(QuestionRow.created_at < cutoff)
            s.execute(delete(FeedbackRow).where(FeedbackRow.answer_id.in_(old)))
            result = s.execute(delete(QuestionRow).where(QuestionRow.created_at < cutoff))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
