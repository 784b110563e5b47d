"""A `limits` storage backend in the bot's own database, so every worker and host counts together.

The bot already shares one database between its workers (SQLite with WAL on one host, PostgreSQL
across hosts); keeping the counters there needs no extra service. Each increment is one atomic
upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), which both engines support.
"""

from __future__ import annotations

import time
from typing import Any

from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.exc import SQLAlchemyError

from bot.storage.db import Database, dialect_insert
from bot.storage.models import RateLimitRow


class DatabaseStorage(Storage):
    STORAGE_SCHEME = ["kiruna-db"]  # noqa: RUF012 - the base class declares it a list

    def __init__(self, db: Database) -> None:
        super().__init__(uri=None, wrap_exceptions=False)
        self._db = db
        self._insert = dialect_insert(db.engine)

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        table: Any = RateLimitRow.__table__
        insert: Any = self._insert(table).values(key=key, count=amount, expires_at=now + expiry)
        expired = table.c.expires_at <= now
        stmt = insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((expired, amount), else_=table.c.count + amount),
                "expires_at": case((expired, now + expiry), else_=table.c.expires_at),
            },
        ).returning(table.c.count)
        with self._db.session() as s:
            return int(s.execute(stmt).scalar_one())

    def get(self, key: str) -> int:
        with self._db.session() as s:
            row = s.get(RateLimitRow, key)
            return row.count if row is not None and row.expires_at > time.time() else 0

    def get_expiry(self, key: str) -> float:
        with self._db.session() as s:
            row = s.get(RateLimitRow, key)
            return row.expires_at if row is not None else time.time()

    def check(self) -> bool:
        try:
            with self._db.session() as s:
                s.execute(select(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self._db.session() as s:
            return int(s.execute(delete(RateLimitRow)).rowcount or 0)  # type: ignore[attr-defined]

    def clear(self, key: str) -> None:
        with self._db.session() as s:
            s.execute(delete(RateLimitRow).where(RateLimitRow.key == key))

    def purge_expired(self) -> int:
        with self._db.session() as s:
            result = s.execute(delete(RateLimitRow).where(RateLimitRow.expires_at <= time.time()))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
