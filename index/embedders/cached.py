"""Passage embeddings remembered by text, so a new version of a page embeds only what changed.

Embedding the whole corpus in twelve languages takes the real model about 20 s on two cores; a
new version changes a handful of sentences. With the vectors kept in a shared store (the bot's
database), publishing builds its index in about a second, and another host that has not built
that version yet builds it from the stored vectors without embedding anything.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

import numpy as np

from index.embedders.base import Embedder, Vectors, Wrapping

# Passages embedded per call when the store lacks them: small, so a question waiting for the same
# model (one thread serves both) waits for one small batch at most, never for a whole build.
MISS_BATCH = 8


class VectorStore(Protocol):
    def get_many(self, embedder_id: str, keys: list[str]) -> dict[str, Vectors]: ...

    def put_many(self, embedder_id: str, vectors: dict[str, Vectors]) -> None: ...


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedEmbedder(Wrapping):
    """An `Embedder` whose passage vectors come from the store when it has them."""

    def __init__(self, inner: Embedder, store: VectorStore) -> None:
        super().__init__(inner)
        self._store = store
        self.embedded = 0  # passages the model embedded (the rest came from the store)

    def embed_passages(self, texts: list[str]) -> Vectors:
        keys = [text_key(t) for t in texts]
        found = self._store.get_many(self.id, sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        for i in range(0, len(missing), MISS_BATCH):
            batch = missing[i : i + MISS_BATCH]
            vectors = self._inner.embed_passages([t for _, t in batch])
            fresh = {k: vectors[j] for j, (k, _) in enumerate(batch)}
            self._store.put_many(self.id, fresh)
            found.update(fresh)
            self.embedded += len(batch)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32, copy=False)


def cached_queries(embedder: Embedder, store: VectorStore, texts: list[str]) -> Vectors:
    """Question vectors of fixed reference texts (never residents' questions), kept in the store."""
    return CachedEmbedder(_AsPassages(embedder), store).embed_passages(texts)


class _AsPassages(Wrapping):
    """An embedder whose "passages" are questions: for reference questions compared with questions."""

    @property
    def id(self) -> str:
        return f"{self._inner.id}#query"

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._inner.embed_queries(texts)
