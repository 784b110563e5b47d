"""Eval cases staff saved from the console; run together with the built-in eval set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from bot.storage.db import Database
from bot.storage.models import EvalCaseRow


@dataclass(frozen=True)
class SavedCase:
    id: int
    lang: str
    question: str
    answer: str | None
    created_at: datetime
    created_by: str | None


class EvalCaseStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, lang: str, question: str, answer: str | None, created_by: str | None) -> SavedCase:
        with self._db.session() as s:
            row = EvalCaseRow(
                created_at=datetime.now(UTC), lang=lang, question=question, answer=answer, created_by=created_by
            )
            s.add(row)
            s.flush()
            return SavedCase(row.id, row.lang, row.question, row.answer, row.created_at, row.created_by)

    def all(self) -> list[SavedCase]:
        with self._db.session() as s:
            rows = s.scalars(select(EvalCaseRow).order_by(EvalCaseRow.id)).all()
            return [SavedCase(r.id, r.lang, r.question, r.answer, r.created_at, r.created_by) for r in rows]
