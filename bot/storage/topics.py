"""Staff's pointers for topics the page does not cover: a name, example questions, a Swedish text, a link.

A topic is a draft until staff make it active; only active topics are offered to residents.
Its Swedish text is translated like the page's sentences, through the translation memory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select

from bot.storage.db import Database
from bot.storage.models import TopicRow

TopicStatus = Literal["draft", "active"]
STATUSES: tuple[TopicStatus, ...] = ("draft", "active")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Topic:
    id: int
    name: str
    examples: tuple[str, ...]
    text: str
    url: str
    status: TopicStatus
    created_at: datetime
    updated_at: datetime
    updated_by: str

    @classmethod
    def of(cls, row: TopicRow) -> Topic:
        status: TopicStatus = "active" if row.status == "active" else "draft"
        return cls(
            row.id,
            row.name,
            tuple(json.loads(row.examples)),
            row.text,
            row.url,
            status,
            _aware(row.created_at),
            _aware(row.updated_at),
            row.updated_by,
        )


@dataclass(frozen=True)
class TopicDraft:
    """What staff write for a topic."""

    name: str
    examples: tuple[str, ...]
    text: str
    url: str
    status: TopicStatus = "draft"


class TopicStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self, status: TopicStatus | None = None) -> list[Topic]:
        with self._db.session() as s:
            q = select(TopicRow).order_by(TopicRow.id)
            if status is not None:
                q = q.where(TopicRow.status == status)
            return [Topic.of(r) for r in s.scalars(q).all()]

    def get(self, topic_id: int) -> Topic:
        with self._db.session() as s:
            row = s.get(TopicRow, topic_id)
            if row is None:
                raise KeyError(topic_id)
            return Topic.of(row)

    def add(self, draft: TopicDraft, by: str) -> Topic:
        now = datetime.now(UTC)
        with self._db.session() as s:
            row = TopicRow(
                name=draft.name,
                examples=json.dumps(list(draft.examples), ensure_ascii=False),
                text=draft.text,
                url=draft.url,
                status=draft.status,
                created_at=now,
                updated_at=now,
                updated_by=by[:200],
            )
            s.add(row)
            s.flush()
            return Topic.of(row)

    def update(self, topic_id: int, draft: TopicDraft, by: str) -> Topic:
        with self._db.session() as s:
            row = s.get(TopicRow, topic_id)
            if row is None:
                raise KeyError(topic_id)
            row.name, row.text, row.url, row.status = draft.name, draft.text, draft.url, draft.status
            row.examples = json.dumps(list(draft.examples), ensure_ascii=False)
            row.updated_at, row.updated_by = datetime.now(UTC), by[:200]
            return Topic.of(row)

    def delete(self, topic_id: int) -> None:
        with self._db.session() as s:
            row = s.get(TopicRow, topic_id)
            if row is None:
                raise KeyError(topic_id)
            s.delete(row)

    def version(self) -> tuple[int, str]:
        """Changes whenever a topic is added, changed or deleted, by any worker."""
        with self._db.session() as s:
            count, latest = s.execute(select(func.count(), func.max(TopicRow.updated_at))).one()
            return int(count), str(latest)
