"""Documents in the database: every imported version, which one is published, and the publication log.

After the first start the database, not the committed files, is the source of the corpus, so
every worker and host answers from the same published versions. A version is never changed once
stored; publishing or rolling back only moves a document's pointer, in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models import DocumentRow, DocumentVersionRow, PublicationRow
from corpus.sources import DocumentSource

# A publication still "building" after this long was abandoned (its process ended): not in the way.
ABANDONED_AFTER = timedelta(minutes=15)
_NUMBER_RETRIES = 5

PublishedState = tuple[tuple[str, str], ...]  # (document id, published version id), sorted


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands timestamps back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class StoredVersion:
    id: str
    doc_id: str
    number: int
    source: DocumentSource
    origin: str
    imported_at: datetime
    imported_by: str

    @classmethod
    def of(cls, row: DocumentVersionRow) -> StoredVersion:
        source = DocumentSource.from_json(row.doc_id, row.format, row.text, json.loads(row.meta))
        return cls(row.id, row.doc_id, row.number, source, row.origin, _aware(row.imported_at), row.imported_by)


@dataclass(frozen=True)
class Publication:
    id: int
    doc_id: str
    version_id: str
    action: str
    state: str
    requested_by: str
    requested_at: datetime
    finished_at: datetime | None
    error: str | None

    @classmethod
    def of(cls, row: PublicationRow) -> Publication:
        return cls(
            row.id,
            row.doc_id,
            row.version_id,
            row.action,
            row.state,
            row.requested_by,
            _aware(row.requested_at),
            _aware(row.finished_at) if row.finished_at else None,
            row.error,
        )


class PublishConflict(RuntimeError):
    """Another publish is being built: one at a time, so the order of publications is the order asked."""


class DocumentStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- versions -------------------------------------------------------------------------------

    def add(self, source: DocumentSource, origin: str, by: str) -> tuple[StoredVersion, bool]:
        """Store a version unless the same content is stored already; returns it and whether it is new."""
        version_id = source.version_id
        existing = self.find(version_id)
        if existing is not None:
            return existing, False
        for _ in range(_NUMBER_RETRIES):
            try:
                with self._db.session() as s:
                    number = (
                        s.scalar(
                            select(func.max(DocumentVersionRow.number)).where(
                                DocumentVersionRow.doc_id == source.doc_id
                            )
                        )
                        or 0
                    ) + 1
                    row = DocumentVersionRow(
                        id=version_id,
                        doc_id=source.doc_id,
                        number=number,
                        format=source.format,
                        text=source.text,
                        meta=json.dumps(source.meta_json(), ensure_ascii=False, sort_keys=True),
                        origin=origin[:2000],
                        imported_at=_now(),
                        imported_by=by[:200],
                    )
                    s.add(row)
                    s.flush()
                    return StoredVersion.of(row), True
            except IntegrityError:
                existing = self.find(version_id)  # stored meanwhile by another worker
                if existing is not None:
                    return existing, False
        raise RuntimeError(f"could not number a new version of {source.doc_id}")  # pragma: no cover

    def find(self, version_id: str) -> StoredVersion | None:
        with self._db.session() as s:
            row = s.get(DocumentVersionRow, version_id)
            return StoredVersion.of(row) if row is not None else None

    def version(self, version_id: str) -> StoredVersion:
        """The version with this id; KeyError when there is none."""
        found = self.find(version_id)
        if found is None:
            raise KeyError(version_id)
        return found

    def versions(self, doc_id: str | None = None) -> list[StoredVersion]:
        """Versions, newest first."""
        with self._db.session() as s:
            q = select(DocumentVersionRow).order_by(DocumentVersionRow.doc_id, DocumentVersionRow.number.desc())
            if doc_id is not None:
                q = q.where(DocumentVersionRow.doc_id == doc_id)
            return [StoredVersion.of(r) for r in s.scalars(q).all()]

    # -- what is published ------------------------------------------------------------------------

    def published(self) -> PublishedState:
        """Each document's published version: one small query, read by every worker once a second."""
        with self._db.session() as s:
            rows = s.execute(select(DocumentRow.id, DocumentRow.version_id).order_by(DocumentRow.id)).all()
            return tuple((str(d), str(v)) for d, v in rows)

    def published_versions(self) -> list[StoredVersion]:
        with self._db.session() as s:
            rows = s.scalars(
                select(DocumentVersionRow)
                .join(DocumentRow, DocumentRow.version_id == DocumentVersionRow.id)
                .order_by(DocumentVersionRow.doc_id)
            ).all()
            return [StoredVersion.of(r) for r in rows]

    def is_empty(self) -> bool:
        with self._db.session() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) == 0

    def seed(self, sources: list[DocumentSource]) -> bool:
        """Store and publish the committed documents, once, when no document is published yet.

        Several workers may start at once on an empty database: the first to publish wins and
        the others find the same (content-addressed) versions published.
        """
        if not self.is_empty():
            return False
        stored = [self.add(source, "seed", "seed")[0] for source in sources]
        try:
            with self._db.session() as s:
                if s.scalar(select(func.count()).select_from(DocumentRow)):
                    return False
                now = _now()
                for v in stored:
                    s.add(DocumentRow(id=v.doc_id, version_id=v.id, published_at=now, published_by="seed"))
                    s.add(
                        PublicationRow(
                            doc_id=v.doc_id,
                            version_id=v.id,
                            action="seed",
                            state="published",
                            requested_by="seed",
                            requested_at=now,
                            finished_at=now,
                        )
                    )
        except IntegrityError:
            return False
        return True

    # -- publishing ---------------------------------------------------------------------------------

    def start_publication(self, version_id: str, action: str, by: str) -> Publication:
        """Record a publish or rollback as building; `PublishConflict` while another one is building."""
        version = self.version(version_id)
        with self._db.session() as s:
            cutoff = _now() - ABANDONED_AFTER
            busy = s.scalars(
                select(PublicationRow).where(PublicationRow.state == "building", PublicationRow.requested_at > cutoff)
            ).first()
            if busy is not None:
                raise PublishConflict(
                    f"version {busy.version_id} of {busy.doc_id} is being published; wait until it is done"
                )
            row = PublicationRow(
                doc_id=version.doc_id,
                version_id=version.id,
                action=action,
                state="building",
                requested_by=by[:200],
                requested_at=_now(),
            )
            s.add(row)
            s.flush()
            return Publication.of(row)

    def finish_publication(self, publication_id: int, error: str | None = None) -> Publication:
        """Mark it published (moving the document's pointer in the same transaction) or failed."""
        with self._db.session() as s:
            row = s.get(PublicationRow, publication_id)
            if row is None:
                raise KeyError(publication_id)
            now = _now()
            row.finished_at = now
            if error is not None:
                row.state, row.error = "failed", error[:4000]
                return Publication.of(row)
            row.state = "published"
            doc = s.get(DocumentRow, row.doc_id)
            if doc is None:
                s.add(
                    DocumentRow(
                        id=row.doc_id, version_id=row.version_id, published_at=now, published_by=row.requested_by
                    )
                )
            else:
                s.execute(
                    update(DocumentRow)
                    .where(DocumentRow.id == row.doc_id)
                    .values(version_id=row.version_id, published_at=now, published_by=row.requested_by)
                )
            return Publication.of(row)

    def publications(self, limit: int = 50) -> list[Publication]:
        """The newest publications first."""
        with self._db.session() as s:
            rows = s.scalars(select(PublicationRow).order_by(PublicationRow.id.desc()).limit(limit)).all()
            return [Publication.of(r) for r in rows]

    def publication(self, publication_id: int) -> Publication:
        with self._db.session() as s:
            row = s.get(PublicationRow, publication_id)
            if row is None:
                raise KeyError(publication_id)
            return Publication.of(row)
