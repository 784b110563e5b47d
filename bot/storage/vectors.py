"""Passage vectors in the shared database (`index.embedders.cached.VectorStore`).

Only the corpus's own passages are stored here (page sentences, their translations, headings):
never a resident's question.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models import PassageVectorRow
from index.embedders.base import Vectors

_CHUNK = 500  # keys per query: well below every engine's limit on bound parameters


class DatabaseVectorStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get_many(self, embedder_id: str, keys: list[str]) -> dict[str, Vectors]:
        out: dict[str, Vectors] = {}
        with self._db.session() as s:
            for i in range(0, len(keys), _CHUNK):
                rows = s.execute(
                    select(PassageVectorRow.text_hash, PassageVectorRow.vector).where(
                        PassageVectorRow.embedder_id == embedder_id,
                        PassageVectorRow.text_hash.in_(keys[i : i + _CHUNK]),
                    )
                ).all()
                for key, blob in rows:
                    out[str(key)] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_many(self, embedder_id: str, vectors: dict[str, Vectors]) -> None:
        blobs = {k: np.asarray(v, dtype=np.float32).tobytes() for k, v in vectors.items()}
        try:
            with self._db.session() as s:
                s.add_all(PassageVectorRow(embedder_id=embedder_id, text_hash=k, vector=b) for k, b in blobs.items())
        except IntegrityError:  # another worker stored some of them first: store the rest one by one
            for key, blob in blobs.items():
                try:
                    with self._db.session() as s:
                        if s.get(PassageVectorRow, (embedder_id, key)) is None:
                            s.add(PassageVectorRow(embedder_id=embedder_id, text_hash=key, vector=blob))
                except IntegrityError:
                    continue
