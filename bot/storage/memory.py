"""The translation memory: every translation of a Swedish text, keyed by a hash of that text.

A translation is looked up by the hash of the exact Swedish text it translates, so an edited
sentence finds none of its old translations: they stay in the table, flagged stale for staff,
and are never served as current.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.health import StorageHealth
from bot.storage.models import TranslationRow
from corpus.curated_translations import CuratedTranslation, source_hash


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class MemoryEntry:
    id: int
    source_text: str
    lang: str
    text: str
    provider: str
    reviewed: bool
    reviewer: str | None
    reviewed_at: datetime | None
    updated_at: datetime

    @property
    def provenance(self) -> Literal["reviewed", "unreviewed", "machine"]:
        """reviewed, unreviewed or machine: what a resident is told about this translation."""
        if self.reviewed:
            return "reviewed"
        return "machine" if self.provider not in ("curated", "staff") else "unreviewed"

    @classmethod
    def of(cls, row: TranslationRow) -> MemoryEntry:
        return cls(
            row.id,
            row.source_text,
            row.lang,
            row.text,
            row.provider,
            row.reviewed,
            row.reviewer,
            row.reviewed_at,
            row.updated_at,
        )


class TranslationMemory:
    VERSION_TTL = 1.0  # seconds a version read is reused: other workers' edits show within it

    def __init__(self, db: Database) -> None:
        self._db = db
        self._version: tuple[float, tuple[int, str]] | None = None

    @property
    def health(self) -> StorageHealth:
        return self._db.health

    def version(self) -> tuple[int, str]:
        """Changes whenever a translation is added or changed, by this worker or another."""
        now = time.monotonic()
        if self._version is None or now - self._version[0] > self.VERSION_TTL:
            with self._db.session() as s:
                count, latest = s.execute(select(func.count(), func.max(TranslationRow.updated_at))).one()
            self._version = (now, (int(count), str(latest)))
        return self._version[1]

    def _touched(self) -> None:
        self._version = None

    def get_many(self, sources: Iterable[str], lang: str) -> dict[str, MemoryEntry]:
        """Current translations of the given Swedish texts into `lang`, by Swedish text."""
        by_hash = {source_hash(s): s for s in sources}
        if not by_hash:
            return {}
        with self._db.session() as s:
            rows = s.scalars(
                select(TranslationRow).where(TranslationRow.lang == lang, TranslationRow.source_hash.in_(by_hash))
            ).all()
            return {by_hash[r.source_hash]: MemoryEntry.of(r) for r in rows}

    def _stored(self, lang: str) -> set[str]:
        """The source hashes that have a translation into `lang` (hashes only: no rows to load)."""
        with self._db.session() as s:
            return set(s.scalars(select(TranslationRow.source_hash).where(TranslationRow.lang == lang)))

    def get(self, source: str, lang: str) -> MemoryEntry | None:
        return self.get_many([source], lang).get(source)

    def add(
        self, source: str, lang: str, text: str, provider: str, *, reviewed: bool = False, reviewer: str | None = None
    ) -> MemoryEntry:
        """Store a translation unless one exists; either way return what the memory now holds."""
        now = _now()
        row = TranslationRow(
            source_hash=source_hash(source),
            source_text=source,
            lang=lang,
            text=text,
            provider=provider,
            created_at=now,
            updated_at=now,
            reviewed=reviewed,
            reviewer=reviewer,
            reviewed_at=now if reviewed else None,
        )
        try:
            with self._db.session() as s:
                s.add(row)
        except IntegrityError:
            pass  # another worker stored it first: keep theirs
        self._touched()
        entry = self.get(source, lang)
        if entry is None:  # pragma: no cover - the row exists after either branch
            raise RuntimeError("translation vanished after insert")
        return entry

    def seed(self, translations: Iterable[CuratedTranslation]) -> int:
        """Load curated translations the memory does not have yet; never overwrite staff's work.

        Runs at every start of every worker: one lookup per language, not one per segment.
        """
        by_lang: dict[str, list[CuratedTranslation]] = {}
        for tr in translations:
            by_lang.setdefault(tr.lang, []).append(tr)
        added = 0
        for lang, items in by_lang.items():
            hashes = {tr.source: source_hash(tr.source) for tr in items}
            have = self._stored(lang)
            missing = list({tr.source: tr for tr in items if hashes[tr.source] not in have}.values())
            if not missing:
                continue
            now = _now()
            try:  # one transaction for a fresh database; row by row when another worker seeds too
                with self._db.session() as s:
                    s.add_all(
                        TranslationRow(
                            source_hash=source_hash(tr.source),
                            source_text=tr.source,
                            lang=lang,
                            text=tr.text,
                            provider="curated",
                            created_at=now,
                            updated_at=now,
                            reviewed=tr.reviewed,
                            reviewer=tr.reviewer,
                            reviewed_at=now if tr.reviewed else None,
                        )
                        for tr in missing
                    )
            except IntegrityError:
                for tr in missing:
                    self.add(tr.source, lang, tr.text, "curated", reviewed=tr.reviewed, reviewer=tr.reviewer)
            self._touched()
            added += len(missing)
        return added

    def put(self, source: str, lang: str, text: str, provider: str, *, reviewed: bool, reviewer: str | None) -> None:
        """Insert or replace (imports: the file wins)."""
        existing = self.get(source, lang)
        self._touched()
        if existing is None:
            self.add(source, lang, text, provider, reviewed=reviewed, reviewer=reviewer)
            return
        now = _now()
        with self._db.session() as s:
            s.execute(
                update(TranslationRow)
                .where(TranslationRow.id == existing.id)
                .values(
                    text=text,
                    provider=provider,
                    reviewed=reviewed,
                    reviewer=reviewer,
                    reviewed_at=now if reviewed else None,
                    updated_at=now,
                )
            )

    def edit(self, entry_id: int, text: str) -> MemoryEntry:
        """Staff's correction: their text, not yet approved."""
        self._touched()
        with self._db.session() as s:
            row = s.get(TranslationRow, entry_id)
            if row is None:
                raise KeyError(entry_id)
            row.text, row.provider, row.reviewed, row.reviewer, row.reviewed_at = text, "staff", False, None, None
            row.updated_at = _now()
            return MemoryEntry.of(row)

    def approve(self, entry_id: int, reviewer: str) -> MemoryEntry:
        self._touched()
        with self._db.session() as s:
            row = s.get(TranslationRow, entry_id)
            if row is None:
                raise KeyError(entry_id)
            row.reviewed, row.reviewer, row.reviewed_at = True, reviewer, _now()
            row.updated_at = row.reviewed_at
            return MemoryEntry.of(row)

    def approve_many(self, entry_ids: Sequence[int], reviewer: str) -> list[MemoryEntry]:
        """Approve several entries in one transaction: all or none (KeyError lists unknown ids).

        Each entry is recorded with the reviewer and the time; one already reviewed keeps its
        reviewer, so approving a whole section never rewrites who checked what.
        """
        ids = list(dict.fromkeys(entry_ids))
        self._touched()
        with self._db.session() as s:
            rows = {r.id: r for r in s.scalars(select(TranslationRow).where(TranslationRow.id.in_(ids))).all()}
            missing = [i for i in ids if i not in rows]
            if missing:
                raise KeyError(missing)
            now = _now()
            for row in rows.values():
                if not row.reviewed:
                    row.reviewed, row.reviewer, row.reviewed_at, row.updated_at = True, reviewer, now, now
            return [MemoryEntry.of(rows[i]) for i in ids]

    def entries(self, lang: str | None = None, *, unreviewed_only: bool = False) -> list[MemoryEntry]:
        with self._db.session() as s:
            q = select(TranslationRow).order_by(TranslationRow.lang, TranslationRow.id)
            if lang:
                q = q.where(TranslationRow.lang == lang)
            if unreviewed_only:
                q = q.where(TranslationRow.reviewed.is_(False))
            return [MemoryEntry.of(r) for r in s.scalars(q).all()]

    def counts(self) -> dict[str, int]:
        with self._db.session() as s:
            rows = s.execute(select(TranslationRow.lang, func.count()).group_by(TranslationRow.lang)).all()
            return {lang: int(n) for lang, n in rows}
