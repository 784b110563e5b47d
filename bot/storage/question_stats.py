"""What the question log says about passages and refusals, for the content desk.

Reads only what `bot.storage.questions.QuestionLog` stored: redacted texts, languages, and the
passage each answer quoted.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from bot.storage.db import Database
from bot.storage.models import QuestionRow


@dataclass(frozen=True)
class AnsweredFrom:
    chunk_id: str
    count: int
    examples: list[str]  # redacted question texts, newest first


def answered_from(db: Database, chunk_ids: set[str], examples: int = 5) -> list[AnsweredFrom]:
    """Per passage, how many logged answers quoted it, with a few of the questions."""
    if not chunk_ids:
        return []
    out = []
    with db.session() as s:
        counts = s.execute(
            select(QuestionRow.chunk_id, func.count())
            .where(QuestionRow.answered.is_(True), QuestionRow.chunk_id.in_(sorted(chunk_ids)))
            .group_by(QuestionRow.chunk_id)
        ).all()
        for chunk_id, count in sorted(counts, key=lambda r: (-int(r[1]), str(r[0]))):
            texts = s.scalars(
                select(QuestionRow.text)
                .where(QuestionRow.answered.is_(True), QuestionRow.chunk_id == chunk_id)
                .order_by(QuestionRow.created_at.desc())
                .limit(examples)
            ).all()
            out.append(AnsweredFrom(str(chunk_id), int(count), [str(t) for t in texts]))
    return out


def refused(db: Database, limit: int = 1000) -> list[tuple[str, str, int]]:
    """The most frequent refused questions: (redacted text as asked, language, how often), across languages."""
    with db.session() as s:
        rows = s.execute(
            select(func.min(QuestionRow.text), QuestionRow.lang, func.count())
            .where(QuestionRow.answered.is_(False))
            .group_by(func.lower(QuestionRow.text), QuestionRow.lang)
            .order_by(func.count().desc())
            .limit(limit)
        ).all()
    return [(str(t), str(lang), int(n)) for t, lang, n in rows]
